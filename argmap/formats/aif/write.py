"""ArgumentMap → AIF JSON (AIFdb's conventions), with what AIF cannot hold under an ``argmap`` key.

Each claim becomes an I-node, each reason an RA-node (``Default Inference``, or its scheme)
with an edge from each of its claims and one to the claim it supports, each objection a CA-node
(``Default Conflict``) pointing at the claim, RA-node or CA-node it attacks, each restatement
an MA-node (``Default Rephrase``) from the claim restated to the one restating it, each
contradiction two CA-nodes, one each way (marked in the ``argmap`` key). A claim, reason,
objection or restatement that carries AIF data (``aif:``, as ``argmap import aif`` keeps it)
becomes the node it came from: its node id, timestamp, scheme and scheme id and every other
field, its text where the map did not change it; two that carry the same node id (an RA-node
with two conclusions) are one node again. What the map carries at its top (the dialogue layer,
PA-nodes, locutions, participants) is written back as it came, but edges whose ends the map no
longer has; its carried edges in their order, each link of the argument as the edge it came
from (its id and fields), unless the map no longer has that link. Other nodes and edges get ids
counted on from the highest of the map's own that nothing carried has, a fixed timestamp, so
that the same map gives the same bytes, and the scheme id the map's own nodes of their scheme
carry (:mod:`argmap.formats.aif.schemes`; the losses name the RA-nodes' schemes with none); a
graph made in argmap gets empty ``locutions``, as AIFdb writes one, a map from AIF only the
keys it carries; a claim whose node came without text is written without; a map from an xAIF
document (OVA3) is written as xAIF again. What AIF has no place for (the title, the source,
claim ids and kinds, roles, quotes, notes, links, ...) goes under a top-level ``argmap`` key,
which AIF tools ignore and which makes ``argmap → AIF → argmap`` exact.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from argmap.formats.aif.conflicts import CONTRADICTION
from argmap.formats.aif.graph import (
    EXTENSION,
    STRUCTURE,
    XAIF,
    carried_scheme,
    claim_text,
    same_scheme,
)
from argmap.formats.aif.losses import losses
from argmap.formats.aif.schemes import SchemeIds
from argmap.formats.aif.steps import order
from argmap.formats.base import Exported
from argmap.formats.json import claim_document, document
from argmap.model import ArgumentMap, Claim, Kind, Link, Relation, walk

TIMESTAMP = "1970-01-01 00:00:00"  # fixed, so that the same map gives the same bytes
#: The text of a relation's node when it carries none (an RA-node's: its scheme, if any).
PLACEHOLDERS = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}
#: The AIF node type of each kind of relation.
NODES = {Link.SUPPORT: "RA", Link.REBUT: "CA", Link.UNDERCUT: "CA", Link.RESTATE: "MA"}
#: A claim's fields that the AIF itself holds (its node and its relations' nodes).
IN_AIF = ("id", "text", "reasons", "objections", "restates", "aif")
#: The key of the ``argmap`` extension that gives the first id of the edges the export made,
#: so that reading them back does not carry them (the same map makes them again).
NEW_EDGES = "new_edges_from"
#: The text of a claim's node that came without text: it is written without.
NO_TEXT = object()
#: Keys argmap adds to a claim's carried data for its readers, from the dialogue layer.
DERIVED = ("locution", "speaker")


def _key(node_id: object) -> str | None:
    """A node or edge id as the graph reader keys it (text), or None for no usable id."""
    if isinstance(node_id, bool) or not isinstance(node_id, (str, int)) or str(node_id) == "":
        return None
    return str(node_id)


@attrs.define
class Layout:
    """A map's AIF graph: nodes and edges in the order they are written, the node of each
    claim (by claim id) and of each relation, and what could not be written as carried."""

    nodes: list[Any] = attrs.Factory(list)
    edges: list[Any] = attrs.Factory(list)
    claims: dict[str, str] = attrs.Factory(dict)
    relations: dict[Relation, str] = attrs.Factory(dict)
    losses: list[str] = attrs.Factory(list)
    pairs: set[tuple[str, str]] = attrs.Factory(set)  # (tail, head) of every edge written
    types: dict[str, str] = attrs.Factory(dict)  # node id → its type
    taken: set[str] = attrs.Factory(set)  # node ids carried anywhere in the map
    taken_edges: set[str] = attrs.Factory(set)  # edge ids carried
    rescheme: set[str] = attrs.Factory(set)  # RA-nodes whose scheme the map changed
    last: dict[str, int] = attrs.Factory(lambda: {"node": 0, "edge": 0})
    carried: dict[tuple[str, str], Any] = attrs.Factory(dict)  # carried edges by their ends
    used: set[int] = attrs.Factory(set)  # the carried edges written for the map's own (id())
    numbers: bool = False  # the carried edge ids are JSON numbers: so are new ones
    fresh_from: int | None = None  # the id of the first new edge
    carries: bool = False  # a claim or relation carries its AIF node (the map came from AIF)
    contradictions: list[str] = attrs.Factory(list)  # the CA-nodes of contradictions
    contradicted: set[frozenset[str]] = attrs.Factory(set)  # the pairs of claims written
    schemes: SchemeIds = attrs.field(kw_only=True)  # the scheme ids of the map's own nodes

    def fresh(self, what: str) -> str:
        """A new node or edge id: the next number after the highest of the map's own (its
        claims' and relations' nodes, the edges between them) that nothing carried has."""
        self.last[what] += 1
        while str(self.last[what]) in (self.taken if what == "node" else self.taken_edges):
            self.last[what] += 1
        return str(self.last[what])

    def node(self, kind: str, data: dict[str, Any] | None, text: object, **fields: Any) -> str:
        """The id of a new node of type ``kind`` made of carried ``data`` (its fields as they
        came; None: a new node), or of the node the data names when it is already written."""
        wanted = _key(data.get("nodeID")) if data is not None else None
        if wanted is not None and self.types.get(wanted) == kind and kind != "I":
            return wanted  # one node with several conclusions or targets
        if wanted is not None and wanted in self.types:
            self.losses.append(f"node id {wanted} is carried twice; the second gets a new id")
            wanted = None
        node_id = wanted if wanted is not None else self.fresh("node")
        if data is None:
            rest: dict[str, Any] = {"timestamp": TIMESTAMP}
        else:
            rest = {k: v for k, v in data.items() if k not in ("nodeID", "text", "type", *DERIVED)}
        shown = data["nodeID"] if data is not None and wanted is not None else node_id
        written = {"nodeID": shown, "text": text, "type": kind, **rest, **fields}
        if text is NO_TEXT:  # a node that came without text
            del written["text"]
        self.nodes.append(written)
        self.types[node_id] = kind
        return node_id

    def edge(self, tail: str, head: str) -> None:
        """The edge from ``tail`` to ``head``: the carried one as it came (its id and every
        field), else a new one."""
        if (tail, head) in self.pairs:
            return
        self.pairs.add((tail, head))
        raw = self.carried.get((tail, head))
        if raw is not None:
            self.used.add(id(raw))
            self.edges.append(raw)
            return
        number = self.fresh("edge")
        if self.fresh_from is None:
            self.fresh_from = int(number)
        self.edges.append({"edgeID": int(number) if self.numbers else number, "fromID": tail,
                           "toID": head, "formEdgeID": None})  # fmt: skip


def _ids(items: object, key: str) -> set[str]:
    found = (_key(item.get(key)) for item in items if isinstance(item, dict))  # type: ignore[attr-defined]
    return {item for item in found if item is not None}


def _highest(ids: set[str]) -> int:
    return max((int(i) for i in ids if order(i)[0] == 0), default=0)


def _relation_node(out: Layout, relation: Relation) -> str:
    """The RA, CA or MA node of a relation. A reason's scheme is the map's: where the map
    changed the scheme the import gave it, the carried scheme and scheme id give way."""
    kind = NODES[relation.link]
    placeholder = PLACEHOLDERS[kind]
    if relation.aif is None:
        found = out.schemes.of(kind, relation.scheme or placeholder)
        given = {} if found is None else {"schemeID": found}
        if relation.scheme is None:
            fields = {} if found is None else {"scheme": placeholder, **given}
            return out.node(kind, None, placeholder, **fields)
        return out.node(kind, None, relation.scheme, scheme=relation.scheme, **given)
    data = relation.aif.value
    read = carried_scheme(data) if relation.link is Link.SUPPORT else None
    if relation.link is Link.SUPPORT and relation.scheme != read:
        data.pop("schemeID", None)
        found = (
            None if relation.scheme is None else out.schemes.of(kind, relation.scheme, made=False)
        )
        if found is not None:
            data["schemeID"] = found  # its new scheme's, as the map's own nodes of it have
        out.rescheme.add(str(data.get("nodeID")))
        text = data.get("text")
        if read is not None and isinstance(text, str) and same_scheme(text, read):
            del data["text"]  # it named the scheme the map no longer has
        if relation.scheme is None:
            data.pop("scheme", None)
        else:
            data["scheme"] = relation.scheme
    return out.node(kind, data, data.get("text", relation.scheme or placeholder))


def layout(amap: ArgumentMap) -> Layout:
    """The AIF graph of a map: its claims and relations as nodes and edges, then what it
    carries at its top (see the module's docstring)."""
    top = carried_graph(amap)[0]
    nodes = top.get("nodes", [])
    out = Layout(schemes=SchemeIds(amap, nodes if isinstance(nodes, list) else []))
    for claim in amap.claims:
        items = [claim.aif, *(relation.aif for relation in walk(claim))]
        out.taken |= _ids([c.value for c in items if c is not None], "nodeID")
    own = set(out.taken)  # the nodes of the map's claims and relations
    out.carries = bool(own)
    out.taken |= _ids(top.get("nodes", []), "nodeID")
    edges = [raw for raw in top.get("edges", []) if isinstance(raw, dict)]
    links = [raw for raw in edges if {_key(raw.get("fromID")), _key(raw.get("toID"))} <= own]
    out.taken_edges = _ids(edges, "edgeID")
    # new ids follow the map's own, so that what other tools add (a dialogue) leaves them be
    out.last = {"node": _highest(own), "edge": _highest(_ids(links, "edgeID"))}
    for raw in edges:
        ends = (_key(raw.get("fromID")), _key(raw.get("toID")))
        if None not in ends:
            out.carried.setdefault(ends, raw)  # type: ignore[arg-type]
    numbers = [raw.get("edgeID") for raw in edges]
    out.numbers = bool(numbers) and all(type(n) is int for n in numbers)
    claims = amap.by_id()
    drawn = [claim for claim in amap.claims if claims[claim.id] is claim]
    for claim in drawn:
        data = claim.aif.value if claim.aif is not None else None
        source = data.get("text") if data is not None else None
        node = str(data.get("nodeID")) if data is not None else ""
        # the node's text as it came (null, a number: the claim shows a placeholder)
        made = data is not None and "text" in data and claim_text(
            source if isinstance(source, str) else "", node) == claim.text  # fmt: skip
        text = source if made else claim.text
        if data is not None and "text" not in data and claim.text == claim_text("", node):
            text = NO_TEXT  # the node had none; the claim shows a placeholder
        out.claims[claim.id] = out.node("I", data, text)
    for claim in drawn:
        for relation in walk(claim):
            if relation.link is Link.CONTRADICT:
                continue  # after the others: a CA-node each way
            on = relation.on
            head = out.claims[claim.id] if on is None else out.relations[on]
            node = out.relations[relation] = _relation_node(out, relation)
            for ref in relation.claims:
                if ref.id in out.claims:
                    out.edge(out.claims[ref.id], node)
            out.edge(node, head)
    _contradictions(drawn, out)
    _carried(top, out)
    return out


def _contradictions(drawn: list[Claim], out: Layout) -> None:
    """Each pair of claims that contradict one another as two CA-nodes, one each way (AIF's
    conflict between claims that cannot both be true), once for the pair."""
    for claim in drawn:
        for ref in claim.contradicts:
            pair = frozenset((claim.id, ref.id))
            if ref.id not in out.claims or pair in out.contradicted or len(pair) < 2:
                continue
            out.contradicted.add(pair)
            for tail, head in ((claim.id, ref.id), (ref.id, claim.id)):
                found = out.schemes.of("CA", PLACEHOLDERS["CA"])
                fields = {} if found is None else {"scheme": PLACEHOLDERS["CA"], "schemeID": found}
                node = out.node("CA", None, PLACEHOLDERS["CA"], **fields)
                out.edge(out.claims[tail], node)
                out.edge(node, out.claims[head])
                out.contradictions.append(node)


def _carried(top: dict[str, Any], out: Layout) -> None:
    """The nodes the map carries at its top, as they came, after its own; its carried edges
    in their order (those of the argument only where the map still has them), then the new
    ones."""
    made = set(out.types)  # the nodes of the map's claims and relations
    for raw in top.get("nodes", []):
        node_id = _key(raw.get("nodeID")) if isinstance(raw, dict) else None
        out.nodes.append(raw)  # a node id given twice too: as the file gave it
        if node_id is not None and node_id not in out.types:
            out.types[node_id] = str(raw.get("type"))
    dangling = 0
    new = [raw for raw in out.edges if id(raw) not in out.used]
    out.edges = []  # the carried edges in their order, then the new ones
    for raw in top.get("edges", []):
        ends = (_key(raw.get("fromID")), _key(raw.get("toID"))) if isinstance(raw, dict) else ()
        if id(raw) in out.used or None in ends or len(ends) < 2:
            out.edges.append(raw)  # the map's link, or an edge without its ends, as it came
        elif len(ends) == 2 and ends[0] in out.types and ends[1] in out.types:
            types = (out.types[ends[0]], out.types[ends[1]])  # type: ignore[index]
            if types in STRUCTURE and ends[0] in made and ends[1] in made \
                    and ends not in out.pairs:  # fmt: skip
                continue  # a link of the argument the map no longer has (not one repeated)
            out.pairs.add(ends)  # type: ignore[arg-type]
            out.edges.append(raw)
        else:
            dangling += 1
    out.edges += new
    if dangling:
        edges = "edge joins" if dangling == 1 else "edges join"
        out.losses.append(f"{dangling} carried {edges} nodes the map does not have; left out")


def _extension(amap: ArgumentMap, out: Layout) -> dict[str, Any]:
    """What AIF has no place for, by node id; ``"aif": null`` for what carried no AIF data,
    so that it comes back without it, and each claim's relations in the map's ``order``."""
    claims: dict[str, dict[str, Any]] = {}
    under: dict[str, list[str]] = {}  # claim id → the nodes of its relations, in its order
    for relation, node in out.relations.items():
        under.setdefault(relation.target.id, []).append(node)
    for claim in amap.claims:
        node = out.claims.get(claim.id)
        if node is None or node in claims:
            continue
        entry: dict[str, Any] = {"id": claim.id, "kind": claim.kind.value}
        entry.update((k, v) for k, v in claim_document(claim).items() if k not in IN_AIF)
        if claim.aif is None:
            entry["aif"] = None
        if claim.id in under:
            entry["order"] = list(dict.fromkeys(under[claim.id]))
        claims[node] = entry
    steps: dict[str, dict[str, Any]] = {}
    for relation, node in out.relations.items():
        entry: dict[str, Any] = {}
        if relation.note is not None:
            entry["note"] = relation.note
        if relation.scheme is not None:
            entry["scheme"] = relation.scheme
        if relation.question:
            entry["question"] = list(relation.question)
        if relation.sadface is not None:
            entry["sadface"] = relation.sadface.value
        if relation.aif is None:
            entry["aif"] = None
        if entry and node not in steps:
            steps[node] = entry
    for node in out.contradictions:  # read back as the claims' contradicts, not as attacks
        steps[node] = {CONTRADICTION: True, "aif": None}
    top = {k: v for k, v in document(amap).items()
           if k not in [kind.section for kind in Kind] and k != "aif"}  # fmt: skip
    fresh = {NEW_EDGES: out.fresh_from} if out.fresh_from is not None else {}
    return {**top, "claims": claims, "steps": steps, **fresh}


def carried_graph(amap: ArgumentMap) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """What a map carries of its AIF graph (nodes, edges, locutions, ...), and, when it came
    from an xAIF document, the document's other keys ("OVA", "text", ...)."""
    top = amap.aif.value if amap.aif is not None else {}
    inner = top.get(XAIF)
    if "nodes" not in top and isinstance(inner, dict):
        return inner, {k: v for k, v in top.items() if k != XAIF}
    return top, None


def write(amap: ArgumentMap) -> Exported:
    """The map as AIF JSON, with what AIF cannot hold under the top-level ``argmap`` key; a
    map from an xAIF document as xAIF again, its graph under "AIF"."""
    out = layout(amap)
    top, outer = carried_graph(amap)
    graph: dict[str, Any] = {"nodes": out.nodes, "edges": out.edges}
    mine = (EXTENSION,) if outer is None else ()  # xAIF: its graph may have a key 'argmap'
    graph.update((k, v) for k, v in top.items() if k not in ("nodes", "edges", *mine))
    if amap.aif is None and not out.carries:  # made in argmap: as AIFdb writes a graph
        graph["locutions"] = []
    if isinstance(graph.get("schemefulfillments"), list):  # scheme ids of nodes still so
        graph["schemefulfillments"] = _fulfilled(graph["schemefulfillments"], out)
    data = graph if outer is None else {XAIF: graph, **outer}
    data[EXTENSION] = _extension(amap, out)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    said = (*out.losses, *out.schemes.losses())
    return Exported(text, (*losses(amap), *dict.fromkeys(said)))


def _fulfilled(items: list[Any], out: Layout) -> list[Any]:
    """The scheme ids (``schemefulfillments``) of nodes written that keep their scheme; those
    naming a node not written are counted in a loss."""
    kept, gone = [], 0
    for item in items:
        node = _key(item.get("nodeID")) if isinstance(item, dict) else ""
        if node is None or (node not in out.types and node != ""):
            gone += 1
        elif node not in out.rescheme:
            kept.append(item)
    if gone:
        names = "id ('schemefulfillments') names a node" if gone == 1 else (
            "ids ('schemefulfillments') name nodes")  # fmt: skip
        out.losses.append(f"{gone} scheme {names} the map does not have; left out")
    return kept


__all__ = [
    "DERIVED",
    "NEW_EDGES",
    "PLACEHOLDERS",
    "TIMESTAMP",
    "Layout",
    "carried_graph",
    "layout",
    "write",
]
