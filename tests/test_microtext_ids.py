"""A microtext's ids given twice, edges of types it does not know, and a text that is not UTF-8:
each said, naming what was kept, what was left out and where."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.convert import import_file
from argmap.diagnostics import UsageError
from argmap.formats import microtext
from argmap.model import Objection, Reason, Ref, Role

TEXT = "Dogs are great. They are loyal. But they bark. Barking is fine."
WORDS = ["Dogs are great.", "They are loyal.", "But they bark.", "Barking is fine."]
SEGMENTS = "".join(f'<edu id="e{n}">{t}</edu>' for n, t in enumerate(WORDS, 1))
UNITS = '<adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="opp"/>'
UNITS += '<adu id="a4" type="pro"/>'
SEGS = "".join(f'<edge id="s{n}" src="e{n}" trg="a{n}" type="seg"/>' for n in (1, 2, 3, 4))


def _read(edges: str, units: str = UNITS, segments: str = SEGMENTS, segs: str = SEGS):  # type: ignore[no-untyped-def]
    xml = f'<arggraph id="t" stance="pro">{segments}{units}{segs}{edges}</arggraph>'
    return microtext.read(xml.encode(), TEXT, name="t.xml", source_path="t.txt")


def test_an_edge_id_given_twice_keeps_the_first_and_says_so() -> None:
    """The second c1 (a rebuttal) replaced the first (a support) without a word: the support
    vanished, the undercut c3 moved to the rebuttal, and a1 and a2 were both 'central'."""
    imported = _read(
        '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c1" src="a3" trg="a1" type="reb"/>'
        '<edge id="c3" src="a4" trg="c1" type="und"/>'
    )
    assert imported.notes[0] == (
        "edge c1 is defined twice; the first (a2 → a1, sup) is kept, the second "
        "(a3 → a1, reb) is left out"
    )
    claims = imported.map.by_id()
    assert claims["a1"].reasons == (Reason((Ref("a2"),), objections=(Ref("a4"),)),)
    assert not claims["a1"].objections
    # a3's edge is in the file, left out: a3 is not a second central claim, a1 the only one
    assert [claim.id for claim in imported.map.claims if claim.thesis] == ["a1"]
    assert claims["a3"].note is None
    assert not [note for note in imported.notes if "no outgoing edge" in note]


def test_a_segment_and_a_unit_given_twice_keep_the_first_and_say_so() -> None:
    """e2 twice: the second text vanished; a2 twice (pro, then opp): a2 became the opponent's
    while still supporting a1. Nothing said."""
    segments = SEGMENTS.replace('<edu id="e3">', '<edu id="e2">')
    units = UNITS.replace('<adu id="a3" type="opp"/>', '<adu id="a2" type="opp"/>')
    imported = _read(
        '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a4" trg="a1" type="reb"/>',
        units=units,
        segments=segments,
        segs=SEGS.replace('<edge id="s3" src="e3" trg="a3" type="seg"/>', ""),
    )
    assert imported.notes[:2] == (
        "segment e2 is defined twice; the first ('They are loyal.') is kept, the second "
        "('But they bark.') is left out",
        "unit a2 is defined twice; the first (pro) is kept, the second (opp) is left out",
    )
    a2 = imported.map.by_id()["a2"]
    assert (a2.role, a2.text) == (Role.PROPONENT, "They are loyal.")
    assert imported.map.by_id()["a1"].reasons == (Reason((Ref("a2"),)),)


def test_an_undercut_of_an_edge_left_out_says_why_it_was() -> None:
    """'und edge c3 targets 'c2', which is no edge' when c2 is in the file, left out for its
    type."""
    imported = _read(
        '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a3" trg="a1" type="att"/>'
        '<edge id="c3" src="a4" trg="c2" type="und"/><edge id="c4" src="a4" trg="c2" type="add"/>'
    )
    assert imported.notes[:3] == (
        "edge c2 has the unknown type 'att'; left out",
        "und edge c3 targets edge c2, which is left out (its type 'att' is unknown); left out",
        "add edge c4 targets edge c2, which is left out (its type 'att' is unknown); left out",
    )


def test_an_edge_type_in_capitals_is_told_its_name() -> None:
    """The corpus' DTD spells the types in lower case, and XML's values are case-sensitive:
    'SUP' is no type, but the note says which was meant."""
    imported = _read(
        '<edge id="c1" src="a2" trg="a1" type="SUP"/><edge id="c2" src="a3" trg="a1" type="Reb"/>'
    )
    assert imported.notes[:2] == (
        "edge c1 has the unknown type 'SUP' (did you mean 'sup'?); left out",
        "edge c2 has the unknown type 'Reb' (did you mean 'reb'?); left out",
    )


def test_units_without_an_outgoing_edge_are_named() -> None:
    imported = _read('<edge id="c1" src="a2" trg="a1" type="sup"/>')
    assert "3 units have no outgoing edge (a1, a3, a4); a microtext has one central claim" in (
        imported.notes
    )


def test_a_central_claim_without_reasons_says_why_it_is_a_premise() -> None:
    """The central claim only attacked (and defended) has no reasons: a recommendation or a
    conclusion needs one (AM106, and the evaluation would count it defeated), so it stays a
    premise, and its note says why rather than leaving it to look like any premise."""
    imported = _read(
        '<edge id="c1" src="a3" trg="a1" type="reb"/><edge id="c2" src="a2" trg="c1" type="und"/>'
        '<edge id="c3" src="a4" trg="c2" type="add"/>'
    )
    a1 = imported.map.by_id()["a1"]
    assert a1.thesis and a1.kind.value == "premise"
    assert a1.note == (
        "the central claim; a premise, though the text argues for it: it has no reasons (it "
        "is only defended against attacks), and a recommendation or conclusion needs one"
    )
    assert a1.objections == (Objection((Ref("a3"),), (Objection((Ref("a2"), Ref("a4"))),)),)
    assert "A central claim without reasons" in (imported.map.note or "")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "enc").mkdir()
    return tmp_path


def test_a_text_not_in_utf8_is_named_with_its_place(project: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """'the file is not valid UTF-8: byte e9 ...' named neither the file (the XML or its text)
    nor the place, in a run of 112 files."""
    xml = f'<arggraph id="t">{SEGMENTS}{UNITS}{SEGS}</arggraph>'
    (project / "enc" / "latin1b.xml").write_text(xml, encoding="utf-8")
    (project / "enc" / "latin1b.txt").write_bytes(b"Dogs are great.\nCaf\xe9 au lait.")
    monkeypatch.chdir(project)
    with pytest.raises(UsageError) as caught:
        import_file("microtext", "enc/latin1b.xml")
    assert str(caught.value).startswith(
        "enc/latin1b.txt: the file is not valid UTF-8 (byte e9 at line 2, column 4): it is "
        "probably in Windows-1252 (Windows' 'ANSI') or Latin-1, in which the word there is "
        "'Café'; save it as UTF-8"
    )
    (project / "enc" / "latin1b.txt").write_bytes("Dogs.".encode("utf-16"))
    with pytest.raises(UsageError, match=r"^enc/latin1b\.txt: the file is UTF-16"):
        import_file("microtext", "enc/latin1b.xml")
