"""Checks of the critical questions objections raise: each one a question that a reason the
objection attacks asks, by its scheme (:mod:`argmap.analysis.schemes`)."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.questions import bearing
from argmap.analysis.schemes import scheme_of
from argmap.checks.registry import Context, Finding, check
from argmap.model import Link, Relation


@check("AM118")
def questions_asked(context: Context) -> Iterator[Finding]:
    """An objection that names a critical question (``question: 4``) no reason it attacks asks:
    it attacks an objection, or no reason whose step or claim it attacks names a scheme, or
    the schemes they name ask fewer questions; or it names a question twice. A scheme argmap
    does not know may ask any question.

    Fails::

        conclusions:
          - id: safe
            text: The vaccine is safe.
            reasons:
              - claims: doctor
                scheme: Expert Opinion
                objections:
                  - claims: paid
                    question: 9
        premises:
          - id: doctor
            text: Dr Smith says so.
          - id: paid
            text: Dr Smith is paid by the maker.

    Passes::

        conclusions:
          - id: safe
            text: The vaccine is safe.
            reasons:
              - claims: doctor
                scheme: Expert Opinion
                objections:
                  - claims: paid
                    question: 4
        premises:
          - id: doctor
            text: Dr Smith says so.
          - id: paid
            text: Dr Smith is paid by the maker.
    """
    for objection, reasons in bearing(context.relations):
        span = objection.written.question_span  # type: ignore[union-attr]
        problem = _problem(objection, reasons)
        if problem is not None:
            yield Finding("AM118", span, problem)
            continue
        numbers = objection.question
        for number in sorted({n for n in numbers if numbers.count(n) > 1}):
            yield Finding("AM118", span, f"question {number} is named twice")


def _problem(objection: Relation, reasons: tuple[Relation, ...]) -> str | None:
    numbers = ", ".join(map(str, objection.question))
    what = f"question{'s' if len(objection.question) > 1 else ''} {numbers}"
    if not reasons and objection.link is Link.UNDERCUT:
        return (f"{what}: an objection raises the critical questions of a reason, against "
                "its step or one of its claims; this one attacks an objection")  # fmt: skip
    if not reasons:
        return (f"{what}: '{objection.target.id}' is a claim of no reason that names a "
                "scheme, so no question is asked of it (scheme: Example; argmap questions "
                "--schemes lists the schemes)")  # fmt: skip
    if reasons[0].scheme is None:  # the step it attacks (a claim's reasons all name one)
        step = reasons[0]
        members = " + ".join(ref.id for ref in step.claims)
        return (f"{what}: the reason of '{step.target.id}' ({members}) names no scheme, so "
                "it asks no question (scheme: Example; argmap questions --schemes lists "
                "the schemes)")  # fmt: skip
    schemes = [scheme_of(reason.scheme or "") for reason in reasons]
    if None in schemes:
        return None  # a scheme argmap does not know may ask any
    most = max(len(scheme.questions) for scheme in schemes if scheme is not None)
    beyond = [n for n in objection.question if n > most]
    if not beyond:
        return None
    asks = " or ".join(
        dict.fromkeys(f"{s.name} asks {len(s.questions)}" for s in schemes if s is not None)
    )
    shown = ", ".join(map(str, beyond))
    return f"there is no question {shown}: {asks} ('argmap questions' lists them)"
