"""A student fills in a worksheet in an editor: the language server shows what ``argmap
check`` says after the problems, how far each blank is filled in, as information on the
blank's own line (its text, the ``___`` to write over), and the count on the header's line
that names the blanks. It said nothing of them: in the editor an untouched worksheet looked
finished."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

from argmap.lsp.diagnostics import diagnostics

from .conftest import run
from .lsptools import covered, document
from .test_exercise import ANSWER, SOURCE
from .test_lsp_server import SERVER, opened, published
from .test_worksheet_selfcheck import _fill

INFO = types.DiagnosticSeverity.Information


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    """A worksheet of two blanks, beside its source, as a teacher's ``argmap exercise``
    writes it."""
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "answer.yaml").write_text(ANSWER, encoding="utf-8")
    out = tmp_path / "worksheet.yaml"
    made = run("exercise", str(tmp_path / "answer.yaml"), "--blank", "corridors,office",
               "-o", str(out), "-f", "svg")  # fmt: skip
    assert made.exit_code == 0, made.output
    return out


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
    )
    yield
    await lsp_client.shutdown_session()


def _told(doc, found: list[types.Diagnostic]) -> list[tuple[int, str, str]]:
    """The information shown: its line (0-based), what it covers, its message."""
    return [(d.range.start.line, covered(doc, d.range), d.message)
            for d in found if d.severity == INFO]  # fmt: skip


@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_each_blank_is_told_on_its_line_and_the_count_on_the_header(sheet: Path, bom: str) -> None:
    _fill(sheet, "corridors", "Pupils stop talking.", "pupils scrolling side by side")
    text = sheet.read_text(encoding="utf-8")
    doc = document(bom + text, sheet)
    lines = text.splitlines()
    header = lines.index("# The blanks: corridors, office (argmap check says which are filled in)")
    office = lines.index("  - id: office") + 1  # its text: ___
    corridors = lines.index("  - id: corridors") + 1
    assert lines[office] == "    text: ___" and lines[corridors].endswith("Pupils stop talking.")
    assert _told(doc, diagnostics(doc)) == [
        (header, lines[header], "worksheet: 1 of 2 blanks filled in"),
        (corridors, "Pupils stop talking.",
         "blank 'corridors': filled in; its quote is found in the source"),
        (office, "___",
         "blank 'office': still blank: write the claim in place of ___ and quote its passage"),
    ]  # fmt: skip
    shown = [d for d in diagnostics(doc) if d.severity == INFO]
    assert all(d.source == "argmap" and d.code is None for d in shown)


def test_a_quote_not_found_is_the_problem_and_the_blank_says_so(sheet: Path) -> None:
    _fill(sheet, "office", "Schools have a phone.", "every schoool has a phone")
    doc = document(sheet.read_text(encoding="utf-8"), sheet)
    found = diagnostics(doc)
    assert [d.code for d in found if d.severity != INFO] == ["AM110"]
    assert "blank 'office': filled in; its quote is not in the source" in [  # on its line
        d.message for d in found
    ]


def test_a_map_that_is_no_worksheet_has_no_such_information(seed_copy: Path) -> None:
    doc = document(seed_copy.read_text(encoding="utf-8"), seed_copy)
    assert diagnostics(doc) == []


@pytest.mark.asyncio
async def test_the_server_publishes_them(client: LanguageClient, sheet: Path) -> None:
    doc = opened(client, sheet, sheet.read_text(encoding="utf-8"))
    found = await published(client, doc.uri, 1)
    assert [d.message for d in found if d.severity == INFO] == [
        "worksheet: 0 of 2 blanks filled in",
        "blank 'corridors': still blank: write the claim in place of ___ and quote its passage",
        "blank 'office': still blank: write the claim in place of ___ and quote its passage",
    ]
