"""AIF as OVA and AIFdb write it beyond AraucariaDB: an RA-node whose text is its scheme, the
xAIF document OVA3 and ARG-tech's mining pipelines write (the graph under "AIF", the layout
under "OVA", the text analysed under "text"), and edge ids that survive the round trip."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest

from argmap.checks import check
from argmap.diagnostics import Severity
from argmap.formats import aif
from argmap.formats.base import Imported
from argmap.model import ArgumentMap


def read(doc: dict[str, Any], name: str = "g.json") -> Imported:
    result = aif.read(json.dumps(doc).encode(), name=name)
    errors = [d for d in check(result.map, "g.yaml") if d.severity is Severity.ERROR]
    assert errors == []
    return result


def reasons(amap: ArgumentMap) -> dict[str, Any]:
    """Each reason by the text of its first claim."""
    claims = {claim.id: claim for claim in amap.claims}
    return {claims[r.claims[0].id].text: r for claim in amap.claims for r in claim.reasons}


def ra_graph(*texts: str, **fields: Any) -> dict[str, Any]:
    """An I-node supported by one RA-node of each text (with ``fields``), each from its own
    premise."""
    nodes: list[dict[str, Any]] = [{"nodeID": "1", "type": "I", "text": "We should act."}]
    edges = []
    for n, text in enumerate(texts):
        premise, step = str(10 + n), str(20 + n)
        nodes += [{"nodeID": premise, "type": "I", "text": f"Premise {n}."},
                  {"nodeID": step, "type": "RA", "text": text, **fields}]  # fmt: skip
        edges += [(premise, step), (step, "1")]
    return {"nodes": nodes, "edges": [{"edgeID": str(n), "fromID": a, "toID": b}
                                      for n, (a, b) in enumerate(edges, 100)]}  # fmt: skip


def test_an_ra_nodes_text_that_names_a_scheme_is_its_scheme() -> None:
    """OVA writes the scheme an analyst picks as the RA-node's text, often without a 'scheme'
    field (arguebuf reads it so too); argmap made it a note and the reason had no scheme, so
    `argmap questions` asked nothing and a count of schemes missed it."""
    found = reasons(read(ra_graph("Argument From Expert Opinion", "Argument from Analogy",
                                  "Default Inference", "The expert said so.",
                                  "Argument From Waste")).map)  # fmt: skip
    expert, analogy, default, said, popular = (found[f"Premise {n}."] for n in range(5))
    assert (expert.scheme, expert.note) == ("Argument From Expert Opinion", None)
    assert (analogy.scheme, analogy.note) == ("Argument from Analogy", None)
    assert (default.scheme, default.note) == (None, None)
    assert (said.scheme, said.note) == (None, "The expert said so.")  # no scheme: a note
    assert (popular.scheme, popular.note) == ("Argument From Waste", None)  # unknown: named so


def test_a_text_that_spells_the_nodes_scheme_otherwise_is_no_note() -> None:
    """AIFdb: text "Argument From Expert Opinion", scheme "Expert Opinion": one scheme, said
    twice; the reason's note repeated it."""
    found = reasons(read(ra_graph("Argument From Expert Opinion", scheme="Expert Opinion",
                                  schemeID="15")).map)  # fmt: skip
    reason = found["Premise 0."]
    assert (reason.scheme, reason.note) == ("Expert Opinion", None)


@pytest.mark.parametrize("text", ["Argument From Expert Opinion", "Default Inference"])
def test_a_scheme_read_from_the_text_goes_back_as_it_came(text: str) -> None:
    source = ra_graph(text, timestamp="2020-01-01 10:00:00")
    amap = read(source).map
    exported = json.loads(aif.write(amap).text)
    step = next(n for n in exported["nodes"] if n["nodeID"] == "20")
    assert step == source["nodes"][2]  # no 'scheme' field added, the text as it was
    del exported["argmap"]
    assert aif.read(json.dumps(exported).encode(), name="g.json").map == amap


@pytest.mark.parametrize(("fields", "new"), [({}, "Analogy"), ({}, None),
                                             ({"scheme": "Expert Opinion", "schemeID": "15"},
                                              "Analogy")])  # fmt: skip
def test_a_scheme_the_analyst_changes_replaces_the_text_that_named_the_old(
    fields: dict[str, Any], new: str | None
) -> None:
    amap = read(ra_graph("Argument From Expert Opinion", **fields)).map
    act = next(claim for claim in amap.claims if claim.reasons)
    changed = attrs.evolve(act, reasons=(attrs.evolve(act.reasons[0], scheme=new),))
    amap = attrs.evolve(amap, claims=tuple(changed if c is act else c for c in amap.claims))
    exported = json.loads(aif.write(amap).text)
    step = next(n for n in exported["nodes"] if n["nodeID"] == "20")
    assert step["text"] == (new or "Default Inference") and "schemeID" not in step
    assert step.get("scheme") == new
    assert (
        reasons(aif.read(json.dumps(exported).encode(), name="g.json").map)["Premise 0."].scheme
        == new
    )
