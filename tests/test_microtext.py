"""Importing the argumentative microtexts: every text, every edge, every quote verified."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from argmap.api import check_file, render_map
from argmap.convert import import_file
from argmap.formats import microtext
from argmap.formats.base import FormatError
from argmap.formats.yaml import dump
from argmap.model import ArgumentMap, Kind, Objection, Ref

from .conftest import SHARED

CORPUS = SHARED / "corpora" / "arg-microtexts-en"
TEXTS = sorted(CORPUS.glob("micro_*.xml"))
needs_corpus = pytest.mark.skipif(not TEXTS, reason=f"corpus not found at {CORPUS}")


def edges(amap: ArgumentMap) -> collections.Counter[str]:
    """The corpus' edge types counted back from a map: a reason is one sup (exa when noted
    'example'), a rebuttal one reb, an attack on a step one und, each further claim of a linked
    reason or objection one add."""
    found: collections.Counter[str] = collections.Counter()

    def attacks(items: tuple[Ref | Objection, ...], kind: str) -> None:
        for item in items:
            found[kind] += 1
            if isinstance(item, Objection):
                found["add"] += len(item.claims) - 1
                attacks(item.objections, "und")

    for claim in amap.claims:
        for reason in claim.reasons:
            found["exa" if reason.note == "example" else "sup"] += 1
            found["add"] += len(reason.claims) - 1
            attacks(reason.objections, "und")
        attacks(claim.objections, "reb")
    return found


@needs_corpus
def test_all_microtexts_import_check_clean_and_render(tmp_path: Path) -> None:
    assert len(TEXTS) == 112
    total: collections.Counter[str] = collections.Counter()
    (tmp_path / "maps").mkdir()
    for xml in TEXTS:
        target = tmp_path / "maps" / f"{xml.stem}.yaml"
        imported = import_file("microtext", xml, target)
        assert imported.notes == (), xml.name
        target.write_text(dump(imported.map), encoding="utf-8")
        checked = check_file(target, source_root=xml.parent)  # quotes looked up in the .txt
        assert checked.ok, [str(d) for d in checked.diagnostics]
        # Warnings may remain: the evaluation (AM2xx) judges the argument, not the import.
        assert {d.code for d in checked.diagnostics} <= {"AM202", "AM203"}
        assert checked.map == imported.map
        assert all(claim.quotes for claim in checked.map.claims)
        total += edges(checked.map)
        dot = render_map(checked.map, "dot").decode("utf-8")
        svg = render_map(checked.map, "svg").decode("utf-8")
        for claim in checked.map.claims:
            assert f'id="{claim.id}"' in svg and f"\t{claim.id} [" in dot, (xml.name, claim.id)
    assert total == {"sup": 263, "exa": 9, "reb": 108, "und": 63, "add": 21}


@needs_corpus
def test_the_first_microtext_in_detail(tmp_path: Path) -> None:
    xml = CORPUS / "micro_b001.xml"
    amap = import_file("microtext", xml, tmp_path / "b001.yaml").map
    assert amap.title == "micro_b001: waste separation"
    assert amap.source is not None
    assert (tmp_path / amap.source.path).resolve() == xml.with_suffix(".txt").resolve()
    claims = amap.by_id()
    assert claims["a5"].note == "proponent, the central claim"
    assert claims["a1"].note == "opponent"
    assert claims["a1"].kind is Kind.CONCLUSION and claims["a1"].reasons[0].claims == (Ref("a2"),)
    # a1 rebuts a5; a3 and a4 together (add) undercut that rebuttal (und on a reb edge)
    assert claims["a5"].objections == (
        Objection((Ref("a1"),), (Objection((Ref("a3"), Ref("a4"))),)),
    )


XML = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="t1" topic_id="a_topic" stance="pro">
  <edu id="e1">We should do it.</edu>
  <edu id="e2">It works.</edu>
  <edu id="e3">For example in Bremen.</edu>
  <edu id="e4">Not quoted anywhere.</edu>
  <adu id="a1" type="pro"/>
  <adu id="a2" type="pro"/>
  <adu id="a3" type="pro"/>
  <adu id="a4" type="opp"/>
  <edge id="c1" src="e1" trg="a1" type="seg"/>
  <edge id="c2" src="e2" trg="a2" type="seg"/>
  <edge id="c3" src="e3" trg="a3" type="seg"/>
  <edge id="c4" src="e4" trg="a4" type="seg"/>
  <edge id="c5" src="a2" trg="a1" type="sup"/>
  <edge id="c6" src="a3" trg="a2" type="exa"/>
  <edge id="c7" src="a4" trg="c99" type="und"/>
  <edge id="c8" src="a4" trg="c5" type="frob"/>
</arggraph>
"""


def test_kinds_examples_and_what_cannot_be_carried() -> None:
    text = "We should do it. It works. For example in Bremen."
    imported = microtext.read(XML.encode(), text, name="t1.xml", source_path="t1.txt")
    claims = imported.map.by_id()
    assert claims["a1"].kind is Kind.RECOMMENDATION  # has a reason, says "should"
    assert claims["a2"].kind is Kind.CONCLUSION
    assert claims["a2"].reasons[0].note == "example"
    assert claims["a3"].kind is Kind.PREMISE
    assert claims["a4"].quotes == ()
    assert imported.notes == (
        "edge c8 has the unknown type 'frob'; left out",
        "und edge c7 targets 'c99', which is no edge; left out",
        "a segment of unit a4 is not in the text; its quote is left out",
    )


def test_not_a_microtext() -> None:
    with pytest.raises(FormatError, match="not XML"):
        microtext.read(b"{}", "", name="x.xml", source_path="x.txt")
    with pytest.raises(FormatError, match="not a microtext graph"):
        microtext.read(b"<html/>", "", name="x.xml", source_path="x.txt")
