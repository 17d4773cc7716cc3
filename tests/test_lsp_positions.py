"""argmap.lsp.positions, .document and .diagnostics: places converted between argmap (1-based
lines as YAML counts them, columns in code points) and editors (0-based lines broken at LF, CRLF
and CR only, columns in UTF-16 code units), and each diagnostic's range."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types

from argmap.api import check_bytes
from argmap.diagnostics import Span, line_starts
from argmap.lsp.diagnostics import diagnostics
from argmap.lsp.positions import Lines, apply_change, span_offset, units

from .conftest import ROOT, SEED_MAP
from .lsptools import covered, document

HEAD = "argmap: 1\ntitle: t\n"


def test_columns_count_utf16_code_units_and_astral_characters_count_two() -> None:
    lines = Lines("a😀b\né\n")
    assert lines.position(2) == types.Position(0, 3)  # after the emoji: 1 + 2 units
    assert lines.offset(types.Position(0, 3)) == 2
    assert lines.position(4) == types.Position(1, 0)
    assert Lines("a😀b", "utf-8").position(2) == types.Position(0, 5)
    assert Lines("a😀b", "utf-32").position(2) == types.Position(0, 2)


def test_a_position_inside_a_surrogate_pair_or_past_the_line_is_clamped() -> None:
    lines = Lines("a😀b\ncd")
    assert lines.offset(types.Position(0, 2)) == 1  # inside the emoji: at its start
    assert lines.offset(types.Position(0, 99)) == 3  # past the end: before the line break
    assert lines.offset(types.Position(7, 0)) == len("a😀b\ncd")


def test_editors_break_lines_at_lf_crlf_and_cr_but_not_at_unicode_separators() -> None:
    text = "a\r\nb\rc\u2028d\x85e\u2029f\ng"
    lines = Lines(text)
    assert lines.position(text.index("b")) == types.Position(1, 0)
    assert lines.position(text.index("c")) == types.Position(2, 0)
    assert lines.position(text.index("f")) == types.Position(2, 6)  # same line as c
    assert lines.position(text.index("g")) == types.Position(3, 0)
    assert lines.line_end(0) == 1  # before "\r\n"


def test_yaml_spans_count_lines_as_editors_do() -> None:
    text = "a\u2028b\x85c\r\nd\re"
    assert span_offset(line_starts(text), Span(2, 1), len(text)) == text.index("d")
    assert span_offset(line_starts(text), Span(3, 1), len(text)) == text.index("e")
    assert span_offset(line_starts(text), Span(0, 0), len(text)) == 0


@given(st.text(alphabet=st.sampled_from("ab😀\n\r\u2028é"), max_size=30), st.data())
def test_offsets_and_positions_convert_back_and_forth(text: str, data: st.DataObject) -> None:
    lines = Lines(text)
    offset = data.draw(st.integers(0, len(text)))
    if text[offset - 1 : offset + 1] == "\r\n":
        offset -= 1  # between CR and LF is no place an editor can name
    assert lines.offset(lines.position(offset)) == offset


def test_an_incremental_change_replaces_its_range_as_the_editor_counts_it() -> None:
    text = "x: \u2028😀 a\ny: b\n"
    lines = Lines(text)
    start, end = text.index("a"), text.index("a") + 1
    change = types.TextDocumentContentChangePartial(
        range=types.Range(lines.position(start), lines.position(end)), text="AB"
    )
    assert apply_change(lines, change) == "x: \u2028😀 AB\ny: b\n"
    whole = types.TextDocumentContentChangeWholeDocument(text="new")
    assert apply_change(lines, whole) == "new"
    assert units("😀") == 2


def test_the_seed_map_has_no_diagnostics() -> None:
    assert diagnostics(document(SEED_MAP.read_text(), SEED_MAP)) == []


def _editor_lines(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text)


def _utf16_slice(line: str, start: int, end: int) -> str:
    data = line.encode("utf-16-le")
    return data[2 * start : 2 * end].decode("utf-16-le")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_a_diagnostic_covers_its_token_after_astral_characters_and_unicode_line_breaks(
    seed_copy: Path, newline: str, bom: str
) -> None:
    text = SEED_MAP.read_text()
    # A title with an emoji and a U+2028 (a line break for libyaml, not for editors), then a
    # reference misspelt further down.
    text = text.replace('title: "Europe', 'title: "😀 \u2028Europe', 1)
    text = text.replace("      - mutual-benefit-strategy\n", "      - mutual-benefit-stratgy\n", 1)
    text = bom + text.replace("\n", newline)
    doc = document(text, seed_copy)
    [found] = diagnostics(doc)
    assert found.code == "AM103" and found.source == "argmap"
    assert found.severity == types.DiagnosticSeverity.Error
    line = _editor_lines(text)[found.range.start.line]
    assert found.range.start.line == found.range.end.line
    assert _utf16_slice(line, found.range.start.character, found.range.end.character) == (
        "mutual-benefit-stratgy"
    )
    checked = check_bytes(text.encode(), str(seed_copy))
    assert found.message == checked.diagnostics[0].message
    assert checked.diagnostics[0].span.line == found.range.start.line + 1  # lines as editors


INVALID = ROOT / "tests" / "invalid"
EXPECT = re.compile(r"^# expect: (\d+):(\d+) (AM\d{3})$", re.M)
CASES = [c for c in sorted(INVALID.glob("*.yaml")) if c.stem != "not-utf8"]  # editors send text


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_every_invalid_map_gets_its_diagnostics_at_their_places(case: Path) -> None:
    text = case.read_text(encoding="utf-8")
    expected = {(int(line) - 1, int(col) - 1, code) for line, col, code in EXPECT.findall(text)}
    found = diagnostics(document(text, case))
    assert {(d.range.start.line, d.range.start.character, d.code) for d in found} == expected
    for d in found:
        assert (d.range.end.line, d.range.end.character) >= (
            d.range.start.line,
            d.range.start.character,
        )


@pytest.mark.parametrize(
    ("case", "code", "token"),
    [
        ("unknown-reference", "AM103", None),
        ("unknown-key", "AM009", None),
        ("quote-not-found", "AM110",
         "Central Asian states remained united in refusing to condone the invasion"),
        ("claim-without-quotes", "AM204", "supplier"),
        ("duplicate-id", "AM102", None),
        ("invalid-id", "AM101", None),
        ("self-reference", "AM104", None),
    ],
)  # fmt: skip
def test_a_diagnostic_covers_the_whole_offending_token(
    case: str, code: str, token: str | None
) -> None:
    path = INVALID / f"{case}.yaml"
    doc = document(path.read_text(), path)
    [found] = [d for d in diagnostics(doc) if d.code == code]
    text = covered(doc, found.range)
    assert text and not text[0].isspace() and not text[-1].isspace()
    if token is not None:
        assert text == token
    # A whole scalar: the text after it on its line is punctuation, a comment or nothing.
    end = doc.offset(found.range.end)
    assert re.match(r"\s*(?:[,\]}:#]|$)", doc.body[end:].split("\n")[0])


def test_an_empty_value_is_shown_on_its_key(tmp_path: Path) -> None:
    text = HEAD + "premises:\n  - id: a\n    text:\n"
    doc = document(text, tmp_path / "m.yaml")
    [found] = diagnostics(doc)
    assert found.code == "AM016" and covered(doc, found.range) == "text"


def test_a_half_typed_line_is_a_syntax_error_on_the_word_where_it_is(tmp_path: Path) -> None:
    text = HEAD + "premises:\n  - id: a\n    text: A\n    impl\n  - id: b\n    text: B\n"
    doc = document(text, tmp_path / "m.yaml")
    [found] = diagnostics(doc)
    assert found.code == "AM002"
    assert found.range.start.line in (5, 6)
    assert covered(doc, found.range) in ("impl", "-")


def test_a_duplicate_id_points_back_at_the_first_definition(tmp_path: Path) -> None:
    text = HEAD + "premises:\n  - id: a\n    text: A\n  - id: a\n    text: B\n"
    doc = document(text, tmp_path / "m.yaml")
    [found] = [d for d in diagnostics(doc) if d.code == "AM102"]
    assert found.range.start == types.Position(5, 8)
    [first] = found.related_information
    assert first.location.range.start == types.Position(3, 8)
    assert first.location.uri == doc.uri


def test_the_source_is_read_beside_the_map_as_it_is_on_disk(seed_copy: Path) -> None:
    text = SEED_MAP.read_text()
    assert diagnostics(document(text, seed_copy)) == []
    source = seed_copy.parent.parent / "seeds" / "europe-central-asia-partnership.txt"
    source.write_text(source.read_text().replace("mutual benefits", "common benefits"))
    codes = [d.code for d in diagnostics(document(text, seed_copy))]
    assert codes == ["AM110"]
    shutil.rmtree(seed_copy.parent.parent / "seeds")
    assert [d.code for d in diagnostics(document(text, seed_copy))] == ["AM109"]


@pytest.mark.parametrize(
    ("tail", "code", "token"),
    [
        ("    text: a\x07b\n", "AM012", "\x07"),  # refused by libyaml before parsing
        (
            "    text: [unclosed\n  - id: b\n",
            "AM002",
            "[unclosed",
        ),  # at the text, which argmap says to quote
        ("    text: A\n    colour: red\n", "AM009", "colour"),
    ],
)
@pytest.mark.parametrize("end", ["\n", "\r"])
def test_places_after_a_unicode_line_separator_are_the_editors(
    tmp_path: Path, tail: str, code: str, token: str, end: str
) -> None:
    text = 'argmap: 1\ntitle: "a\u2028b\u2029c"  # x\x85y\npremises:\n  - id: a\n' + tail
    text = text.replace("\n", end)  # a lone CR ends a line too (an old Mac file)
    doc = document(text, tmp_path / "m.yaml")
    [found] = diagnostics(doc)
    assert found.code == code
    assert covered(doc, found.range) == token
    line = _editor_lines(text)[found.range.start.line]
    assert line[found.range.start.character :].startswith(token)
