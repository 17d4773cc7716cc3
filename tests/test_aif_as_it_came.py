"""AIF → map → AIF writes back what the file had, as it had it: a node without text stays
without (no placeholder written into the data), a node id given twice and an edge without an
end come back, and no key the file did not have is added."""

from __future__ import annotations

import json
from typing import Any

from argmap.formats import aif
from argmap.formats.yaml import dump
from argmap.read.loader import load


def through_yaml(doc: dict[str, Any]) -> tuple[dict[str, Any], tuple[str, ...], tuple[str, ...]]:
    """The AIF exported from the YAML map of ``doc`` (without argmap's key), the import's notes
    and the export's."""
    imported = aif.read(json.dumps(doc).encode(), name="g.json")
    amap, _ = load(dump(imported.map).encode(), "g.yaml")
    assert amap == imported.map
    exported = aif.write(amap)
    out = json.loads(exported.text)
    del out["argmap"]
    return out, imported.notes, exported.losses


def by_order(doc: dict[str, Any]) -> dict[str, Any]:
    """A document with its nodes in a fixed order (the export writes the map's own first)."""
    return {**doc, "nodes": sorted(doc["nodes"], key=lambda n: json.dumps(n, sort_keys=True))}


def test_nodes_without_text_are_written_without_a_placeholder_in_the_claims_node() -> None:
    doc = {"nodes": [{"nodeID": "1", "type": "I"}, {"nodeID": "2", "type": "I", "text": "B"},
                     {"nodeID": "3", "type": "RA"}],
           "edges": [{"fromID": "1", "toID": "3"}, {"fromID": "3", "toID": "2"}]}  # fmt: skip
    out, notes, _ = through_yaml(doc)
    written = {n["nodeID"]: n for n in out["nodes"]}
    assert written["1"] == {"nodeID": "1", "type": "I"}  # not "(I-node 1 has no text)"
    # AIF tools expect text on an RA-node: AIFdb's placeholder, and the import says so
    assert written["3"] == {"nodeID": "3", "type": "RA", "text": "Default Inference"}
    assert any("RA node 3 has no text" in n and "'Default Inference'" in n for n in notes), notes
    assert out["edges"] == doc["edges"]


def test_a_claim_whose_text_is_the_placeholder_keeps_it() -> None:
    doc = {"nodes": [{"nodeID": "1", "type": "I", "text": "(I-node 1 has no text)"},
                     {"nodeID": "2", "type": "I", "text": ""}], "edges": []}  # fmt: skip
    out, _, _ = through_yaml(doc)
    assert by_order(out) == by_order(doc)


def test_a_node_id_given_twice_and_an_edge_without_an_end_come_back_as_they_came() -> None:
    doc = {"nodes": [{"nodeID": "1", "text": "A", "type": "I"},
                     {"nodeID": "1", "text": "A different", "type": "I"},
                     {"nodeID": "2", "text": "B", "type": "I"},
                     {"nodeID": "3", "type": "RA", "text": "x"}],
           "edges": [{"edgeID": "0", "fromID": "1"}, "not an edge",
                     {"edgeID": "1", "fromID": "1", "toID": "3"},
                     {"edgeID": "2", "fromID": "3", "toID": "2"}]}  # fmt: skip
    out, _, losses = through_yaml(doc)
    assert by_order(out) == by_order(doc)
    assert not any("left out" in loss for loss in losses), losses


def test_the_export_adds_no_locutions_the_file_did_not_have() -> None:
    doc = {"nodes": [{"nodeID": "1", "text": "A", "type": "I"}], "edges": []}
    out, _, _ = through_yaml(doc)
    assert out == doc
    with_them = {**doc, "locutions": []}
    assert through_yaml(with_them)[0] == with_them
    # a map made in argmap is written as AIFdb writes a graph, its locutions empty
    made, _ = load(b"argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: A.\n", "m.yaml")
    assert json.loads(aif.write(made).text)["locutions"] == []


def test_an_xaif_documents_empty_keys_come_back() -> None:
    doc = {"AIF": {"nodes": [{"nodeID": "1", "text": "A", "type": "I"}], "edges": [],
                   "locutions": []}, "text": "", "OVA": {}}  # fmt: skip
    imported = aif.read(json.dumps(doc).encode(), name="x.json")
    out = json.loads(aif.write(imported.map).text)
    del out["argmap"]
    assert out == doc
