"""Checks of the ids a map refers to: that each names a claim, not its own, and only once a list."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.registry import Context, Finding, check
from argmap.diagnostics import clip
from argmap.model import Link, Ref, Relation, walk
from argmap.read.suggest import Names, did_you_mean

_ROLES = {
    Link.SUPPORT: "reason",
    Link.REBUT: "objection",
    Link.UNDERCUT: "objection",
    Link.CONTRADICT: "contradiction",
}


@check("AM103")
def known_references(context: Context) -> Iterator[Finding]:
    """A reason, objection or contradiction naming no claim of the map; the message suggests
    the closest id.

    Fails::

        premises:
          - id: supplier
            text: A.
        conclusions:
          - id: c
            text: C.
            reasons: [suplier]

    Passes::

        premises:
          - id: supplier
            text: A.
        conclusions:
          - id: c
            text: C.
            reasons: [supplier]
    """
    known = set(context.by_id)
    names: Names | None = None  # indexed at the first unknown id
    for relation in context.relations:
        for ref in relation.claims:
            if ref.id not in known:
                names = names or Names(claim.id for claim in context.map.claims)
                hint = did_you_mean(ref.id, names)
                role = _ROLES[relation.link]
                yield Finding(
                    "AM103",
                    ref.span,
                    f"{role} '{clip(ref.id)}' of '{relation.target.id}' is no claim{hint}",
                )


@check("AM104")
def no_self_reference(context: Context) -> Iterator[Finding]:
    """A claim that is its own reason, objection or contradiction.

    Fails::

        premises:
          - id: a
            text: A.
            objections: [a]

    Passes::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
            objections: [a]
    """
    for relation in context.relations:
        for ref in relation.claims:
            if ref.id == relation.target.id:
                role = _ROLES[relation.link]
                yield Finding("AM104", ref.span, f"'{ref.id}' lists itself as its own {role}")


def _group(relation: Relation) -> str:
    """The words for the list a relation of one claim was written in."""
    if relation.link is Link.UNDERCUT:
        assert relation.on is not None
        owner = "a reason" if relation.on.link is Link.SUPPORT else "an objection"
        return f"the objections of {owner}"
    return {Link.SUPPORT: "reasons", Link.REBUT: "objections", Link.CONTRADICT: "contradicts"}[
        relation.link
    ]


def _lists(relations: Iterator[Relation]) -> Iterator[tuple[list[Ref], str]]:
    """The lists of ids written under a claim: the members of each linked reason or objection,
    and each list of single ids (its reasons, its objections, those of each step and each
    objection in full, its contradictions)."""
    singles: dict[tuple[Link, Relation | None], tuple[list[Ref], str]] = {}
    for relation in relations:
        if relation.linked:
            kind = "reason" if relation.link is Link.SUPPORT else "objection"
            yield list(relation.claims), f"a linked {kind}"
        else:
            key = (relation.link, relation.on)
            singles.setdefault(key, ([], _group(relation)))[0].append(relation.claims[0])
    yield from singles.values()


@check("AM112")
def listed_once(context: Context) -> Iterator[Finding]:
    """The same claim twice in one list: a linked reason, the reasons of a claim, its
    objections or contradictions.

    Fails::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
            objections: [a, a]

    Passes::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
            objections: [a]
    """
    for claim in context.map.claims:
        for refs, what in _lists(walk(claim)):
            if len(refs) < 2 or len({ref.id for ref in refs}) == len(refs):
                continue  # nothing repeated: the common case, found without the loop below
            seen: dict[str, Ref] = {}
            for ref in refs:
                if ref.id in seen:
                    yield Finding(
                        "AM112",
                        ref.span,
                        f"'{clip(ref.id)}' is listed twice in {what} of '{claim.id}' "
                        f"(first at {seen[ref.id].span})",
                    )
                else:
                    seen[ref.id] = ref


CHECKS = (known_references, no_self_reference, listed_once)
