"""Hostile AIF: graphs built to break the import and the export (ids of every JSON type, text
that is not text, nodes and edges that clash with the ones the export makes) import as maps
that check, and import → export → import gives the same map; what cannot come back is said."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.formats import aif
from argmap.formats.base import FormatError
from argmap.formats.sniff import sniff
from argmap.formats.yaml import dump
from argmap.model import ArgumentMap, Claim, Kind, Reason, Ref
from argmap.read.loader import load


def read(doc: dict[str, Any]) -> ArgumentMap:
    """The map imported from ``doc``, as its YAML file holds it."""
    amap, problems = load(dump(aif.read(json.dumps(doc).encode(), name="g.json").map).encode(),
                          "g.yaml")  # fmt: skip
    assert amap is not None, problems
    return amap


def again(amap: ArgumentMap) -> ArgumentMap:
    """The map exported to AIF and imported again."""
    return read(json.loads(aif.write(amap).text))


#: Node and edge ids of every JSON type, ids argmap's export numbers, ids written alike.
IDS = st.sampled_from(["1", "2", "3", "4", "01", " 1", "\u202e2", "\x1b3", "a", ""]) | st.integers(
    -1, 5
) | st.sampled_from([True, None, 1.5, 10**30, [1], {"a": 1}])  # fmt: skip
TEXTS = st.text(max_size=8) | st.sampled_from(
    ["<script>alert(1)</script>", "Argument From Expert Opinion", "Default Inference",
     "Ann : I say so.", "Bob says 'so'", "Proponent : so", "a " * 400, None, 5]
)  # fmt: skip
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=2)
    | st.dictionaries(st.text(max_size=3), inner, max_size=2),
    max_leaves=5,
)  # fmt: skip
NODES = st.fixed_dictionaries(
    {"nodeID": IDS, "text": TEXTS,
     "type": st.sampled_from(["I", "I", "RA", "RA", "CA", "MA", "PA", "L", "YA", "?"])},
    optional={"scheme": st.sampled_from(["Expert Opinion", "", None, "Argument from X"]),
              "schemeID": VALUES},
)  # fmt: skip
EDGES = st.fixed_dictionaries({"fromID": IDS, "toID": IDS}, optional={"edgeID": IDS, "x": VALUES})
GRAPHS = st.fixed_dictionaries(
    {"nodes": st.lists(NODES, max_size=8), "edges": st.lists(EDGES, max_size=12)},
    optional={"locutions": st.lists(st.fixed_dictionaries({"nodeID": IDS, "personID": IDS}),
                                    max_size=2),
              "schemefulfillments": st.lists(st.fixed_dictionaries({"nodeID": IDS}), max_size=2),
              "AIF": VALUES, "other": VALUES},
)  # fmt: skip
DOCUMENTS = GRAPHS | st.fixed_dictionaries({"AIF": GRAPHS}, optional={"OVA": VALUES, "text": TEXTS})


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(DOCUMENTS)
def test_any_graph_comes_back_from_its_export_as_it_was_or_the_export_says_what_not(
    doc: dict[str, Any],
) -> None:
    """Whatever a graph holds (ids of any type or repeated, edges to nothing, dialogue,
    scheme ids, keys beside it), its map comes back from export → import as it was, and the
    export twice gives the same bytes; where the export leaves something out it says so, and
    the map it gives comes back as it is."""
    try:
        first = read(doc)
    except FormatError:
        return
    exported = aif.write(first)
    assert aif.write(first).text == exported.text
    if exported.losses[1:]:  # said; from then on, the map comes back
        first = again(first)
        exported = aif.write(first)
    second = read(json.loads(exported.text))
    assert dump(second) == dump(first)
    assert aif.write(second).text == exported.text


def test_an_i_node_whose_text_is_not_text_comes_back_as_it_was() -> None:
    """An I-node with "text": null (or a number) imports as a claim with a placeholder text;
    the export wrote the placeholder as the node's text, so the node came back otherwise."""
    for text in (None, 5, ["a"]):
        first = read({"nodes": [{"nodeID": "1", "type": "I", "text": text}], "edges": []})
        exported = json.loads(aif.write(first).text)
        assert exported["nodes"][0]["text"] == text
        assert again(first) == first


def test_an_edge_the_file_gives_twice_is_given_back_twice() -> None:
    """Two edges with the same ends (a support's link, a link between two I-nodes): the
    import reads one and carries both; the export wrote the second nowhere, and said
    nothing."""
    nodes = [{"nodeID": "1", "type": "I", "text": "A."}, {"nodeID": "2", "type": "I", "text": "B."},
             {"nodeID": "3", "type": "RA", "text": "Default Inference"}]  # fmt: skip
    ends = [("1", "3"), ("1", "3"), ("3", "2"), ("1", "2"), ("1", "2")]
    edges = [{"edgeID": n, "fromID": a, "toID": b} for n, (a, b) in enumerate(ends, 10)]
    first = read({"nodes": nodes, "edges": edges})
    exported = json.loads(aif.write(first).text)
    assert exported["edges"] == edges
    assert again(first) == first


def test_carried_edges_left_out_are_counted_in_words_that_agree() -> None:
    """'1 carried edges join ...' read wrong; one edge is one edge."""
    nodes = [{"nodeID": "1", "type": "I", "text": "A."}]
    for count, words in ((1, "1 carried edge joins"), (2, "2 carried edges join")):
        edges = [{"edgeID": n, "fromID": "1", "toID": "9"} for n in range(count)]
        losses = aif.write(read({"nodes": nodes, "edges": edges})).losses
        assert f"{words} nodes the map does not have; left out" in losses


def test_scheme_ids_of_nodes_the_map_does_not_have_are_left_out_with_a_note() -> None:
    """A 'schemefulfillments' entry naming a node the graph does not have was dropped by the
    export without a word."""
    doc = {"nodes": [{"nodeID": "2", "type": "I", "text": "A."}], "edges": [],
           "schemefulfillments": [{"nodeID": "1", "schemeID": "72"}, {"nodeID": "2"}]}  # fmt: skip
    exported = aif.write(read(doc))
    assert json.loads(exported.text)["schemefulfillments"] == [{"nodeID": "2"}]
    assert "1 scheme id ('schemefulfillments') names a node the map does not have; left out" in (
        exported.losses)  # fmt: skip


def test_a_graph_with_a_key_named_aif_stays_a_graph_and_the_key_stays_its_own() -> None:
    """A graph (its nodes at the top) with a key "AIF" holding nodes of its own was written
    back as xAIF: its claims moved under "AIF", beside the nodes there, which the next import
    made claims of."""
    doc = {"nodes": [{"nodeID": "1", "type": "I", "text": "A."}], "edges": [],
           "AIF": {"nodes": [{"nodeID": "9", "type": "I", "text": "Z."}]}}  # fmt: skip
    first = read(doc)
    exported = json.loads(aif.write(first).text)
    assert exported["nodes"] == doc["nodes"] and exported["AIF"] == doc["AIF"]
    assert again(first) == first


@pytest.mark.parametrize(
    ("doc", "told"),
    [
        # a graph with a key "AIF" of its own: `check` told it was no AIF, so gave no hint
        ({"nodes": [], "edges": [], "AIF": {"nodes": []}}, "aif"),
        ({"nodes": [], "edges": [], "AIF": {"text": "x"}}, "aif"),
        # xAIF: the graph under "AIF"
        ({"AIF": {"nodes": [], "edges": []}, "OVA": {}}, "aif"),
        # an "AIF" key with no graph in it, and nothing else: no AIF, as the importer says
        ({"AIF": {"nodes": {}, "edges": []}}, None),
        ({"AIF": {"edges": []}}, None),
    ],
)
def test_what_check_takes_for_aif_is_what_the_import_reads_as_aif(doc: dict, told: str) -> None:
    """``check``'s hint (AM017, import it) and the import decide xAIF by one rule: the
    graph is under "AIF" only where the document has no nodes of its own."""
    assert sniff(json.dumps(doc).encode(), "g.json") == told


def test_a_claim_added_to_an_imported_map_comes_back_and_so_does_the_rest() -> None:
    """A graph whose RA-node 2 has no premise (carried), and a claim and reason the analyst
    adds in argmap: the export numbered them 3 and 4 (2 is taken), the import counted as if 2
    were free, so it carried nodes 4 and its edges as if another tool had made them (the next
    export wrote the reason twice) and dropped node 2 without a word."""
    nodes = [{"nodeID": "1", "type": "I", "text": "A."},
             {"nodeID": "2", "type": "RA", "text": "Default Inference"}]  # fmt: skip
    doc = {"nodes": nodes, "edges": []}
    first = read(doc)
    added = Claim(id="b", text="B.", kind=Kind.PREMISE)
    claim = attrs.evolve(first.claims[0], kind=Kind.CONCLUSION, reasons=(Reason((Ref("b"),)),))
    edited, _ = load(dump(attrs.evolve(first, claims=(claim, added))).encode(), "g.yaml")
    assert edited is not None
    assert again(edited) == edited
    assert aif.write(again(edited)).text == aif.write(edited).text


def test_a_speaker_is_named_from_the_start_of_a_locution_as_written() -> None:
    """The speaker's name, bounded to 80 characters so that a locution of a million spaces is
    not searched at every split of them (tests/hostile/cost-aif-locution-spaces.yaml)."""
    for said, speaker in (("Ann : It helps.", "Ann"), ("  Ann Lee   : It helps.", "Ann Lee"),
                          ("VCBrown says 'it helps'", "VCBrown"), (" " * 5000 + "x", None),
                          ("A" * 90 + " : It helps.", None), (" : It helps.", None)):  # fmt: skip
        doc = {"nodes": [{"nodeID": "1", "type": "I", "text": "It helps."},
                         {"nodeID": "2", "type": "L", "text": said},
                         {"nodeID": "3", "type": "YA", "text": "Asserting"}],
               "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}]}  # fmt: skip
        claim = read(doc).claims[0]
        assert claim.aif is not None and claim.aif.value.get("speaker") == speaker, said


def test_a_graph_gives_the_same_map_whatever_the_order_of_its_file() -> None:
    """As documented: the claims came in the order of the file's nodes, so two files holding
    one graph gave two maps (and, for ids made alike, the '-2' to the one read second)."""
    ids = ("2", "10", "1", "a b", "a-b")
    nodes = [{"nodeID": n, "type": "I", "text": "Same text."} for n in ids]
    maps = [read({"nodes": order, "edges": []}) for order in (nodes, nodes[::-1])]
    assert [c.id for c in maps[0].claims] == [c.id for c in maps[1].claims]
    assert [c.id for c in maps[0].claims] == ["same-text-1", "same-text-2", "same-text-10",
                                              "same-text-a-b", "same-text-a-b-2"]  # fmt: skip


def test_a_key_named_argmap_inside_an_xaif_graph_is_carried_like_any_other() -> None:
    """argmap's own key sits at the top of the document; one inside an xAIF document's graph
    (another tool's) was dropped without a word."""
    doc = {"AIF": {"nodes": [{"nodeID": "1", "type": "I", "text": "A."}], "edges": [],
                   "argmap": {"tool": "other"}}, "OVA": {"nodes": []}}  # fmt: skip
    first = read(doc)
    exported = json.loads(aif.write(first).text)
    assert exported["AIF"]["argmap"] == {"tool": "other"}
    assert again(first) == first
