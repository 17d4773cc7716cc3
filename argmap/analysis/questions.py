"""The critical questions of a map's reasons: for each reason that names its scheme, the
questions of that scheme (:mod:`argmap.analysis.schemes`), and the objections the map already
raises against the step (undercuts) and against each of the reason's claims (rebuttals)."""

from __future__ import annotations

import attrs

from argmap.analysis.schemes import Scheme, scheme_of
from argmap.model import ArgumentMap, Link, Relation, attackers, relations


@attrs.frozen
class Asked:
    """A reason that names a scheme, what the scheme asks, and what the map objects."""

    relation: Relation
    scheme: Scheme | None  # None: a scheme argmap does not know
    against_step: tuple[str, ...]  # claims objecting to the step
    against_claims: tuple[tuple[str, tuple[str, ...]], ...]  # each claim, what objects to it

    @property
    def name(self) -> str:
        """The scheme as the map writes it."""
        return self.relation.scheme or ""


@attrs.frozen
class Questions:
    asked: tuple[Asked, ...]
    without: int  # reasons that name no scheme

    @property
    def count(self) -> int:
        """How many questions the known schemes ask, all reasons together."""
        return sum(len(item.scheme.questions) for item in self.asked if item.scheme)

    @property
    def known(self) -> int:
        """How many reasons name a scheme argmap knows."""
        return sum(item.scheme is not None for item in self.asked)


def questions(amap: ArgumentMap) -> Questions:
    """Each reason of ``amap`` that names a scheme, in file order, and how many name none."""
    by_id = amap.by_id()
    asked, without = [], 0
    for relation in relations(amap):
        if relation.link is not Link.SUPPORT:
            continue
        if relation.scheme is None:
            without += 1
            continue
        step = tuple(ref.id for item in relation.objections for ref in attackers(item))
        claims = tuple(
            (ref.id, tuple(r.id for item in by_id[ref.id].objections for r in attackers(item)))
            for ref in relation.claims
            if ref.id in by_id
        )
        asked.append(Asked(relation, scheme_of(relation.scheme), step, claims))
    asked.sort(
        key=lambda item: (item.relation.written.span.line, item.relation.written.span.column)
    )
    return Questions(tuple(asked), without)


__all__ = ["Asked", "Questions", "questions"]
