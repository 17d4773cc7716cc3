"""argmap.loader and argmap.read.yamltree: bytes → model, or positioned shape errors."""

from __future__ import annotations

import pytest

from argmap.model import Kind
from argmap.read.loader import load
from argmap.read.yamltree import bad_character

MAP = """\
argmap: 1
title: Energy
source:
  path: source.txt
  date: 2022-09-01
premises:
  - id: supplier
    text: no
    quotes: [which could become]
    objections: constrained
  - id: constrained
    text: 3.10
conclusions:
  - id: energy
    text: Energy is the obvious interest.
    reasons:
      - supplier
      - [supplier, constrained]
      - claims: supplier
        objections: [constrained]
        note: undercut
recommendations:
  - id: import
    text: Import more.
    url: https://example.org/x
    reasons: [energy]
"""


def codes(data: bytes) -> list[tuple[int, int, str]]:
    amap, diagnostics = load(data, "m.yaml")
    assert (amap is None) == bool(diagnostics)
    return [(d.span.line, d.span.column, d.code) for d in diagnostics]


def test_builds_the_model_with_kinds_reasons_and_objections() -> None:
    amap, diagnostics = load(MAP.encode(), "m.yaml")
    assert diagnostics == []
    assert amap is not None
    assert [(c.id, c.kind) for c in amap.claims] == [
        ("supplier", Kind.PREMISE),
        ("constrained", Kind.PREMISE),
        ("energy", Kind.CONCLUSION),
        ("import", Kind.RECOMMENDATION),
    ]
    energy = amap.claims[2]
    assert [[r.id for r in reason.claims] for reason in energy.reasons] == [
        ["supplier"],
        ["supplier", "constrained"],
        ["supplier"],
    ]
    assert [r.linked for r in energy.reasons] == [False, True, False]
    assert [r.id for r in energy.reasons[2].objections] == ["constrained"]
    assert energy.reasons[2].note == "undercut"
    assert [r.id for r in amap.claims[0].objections] == ["constrained"]
    assert amap.claims[3].url == "https://example.org/x"


def test_scalars_stay_text_as_written() -> None:
    amap, _ = load(MAP.encode(), "m.yaml")
    assert amap is not None
    assert amap.claims[0].text == "no"
    assert amap.claims[1].text == "3.10"
    assert amap.source is not None and amap.source.date == "2022-09-01"
    assert amap.version == "1"


def test_positions_are_kept_for_every_value() -> None:
    amap, _ = load(MAP.encode(), "m.yaml")
    assert amap is not None
    supplier = amap.claims[0]
    assert str(supplier.where("id")) == "7:9"
    assert str(supplier.quotes[0].span) == "9:14"
    assert str(supplier.objections[0].span) == "10:17"
    assert str(amap.claims[2].reasons[1].claims[1].span) == "18:20"


def test_a_utf8_bom_is_accepted() -> None:
    amap, diagnostics = load(b"\xef\xbb\xbf" + MAP.encode(), "m.yaml")
    assert diagnostics == [] and amap is not None


def test_empty_file() -> None:
    assert codes(b"") == [(1, 1, "AM003")]
    assert codes(b"\n\n   \n") == [(1, 1, "AM003")]


def test_non_utf8_position_counts_characters_not_bytes() -> None:
    assert codes("title: é".encode() + b"\xff\n") == [(1, 9, "AM001")]


@pytest.mark.parametrize("end", [b"\r", b"\r\n", b"\n"])
@pytest.mark.parametrize(
    ("bad", "code"),
    [(b"\x07", "AM012"), ("\ufffe".encode(), "AM012"), (b"\xff", "AM001")],
)
def test_a_character_refused_before_parsing_is_told_on_the_line_an_editor_shows(
    end: bytes, bad: bytes, code: str
) -> None:
    """A control character or U+FFFE (which libyaml refuses before parsing) and a byte that is
    not UTF-8 are told where an editor shows them, also in a file whose lines end at a lone
    CR (they were told on line 1, lines counted at LF alone)."""
    data = end.join([b"argmap: 1", b"title: T", b"premises:", b"  - id: a", b"    text: A" + bad])
    assert codes(data + end) == [(5, 12, code)]


def test_all_shape_errors_at_once() -> None:
    data = b"argmap: 1\ntitle: t\npremises:\n  - id: a\n    txt: x\n  - id: b\n    text: [x]\n"
    assert codes(data) == [(4, 5, "AM011"), (5, 5, "AM009"), (7, 11, "AM010")]


def test_one_or_list_forms() -> None:
    data = (
        b"argmap: 1\ntitle: t\npremises:\n  - id: a\n    text: A\n    quotes: one quote\n"
        b"conclusions:\n  - id: c\n    text: C\n    reasons: a\n"
    )
    amap, diagnostics = load(data, "m.yaml")
    assert diagnostics == [] and amap is not None
    assert [q.text for q in amap.claims[0].quotes] == ["one quote"]
    assert [[r.id for r in reason.claims] for reason in amap.claims[1].reasons] == [["a"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ordinary text, “curly” — dashes, 中文, emoji 😀, e\u0301", None),
        ("tab\tand\nnewline are fine", None),
        ("zero\x00byte", (4, "control character U+0000")),
        ("escape\x1b[31m", (6, "control character U+001B")),
        ("del\x7f", (3, "control character U+007F")),
        ("c1\x85", (2, "control character U+0085")),
        ("\u2066isolate", (0, "bidirectional control character U+2066")),
        ("lone \ud800", (5, "invalid character U+D800")),
        ("non-character \uffff", (14, "invalid character U+FFFF")),
    ],
)
def test_bad_character(text: str, expected: tuple[int, str] | None) -> None:
    assert bad_character(text) == expected


def test_yaml_escapes_cannot_smuggle_refused_characters() -> None:
    data = b'argmap: 1\ntitle: "a\\x1bb"\n'
    assert codes(data) == [(2, 8, "AM012")]
    assert codes(b'argmap: 1\ntitle: "a\\ud800"\n')[0][2] in {"AM002", "AM012"}


def test_key_that_is_not_text() -> None:
    assert codes(b"argmap: 1\ntitle: t\n[a]: b\n") == [(3, 1, "AM010")]


def test_unknown_top_level_key_lists_the_allowed_ones_when_nothing_is_close() -> None:
    _, diagnostics = load(b"argmap: 1\ntitle: t\nzzz: 1\n", "m.yaml")
    assert "expected one of: argmap, title, lang, note, source" in diagnostics[0].message
