"""The shared corpora through import and export: every relation of the source is in the map and
in what argmap writes back, by type; every AIF node and edge comes back from the export as it
was, with its id; import → export →
import gives the same map; no claim floats free that the source connects."""

from __future__ import annotations

import collections
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from argmap.convert import import_file
from argmap.formats import aif
from argmap.model import ArgumentMap, Claim, Kind, Link, Objection, Ref, relations

from .conftest import SHARED

ARAUCARIA = sorted((SHARED / "corpora" / "araucaria-aif").glob("nodeset*.json"))
MICROTEXTS = sorted((SHARED / "corpora" / "arg-microtexts-en").glob("micro_*.xml"))
#: The argument layer of AIF: the nodes that relate claims.
STEPS = ("RA", "CA", "MA")


def edges_by_type(doc: dict[str, Any]) -> collections.Counter[tuple[str, str]]:
    """Edges between known nodes, once each, counted by the types of their ends."""
    types = {str(n["nodeID"]): n["type"] for n in doc["nodes"] if isinstance(n, dict)}
    ends = {(str(e["fromID"]), str(e["toID"])) for e in doc["edges"]}
    return collections.Counter((types[a], types[b]) for a, b in ends if a in types and b in types)


def unconnected_inodes(doc: dict[str, Any]) -> int:
    """I-nodes that no RA-, CA- or MA-node links to anything."""
    types = {str(n["nodeID"]): n["type"] for n in doc["nodes"]}
    linked = set()
    for e in doc["edges"]:
        a, b = str(e["fromID"]), str(e["toID"])
        if types.get(a) in STEPS or types.get(b) in STEPS:
            linked |= {a, b}
    return sum(kind == "I" and node not in linked for node, kind in types.items())


def unconnected_claims(amap: ArgumentMap) -> int:
    """Claims that no relation of the map names (what AM201 warns about)."""
    named = {ref.id for r in relations(amap) for ref in (*r.claims, Ref(r.target.id))}
    return sum(claim.id not in named for claim in amap.claims)


def links(amap: ArgumentMap) -> collections.Counter[str]:
    return collections.Counter(r.link.value for r in relations(amap))


@pytest.mark.skipif(not ARAUCARIA, reason="corpus not found")
def test_araucaria_loses_no_relation_no_node_id_and_comes_back_the_same() -> None:
    assert len(ARAUCARIA) == 661
    source: collections.Counter[tuple[str, str]] = collections.Counter()
    written: collections.Counter[tuple[str, str]] = collections.Counter()
    drawn: collections.Counter[str] = collections.Counter()
    floating = {"source": 0, "map": 0}
    for path in ARAUCARIA:
        doc = json.loads(path.read_bytes())
        amap = aif.read(path.read_bytes(), name=path.name).map
        exported = json.loads(aif.write(amap).text)
        source += edges_by_type(doc)
        written += edges_by_type(exported)
        drawn += links(amap)
        kept = {str(n["nodeID"]): n for n in exported["nodes"]}
        assert all(kept.get(str(n["nodeID"])) == n for n in doc["nodes"]), path.name
        assert exported["edges"] == doc["edges"], path.name  # ids, fields and order
        floating["source"] += unconnected_inodes(doc)
        floating["map"] += unconnected_claims(amap)
        assert aif.read(json.dumps(exported).encode(), name=path.name).map == amap, path.name
        del exported["argmap"]
        assert aif.read(json.dumps(exported).encode(), name=path.name).map == amap, path.name
    assert source == written == {("I", "RA"): 3316, ("RA", "I"): 1745, ("I", "CA"): 38,
                                 ("CA", "I"): 38, ("L", "YA"): 42, ("YA", "I"): 42}  # fmt: skip
    # 1,745 RA-nodes are 1,748 reasons less the 3 a node repeats; 38 CA-nodes, 38 rebuttals
    assert drawn == {"support": 1742, "rebut": 38}
    assert floating == {"source": 0, "map": 0}


def microtext_edges(path: Path) -> collections.Counter[str]:
    return collections.Counter(e.get("type") for e in ET.parse(path).getroot().iter("edge"))


def map_edges(amap: ArgumentMap) -> collections.Counter[str]:
    """The microtext edge types counted back from a map: a support (exa for the scheme
    'example'), a rebuttal, an undercut, each claim beyond the first of a linked reason or
    objection (add), each quote (seg)."""
    found: collections.Counter[str] = collections.Counter()
    for relation in relations(amap):
        if relation.link is Link.SUPPORT:
            found["exa" if relation.scheme == "example" else "sup"] += 1
        elif relation.attack:
            found["reb" if relation.link is Link.REBUT else "und"] += 1
        found["add"] += len(relation.claims) - 1
    found["seg"] = sum(len(claim.quotes) for claim in amap.claims)
    return found


@pytest.mark.skipif(not MICROTEXTS, reason="corpus not found")
def test_microtexts_lose_no_edge_and_come_back_from_aif_the_same(tmp_path: Path) -> None:
    assert len(MICROTEXTS) == 112
    source: collections.Counter[str] = collections.Counter()
    mapped: collections.Counter[str] = collections.Counter()
    floating = 0
    for path in MICROTEXTS:
        amap = import_file("microtext", path, tmp_path / "map.yaml").map
        source += microtext_edges(path)
        mapped += map_edges(amap)
        floating += unconnected_claims(amap)
        back = aif.read(aif.write(amap).text.encode(), name="map.json").map
        assert back == amap, path.name
    assert source == mapped == {"seg": 576, "sup": 263, "exa": 9, "reb": 108, "und": 63,
                                "add": 21}  # fmt: skip
    assert floating == 0


def test_objections_in_full_count_their_members() -> None:
    """The counting itself: a linked objection is one relation and one add per extra claim."""
    attack = Objection((Ref("a"), Ref("b")))
    amap = ArgumentMap("t", (Claim("a", Kind.PREMISE, "A."), Claim("b", Kind.PREMISE, "B."),
                             Claim("c", Kind.PREMISE, "C.", objections=(attack,))))  # fmt: skip
    assert map_edges(amap) == collections.Counter({"reb": 1, "add": 1})
