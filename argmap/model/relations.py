"""A map's claims → every relation written in them, in file order: the one walker.

Reasons support their claim, objections attack a claim (a rebuttal) or a step (an undercut),
objections written in full can be undercut in turn, ``contradicts`` pairs two claims and
``restates`` makes two claims one statement in other words. Every
part of argmap that follows these (the checks, the evaluation, the drawing, the exporters)
walks them with :func:`walk` rather than recursing through reasons and objections itself.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator

import attrs

from argmap.model.claims import (
    ArgumentMap,
    Carried,
    Claim,
    Objection,
    Reason,
    Ref,
    Restatement,
)


class Link(enum.Enum):
    """What a relation does to what it points at."""

    SUPPORT = "support"  # a reason: its claims support the claim
    REBUT = "rebut"  # an objection to a claim
    UNDERCUT = "undercut"  # an objection to a step, or to another objection's attack
    CONTRADICT = "contradict"  # two claims that cannot both be true
    RESTATE = "restate"  # a claim that says another again: the two stand or fall together


@attrs.frozen(eq=False)  # a relation is one place in the map: equal only to itself
class Relation:
    """One reason, objection, contradiction or restatement, as written in the map.

    ``claims`` are the claims that make it (several: a linked reason or objection). ``target``
    is the claim it belongs to: the claim a reason supports or an objection attacks, for an
    undercut the claim at the root of its chain. ``on`` is what an undercut attacks (a step,
    or an objection written in full), else None. ``number`` is its place, from 1, in the list
    it was written in; ``written`` is what the map holds (a Reason, an Objection, a
    Restatement, or a Ref for an objection, contradiction or restatement of one claim).
    """

    link: Link
    claims: tuple[Ref, ...]
    target: Claim
    written: Reason | Objection | Restatement | Ref
    on: Relation | None = None
    number: int = 1

    @property
    def attack(self) -> bool:
        return self.link is Link.REBUT or self.link is Link.UNDERCUT

    @property
    def linked(self) -> bool:
        return len(self.claims) > 1

    @property
    def objections(self) -> tuple[Ref | Objection, ...]:
        """The objections written under this relation (none for a plain reference)."""
        written = self.written
        return written.objections if isinstance(written, (Reason, Objection)) else ()

    @property
    def note(self) -> str | None:
        written = self.written
        return written.note if isinstance(written, (Reason, Objection)) else None

    @property
    def question(self) -> tuple[int, ...]:
        """The critical questions an objection written in full raises (none for others)."""
        return self.written.question if isinstance(self.written, Objection) else ()

    @property
    def scheme(self) -> str | None:
        """A reason's argumentation scheme (None for other relations)."""
        return self.written.scheme if isinstance(self.written, Reason) else None

    @property
    def aif(self) -> Carried | None:
        """The AIF data the relation carries (its RA, CA or MA node's)."""
        return None if isinstance(self.written, Ref) else self.written.aif

    @property
    def sadface(self) -> Carried | None:
        """The SADFace ids the relation carries (its scheme node's and edges')."""
        return None if isinstance(self.written, Ref) else self.written.sadface

    @property
    def plain(self) -> bool:
        """Whether it is an objection, contradiction or restatement written as one claim id."""
        return isinstance(self.written, Ref)

    @property
    def path(self) -> tuple[int, ...]:
        """The numbers from the relation at the root of its chain down to this one."""
        return (*self.on.path, self.number) if self.on is not None else (self.number,)

    @property
    def place(self) -> tuple[str, Link, tuple[int, ...]]:
        """Where it is written, the same in every walk of the map (which makes new relations,
        each equal only to itself): its claim, the link at the root of its chain, its path."""
        return self.target.id, self.root.link, self.path

    @property
    def root(self) -> Relation:
        """The step or rebuttal at the root of an undercut's chain (itself for others)."""
        relation = self
        while relation.on is not None:
            relation = relation.on
        return relation


def attackers(objection: Ref | Objection) -> tuple[Ref, ...]:
    """The claims making an objection: the one claim of a plain reference, else its members."""
    return (objection,) if isinstance(objection, Ref) else objection.claims


def restated(restatement: Ref | Restatement) -> Ref:
    """The claim a restatement names."""
    return restatement if isinstance(restatement, Ref) else restatement.claim


def _objections(
    items: tuple[Ref | Objection, ...], link: Link, target: Claim, on: Relation | None
) -> Iterator[Relation]:
    for number, item in enumerate(items, 1):
        relation = Relation(link, attackers(item), target, item, on, number)
        yield relation
        if isinstance(item, Objection) and item.objections:
            yield from _objections(item.objections, Link.UNDERCUT, target, relation)


def walk(claim: Claim) -> Iterator[Relation]:
    """Every relation written under a claim, in file order: each reason followed by the
    undercuts of its step (each followed by those of its attack, depth first), then the
    rebuttals likewise, then the claims it contradicts, then those it restates."""
    for number, reason in enumerate(claim.reasons, 1):
        step = Relation(Link.SUPPORT, reason.claims, claim, reason, None, number)
        yield step
        if reason.objections:
            yield from _objections(reason.objections, Link.UNDERCUT, claim, step)
    if claim.objections:
        yield from _objections(claim.objections, Link.REBUT, claim, None)
    for number, ref in enumerate(claim.contradicts, 1):
        yield Relation(Link.CONTRADICT, (ref,), claim, ref, None, number)
    if claim.restates:
        for number, item in enumerate(claim.restates, 1):
            yield Relation(Link.RESTATE, (restated(item),), claim, item, None, number)


def relations(amap: ArgumentMap | Iterable[Claim]) -> Iterator[Relation]:
    """Every relation of a map (or of some claims), claim by claim in file order."""
    claims = amap.claims if isinstance(amap, ArgumentMap) else amap
    for claim in claims:
        yield from walk(claim)


def supports(amap: ArgumentMap) -> Iterator[tuple[Ref, Relation]]:
    """Each claim of each reason, with its step, in file order."""
    for relation in relations(amap):
        if relation.link is Link.SUPPORT:
            for member in relation.claims:
                yield member, relation


def attacks(amap: ArgumentMap) -> Iterator[tuple[Ref, Relation]]:
    """Each claim making an objection (a rebuttal or an undercut, at any depth), with it."""
    for relation in relations(amap):
        if relation.attack:
            for member in relation.claims:
                yield member, relation


def contradictions(amap: ArgumentMap) -> Iterator[Relation]:
    """Every declared contradiction in file order (as written, not yet made symmetric)."""
    for relation in relations(amap):
        if relation.link is Link.CONTRADICT:
            yield relation


def prune(claim: Claim, keep: Callable[[Relation], bool]) -> Claim:
    """The claim with only the relations ``keep`` accepts; dropping a reason or objection
    drops the objections written under it too."""
    written = list(walk(claim))
    kept: set[Relation] = set()
    for relation in written:  # parents come before their children
        if (relation.on is None or relation.on in kept) and keep(relation):
            kept.add(relation)
    # Built from the leaves up: each relation's objections are made before it.
    under: dict[Relation | Link, list[Reason | Objection | Ref]] = {link: [] for link in Link}
    for relation in reversed(written):
        if relation not in kept:
            continue
        item = relation.written
        if isinstance(item, (Reason, Objection)):
            objections = tuple(reversed(under.pop(relation, [])))
            item = attrs.evolve(item, objections=objections)  # type: ignore[arg-type]
        parent = relation.on if relation.on is not None else relation.link
        under.setdefault(parent, []).append(item)
    return attrs.evolve(
        claim,
        reasons=tuple(reversed(under[Link.SUPPORT])),
        objections=tuple(reversed(under[Link.REBUT])),
        contradicts=tuple(reversed(under[Link.CONTRADICT])),
        restates=tuple(reversed(under[Link.RESTATE])),
    )


def equivalents(amap: ArgumentMap | Iterable[Claim]) -> dict[str, str]:
    """Claim id → the first claim, in file order, of the claims it is one statement with
    through restatements (each way, any number of them); itself when it restates nothing and
    nothing restates it. Restatements of unknown claims are left out.

    >>> from argmap.model import Kind
    >>> a = Claim("a", Kind.PREMISE, "A.")
    >>> b = Claim("b", Kind.PREMISE, "B, said again.", restates=(Ref("a"),))
    >>> equivalents([a, b, Claim("c", Kind.PREMISE, "C.")])
    {'a': 'a', 'b': 'a', 'c': 'c'}
    """
    claims = amap.claims if isinstance(amap, ArgumentMap) else tuple(amap)
    parent = {claim.id: claim.id for claim in claims}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    order = {claim_id: n for n, claim_id in enumerate(parent)}
    for claim in claims:
        for item in claim.restates:
            other = restated(item).id
            if other in parent:
                a, b = find(claim.id), find(other)
                if a != b:
                    first, last = (a, b) if order[a] < order[b] else (b, a)
                    parent[last] = first
    return {claim_id: find(claim_id) for claim_id in parent}


__all__ = [
    "Link",
    "Relation",
    "attackers",
    "attacks",
    "contradictions",
    "equivalents",
    "prune",
    "relations",
    "restated",
    "supports",
    "walk",
]
