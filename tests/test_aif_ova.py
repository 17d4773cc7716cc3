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
from argmap.read.loader import load


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


def xaif() -> dict[str, Any]:
    """An OVA3 save: the AIF graph under "AIF" (text-named schemes, scheme ids in
    ``schemefulfillments``, int edge ids, a locution by a participant), its layout under
    "OVA", the text analysed under "text"."""
    nodes = [("1", "I", "We should ban cars in the centre."), ("2", "I", "Cars pollute the air."),
             ("3", "RA", "Argument From Expert Opinion"), ("4", "I", "Electric cars do not."),
             ("5", "CA", "Default Conflict"), ("6", "L", "Ann : cars pollute the air"),
             ("7", "YA", "Asserting")]  # fmt: skip
    edges = [("2", "3"), ("3", "1"), ("4", "5"), ("5", "2"), ("6", "7"), ("7", "2")]
    return {
        "AIF": {
            "nodes": [{"nodeID": i, "text": x, "type": t} for i, t, x in nodes],
            "edges": [{"edgeID": n, "fromID": a, "toID": b} for n, (a, b) in enumerate(edges, 1)],
            "schemefulfillments": [
                {"nodeID": "3", "schemeID": "15"},
                {"nodeID": "5", "schemeID": "71"},
            ],
            "locutions": [{"nodeID": "6", "personID": 1}],
            "participants": [{"participantID": 1, "firstname": "Ann", "surname": "Lee"}],
        },
        "OVA": {
            "firstname": "A",
            "surname": "B",
            "url": "",
            "nodes": [{"nodeID": "1", "visible": True, "x": 10, "y": 20}],
            "edges": [],
        },
        "text": "Cars pollute the air. We should ban cars in the centre.",
    }


def test_an_xaif_document_is_imported_as_its_aif_graph() -> None:
    """OVA3 and ARG-tech's mining pipelines write the graph under "AIF"; argmap refused it:
    "not AIF: no 'nodes' list"."""
    result = read(xaif(), "ova3.json")
    claims = {claim.aif.value["nodeID"]: claim for claim in result.map.claims}  # type: ignore[union-attr]
    assert [claims[i].text for i in "124"] == [
        "We should ban cars in the centre.", "Cars pollute the air.", "Electric cars do not."
    ]  # fmt: skip
    (reason,) = claims["1"].reasons
    assert reason.scheme == "Argument From Expert Opinion" and reason.claims[0].id == claims["2"].id
    assert [o.claims[0].id for o in claims["2"].objections] == [claims["4"].id]
    assert claims["2"].aif.value["speaker"] == "Ann Lee"  # type: ignore[union-attr]
    assert any("xAIF" in note for note in result.notes)


def test_an_xaif_document_goes_back_as_xaif_with_all_it_had() -> None:
    source = xaif()
    amap = read(source, "ova3.json").map
    exported = json.loads(aif.write(amap).text)
    assert set(exported) == {"AIF", "OVA", "text", "argmap"}
    assert exported["OVA"] == source["OVA"] and exported["text"] == source["text"]
    graph = exported["AIF"]
    for key in ("schemefulfillments", "locutions", "participants"):
        assert graph[key] == source["AIF"][key]
    by_id = {n["nodeID"]: n for n in graph["nodes"]}
    assert all(by_id[n["nodeID"]] == n for n in source["AIF"]["nodes"])
    assert len(by_id) == len(source["AIF"]["nodes"])
    ends = {(str(e["fromID"]), str(e["toID"])) for e in graph["edges"]}
    assert ends == {(str(e["fromID"]), str(e["toID"])) for e in source["AIF"]["edges"]}
    assert aif.read(json.dumps(exported).encode(), name="ova3.json").map == amap
    del exported["argmap"]
    assert aif.read(json.dumps(exported).encode(), name="ova3.json").map == amap


def test_a_scheme_changed_in_an_xaif_map_drops_its_old_scheme_id() -> None:
    amap = read(xaif()).map
    act = next(claim for claim in amap.claims if claim.reasons)
    changed = attrs.evolve(act, reasons=(attrs.evolve(act.reasons[0], scheme="Analogy"),))
    amap = attrs.evolve(amap, claims=tuple(changed if c is act else c for c in amap.claims))
    graph = json.loads(aif.write(amap).text)["AIF"]
    assert graph["schemefulfillments"] == [{"nodeID": "5", "schemeID": "71"}]


def test_an_xaif_document_is_named_as_aif_to_check() -> None:
    from argmap.formats.sniff import sniff

    assert sniff(json.dumps(xaif()).encode(), "ova3.json") == "aif"


def edges_by_ends(doc: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(str(e["fromID"]), str(e["toID"])): e for e in doc["edges"]}


@pytest.mark.parametrize("wrapped", [False, True])
def test_every_edge_goes_back_with_its_id_and_fields(wrapped: bool) -> None:
    """The argument's own edges got new ids on export (and 'formEdgeID': null where the file
    had none), so an edge id of the export named another edge of the source."""
    source = xaif()
    source["AIF"]["edges"][0]["formEdgeID"] = "9"  # a field argmap does not read
    doc = source if wrapped else source["AIF"]
    exported = json.loads(aif.write(read(doc).map).text)
    graph = exported["AIF"] if wrapped else exported
    assert graph["edges"] == source["AIF"]["edges"]


def test_an_edge_the_analyst_takes_out_is_gone_and_a_new_one_gets_a_fresh_id() -> None:
    doc = ra_graph("Default Inference", "Default Inference")
    amap = read(doc).map
    act = next(claim for claim in amap.claims if claim.reasons)
    first, second = act.reasons
    moved = attrs.evolve(first, claims=second.claims)  # the first reason's premise replaced
    amap = attrs.evolve(
        amap,
        claims=tuple(attrs.evolve(c, reasons=(moved,)) if c is act else c for c in amap.claims),
    )
    exported = json.loads(aif.write(amap).text)
    ends = edges_by_ends(exported)
    assert ("10", "20") not in ends  # the premise taken out of the reason
    assert ends[("20", "1")]["edgeID"] == "101"  # kept, with its id
    assert ends[("11", "20")]["edgeID"] == "104"  # new: after the highest id


@pytest.mark.parametrize(
    ("locution", "speaker"),
    [
        ("VCBrown says 'semesterisation is a good idea'", "VCBrown"),  # AraucariaDB's
        ("Ann Lee : cars pollute the air", "Ann Lee"),  # AIFdb's and OVA's
        ("cars pollute the air", None),
    ],
)
def test_the_speaker_of_a_locution_is_read_in_either_form(
    locution: str, speaker: str | None
) -> None:
    """AraucariaDB writes its locutions as "NAME says 'TEXT'": its claims had no speaker."""
    doc = {"nodes": [{"nodeID": "1", "type": "I", "text": "Cars pollute the air."},
                     {"nodeID": "2", "type": "L", "text": locution},
                     {"nodeID": "3", "type": "YA", "text": "Asserting"}],
           "edges": [{"edgeID": "1", "fromID": "2", "toID": "3"},
                     {"edgeID": "2", "fromID": "3", "toID": "1"}]}  # fmt: skip
    (claim,) = read(doc).map.claims
    assert claim.aif.value.get("speaker") == speaker  # type: ignore[union-attr]


def test_one_preference_is_left_out_with_its_links() -> None:
    """The note said '1 PA node ... is left out with their 2 links'."""
    doc = ra_graph("Default Inference", "Default Inference")
    doc["nodes"].append({"nodeID": "30", "type": "PA", "text": "Default Preference"})
    doc["edges"] += [{"edgeID": "200", "fromID": "20", "toID": "30"},
                     {"edgeID": "201", "fromID": "30", "toID": "21"}]  # fmt: skip
    assert (
        "1 PA node (preference) is not drawn, nor weighed by argmap eval (the map format has "
        "no place for preferences): the map carries it with its 2 links (PA → RA 1, RA → PA 1) "
        "under 'aif:', and export aif writes it back: 30" in read(doc).notes
    )


def test_an_edge_another_tool_adds_to_argmaps_export_is_kept() -> None:
    """The export says from which id on its edges are its own new ones; an edge another tool
    numbered past them (a locution anchored in a claim) was dropped on import."""
    amap, _ = load(b"argmap: 1\ntitle: T\npremises:\n  - id: p\n    text: P.\nconclusions:\n"
                   b"  - id: c\n    text: C.\n    reasons: [p]\n", "t.yaml")  # fmt: skip
    assert amap is not None
    exported = json.loads(aif.write(amap).text)  # nodes 1 (p), 2 (c), 3 (RA); edges 1, 2
    assert exported["argmap"]["new_edges_from"] == 1
    exported["nodes"] += [{"nodeID": "40", "type": "L", "text": "Ann : we should act"},
                          {"nodeID": "41", "type": "YA", "text": "Asserting"}]  # fmt: skip
    exported["edges"] += [{"edgeID": "500", "fromID": "40", "toID": "41"},
                          {"edgeID": "501", "fromID": "41", "toID": "2"}]  # fmt: skip
    back = json.loads(aif.write(read(exported).map).text)
    assert {("40", "41"), ("41", "2")} <= set(edges_by_ends(back))
