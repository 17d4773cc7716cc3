"""A laid-out graph → the same graph with its thesis in the middle, or its widths; a drawing →
its size.

Graphviz's ``dot`` puts a top claim over the median of what supports it, which can be far from
the middle of the figure. The thesis is alone on the top rank (``rank=sink``), so it can slide
sideways without meeting anything: after ``dot`` has laid the figure out, :func:`centre` moves
the thesis to the middle and bends the edges into it to follow;
the drawing then keeps every other position and spline as ``dot`` made them
(:func:`argmap.draw.engine.render` with ``adjust``).
"""

from __future__ import annotations

import html
import re
from typing import Any

from argmap.draw.metrics import Unmeasured, line_height, text_width
from argmap.draw.pack import repack
from argmap.draw.style import LABEL_PADDING

_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<BR[^>]*>", re.I)

#: The thesis is moved only when it is farther from the middle than this share of the width,
OFF_CENTRE = 0.04
#: and not farther than this: its edges would lie across the drawing.
FAR = 0.25


def _pair(text: str) -> tuple[float, float]:
    x, y = text.split(",")[:2]
    return float(x), float(y)


def _points(text: str) -> tuple[tuple[float, float] | None, list[tuple[float, float]]]:
    """An edge's ``pos``: its arrow tip (``e,x,y``, if any) and its spline's points."""
    tip = None
    points = []
    for item in text.split():
        if item.startswith("e,"):
            tip = _pair(item[2:])
        elif not item.startswith("s,"):
            points.append(_pair(item))
    return tip, points


def _fmt(point: tuple[float, float]) -> str:
    return f"{point[0]:.2f},{point[1]:.2f}"


def _shares(points: list[tuple[float, float]]) -> list[tuple[tuple[float, float], float]]:
    """Each point of a spline into the thesis with the share of the thesis's move it takes:
    none at its start, all at its end (where its arrowhead, moved whole, begins), between by
    height (by place along the spline when it does not rise).

    >>> [share for _, share in _shares([(0, 0), (0, 5), (0, 10), (0, 20)])]
    [0.0, 0.25, 0.5, 1.0]
    >>> [round(share, 2) for _, share in _shares([(0, 0), (5, 0), (10, 0), (15, 0)])]
    [0.0, 0.33, 0.67, 1.0]
    """
    low, high = points[0][1], points[-1][1]
    last = max(1, len(points) - 1)
    if high - low < 1:
        return [(point, n / last) for n, point in enumerate(points)]
    return [(point, _rise(point[1], low, high)) for point in points]


def _rise(y: float, low: float, high: float) -> float:
    """How far up from ``low`` to ``high`` the height ``y`` is, 0 to 1."""
    return min(1.0, max(0.0, (y - low) / (high - low)))


def _curve(points: list[tuple[float, float]], steps: int = 16) -> list[tuple[float, float]]:
    """Points along a spline given as Graphviz gives it: a start, then 3 points a Bezier.

    >>> _curve([(0, 0), (0, 10), (10, 10), (10, 0)], 2)
    [(0.0, 0.0), (5.0, 7.5), (10.0, 0.0)]
    """
    found = []
    for n in range(0, len(points) - 3, 3):
        (ax, ay), (bx, by), (cx, cy), (dx, dy) = points[n : n + 4]
        for i in range(0 if n == 0 else 1, steps + 1):
            t = i / steps
            u = 1 - t
            a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
            found.append((a * ax + b * bx + c * cx + d * dx, a * ay + b * by + c * cy + d * dy))
    return found


def _boxes(graph: Any, apart: str) -> dict[str, tuple[float, float, float, float]]:
    """The boxes of a laid-out graph's nodes but ``apart`` and its junctions (points), by
    name, each 2 points inside its outline: left, bottom, right, top."""
    boxes = {}
    for node in graph.nodes_iter():
        if node == apart or node.attr.get("shape") == "point":
            continue
        x, y = _pair(node.attr["pos"])
        half_w = float(node.attr["width"]) * 36 - 2
        half_h = float(node.attr["height"]) * 36 - 2
        boxes[str(node)] = (x - half_w, y - half_h, x + half_w, y + half_h)
    return boxes


def _label_box(edge: Any, at: tuple[float, float]) -> tuple[float, float, float, float]:
    """The box of an edge's label (a reason's scheme) centred ``at``, as :func:`_boxes` gives
    a claim's: its lines measured in the shipped font (a character it lacks as wide as an
    M) and the padding around them."""
    size = float(edge.attr.get("fontsize") or 14)
    lines = [html.unescape(_TAG.sub("", line)) for line in _BREAK.split(edge.attr["label"])]
    try:
        wide = max(text_width(line, size) for line in lines)
    except Unmeasured:
        wide = max(len(line) for line in lines) * size
    half_w = wide / 2 + LABEL_PADDING
    half_h = len(lines) * line_height(size) / 2 + LABEL_PADDING
    return at[0] - half_w, at[1] - half_h, at[0] + half_w, at[1] + half_h


def _inside(box: tuple[float, float, float, float], points: list[tuple[float, float]]) -> bool:
    left, bottom, right, top = box
    return any(left < px < right and bottom < py < top for px, py in points)


def centre(graph: Any, thesis: str) -> bool:
    """Move ``thesis`` to the middle of the laid-out ``graph`` (a pygraphviz AGraph) and bend
    the edges into it to follow; False (and nothing changed) when that is not safe: the thesis
    has outgoing edges, shares its rank, or an edge bent to follow it would cross a claim or
    another edge's label.

    An edge into the thesis keeps its start; its points slide sideways, the more the nearer
    its end, so that it stays a smooth curve; its end and its arrowhead move with the thesis,
    so the line still meets its arrowhead; its label moves as far as the line at its height.
    """
    if not graph.has_node(thesis):
        return False
    x0, _, x1, _ = (float(v) for v in graph.graph_attr["bb"].split(","))
    node = graph.get_node(thesis)
    x, y = _pair(node.attr["pos"])
    half_h = float(node.attr["height"]) * 36
    dx = (x0 + x1) / 2 - x
    if abs(dx) <= OFF_CENTRE * (x1 - x0) or abs(dx) > FAR * (x1 - x0) or graph.out_edges(node):
        return False
    for other in graph.nodes_iter():
        if other != node:
            half = float(other.attr["height"]) * 36
            if abs(_pair(other.attr["pos"])[1] - y) < half_h + half:
                return False  # something beside it on its rank
    rebuilt = []
    boxes = _boxes(graph, thesis)
    into = graph.in_edges(node)
    places = {}  # every labelled edge → where its label goes (into the thesis: as its line)
    for edge in graph.edges_iter():
        if edge.attr.get("lp"):
            lx, ly = _pair(edge.attr["lp"])
            if edge in into:
                _, points = _points(edge.attr["pos"])
                low, high = points[0][1], points[-1][1]
                lx += dx * (_rise(ly, low, high) if high > low else 1)
            places[edge] = (lx, ly)
    labels = {edge: _label_box(edge, at) for edge, at in places.items()}
    for edge in into:
        tip, points = _points(edge.attr["pos"])
        bent = [(px + dx * share, py) for (px, py), share in _shares(points)]
        along = _curve(bent) + ([(tip[0] + dx, tip[1])] if tip else [])
        for name, box in boxes.items():
            if name != edge[0] and _inside(box, along):
                return False  # the thesis stays where dot put it, its edges around claims
        for other, box in labels.items():
            if other != edge and _inside(box, along):
                return False  # or around the labels of other edges
        spline = " ".join(_fmt(point) for point in bent)
        rebuilt.append((edge, (f"e,{_fmt((tip[0] + dx, tip[1]))} " if tip else "") + spline))
    for edge, pos in rebuilt:
        edge.attr["pos"] = pos
    for edge, at in places.items():
        edge.attr["lp"] = _fmt(at)
    node.attr["pos"] = f"{x + dx:.2f},{y:.2f}"
    return True


def centring(thesis: str | None, keep: list[str] | None = None) -> Any:
    """What :func:`argmap.draw.engine.render` is given as ``adjust`` for a figure whose thesis
    is ``thesis`` (None: nothing to move); with ``keep``, the laid-out graph (DOT with every
    position) is appended to it, for :func:`placed`. A map of several parts with labelled
    edges is packed again first (:func:`argmap.draw.pack.repack`)."""

    def adjust(graph: Any) -> None:
        repack(graph)
        if thesis is not None:
            centre(graph, thesis)
        if keep is not None:
            keep.append(graph.string())

    return adjust


#: Points a whole map's heading may be wider than its claims before its legend is set again
#: in rows as wide as the claims.
LEGEND_SLACK = 12.0


def widths(graph: Any) -> tuple[float, float]:
    """How wide a laid-out graph's nodes and edges spread, and how wide its label (the
    heading: title and legend) is, in points."""
    xs = []
    for node in graph.nodes_iter():
        x = _pair(node.attr["pos"])[0]
        half = float(node.attr["width"]) * 36
        xs += [x - half, x + half]
    for edge in graph.edges_iter():
        tip, points = _points(edge.attr.get("pos") or "")
        xs += [x for x, _ in points] + ([tip[0]] if tip else [])
    label = float(graph.graph_attr.get("lwidth") or 0) * 72
    return (max(xs) - min(xs) if xs else 0.0), label


def measuring(thesis: str | None, found: list[tuple[float, float]]) -> Any:
    """:func:`centring`'s ``adjust`` that also appends the laid-out graph's :func:`widths`
    to ``found``."""

    def adjust(graph: Any) -> None:
        repack(graph)
        if thesis is not None:
            centre(graph, thesis)
        found.append(widths(graph))

    return adjust


def placed(laid_out: str) -> Any:
    """An ``adjust`` that puts every node, edge and the label where they are in ``laid_out``
    (a graph of the same nodes and edges, laid out before: :func:`centring` kept it), so that
    a figure drawn again with its real figure numbers keeps the layout its placeholders had."""

    def adjust(graph: Any) -> None:
        before = type(graph)(string=laid_out)
        for node in graph.nodes_iter():
            old = before.get_node(node)
            for key in ("pos", "width", "height"):
                node.attr[key] = old.attr[key]
        # Edges by their ends and id (a stub's edge has no id, and is the only one between
        # its ends): the order Graphviz lists them in need not be the same.
        where = {(e[0], e[1], e.attr.get("id") or ""): e for e in before.edges_iter()}
        for edge in graph.edges_iter():
            old = where.get((edge[0], edge[1], edge.attr.get("id") or ""))
            for key in ("pos", "lp"):  # its line and its label's place
                if old is not None and old.attr.get(key):
                    edge.attr[key] = old.attr[key]
        for key in ("bb", "lp", "lwidth", "lheight"):
            if before.graph_attr.get(key):
                graph.graph_attr[key] = before.graph_attr[key]

    return adjust


_VIEWBOX = re.compile(rb'viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"')


def viewbox(svg: bytes) -> tuple[float, float]:
    """The width and height of an SVG's viewBox (points, for Graphviz's SVG)."""
    match = _VIEWBOX.search(svg)
    if match is None:
        raise ValueError("not an SVG: no viewBox")
    return float(match.group(3)), float(match.group(4))


__all__ = ["OFF_CENTRE", "centre", "centring", "measuring", "placed", "viewbox", "widths"]
