"""A map of several disconnected parts → the order Graphviz is to pack them in (:func:`parts`,
:func:`packing`); and a laid-out graph of several parts whose edges have labels → the same
graph packed again, part by part, each laid out with room for its labels and each label by
its line.

A map of several disconnected parts is laid out by Graphviz part by part and the parts packed
(``pack``: :func:`argmap.draw.graph.figure_graph`). Graphviz's ``dot`` then lays each part out
as if no edge had a label: it makes no room for them and leaves them all at one point (or draws
none), so the schemes of an imported corpus or the questions a handout's objections raise lie
on top of one another. :func:`repack` lays each part out again as a graph of its own, where
``dot`` places the labels, and packs the parts as Graphviz does, by having it pack boxes of
their sizes.
"""

from __future__ import annotations

import math
import re
from typing import Any

from argmap.analysis.components import connected
from argmap.analysis.shape import Shape
from argmap.model import restated

#: What a part's graph does not take from the whole: packing, the heading, the layout's output.
_WHOLE_ONLY = {"pack", "packmode", "label", "bb", "lp", "lwidth", "lheight", "id"}
#: What a node or an edge does not take into a part's graph: where the first layout put it.
_PLACED = {"pos", "lp", "xlp", "head_lp", "tail_lp"}
#: Attributes that argmap writes as HTML-like labels when they are not empty: read back
#: without their outer ``<>``, which they need again to be set as HTML.
_HTML = {"label", "xlabel", "headlabel", "taillabel"}
_PAIR = re.compile(r"(-?[\d.]+(?:e-?\d+)?),(-?[\d.]+(?:e-?\d+)?)")


def _shifted(pos: str, dx: float, dy: float) -> str:
    """A ``pos`` (a point, or an edge's points with their ``e,``/``s,`` ends) moved."""
    return _PAIR.sub(lambda m: f"{float(m[1]) + dx:.2f},{float(m[2]) + dy:.2f}", pos)


def _copied(attributes: Any) -> dict[str, str]:
    """A node's or an edge's attributes, as the part's graph takes them (:data:`_PLACED`
    left out, HTML labels wrapped again)."""
    return {
        key: f"<{value}>" if key in _HTML and value.startswith("<") else value
        for key, value in attributes.items()
        if key not in _PLACED
    }


def _bb(graph: Any) -> tuple[float, float, float, float]:
    left, bottom, right, top = (float(v) for v in graph.graph_attr["bb"].split(","))
    return left, bottom, right, top


class _Part:
    """One connected part of a graph: its nodes in the graph's order, its edges, and the
    rank constraints (subgraphs: name, attributes, nodes) on its nodes."""

    def __init__(self) -> None:
        self.nodes: list[str] = []
        self.edges: list[Any] = []
        self.ranks: dict[str, tuple[dict[str, str], list[str]]] = {}


def _parts(graph: Any) -> list[_Part]:
    """The graph's connected parts, in the order Graphviz meets them (by their first node)."""
    order = [str(n) for n in graph.nodes_iter()]
    links: dict[str, list[str]] = {}
    edges = list(graph.edges_iter())
    for tail, head in edges:
        links.setdefault(str(tail), []).append(str(head))
    groups = connected(order, links)
    part_of = {name: number for number, group in enumerate(groups) for name in group}
    found = [_Part() for _ in groups]
    for name in order:
        found[part_of[name]].nodes.append(name)
    for edge in edges:
        found[part_of[str(edge[0])]].edges.append(edge)
    for sub in graph.subgraphs_iter():  # rank=sink (the thesis), rank=same (flat links)
        for name in sub.nodes_iter():
            ranks = found[part_of[str(name)]].ranks
            ranks.setdefault(sub.name, (dict(sub.graph_attr.items()), []))[1].append(str(name))
    return found


def _laid_out(graph: Any, found: _Part) -> tuple[Any, dict[str, Any]]:
    """One part of ``graph`` as a graph of its own (the whole's settings but packing and the
    heading), laid out; and each of its edges' keys → the edge of ``graph`` it stands for."""
    part = type(graph)(directed=True, strict=False, name="part")
    part.graph_attr.update({k: v for k, v in graph.graph_attr.items() if k not in _WHOLE_ONLY})
    part.node_attr.update(dict(graph.node_attr.items()))
    part.edge_attr.update(dict(graph.edge_attr.items()))
    for name in found.nodes:
        part.add_node(name, **_copied(graph.get_node(name).attr))
    edges = {}
    for edge in found.edges:
        key = f"e{len(edges)}"
        part.add_edge(edge[0], edge[1], key=key, **_copied(edge.attr))
        edges[key] = edge
    for name, (settings, nodes) in found.ranks.items():
        part.add_subgraph(nodes, name=name, **settings)
    part.layout(prog="dot")
    return part, edges


def _top_of_parts(graph: Any) -> float:
    """How high the nodes and lines of a laid-out graph reach (its heading apart)."""
    tops = []
    for node in graph.nodes_iter():
        y = float(node.attr["pos"].split(",")[1])
        tops.append(y + float(node.attr["height"]) * 36)
    for edge in graph.edges_iter():
        tops += [float(m[2]) for m in _PAIR.finditer(edge.attr.get("pos") or "")]
    return max(tops)


def repack(graph: Any) -> bool:
    """Lay the parts of a packed ``graph`` (a laid-out pygraphviz AGraph) out again one by
    one and pack them as Graphviz would, when an edge has a label; False (and nothing
    changed) when the graph is not packed or no edge has a label.

    Graphviz packs the boxes of the parts (``packmode``, in the parts' order): a graph of one
    empty node of each part's size, laid out with the whole's packing, says where each goes.
    The heading (``labelloc=t``, at the left) keeps its distance above the parts.
    """
    if graph.graph_attr.get("pack") != "true":
        return False
    if not any(edge.attr.get("label") for edge in graph.edges_iter()):
        return False
    old_left, _, _, old_top = _bb(graph)
    heading = old_top - _top_of_parts(graph)
    laid = [(found.nodes, *_laid_out(graph, found)) for found in _parts(graph)]
    boxes = type(graph)(directed=True, strict=False, name="boxes")
    for key in ("pack", "packmode", "rankdir"):
        if graph.graph_attr.get(key):
            boxes.graph_attr[key] = graph.graph_attr[key]
    for n, (_, part, _) in enumerate(laid):
        left, bottom, right, top = _bb(part)
        size = {"width": f"{(right - left) / 72:.4f}", "height": f"{(top - bottom) / 72:.4f}"}
        boxes.add_node(f"b{n}", shape="box", fixedsize="true", label="", **size)
    boxes.layout(prog="dot")
    moves = []
    for n, (_, part, _) in enumerate(laid):
        x, y = (float(v) for v in boxes.get_node(f"b{n}").attr["pos"].split(","))
        left, bottom, right, top = _bb(part)
        moves.append((x - (left + right) / 2, y - (bottom + top) / 2))
    b_left, b_bottom, b_right, b_top = _bb(boxes)
    for (nodes, part, edges), (dx, dy) in zip(laid, moves, strict=True):
        dx, dy = dx - b_left, dy - b_bottom  # the parts from (0, 0)
        for name in nodes:
            node, laid_node = graph.get_node(name), part.get_node(name)
            node.attr["pos"] = _shifted(laid_node.attr["pos"], dx, dy)
            for key in ("width", "height"):
                node.attr[key] = laid_node.attr[key]
        for edge in part.edges_iter():
            whole = edges[edge.key]
            for key in ("pos", "lp"):
                if edge.attr.get(key):
                    whole.attr[key] = _shifted(edge.attr[key], dx, dy)
    high = b_top - b_bottom + heading
    wide = max(b_right - b_left, float(graph.graph_attr.get("lwidth") or 0) * 72)
    if graph.graph_attr.get("lp"):
        lx, ly = (float(v) for v in graph.graph_attr["lp"].split(","))
        graph.graph_attr["lp"] = f"{lx - old_left:.2f},{high - (old_top - ly):.2f}"
    graph.graph_attr["bb"] = f"0,0,{wide:.2f},{high:.2f}"
    return True


def parts(shape: Shape) -> dict[str, int]:
    """Claim → the number of the connected part of the map it is in (by any relation, a
    contradiction and a restatement too), parts numbered in reading order (the thesis's first)."""
    links: dict[str, list[str]] = {
        name: [part.claim for part in found] for name, found in shape.parts.items()
    }
    for claim in shape.claims.values():
        for ref in (*claim.contradicts, *map(restated, claim.restates)):
            if ref.id in shape.claims:
                links.setdefault(claim.id, []).append(ref.id)
    groups = connected([*shape.roots, *shape.claims], links)
    return {name: number for number, group in enumerate(groups) for name in group}


def packing(shape: Shape) -> tuple[dict[str, int], int] | None:
    """For a map of several disconnected parts (an imported corpus): each claim's place in
    the order Graphviz is to pack the parts, and the number of columns; None for one part.

    The parts are laid out one by one and packed in rows, tops aligned, in reading order:
    Graphviz's ``pack``, several times faster than one layout of the whole for thousands of
    claims. Graphviz packs the parts in the order it meets them (``u``: not by size), its
    first row at the bottom of a drawing read bottom to top (rankdir BT); so they are given
    to it last row first, and the top row takes the remainder.
    """
    number = parts(shape)
    count = len(set(number.values()))
    if count < 2:
        return None
    columns = math.ceil(math.sqrt(count))
    rows = math.ceil(count / columns)
    first = count - columns * (rows - 1)
    order = {}
    for part in range(count):
        row, column = (0, part) if part < first else divmod(part - first, columns)
        if part >= first:
            row += 1
        order[part] = (rows - 1 - row) * columns + column
    return {name: order[number[name]] for name in shape.claims}, columns
