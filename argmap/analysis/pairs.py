"""A map's symmetric relations (contradictions, restatements) → where a fitted figure draws each
pair, which tops have nothing but such a relation (set beside their partner), and how much
wider a claim's rank is for the partners drawn beside it. Pure."""

from __future__ import annotations

from collections.abc import Callable, Mapping

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


def partners_beside(shape: Shape) -> dict[str, tuple[str, ...]]:
    """A claim → the claims that restate or contradict it (or that it restates or
    contradicts) that its figure is reckoned to draw beside it, as references.

    Each pair is drawn in the figure of the claim at home first, the other as a reference
    there (if it is not in that figure already); figures are numbered tree by tree, each
    depth first, so the claim met first going so through the trees is reckoned to have its
    partner beside it. (When both end up in one figure this reckons with room not needed;
    a top set beside its partner is reckoned as a top of its own figure.)"""
    met: dict[str, int] = {}
    for root in shape.roots:
        stack = [root]
        while stack:
            here = stack.pop()
            met.setdefault(here, len(met))
            stack.extend(part.claim for part in reversed(shape.children[here]))
    loose = loose_tops(shape)
    extra: dict[str, tuple[str, ...]] = {}
    seen: set[frozenset[str]] = set()
    for claim in shape.claims.values():
        others = [ref.id for ref in claim.contradicts] + [restated(r).id for r in claim.restates]
        for other in others:
            pair = frozenset((claim.id, other))
            if other not in shape.claims or len(pair) < 2 or pair in seen:
                continue
            seen.add(pair)
            if claim.id in loose or other in loose:
                continue
            first, second = sorted((claim.id, other), key=met.__getitem__)
            extra[first] = (*extra.get(first, ()), second)
    return extra


__all__ = ["loose_tops", "pairs_by_figure", "partners_beside"]
