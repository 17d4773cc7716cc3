"""A map's symmetric relations (contradictions, restatements) → where a fitted figure draws each
pair, which tops have nothing but such a relation (set beside their partner), and how much
wider a claim's rank is for the partners drawn beside it. Pure."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from argmap.analysis.carve import Sizes
from argmap.analysis.shape import Shape
from argmap.model import Claim, restated


def loose_tops(shape: Shape) -> dict[str, list[str]]:
    """The tops with nothing beneath them (no reasons, no objections; being tops, they support
    and attack nothing) that restate or contradict other claims, or are restated or
    contradicted by them → those others that are not such tops themselves, in reading order."""
    partners: dict[str, set[str]] = {}
    for claim in shape.claims.values():
        others = [ref.id for ref in claim.contradicts] + [restated(r).id for r in claim.restates]
        for other in others:
            if other in shape.claims and other != claim.id:
                partners.setdefault(claim.id, set()).add(other)
                partners.setdefault(other, set()).add(claim.id)
    bare = {
        root
        for root in shape.roots
        if not shape.parts[root] and root != shape.thesis and root in partners
    }
    order = {name: n for n, name in enumerate(shape.claims)}
    return {
        root: sorted(partners[root] - bare, key=order.__getitem__)
        for root in shape.roots
        if root in bare and partners[root] - bare
    }


def pairs_by_figure(
    shape: Shape, home: Mapping[str, int], others: Callable[[Claim], list[str]]
) -> dict[int, list[tuple[str, str]]]:
    """Each pair of a symmetric relation (contradiction, restatement: ``others`` of a claim),
    once, in the figure where the earlier of its claims is at home; as written."""
    found: dict[int, list[tuple[str, str]]] = {}
    seen: set[frozenset[str]] = set()
    for claim in shape.claims.values():
        for other in others(claim):
            pair = frozenset((claim.id, other))
            if other not in shape.claims or len(pair) < 2 or pair in seen:
                continue
            seen.add(pair)
            first = min((claim.id, other), key=lambda name: home[name])
            found.setdefault(home[first], []).append((claim.id, other))
    return found


def beside_widths(shape: Shape, sizes: Sizes) -> dict[str, float]:
    """A claim → the points its rank takes for the claims of later trees that restate or
    contradict it (or that it restates or contradicts): each pair is drawn in the figure of
    the claim at home earlier, the other beside it as a reference, so a claim in an earlier
    tree than its partner has it beside it, its width and a gap to the right. (Of a pair in
    one tree, which is at home first is not known while the tree is carved: none is
    reckoned; a top set beside its partner is reckoned as a top of its own figure.)"""
    root_of: dict[str, str] = {}
    for name in shape.claims:
        top = name
        while (up := shape.owner.get(top)) is not None:
            top = up
        root_of[name] = top
    rank = {root: n for n, root in enumerate(shape.roots)}
    loose = loose_tops(shape)
    extra: dict[str, float] = {}
    seen: set[frozenset[str]] = set()
    for claim in shape.claims.values():
        others = [ref.id for ref in claim.contradicts] + [restated(r).id for r in claim.restates]
        for other in others:
            pair = frozenset((claim.id, other))
            if other not in shape.claims or len(pair) < 2 or pair in seen:
                continue
            seen.add(pair)
            first, second = sorted((claim.id, other), key=lambda name: rank[root_of[name]])
            if root_of[first] == root_of[second] or second in loose or first in loose:
                continue
            extra[first] = extra.get(first, 0.0) + sizes.ref[second][0] + sizes.gap
    return extra


__all__ = ["beside_widths", "loose_tops", "pairs_by_figure"]
