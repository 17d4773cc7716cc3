"""A figure's contradictions and restatements → their edges, each drawn so that Graphviz keeps
its least length (:data:`~argmap.draw.style.FLAT_GAP`) where the two claims end up side by side.

Both are left out of the ranking (``constraint=false``), so two claims on one rank are joined
by a *flat* edge, whose ``minlen`` sets them apart. Graphviz keeps the order of a claim's
reasons (``ordering=in``) with flat edges of its own between them; a flat edge of ours drawn
against one of those is merged into it and its ``minlen`` is lost (a restatement became a
double line 15 points long, a contradiction two bars back to back). So an edge between two
reasons or objections of one claim is drawn from the one that comes first there.

A claim set beside another (:attr:`~argmap.analysis.figures.Figure.beside`: it supports and
attacks nothing, has no reasons or objections, and only restates or contradicts that other) is
put on its rank; its edge to it is then kept in the ranking, where a flat edge is one Graphviz
orders its rank by, so that the claim is drawn next to the other rather than at the end of the
rank, with the claims between them crossed by its line.
"""

from __future__ import annotations

import graphviz

from argmap.analysis.figures import Figure
from argmap.analysis.shape import Shape
from argmap.draw.legend import contradiction_edge, restatement_edge


def seats(shape: Shape, figure: Figure, *, alone: bool = False) -> dict[str, dict[str, int]]:
    """Claim drawn in full → the place of each claim among its reasons and objections, left
    to right as the figure draws them (the order its split chose, else as written). With
    ``alone``, only of those that are a reason or objection alone, drawn on the rank just
    under the claim (members of a linked one are a rank lower, under their junction), each
    numbered so that two are neighbours when their numbers are."""
    found: dict[str, dict[str, int]] = {}
    for name in figure.full():
        units = figure.units.get(name)
        written = [u for u in range(len(shape.units[name])) if units is None or u in units]
        places: dict[str, int] = {}
        for n, unit in enumerate(figure.orders.get(name, written)):
            branch = shape.units[name][unit] if unit >= 0 else None
            members = () if branch is None else branch.members
            if alone:
                members = members if len(members) == 1 else ()
            for member in members:
                places.setdefault(member, n if alone else len(places))
        found[name] = places
    return found


def _backwards(a: str, b: str, places: dict[str, dict[str, int]]) -> bool:
    """Whether ``b`` comes before ``a`` among the reasons of a claim they both belong to."""
    for seat in places.values():
        if a in seat and b in seat:
            return seat[b] < seat[a]
    return False


def _loose(a: str, b: str, figure: Figure) -> str | None:
    """Which of ``a`` and ``b`` is set beside the other, if one is."""
    if figure.beside.get(a) == b:
        return a
    return b if figure.beside.get(b) == a else None


def _neighbours(partner: str, places: dict[str, dict[str, int]]) -> tuple[str | None, str | None]:
    """The reasons or objections alone drawn just left and right of ``partner`` under a claim
    it belongs to, in ``places`` (``seats(..., alone=True)``; None: none there)."""
    for seat in places.values():
        if partner in seat:
            at = {n: claim for claim, n in seat.items()}
            return at.get(seat[partner] - 1), at.get(seat[partner] + 1)
    return None, None


def flat_links(
    graph: graphviz.Digraph, used: set[str], shape: Shape, figure: Figure, nodesep: float
) -> None:
    """The figure's contradictions and restatements as edges of ``graph``; what they are is
    added to ``used``, for the legend."""
    places = seats(shape, figure)
    pairs = [(a, b, "contradiction") for a, b in figure.contradictions]
    pairs += [(a, b, "restatement") for a, b in figure.restatements]
    draw = {"contradiction": contradiction_edge, "restatement": restatement_edge}
    for a, b, what in pairs:
        used.add(what)
        loose = _loose(a, b, figure)
        if loose is None:
            draw[what](graph, a, b, nodesep, backwards=_backwards(a, b, places))
            continue
        # Kept in the ranking, the edge sets the loose claim left of its partner, or right of
        # it when its partner is the last of its row, and an unseen edge from the claim on
        # the other side keeps the two together (minlen 0: it never moves a rank).
        partner = b if loose == a else a
        left, right = _neighbours(partner, seats(shape, figure, alone=True))
        on_right = right is None and left is not None
        draw[what](graph, a, b, nodesep, backwards=(loose == a) == on_right, beside=True)
        if not on_right and left is not None:
            graph.edge(left, loose, style="invis", minlen="0")


__all__ = ["flat_links", "seats"]
