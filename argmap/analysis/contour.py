"""Trees of boxes → their contours: an estimate of how wide and tall Graphviz's ``dot`` draws
them, without Graphviz. Pure arithmetic.

A subtree's *contour* is its left and right edge, and its height, on each rank below its top,
relative to the top's middle: the tidy-tree layout of Reingold and Tilford. Children are set
side by side, left to right, each as far left as the contours allow with a gap between
neighbours on every rank they share; a parent sits over the median of its children, as
``dot`` puts it. Unlike a sum of widths per rank, this sees a tree drifting sideways as it
deepens.
"""

from __future__ import annotations

import itertools

INF = float("inf")

#: Per rank below the top: [left, right, height]; an empty rank is [inf, -inf, 0].
Contour = list[list[float]]


def box(wide: float, high: float = 0.0) -> Contour:
    """The contour of one node."""
    return [[-wide / 2, wide / 2, high]]


def width(contour: Contour) -> float:
    """The width of the box around a contour.

    >>> width([[-10, 10, 5], [-30, 0, 5]])
    40
    """
    lefts = [level[0] for level in contour if level[0] <= level[1]]
    rights = [level[1] for level in contour if level[0] <= level[1]]
    return max(rights) - min(lefts) if lefts else 0.0


def height(contour: Contour, gap: float) -> float:
    """The height of a contour's ranks, with ``gap`` between them.

    >>> height([[-10, 10, 30], [-30, 0, 20]], 10)
    60
    """
    return sum(level[2] for level in contour) + gap * max(len(contour) - 1, 0)


def off_centre(contour: Contour) -> float:
    """How far a contour's top is from the middle of its box."""
    lefts = [level[0] for level in contour if level[0] <= level[1]]
    rights = [level[1] for level in contour if level[0] <= level[1]]
    return abs((min(lefts) + max(rights)) / 2) if lefts else 0.0


def _merge(into: Contour, contour: Contour, rank: int, x: float) -> None:
    while len(into) < rank + len(contour):
        into.append([INF, -INF, 0.0])
    for i, (left, right, high) in enumerate(contour):
        level = into[rank + i]
        level[2] = max(level[2], high)
        if left <= right:
            level[0] = min(level[0], left + x)
            level[1] = max(level[1], right + x)


def place(children: list[tuple[int, Contour]], gap: float) -> tuple[list[float], Contour]:
    """Children (each at its rank below the parent) left to right, each as far left as it can
    go: their positions and the contour they make together."""
    together: Contour = []
    xs: list[float] = []
    for rank, contour in children:
        x = xs[-1] if xs else 0.0
        for i, (left, right, _) in enumerate(contour):
            level = rank + i
            if left <= right and level < len(together):
                there = together[level]
                if there[0] <= there[1]:
                    x = max(x, there[1] + gap - left)
        xs.append(x)
        _merge(together, contour, rank, x)
    return xs, together


def tree(top: Contour, children: list[tuple[int, Contour]], gap: float) -> Contour:
    """The contour of the node ``top`` over ``children`` (rank, contour) in this order,
    centred over their median."""
    contour = [list(level) for level in top]
    if not children:
        return contour
    xs, together = place(children, gap)
    middle = sorted(xs)
    at = (middle[(len(xs) - 1) // 2] + middle[len(xs) // 2]) / 2
    _merge(contour, together, 0, -at)
    return contour


def side_by_side(contours: list[Contour], gap: float) -> Contour:
    """Trees whose tops share a rank, left to right."""
    return place([(0, contour) for contour in contours], gap)[1]


def arranged(
    top: Contour, children: list[tuple[int, Contour]], gap: float, *, centre: bool = False
) -> tuple[Contour, tuple[int, ...]]:
    """The narrowest of a few orders of ``children`` (as written, reversed, shallow subtrees
    first, deep ones first) and its contour; of equally narrow ones, the first.

    With ``centre`` (the thesis), every order of up to six children is tried too, and of those
    at most 5% wider than the narrowest the one that puts the top nearest the middle wins.
    """
    count = len(children)
    written = tuple(range(count))
    deep = tuple(sorted(written, key=lambda i: (len(children[i][1]), i)))
    orders = [written, written[::-1], deep, deep[::-1]]
    if centre and count <= 6:
        orders += list(itertools.permutations(written))
    tried = []
    for order in dict.fromkeys(orders):
        contour = tree(top, [children[i] for i in order], gap)
        tried.append((width(contour), off_centre(contour), order, contour))
    narrowest = min(wide for wide, *_ in tried)
    if centre:
        near = [t for t in tried if t[0] <= narrowest * 1.05]
        best = min(near, key=lambda t: (round(t[1] / 10), t[0]))
    else:
        best = next(t for t in tried if t[0] < narrowest + 0.5)
    return best[3], best[2]


__all__ = [
    "Contour",
    "arranged",
    "box",
    "height",
    "off_centre",
    "place",
    "side_by_side",
    "tree",
    "width",
]
