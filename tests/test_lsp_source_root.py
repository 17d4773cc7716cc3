"""The language server's source root: a folder besides the map's project from which maps may
read their source texts, as ``--source-root`` is for the other commands; given to ``argmap
lsp --source-root DIR`` or by the editor (``initializationOptions: {"sourceRoot": DIR}``).
Outside the project and that folder nothing is read (docs/safety.md)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from argmap.cli.check import check
from argmap.cli.lsp import lsp
from argmap.lsp import actions, completion, navigation
from argmap.lsp.diagnostics import diagnostics
from argmap.lsp.document import Document
from argmap.lsp.passages import Sources

from .conftest import run
from .lsptools import after, apply, at

WAIT = 20  # seconds: generous, for a machine shared by several test runs
GOOD = "Grass is green in the long wet summer of the north."
BAD = "Grass is green in the long WET summer of the north."  # case off: a safe fix
TEXT = f"The sky is blue. {GOOD}\nWater is wet.\n"


def corpus_project(tmp_path: Path, quote: str = GOOD) -> Path:
    """A project (with .git) whose map quotes a text in a corpus folder beside the project,
    outside it; the map's path."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "op-ed.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "project" / ".git").mkdir(parents=True)
    (tmp_path / "project" / "maps").mkdir()
    the_map = tmp_path / "project" / "maps" / "m.yaml"
    the_map.write_text(
        "argmap: 1\ntitle: T\nsource:\n  path: ../../corpus/op-ed.txt\npremises:\n"
        f"  - id: a\n    text: A.\n    quotes: {quote}\n",
        encoding="utf-8",
    )
    return the_map


def _option(command: Any, name: str) -> Any:
    return next(p for p in command.params if name in p.opts)


def test_lsp_takes_the_source_root_option_of_the_other_commands() -> None:
    ours, theirs = _option(lsp, "--source-root"), _option(check, "--source-root")
    assert ours.to_info_dict() == theirs.to_info_dict()  # name, help, type, ...
    result = run("lsp", "--help")
    assert result.exit_code == 0
    assert "--source-root DIR" in result.output
    assert "argmap lsp --source-root ../corpus" in result.output  # an example
    assert "sourceRoot" in result.output  # the editor's way to say it


def test_check_reads_the_corpus_only_with_a_source_root(tmp_path: Path) -> None:
    """What the editor must match: the command line, with and without the option."""
    the_map = corpus_project(tmp_path)
    assert "AM117" in run("check", str(the_map)).output
    result = run("check", "--source-root", str(tmp_path / "corpus"), str(the_map))
    assert result.exit_code == 0, result.output


def opened(the_map: Path, root: str | None, text: str | None = None) -> Document:
    body = the_map.read_text(encoding="utf-8") if text is None else text
    return Document(the_map.as_uri(), body, 1, source_root=root)


def test_a_document_with_a_source_root_has_its_quotes_checked(tmp_path: Path) -> None:
    the_map = corpus_project(tmp_path, quote=BAD)
    root = str(tmp_path / "corpus")
    assert [d.code for d in diagnostics(opened(the_map, root))] == ["AM110"]
    [refused] = diagnostics(opened(the_map, None))
    assert refused.code == "AM117"


def test_without_a_source_root_the_editor_is_told_how_to_give_one(tmp_path: Path) -> None:
    the_map = corpus_project(tmp_path)
    [found] = diagnostics(opened(the_map, None))
    assert found.code == "AM117"
    assert "--source-root)" not in found.message  # not the command line's hint alone
    assert '"sourceRoot"' in found.message and "argmap lsp --source-root DIR" in found.message


def test_a_source_root_widens_reading_by_that_folder_only(tmp_path: Path) -> None:
    the_map = corpus_project(tmp_path)
    root = str(tmp_path / "corpus")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "op-ed.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "corpus" / ".env").write_text("TOKEN=secret\n", encoding="utf-8")
    text = the_map.read_text(encoding="utf-8")
    for other in ("../../elsewhere/op-ed.txt", "../../corpus/.env", "/etc/hostname"):
        doc = opened(the_map, root, text.replace("../../corpus/op-ed.txt", other))
        assert [d.code for d in diagnostics(doc)] == ["AM117"], other
        assert Sources(root).for_map(doc.path, other) is None
        assert navigation.definition(doc, at(doc, "Grass", shift=2), Sources(root)) == []


def test_passages_completion_and_fixes_read_the_source_under_the_root(tmp_path: Path) -> None:
    the_map = corpus_project(tmp_path, quote=BAD)
    root = str(tmp_path / "corpus")
    doc = opened(the_map, root)
    quoted = opened(the_map, root, doc.text.replace(BAD, GOOD))
    source = (tmp_path / "corpus" / "op-ed.txt").as_uri()
    [passage] = navigation.definition(quoted, at(quoted, "Grass", shift=2), Sources(root))
    assert passage.uri == source and passage.range.start == types.Position(0, 17)
    assert navigation.definition(quoted, at(quoted, "Grass", shift=2), Sources()) == []
    [fix_all] = actions.fix_all(doc)
    assert fix_all.edit.changes[doc.uri][0].new_text == "wet"
    assert actions.fix_all(opened(the_map, None)) == []
    typing = opened(the_map, root, doc.text.replace(BAD, "water"))
    offered = completion.complete(typing, after(typing, "water"), Sources(root)).items
    assert [item.label for item in offered][:1] == ["Water is wet."]
    unread = completion.complete(typing, after(typing, "water"), Sources()).items
    assert "Water is wet." not in [item.label for item in unread]


# ------------------------------------------------------------------- over stdio


async def diagnosed(
    the_map: Path, arguments: list[str], options: Any = None, root: Path | None = None
) -> tuple[list[types.Diagnostic], list[str]]:
    """Start ``argmap lsp ARGUMENTS`` as an editor does (``options`` its
    initializationOptions, ``root`` its workspace), open the map: its first diagnostics and
    the messages shown to the user."""
    command = [sys.executable, "-m", "argmap", "lsp", *arguments]
    client: LanguageClient = await ClientServerConfig(server_command=command).start()
    try:
        await client.initialize_session(
            types.InitializeParams(
                capabilities=client_capabilities("visual-studio-code"),
                initialization_options=options,
                root_uri=None if root is None else root.as_uri(),
            )
        )
        item = types.TextDocumentItem(the_map.as_uri(), "yaml", 1, the_map.read_text())
        client.text_document_did_open(types.DidOpenTextDocumentParams(item))
        while True:
            params = await asyncio.wait_for(
                client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), WAIT
            )
            if params.uri == item.uri:
                break
        shown = [m.message for m in client.messages]
        errors = [m for m in client.log_messages if m.type == types.MessageType.Error]
        await client.shutdown_session()
    finally:
        await client.stop()
    assert not errors
    return list(params.diagnostics), shown


@pytest.mark.asyncio
async def test_the_server_started_with_source_root_checks_quotes_in_the_corpus(
    tmp_path: Path,
) -> None:
    the_map = corpus_project(tmp_path, quote=BAD)
    found, _ = await diagnosed(the_map, [])
    assert [d.code for d in found] == ["AM117"]
    found, shown = await diagnosed(the_map, ["--source-root", str(tmp_path / "corpus")])
    assert [d.code for d in found] == ["AM110"] and shown == []


@pytest.mark.asyncio
async def test_the_editor_gives_the_source_root_in_its_initialization_options(
    tmp_path: Path,
) -> None:
    the_map = corpus_project(tmp_path, quote=BAD)
    absolute = {"sourceRoot": str(tmp_path / "corpus")}
    assert [d.code for d in (await diagnosed(the_map, [], absolute))[0]] == ["AM110"]
    # A relative folder is relative to the editor's workspace, not to where the server runs.
    relative = {"sourceRoot": "../corpus"}
    found, shown = await diagnosed(the_map, [], relative, tmp_path / "project")
    assert [d.code for d in found] == ["AM110"] and shown == []
    # The editor's setting takes the place of the command line's.
    elsewhere = ["--source-root", str(tmp_path / "project")]
    assert [d.code for d in (await diagnosed(the_map, elsewhere, absolute))[0]] == ["AM110"]


@pytest.mark.asyncio
async def test_a_source_root_that_is_no_folder_name_is_shown_and_not_used(
    tmp_path: Path,
) -> None:
    the_map = corpus_project(tmp_path)
    found, shown = await diagnosed(the_map, [], {"sourceRoot": ["corpus"]})
    assert [d.code for d in found] == ["AM117"]
    [message] = shown
    assert message.startswith("argmap: ") and "sourceRoot" in message


def test_a_source_path_meant_under_the_root_is_offered_as_check_names_it(tmp_path: Path) -> None:
    """AM109 names the path meant under the source root; the quick fix and check --fix with
    --unsafe-fixes (the guess is no safe fix) write that path."""
    the_map = corpus_project(tmp_path)
    text = the_map.read_text(encoding="utf-8").replace("op-ed.txt", "op_ed.txt")
    root = str(tmp_path / "corpus")
    doc = opened(the_map, root, text)
    [problem] = diagnostics(doc)
    assert problem.code == "AM109" and "did you mean '../../corpus/op-ed.txt'?" in problem.message
    [fix] = actions.actions(doc, [problem], Sources(root))
    assert fix.title == "Change to '../../corpus/op-ed.txt'"
    mended = opened(the_map, root, apply(doc, fix.edit.changes[doc.uri]))
    assert diagnostics(mended) == []
    the_map.write_text(text, encoding="utf-8")
    result = run("check", "--fix", "--unsafe-fixes", "--source-root", root, str(the_map))
    assert result.exit_code == 0, result.output
    assert "../../corpus/op-ed.txt" in the_map.read_text(encoding="utf-8")
    assert run("check", "--source-root", root, str(the_map)).exit_code == 0
