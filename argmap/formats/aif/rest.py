"""What a map imported from AIF carries of its file: the nodes and edges it does not draw and
every other key, as the file has them (but what nests deeper than a map holds, noted), and not
what argmap's own export made, which it makes again."""

from __future__ import annotations

import re
from typing import Any

import attrs

from argmap.formats.aif.graph import EXTENSION, XAIF, Graph, unwrap
from argmap.formats.aif.write import Layout, layout
from argmap.formats.base import nesting
from argmap.model import ArgumentMap, Carried, walk
from argmap.read.yamltree import MAX_DEPTH

_SURROGATE = re.compile("[\ud800-\udfff]")


def carried(value: Any) -> Any:
    """JSON values as a map may carry them: lone surrogates (which no UTF-8 file holds) become
    U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [carried(item) for item in value]
    if isinstance(value, dict):
        return {carried(k): carried(v) for k, v in value.items()}
    return value


def too_deep(what: str, depth: int, room: int) -> str:
    """A note on data left out for nesting ``depth`` levels where a map holds ``room``."""
    return (f"{what} nests {depth} levels deep, more than the map can hold there ({room}, of "
            f"{MAX_DEPTH} in all); left out")  # fmt: skip


def made_nodes(extension: dict[str, Any]) -> set[str]:
    """The node ids of the claims and relations that carried no AIF data when argmap
    exported them (``"aif": null``): nodes its export made, which it makes again."""
    return {str(node) for part in ("claims", "steps")
            if isinstance(entries := extension.get(part), dict)
            for node, entry in entries.items()
            if isinstance(entry, dict) and "aif" in entry and entry["aif"] is None}  # fmt: skip


def rest(
    doc: dict[str, Any],
    graph: Graph,
    amap: ArgumentMap,
    notes: list[str],
    fresh: int | None,
    made: set[str],
    made_here: bool = False,
) -> Carried | None:
    """What the map does not hold of the file, as the file has it: the nodes it does not make
    into claims and relations, every edge (the export writes the argument's own as they came,
    with their ids), and every other top-level key (but an empty
    one, and what nests deeper than the map's 'aif' can hold: noted); of an xAIF document,
    its graph's rest under "AIF" and its other keys beside it. Edges numbered from ``fresh``
    on that link the map's own relations are those argmap's export made, which it makes
    again: not carried (nor, ``made_here``, for a map that carried no AIF, the empty
    locutions it wrote); so are the nodes it ``made``, numbered past the map's own nodes and
    those carried, as the export numbers them again."""
    inner, wrapped = unwrap(doc)
    nodes = inner["nodes"]
    made = made | {str(item.aif.value.get("nodeID")) for claim in amap.claims
             for item in (claim, *walk(claim)) if item.aif is not None}  # fmt: skip
    carry = [raw for raw in nodes if not (isinstance(raw, dict) and str(raw.get("nodeID")) in made)]
    drawn = layout(attrs.evolve(amap, aif=Carried.of(carried({"nodes": carry}))))
    own = _own(drawn)
    kept = [raw for raw in nodes if not (isinstance(raw, dict) and _drawn(raw, graph, own))]
    edges = inner.get("edges") if isinstance(inner.get("edges"), list) else []
    if fresh is not None:  # made again by the export: the links of the map's own relations
        edges = [raw for raw in edges if not (_made(raw, fresh) and _ends(raw) in drawn.pairs)]
    out: dict[str, Any] = {"nodes": kept, "edges": list(edges)}  # all: ids, fields, order
    mine = () if wrapped else (EXTENSION,)  # argmap's key is the document's, not its graph's
    out.update((k, v) for k, v in inner.items() if k not in ("nodes", "edges", *mine))
    # empty lists of nodes and edges say nothing; nor do the locutions argmap's export gave
    # a map made in argmap (AIFdb's shape); other empty keys are the file's, as it had them
    empty = ("nodes", "edges", *(("locutions",) if made_here else ()))
    out = _fitting(out, MAX_DEPTH - 2 - wrapped, notes, empty)  # top, aif (, AIF)
    if not wrapped and XAIF in out:  # a graph's own key "AIF": still a graph, not xAIF
        out.setdefault("nodes", [])
    if wrapped:
        outer = {k: v for k, v in doc.items() if k not in (XAIF, EXTENSION)}
        out = {XAIF: out, **_fitting(outer, MAX_DEPTH - 2, notes)}
    return Carried.of(carried(out)) if out else None


def _ends(raw: object) -> tuple[str, str] | None:
    """An edge's ends as node ids (text), or None."""
    ends = (raw.get("fromID"), raw.get("toID")) if isinstance(raw, dict) else (None, None)
    if any(type(end) not in (int, str) for end in ends):
        return None
    return str(ends[0]), str(ends[1])


def _made(raw: object, fresh: int) -> bool:
    """Whether an edge is one argmap's export numbered, from ``fresh`` on."""
    number = raw.get("edgeID") if isinstance(raw, dict) else None
    text = str(number) if type(number) in (int, str) else ""
    return re.fullmatch(r"[0-9]{1,18}", text) is not None and int(text) >= fresh


def _fitting(
    rest: dict[str, Any], room: int, notes: list[str], empty: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The keys of ``rest`` but what nests deeper than ``room`` levels (a list's items one
    level less), each noted, and but the empty ones among ``empty``."""
    rest = {k: v for k, v in rest.items() if k not in empty or v not in ([], {}, None)}
    for key, value in list(rest.items()):
        if key in ("nodes", "edges"):  # the list: an item may nest one level less
            rest[key] = []
            for item in value:
                if (depth := nesting(item)) <= room - 1:
                    rest[key].append(item)
                    continue
                what = (f"{key[:-1]} {item.get('nodeID', item.get('edgeID'))}"
                        if isinstance(item, dict) else f"an item of '{key}'")  # fmt: skip
                notes.append(too_deep(what, depth, room - 1))
        elif (depth := nesting(value)) > room:
            del rest[key]
            notes.append(too_deep(f"the graph's '{key}'", depth, room))
    return rest


def _own(out: Layout) -> set[str]:
    """The nodes of a map's claims, relations and contradictions in its AIF graph."""
    return {*out.claims.values(), *out.relations.values(), *out.contradictions}


def _drawn(raw: dict[str, Any], graph: Graph, own: set[str]) -> bool:
    """Whether a node of the file is one the map holds (as a claim or a relation)."""
    node = graph.nodes.get(str(raw.get("nodeID")))
    return node is not None and node.raw is raw and node.id in own


__all__ = ["carried", "made_nodes", "rest", "too_deep"]
