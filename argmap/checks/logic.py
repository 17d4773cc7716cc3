"""Checks of the argument the map models: contradictions settled, theses standing, reasons
resting on claims that stand (using the evaluation, :mod:`argmap.analysis.evaluate`)."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from argmap.analysis import sides
from argmap.analysis.evaluate import Evaluation, Status, evaluate
from argmap.analysis.explain import CHAIN_LIMIT, defeaters, describe, explain
from argmap.analysis.summary import theses
from argmap.checks.registry import Context, Finding, Stage, check
from argmap.model import ArgumentMap, Link, Relation


def _declared(context: Context) -> Iterator[tuple[Relation, str, str]]:
    """Each pair of claims declared to contradict each other, once, as first declared."""
    reported: set[frozenset[str]] = set()
    for relation in context.relations:
        if relation.link is not Link.CONTRADICT:
            continue
        a, b = relation.target.id, relation.claims[0].id
        pair = frozenset((a, b))
        if a != b and b in context.by_id and pair not in reported:
            reported.add(pair)
            yield relation, a, b


def _supporting(context: Context, a: str, b: str) -> bool:
    return (a, b) in context.supporting or (b, a) in context.supporting


@check("AM107", stage=Stage.SETTLED)
def not_contradicting_support(context: Context) -> Iterator[Finding]:
    """A claim that contradicts a claim it is a reason for or rests on.

    Fails::

        premises:
          - id: a
            text: A.
            contradicts: c
        conclusions:
          - id: c
            text: C.
            reasons: [a]

    Passes::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
            contradicts: c
        conclusions:
          - id: c
            text: C.
            reasons: [a]
            objections: [b]
    """
    for relation, a, b in _declared(context):
        if _supporting(context, a, b):
            yield Finding(
                "AM107",
                relation.claims[0].span,
                f"'{a}' both contradicts '{b}' and is a reason for it or rests on it",
            )


@check("AM114", stage=Stage.SETTLED)
def contradictions_settled(context: Context) -> Iterator[Finding]:
    """Two claims declared contradictory that the map's reasons and objections would both let
    stand: the contradiction alone leaves both undecided, and the map does not say which one
    gives way.

    Fails::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
            contradicts: a

    Passes::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
            contradicts: a
            objections: [c]
          - id: c
            text: C.
    """
    for relation, a, b in _declared(context):
        if _supporting(context, a, b):
            continue  # AM107
        alone = context.unsettled
        if alone.status(a) is Status.STANDS and alone.status(b) is Status.STANDS:
            yield Finding(
                "AM114",
                relation.claims[0].span,
                f"'{a}' and '{b}' contradict each other, yet the map's reasons and objections "
                "let both stand, so the contradiction leaves both undecided; say which gives "
                f"way with an objection to it, a claim that says why (for '{a}': "
                f"`objections: [why-not-{a}]` under '{a}', and a premise with the id "
                f"'why-not-{a}')",
            )


@check("AM202", stage=Stage.EVALUATED)
def theses_stand(context: Context) -> Iterator[Finding]:
    """A recommendation or main conclusion (one that is a reason for nothing) that does not
    stand (a warning), naming the claims that defeat it and why.

    Fails::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
        recommendations:
          - id: r
            text: R.
            reasons: [a]
            objections: [b]

    Passes::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
            objections: [c]
          - id: c
            text: C.
        recommendations:
          - id: r
            text: R.
            reasons: [a]
            objections: [b]
    """
    evaluation = context.evaluation
    for claim in theses(context.map):
        status = evaluation.status(claim.id)
        if status is Status.STANDS:
            continue
        names = ", ".join(f"'{other}'" for other in defeaters(evaluation, claim.id, CHAIN_LIMIT))
        by = f" by {names}" if names else ""
        yield Finding(
            "AM202",
            claim.where("id"),
            f"{claim.kind.value} '{claim.id}' does not stand: {status.value}{by}; "
            + explain(evaluation, claim.id),
        )


@check("AM203", stage=Stage.EVALUATED)
def reasons_stand(context: Context) -> Iterator[Finding]:
    """A reason that names a defeated claim (a warning), unless the analyst's own claims (a
    fact-checker's objections: ``role: opponent``, unquoted, in a map with a source) are what
    defeat it: without them it would stand, and its fall is the map's point, which AM202 says
    once of the thesis. The opponent's claims the text states are weighed as any other.

    Fails::

        premises:
          - id: a
            text: A.
            objections: [b]
          - id: b
            text: B.
        conclusions:
          - id: c
            text: C.
            reasons: [a, b]

    Passes::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
        conclusions:
          - id: c
            text: C.
            reasons: [a, b]
    """
    evaluation = context.evaluation
    statuses = evaluation.statuses
    defeated = {claim for claim, status in statuses.items() if status is Status.DEFEATED}
    if not defeated:  # the common case, known without walking every reason
        return
    alone = context.unopposed
    if alone is not None:  # what stands without the other side fell to it, as was meant
        defeated = {c for c in defeated if c not in alone or alone.status(c) is not Status.STANDS}
    unmarked = _unmarked(context)
    marked = evaluate(_without(context, unmarked)) if unmarked else None
    for relation in context.relations:
        if relation.link is not Link.SUPPORT:
            continue
        for member in relation.claims:
            if member.id in defeated:
                hint = ""
                if marked is not None and _stands(marked, member.id):
                    found = defeaters(evaluation, member.id, CHAIN_LIMIT)
                    hint = _mark([name for name in found if name in unmarked])
                yield Finding(
                    "AM203",
                    member.span,
                    f"a reason of '{relation.target.id}' rests on '{member.id}', which is "
                    "defeated: " + describe(evaluation.why(member.id)) + hint,
                )


def _without(context: Context, names: frozenset[str]) -> ArgumentMap:
    """The map without ``names`` and the analyst's own claims: what marking ``names`` as hers
    would leave AM203 to weigh."""
    return attrs.evolve(context.map, claims=context.text_claims(names))


def _stands(evaluation: Evaluation, claim_id: str) -> bool:
    return claim_id in evaluation and evaluation.status(claim_id) is Status.STANDS


def _unmarked(context: Context) -> frozenset[str]:
    """The claims AM204 tells to be the analyst's own objections, most likely, that do not
    say so (``role: opponent``): in a map whose source is read, claims without quotes, not
    implicit and without a role, that attack and support nothing."""
    if context.map.source is None or context.source is None:
        return frozenset()
    objections = sides.objecting(context.relations)
    return frozenset(
        claim.id
        for claim in context.map.claims
        if claim.id in objections
        and not (claim.quotes or claim.implicit or claim.reasons or claim.role)
    )


def _mark(names: list[str]) -> str:
    """What AM203 adds when ``names`` alone (objections of the analyst's own, unmarked) bring
    a claim down: the role that says so, after which it is not warned of."""
    if not names:
        return ""
    if len(names) == 1:
        return (
            f"; if '{names[0]}' is an objection of your own, 'role: opponent' on it says so, "
            "and this is not warned of"
        )
    listed = ", ".join(f"'{name}'" for name in names[:-1]) + f" and '{names[-1]}'"
    return (
        f"; if {listed} are objections of your own, 'role: opponent' on them says so, and "
        "this is not warned of"
    )
