"""The critical questions of a map's reasons: for each reason that names its scheme, the
questions of that scheme (:mod:`argmap.analysis.schemes`), the objections the map already
raises against the step (undercuts) and against each of the reason's claims (rebuttals), and
which questions those objections say they raise (``question: 4``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from argmap.analysis.schemes import Scheme, scheme_of
from argmap.analysis.sides import side_of
from argmap.model import ArgumentMap, Link, Relation, Role, attackers, relations


@attrs.frozen
class Asked:
    """A reason that names a scheme, what the scheme asks, and what the map objects."""

    relation: Relation
    scheme: Scheme | None  # None: a scheme argmap does not know
    against_step: tuple[str, ...]  # claims objecting to the step
    against_claims: tuple[tuple[str, tuple[str, ...]], ...]  # each claim, what objects to it
    raised: tuple[tuple[int, tuple[str, ...]], ...] = ()  # each question raised, and by whom

    def raised_by(self, number: int) -> tuple[str, ...]:
        """The claims of the objections that raise question ``number`` (none: still open)."""
        return next((by for asked, by in self.raised if asked == number), ())

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

    @property
    def raised(self) -> int:
        """How many of the questions the objections of the map raise."""
        return sum(len(item.raised) for item in self.asked)


def bearing(links: Iterable[Relation]) -> Iterator[tuple[Relation, tuple[Relation, ...]]]:
    """Each objection that names critical questions (``question: 4``), with the reasons whose
    questions they may be: the reason whose step it attacks; for an objection to a claim, each
    reason naming a scheme that the claim is one of the claims of; none for an objection to
    an objection."""
    links = tuple(links)
    schemed: dict[str, list[Relation]] = {}
    for relation in links:
        if relation.link is Link.SUPPORT and relation.scheme is not None:
            for ref in relation.claims:
                schemed.setdefault(ref.id, []).append(relation)
    for relation in links:
        if not relation.question:
            continue
        if relation.link is Link.REBUT:
            yield relation, tuple(schemed.get(relation.target.id, ()))
        elif relation.on is not None and relation.on.link is Link.SUPPORT:
            yield relation, (relation.on,)
        else:
            yield relation, ()


def _raises(links: Iterable[Relation]) -> Iterator[tuple[Relation, Relation, Scheme, int]]:
    """Each question an objection raises that the reason it bears on (:func:`bearing`) asks:
    the objection, the reason, the reason's scheme (one argmap knows) and the number."""
    for objection, reasons in bearing(links):
        for reason in reasons:
            scheme = scheme_of(reason.scheme or "")
            for number in objection.question:
                if scheme is not None and number <= len(scheme.questions):
                    yield objection, reason, scheme, number


def raising(links: Iterable[Relation]) -> dict[tuple, tuple[str, ...]]:
    """Each objection that raises critical questions (of a reason it bears on, a scheme argmap
    knows: :func:`_raises`), by its :attr:`~Relation.place` → each question, in full, as
    ``question 4 of Expert Opinion: Trustworthiness: ...``."""
    found: dict[tuple, dict[str, None]] = {}  # a dict for a set in order
    for objection, _, scheme, number in _raises(links):
        text = f"question {number} of {scheme.name}: {scheme.questions[number - 1]}"
        found.setdefault(objection.place, {})[text] = None
    return {place: tuple(asked) for place, asked in found.items()}


def questions(amap: ArgumentMap, side: Role | None = None) -> Questions:
    """Each reason of ``amap`` that names a scheme, in file order, and how many name none;
    with ``side``, only the reasons for that side's claims (:func:`side_of`): its case, whose
    questions the other side asks to rebut it."""
    by_id = amap.by_id()
    links = tuple(relations(amap))
    raised: dict[Relation, dict[int, list[str]]] = {}
    for objection, reason, _, number in _raises(links):
        by = raised.setdefault(reason, {}).setdefault(number, [])
        by.extend(ref.id for ref in objection.claims if ref.id not in by)
    asked, without = [], 0
    for relation in links:
        if relation.link is not Link.SUPPORT:
            continue
        if side is not None and side_of(relation.target) is not side:
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
        found = sorted(raised.get(relation, {}).items())
        asked.append(Asked(relation, scheme_of(relation.scheme), step, claims,
                           tuple((number, tuple(by)) for number, by in found)))  # fmt: skip
    asked.sort(
        key=lambda item: (item.relation.written.span.line, item.relation.written.span.column)
    )
    return Questions(tuple(asked), without)


__all__ = ["Asked", "Questions", "bearing", "questions", "raising"]
