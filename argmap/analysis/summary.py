"""A map → what it argues for (its theses, its top claims), in the order it reads, and how many
claims of each kind it has. (Its account for readers who cannot see it, the SVG's ``<desc>``,
is :mod:`argmap.draw.describe`'s, in the map's language.)"""

from __future__ import annotations

from argmap.model import ArgumentMap, Claim, Kind, Link, relations


def _beneath(amap: ArgumentMap) -> dict[str, set[str]]:
    """Claim id → the ids of the claims that support or attack it directly."""
    below: dict[str, set[str]] = {}
    for relation in relations(amap):
        if relation.link is Link.SUPPORT or relation.attack:
            below.setdefault(relation.target.id, set()).update(r.id for r in relation.claims)
    return below


def _tops(amap: ArgumentMap, below: dict[str, set[str]]) -> list[Claim]:
    used = set().union(*below.values())
    claims = amap.by_id().values()
    return [c for c in claims if c.kind is not Kind.PREMISE and c.id not in used]


def top_claims(amap: ArgumentMap) -> list[Claim]:
    """The top of the argument: claims with reasons that support and attack nothing.

    >>> from argmap.model import Reason, Ref
    >>> p = Claim("p", Kind.PREMISE, "P.")
    >>> c = Claim("c", Kind.CONCLUSION, "C.", reasons=(Reason((Ref("p"),)),))
    >>> [claim.id for claim in top_claims(ArgumentMap("t", (p, c)))]
    ['c']
    """
    return _tops(amap, _beneath(amap))


def thesis(amap: ArgumentMap) -> Claim | None:
    """The claim the map argues for, drawn on top, centred and emphasised: the claim marked
    ``thesis: true`` (the first, if several: AM205); unmarked, the one recommendation or
    conclusion that nothing builds on, when there is exactly one (in a whole map: a part cut
    out of one has the map's thesis marked when it holds it, see ``ArgumentMap.whole``).

    >>> from argmap.model import Reason, Ref
    >>> p = Claim("p", Kind.PREMISE, "P.")
    >>> c = Claim("c", Kind.CONCLUSION, "C.", reasons=(Reason((Ref("p"),)),))
    >>> thesis(ArgumentMap("t", (p, c))).id
    'c'
    """
    marked = _marked(amap)
    if marked is not None or not amap.whole:  # a part's top is no thesis of the map
        return marked
    tops = top_claims(amap)
    return tops[0] if len(tops) == 1 else None


def _marked(amap: ArgumentMap) -> Claim | None:
    """The claim marked ``thesis: true`` (the first, if several: AM205 says so)."""
    return next((claim for claim in amap.claims if claim.thesis), None)


def main_thesis(amap: ArgumentMap) -> Claim | None:
    """The claim marked as the thesis; else the top claim with the most of the map beneath
    it (the first such, in file order)."""
    marked = _marked(amap)
    if marked is not None or not amap.whole:
        return marked
    below = _beneath(amap)

    def reach(start: str) -> int:
        seen, todo = {start}, [start]
        while todo:
            for other in below.get(todo.pop(), ()):
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        return len(seen)

    tops = _tops(amap, below)
    return max(tops, key=lambda claim: reach(claim.id)) if tops else None


def theses(amap: ArgumentMap) -> list[Claim]:
    """What the text argues for: its recommendations and its main conclusions (conclusions that
    are a reason for nothing), leaving out claims that serve as objections (the text's
    concessions and counter-arguments, which it may well mean to defeat)."""
    reasons: set[str] = set()
    objectors: set[str] = set()
    for relation in relations(amap):
        if relation.link is Link.SUPPORT:
            reasons.update(ref.id for ref in relation.claims)
        elif relation.attack:
            objectors.update(ref.id for ref in relation.claims)
    return [
        claim
        for claim in amap.claims
        if claim.id not in objectors
        and (
            claim.kind is Kind.RECOMMENDATION
            or (claim.kind is Kind.CONCLUSION and claim.id not in reasons)
        )
    ]


def one_line(text: str) -> str:
    return " ".join(text.split())


def counted(amap: ArgumentMap) -> str:
    """How many claims of each kind a map has: ``13 premises, 10 conclusions, 1 recommendation``
    (``no claims`` for none)."""
    claims = list(amap.by_id().values())
    counts = [
        f"{n} {kind.value}{'s' * (n != 1)}"
        for kind in Kind
        if (n := sum(c.kind is kind for c in claims))
    ]
    return ", ".join(counts) or "no claims"


def reading_order(amap: ArgumentMap) -> list[str]:
    """The claims' ids in the order the argument reads from the top: the main thesis, then
    depth first each claim's reasons, objections and the claims it restates or contradicts,
    before the next; then the other tops, and what is left, in file order.

    >>> from argmap.model import Reason, Ref
    >>> p, q = Claim("p", Kind.PREMISE, "P."), Claim("q", Kind.PREMISE, "Q.")
    >>> c = Claim("c", Kind.CONCLUSION, "C.", reasons=(Reason((Ref("q"),)), Reason((Ref("p"),))))
    >>> reading_order(ArgumentMap("t", (p, q, c)))
    ['c', 'q', 'p']
    """
    beneath: dict[str, list[str]] = {}
    for relation in relations(amap):
        beneath.setdefault(relation.target.id, []).extend(r.id for r in relation.claims)
    main = main_thesis(amap)
    starts = [main.id] if main is not None else []
    starts += [c.id for c in top_claims(amap)] + [c.id for c in amap.claims]
    known = amap.by_id()
    order: list[str] = []
    seen: set[str] = set()
    for start in starts:
        todo = [start]
        while todo:
            claim = todo.pop()
            if claim in seen or claim not in known:
                continue
            seen.add(claim)
            order.append(claim)
            todo.extend(reversed(beneath.get(claim, [])))
    return order


__all__ = [
    "main_thesis",
    "one_line",
    "reading_order",
    "theses",
    "thesis",
    "top_claims",
]
