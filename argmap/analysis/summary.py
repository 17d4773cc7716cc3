"""A map → what it argues for (its theses, its top claims) and a plain-text account of it for
readers who cannot see it (the SVG's ``<desc>``)."""

from __future__ import annotations

from argmap.analysis.evaluate import Evaluation, Status
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


def summary(amap: ArgumentMap) -> str:
    """A plain-text account of a map for readers who cannot see it: its size, its source,
    its main thesis and its recommendations. The SVG's ``<desc>``."""
    claims = list(amap.by_id().values())
    lines = [f"Argument map: {counted(amap)}."]
    if amap.source is not None:
        named = ", ".join(one_line(part) for part in amap.source.about)
        if named:
            lines.append(f"Source: {named}.")
    main = main_thesis(amap)
    if main is not None:
        lines.append(f"Main thesis: {one_line(main.text)}")
    others = [c for c in claims if c.kind is Kind.RECOMMENDATION and c is not main]
    for number, claim in enumerate(others, 1):
        if number == 1:
            lines.append("Recommendations:" if len(others) > 1 else "Recommendation:")
        lines.append(f"{number}. {one_line(claim.text)}")
    return "\n".join(lines)


def statuses(amap: ArgumentMap, evaluation: Evaluation) -> str:
    """The statuses a drawing with ``--status`` shows, in a line: how many claims stand, and
    the claims that are defeated or undecided, by their text."""
    found: dict[Status, list[str]] = {status: [] for status in Status}
    for claim in amap.by_id().values():
        found[evaluation.status(claim.id)].append(f"“{one_line(claim.text)}”")
    standing = len(found[Status.STANDS])
    parts = [f"{standing} claim{'s' * (standing != 1)} stand{'s' * (standing == 1)}"]
    parts += [f"{status.value}: {', '.join(found[status])}"
              for status in (Status.DEFEATED, Status.UNDECIDED) if found[status]]  # fmt: skip
    return "Status: " + "; ".join(parts)


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
    "statuses",
    "summary",
    "theses",
    "thesis",
    "top_claims",
]
