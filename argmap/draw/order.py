"""A fitted figure → its claims in the order Graphviz is to meet them: depth first from its
tops, each claim's reasons and objections left to right as the split arranged them.

``dot`` takes the first order of each rank from the order its nodes are declared in, and the
top's reasons keep the split's order (``ordering=in``); declared in file order instead, the
claims beneath could start out in the opposite order to the claims they support, and
``dot``'s crossing reduction, which only improves on its start, then kept the lines crossed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from argmap.analysis.figures import Figure, Shown
from argmap.analysis.shape import Branch, Shape


def _claims(branch: Branch) -> Iterator[str]:
    """A relation's claims, then those of the undercuts on it, as drawn left to right."""
    yield from branch.members
    for attack in branch.attacks:
        yield from _claims(attack)


def drawing_order(shape: Shape, figure: Figure) -> tuple[Shown, ...]:
    """The figure's claims as the split lays them out, depth first from its tops (a claim that
    shares a reason with another, whose order the split could not foresee, in the order
    written); the claims no relation drawn in full reaches (such as the other claim of a
    contradiction) after, in the figure's order."""
    shown = {s.claim: s for s in figure.shown}
    full = set(figure.full())
    found: dict[str, Shown] = {}
    todo = list(reversed(figure.tops))
    while todo:
        name = todo.pop()
        if name in found or name not in shown:
            continue
        found[name] = shown[name]
        if name not in full:
            continue
        units = figure.units.get(name)
        order = figure.orders.get(name)
        if order is None or (name != shape.thesis and shares_reasons(shape, figure, name)):
            order = tuple(u for u in range(len(shape.units[name])) if units is None or u in units)
        below = [
            claim
            for unit in order
            if unit >= 0 and (branch := shape.units[name][unit]) is not None
            for claim in _claims(branch)
        ]
        todo.extend(reversed(below))
    return (*found.values(), *(s for s in figure.shown if s.claim not in found))


def _beneath(shape: Shape, figure: Figure, name: str) -> set[str]:
    units = figure.units.get(name)
    return {
        claim
        for unit, branch in enumerate(shape.units[name])
        if branch is not None and (units is None or unit in units)
        for claim in _claims(branch)
    }


def shares_reasons(shape: Shape, figure: Figure, name: str) -> bool:
    """Whether a claim drawn beneath ``name`` in the figure is drawn beneath another claim of
    it too: then the split's order of ``name``'s reasons, which sees a tree, may cross the
    lines to the other claim, and Graphviz is left to order them."""
    own = _beneath(shape, figure, name)
    return any(own & _beneath(shape, figure, other) for other in figure.full() if other != name)


def stacked(shape: Shape, figure: Figure) -> list[tuple[str, str, int]]:
    """The rows of an overview or a page of the thesis (:attr:`Figure.rows`) as unseen
    edges, each from a unit's first claim up to the first claim of the unit above it in its
    column, and the ranks between them: Graphviz then sets each row under the one before, in
    columns, rather than all on one rank; a row under claims drawn in full with reasons
    beneath them starts under the lowest of those (on a page of the thesis, an objection's
    premise beside the next row's objection made the page a quarter wider)."""
    thesis = shape.thesis
    if not figure.rows or thesis is None:
        return []

    def branch(unit: int) -> Branch:
        found = shape.units[thesis][unit]
        assert found is not None
        return found

    full = set(figure.full())

    def depth(claim: str, seen: frozenset[str]) -> int:
        if claim not in full or claim in seen:
            return 0
        units = figure.units.get(claim)
        return max(
            (
                (2 if b.junction else 1) + max(depth(m, seen | {claim}) for m in b.members)
                for u, b in enumerate(shape.units[claim])
                if b is not None and (units is None or u in units)
            ),
            default=0,
        )

    return [
        (
            branch(unit).members[0],
            branch(above).members[0],
            1 + max(depth(m, frozenset()) for m in branch(above).members),
        )
        for upper, lower in itertools.pairwise(figure.rows)
        for unit, above in zip(lower, upper, strict=False)
    ]


__all__ = ["drawing_order", "shares_reasons", "stacked"]
