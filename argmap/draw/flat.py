"""A figure's contradictions and restatements → their edges, each drawn so that Graphviz keeps
its least length (:data:`~argmap.draw.style.FLAT_GAP`) where the two claims end up side by side.

Both are left out of the ranking (``constraint=false``), so two claims on one rank are joined
by a *flat* edge, whose ``minlen`` sets them apart. Graphviz keeps the order of a claim's
reasons (``ordering=in``) with flat edges of its own between them; a flat edge of ours drawn
against one of those is merged into it and its ``minlen`` is lost (a restatement became a
double line 15 points long, a contradiction two bars back to back). So an edge between two
reasons or objections of one claim is drawn from the one that comes first there.
"""

from __future__ import annotations

import graphviz

from argmap.analysis.figures import Figure
from argmap.analysis.shape import Shape
from argmap.draw.legend import contradiction_edge, restatement_edge


def seats(shape: Shape, figure: Figure) -> dict[str, dict[str, int]]:
    """Claim drawn in full → the place of each claim among its reasons and objections, left
    to right as the figure draws them (the order its split chose, else as written)."""
    found: dict[str, dict[str, int]] = {}
    for name in figure.full():
        units = figure.units.get(name)
        written = [u for u in range(len(shape.units[name])) if units is None or u in units]
        places: dict[str, int] = {}
        for unit in figure.orders.get(name, written):
            branch = shape.units[name][unit] if unit >= 0 else None
            for member in branch.members if branch is not None else ():
                places.setdefault(member, len(places))
        found[name] = places
    return found


def _backwards(a: str, b: str, places: dict[str, dict[str, int]]) -> bool:
    """Whether ``b`` comes before ``a`` among the reasons of a claim they both belong to."""
    for seat in places.values():
        if a in seat and b in seat:
            return seat[b] < seat[a]
    return False


def flat_links(
    graph: graphviz.Digraph, used: set[str], shape: Shape, figure: Figure, nodesep: float
) -> None:
    """The figure's contradictions and restatements as edges of ``graph``; what they are is
    added to ``used``, for the legend."""
    places = seats(shape, figure)
    for a, b in figure.contradictions:
        used.add("contradiction")
        contradiction_edge(graph, a, b, nodesep, backwards=_backwards(a, b, places))
    for a, b in figure.restatements:
        used.add("restatement")
        restatement_edge(graph, a, b, nodesep, backwards=_backwards(a, b, places))


__all__ = ["flat_links", "seats"]
