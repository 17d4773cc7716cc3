"""ArgumentMap + its evaluation → logical diagnostics: contradictions, defeat, implicit claims.

The checks of :mod:`argmap.check` ask whether a map is well made; these ask whether the argument
it models holds together (AM114, AM202, AM203, using :mod:`argmap.evaluate`) and whether its
claims are grounded in the text or marked as reconstructions (AM115, AM204).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from argmap.diagnostics import Diagnostic
from argmap.evaluate import CHAIN_LIMIT, Evaluation, Status, describe, evaluate, explain
from argmap.model import ArgumentMap, Claim, Kind, Objection, Ref, contradictions, supports
from argmap.quotes import SourceText

#: Errors after which evaluating would mislead: ids or references that are not sound.
STRUCTURAL = frozenset({"AM101", "AM102", "AM103", "AM104", "AM105", "AM106", "AM107", "AM112"})


def _objectors(items: Iterable[Ref | Objection]) -> Iterator[str]:
    """Ids of the claims making objections, at any depth (objections written in full too)."""
    todo = list(items)
    while todo:
        item = todo.pop()
        if isinstance(item, Ref):
            yield item.id
        else:
            todo.extend(item.claims)
            todo.extend(item.objections)


def theses(amap: ArgumentMap) -> list[Claim]:
    """What the text argues for: its recommendations and its main conclusions (conclusions that
    are a reason for nothing), leaving out claims that serve as objections (the text's
    concessions and counter-arguments, which it may well mean to defeat)."""
    reasons = {support.member.id for support in supports(amap)}
    objectors: set[str] = set()
    for claim in amap.claims:  # most claims and reasons have no objections: skipped as such
        if claim.objections:
            objectors.update(_objectors(claim.objections))
        for reason in claim.reasons:
            if reason.objections:
                objectors.update(_objectors(reason.objections))
    return [
        claim
        for claim in amap.claims
        if claim.id not in objectors
        and (
            claim.kind is Kind.RECOMMENDATION
            or (claim.kind is Kind.CONCLUSION and claim.id not in reasons)
        )
    ]


def check_theses(amap: ArgumentMap, path: str, evaluation: Evaluation) -> Iterator[Diagnostic]:
    """AM202 (warning): a recommendation or main conclusion that does not stand."""
    for claim in theses(amap):
        status = evaluation.status(claim.id)
        if status is Status.STANDS:
            continue
        names = ", ".join(f"'{other}'" for other in evaluation.defeaters(claim.id, CHAIN_LIMIT))
        by = f" by {names}" if names else ""
        yield Diagnostic(
            path,
            claim.where("id"),
            "AM202",
            f"{claim.kind.value} '{claim.id}' does not stand: {status.value}{by}; "
            + explain(evaluation, claim.id),
        )


def check_defeated_reasons(
    amap: ArgumentMap, path: str, evaluation: Evaluation
) -> Iterator[Diagnostic]:
    """AM203 (warning): a reason that names a defeated claim."""
    statuses = evaluation.statuses
    defeated = {claim for claim, status in statuses.items() if status is Status.DEFEATED}
    if not defeated:  # the common case, known without walking every reason
        return
    for support in supports(amap):
        member = support.member.id
        if member in defeated:
            yield Diagnostic(
                path,
                support.member.span,
                "AM203",
                f"a reason of '{support.target.id}' rests on '{member}', which is defeated: "
                + describe(evaluation.why(member)),
            )


def check_contradictions(amap: ArgumentMap, path: str) -> Iterator[Diagnostic]:
    """AM114: two claims declared contradictory that the map's reasons and objections would
    both let stand (the contradiction alone then leaves both undecided: the map does not say
    which gives way); AM107: a claim that contradicts a claim it supports or is supported by."""
    declared = list(contradictions(amap))
    if not declared:
        return
    supporting = {(s.member.id, s.target.id) for s in supports(amap)}
    alone = evaluate(amap, contradictions=False)
    reported: set[frozenset[str]] = set()
    for item in declared:
        a, b = item.claim.id, item.other.id
        pair = frozenset((a, b))
        if a == b or b not in alone or pair in reported:
            continue
        reported.add(pair)
        if (a, b) in supporting or (b, a) in supporting:
            yield Diagnostic(
                path,
                item.other.span,
                "AM107",
                f"'{a}' both contradicts '{b}' and is a reason for it or rests on it",
            )
        elif alone.status(a) is Status.STANDS and alone.status(b) is Status.STANDS:
            yield Diagnostic(
                path,
                item.other.span,
                "AM114",
                f"'{a}' and '{b}' contradict each other, yet the map's reasons and objections "
                "let both stand; add the objection that says which gives way (as it is, the "
                "contradiction leaves both undecided)",
            )


def check_implicit(amap: ArgumentMap, path: str, source: SourceText | None) -> Iterator[Diagnostic]:
    """AM115: an implicit claim with quotes; AM204 (warning): a claim with neither, in a map
    whose source could be read (quotes are what ground a claim in the text)."""
    for claim in amap.claims:
        if claim.implicit and claim.quotes:
            yield Diagnostic(
                path,
                claim.where("implicit"),
                "AM115",
                f"'{claim.id}' is marked implicit but quotes the text; a claim the text states "
                "is not implicit: drop the quotes or 'implicit: true'",
            )
        elif not claim.implicit and not claim.quotes and amap.source and source is not None:
            yield Diagnostic(
                path,
                claim.where("id"),
                "AM204",
                f"{claim.kind.value} '{claim.id}' has no quotes; quote the passage it rests on, "
                "or mark it 'implicit: true' if the text does not state it",
            )


def check_logic(
    amap: ArgumentMap, path: str, source: SourceText | None, found: Iterable[Diagnostic]
) -> list[Diagnostic]:
    """The diagnostics of this module. Those that evaluate the argument run only when ``found``
    (the other checks' diagnostics) has no structural error, which would make them mislead."""
    results = list(check_implicit(amap, path, source))
    if any(d.code in STRUCTURAL for d in found):
        return results
    results.extend(check_contradictions(amap, path))
    if any(d.code in ("AM107", "AM114") for d in results):
        return results  # what stands depends on how the contradiction is settled
    evaluation = evaluate(amap)
    results.extend(check_theses(amap, path, evaluation))
    results.extend(check_defeated_reasons(amap, path, evaluation))
    return results
