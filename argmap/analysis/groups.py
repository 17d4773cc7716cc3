"""A map's roots, carved, + a budget → the roots grouped into figures side by side. Pure."""

from __future__ import annotations

import zlib
from collections.abc import Mapping

from argmap.analysis.carve import Budget, Plan, Sizes
from argmap.analysis.contour import Contour, side_by_side
from argmap.analysis.shape import Shape


def group_roots(
    shape: Shape,
    sizes: Sizes,
    budget: Budget,
    plan: Plan,
    tops: Mapping[str, Contour],
    squeeze: Mapping[str, Budget],
) -> list[list[str]]:
    """The roots, grouped into figures: all in one if the whole map fits, else the thesis
    alone and the rest side by side in reading order while they fit (within the smallest
    budget any of them was squeezed to) and no anchor starts a new group."""
    roots = list(shape.roots)
    together = side_by_side([tops[root] for root in roots], sizes.gap)
    room = min((squeeze.get(root, budget) for root in roots), key=lambda b: b.width)
    if not plan.cut and not plan.pages and not any(room.holds(together, sizes.rank_gap)):
        return [roots]
    groups: list[list[str]] = []
    if shape.thesis is not None and roots and roots[0] == shape.thesis:
        groups.append([roots.pop(0)])
    current: list[str] = []
    for root in roots:
        trial = [*current, root]
        joined = side_by_side([tops[name] for name in trial], sizes.gap)
        room = min((squeeze.get(name, budget) for name in trial), key=lambda b: b.width)
        if current and (any(room.holds(joined, sizes.rank_gap)) or anchor(root)):
            groups.append(current)
            current = []
        current.append(root)
    if current:
        groups.append(current)
    return groups


def anchor(root: str) -> bool:
    """Whether a group must start at ``root``: for about one root in three, by its id.

    Filling groups greedily from left to right alone would let one root grown wider push the
    next into the following group, and so on to the last; anchors end that cascade at the
    next anchor, so an edit regroups only the roots between two anchors.
    """
    return zlib.crc32(root.encode()) % 3 == 0


__all__ = ["anchor", "group_roots"]
