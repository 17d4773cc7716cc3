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
put on its rank, and drawn next to it rather than at the end of the rank with the claims
between them crossed by its line: its edge to it is kept in the ranking (a flat edge, which
Graphviz orders the rank by), and, where the other is a reason or objection of a claim, an
unseen edge from it to that claim sets it among the other's siblings, just before it. A
whole map sets its own tops of that kind beside a partner it draws in full the same way
(:func:`placed`).
"""

from __future__ import annotations

import graphviz
from graphviz.quoting import quote

from argmap.analysis.figures import Figure
from argmap.analysis.shape import Shape
from argmap.draw.legend import contradiction_edge, restatement_edge
from argmap.words import ENGLISH, Words


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


def placed(shape: Shape, figure: Figure, *, whole: bool = False) -> dict[str, str]:
    """Claim set beside another → that other: the figure's (:attr:`Figure.beside`), and in a
    ``whole`` map each of its tops with nothing beneath it (not the thesis) that restates or
    contradicts a claim drawn in full that is not such a top too, beside the first of them.
    (A figure fitted to a column keeps its tops where its split measured them: on one rank.)"""
    found = dict(figure.beside)
    if not whole:
        return found
    bare = {top for top in figure.tops if top != shape.thesis and not shape.parts.get(top)}
    full = set(figure.full()) - bare
    for a, b in (*figure.restatements, *figure.contradictions):
        for loose, partner in ((a, b), (b, a)):
            if loose in bare and partner in full:
                found.setdefault(loose, partner)
    return found


def _loose(a: str, b: str, beside: dict[str, str]) -> str | None:
    """Which of ``a`` and ``b`` is set beside the other, if one is."""
    if beside.get(a) == b:
        return a
    return b if beside.get(b) == a else None


def _parent(partner: str, places: dict[str, dict[str, int]]) -> str | None:
    """The claim ``partner`` is a reason or objection of alone (in ``places``, from
    ``seats(..., alone=True)``), if any: drawn on the rank just under it."""
    return next((name for name, seat in places.items() if partner in seat), None)


def _as_sibling(graph: graphviz.Digraph, loose: str, partner: str, parent: str) -> None:
    """An unseen edge from ``loose`` to ``parent``, just before ``partner``'s: Graphviz keeps
    the edges into a claim in their order (``ordering=in``), so it draws ``loose`` among
    ``partner``'s siblings, next to it, rather than where nothing holds it."""
    edge = f"\t{quote(partner)} -> {quote(parent)} ["
    at = next((n for n, line in enumerate(graph.body) if line.startswith(edge)), None)
    if at is not None:
        graph.body.insert(at, f"\t{quote(loose)} -> {quote(parent)} [style=invis]\n")


def flat_links(
    graph: graphviz.Digraph,
    used: set[str],
    shape: Shape,
    figure: Figure,
    nodesep: float,
    *,
    whole: bool = False,
    words: Words = ENGLISH,
) -> dict[str, str]:
    """The figure's contradictions and restatements as edges of ``graph``, each claim set
    beside another on its rank (what :func:`placed` gives, which this returns), their
    tooltips in ``words``; what they are is added to ``used``, for the legend."""
    places = seats(shape, figure)
    beside = placed(shape, figure, whole=whole)
    pairs = [(a, b, "contradiction") for a, b in figure.contradictions]
    pairs += [(a, b, "restatement") for a, b in figure.restatements]
    draw = {"contradiction": contradiction_edge, "restatement": restatement_edge}
    parents = seats(shape, figure, alone=True) if beside else {}
    for a, b, what in pairs:
        used.add(what)
        loose = _loose(a, b, beside)
        if loose is None:
            draw[what](graph, a, b, nodesep, backwards=_backwards(a, b, places), words=words)
            continue
        # Kept in the ranking, the edge sets the loose claim left of its partner, where an
        # unseen edge to its partner's claim, just before its partner's, holds it.
        partner = b if loose == a else a
        draw[what](graph, a, b, nodesep, backwards=loose != a, beside=True, words=words)
        parent = _parent(partner, parents)
        if parent is not None:
            _as_sibling(graph, loose, partner, parent)
    for name, other in beside.items():  # a root with nothing beneath it, on a level
        graph.body.append(f"\t{{rank=same; {quote(other)}; {quote(name)}}}\n")
    return beside


__all__ = ["flat_links", "placed", "seats"]
