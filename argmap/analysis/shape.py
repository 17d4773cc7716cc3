"""A map → its shape for laying out: what each claim's relations draw beneath it, the tops in
reading order, and a spanning tree that gives every claim one home. Pure: no drawing.

A claim's *units* are its reasons, then its rebuttals, in the order written (so a unit's number
is its place in that list). Each is a :class:`Branch`: the claims of one relation, and the
undercuts on it, branches again. A claim's *parts* are the claims its units draw beneath it,
each with its *offset*: how many ranks below the claim Graphviz puts it. A plain reason or
rebuttal is one rank down; a relation drawn through a junction (a linked reason or objection,
or one that is undercut) puts a rank for the junction between.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping

import attrs

from argmap.analysis.questions import raising
from argmap.model import ArgumentMap, Claim, Kind, Link, Relation, relations, walk

_KIND_ORDER = {Kind.RECOMMENDATION: 0, Kind.CONCLUSION: 1, Kind.PREMISE: 2}


@attrs.frozen(eq=False)
class Branch:
    """One relation as drawn beneath what it points at: its claims that are in the map, and
    the undercuts on it (objections to a step or to an attack), in the order written."""

    relation: Relation
    members: tuple[str, ...]
    attacks: tuple[Branch, ...] = ()

    @property
    def junction(self) -> bool:
        """Whether it is drawn through a junction: several claims, or undercut."""
        return len(self.members) > 1 or bool(self.attacks)


@attrs.frozen
class Part:
    """A claim drawn beneath another, ``offset`` ranks down, in the claim's unit ``unit``."""

    claim: str
    offset: int
    unit: int = 0


def units(claim: Claim, known: Mapping[str, Claim]) -> tuple[Branch | None, ...]:
    """What each of ``claim``'s reasons, then each of its rebuttals, draws beneath it (None for
    one whose claims are all unknown: it and its undercuts are left out), by :func:`walk`."""
    under: dict[Relation, list[Relation]] = {}
    roots: list[Relation] = []
    for relation in walk(claim):
        if relation.link is Link.CONTRADICT or relation.link is Link.RESTATE:
            continue  # drawn once a pair, in the figure of the first (analysis.figures)
        if relation.on is None:
            roots.append(relation)
        else:
            under.setdefault(relation.on, []).append(relation)

    def branch(relation: Relation) -> Branch | None:
        members = tuple(dict.fromkeys(ref.id for ref in relation.claims if ref.id in known))
        if not members:
            return None
        attacks = tuple(b for b in map(branch, under.get(relation, ())) if b is not None)
        return Branch(relation, members, attacks)

    return tuple(branch(relation) for relation in roots)


def _flatten(branch: Branch, offset: int, unit: int) -> Iterable[Part]:
    if not branch.junction:
        yield Part(branch.members[0], offset, unit)
        return
    for member in branch.members:
        yield Part(member, offset + 1, unit)
    for attack in branch.attacks:
        yield from _flatten(attack, offset + 1, unit)


def parts(drawn: tuple[Branch | None, ...], name: str) -> tuple[Part, ...]:
    """What the units ``drawn`` of claim ``name`` draw beneath it, in the order written."""
    found = [
        part
        for unit, branch in enumerate(drawn)
        if branch is not None
        for part in _flatten(branch, 1, unit)
    ]
    return tuple(part for part in found if part.claim != name)


@attrs.frozen
class Shape:
    """The map's shape: every claim's units and parts, its home, the roots, the thesis."""

    claims: Mapping[str, Claim]
    units: Mapping[str, tuple[Branch | None, ...]]
    parts: Mapping[str, tuple[Part, ...]]
    roots: tuple[str, ...]
    """The tops in reading order (the thesis first), then a claim for each cycle no top reaches."""
    owner: Mapping[str, str | None]
    """Claim → the claim under which it is drawn in full (None for a root)."""
    children: Mapping[str, tuple[Part, ...]]
    """Claim → the parts whose home it is, in order (each claim once)."""
    thesis: str | None
    raised: Mapping[tuple, tuple[str, ...]] = attrs.field(factory=dict)
    """An objection's place → the critical questions it raises, in full
    (:func:`~argmap.analysis.questions.raising`)."""


def reading_order(amap: ArgumentMap) -> list[Claim]:
    """The claims as a reader meets the argument: recommendations, then conclusions, then
    premises, each in file order (the first claim of a duplicated id only)."""
    claims = amap.by_id()
    first = [claim for claim in amap.claims if claims[claim.id] is claim]
    return sorted(first, key=lambda claim: _KIND_ORDER[claim.kind])


def shape(amap: ArgumentMap, thesis: str | None = None) -> Shape:
    """The map's units, parts, roots and spanning tree.

    Every claim's home is found breadth first from the roots, one root after the other (the
    thesis first, so that all it rests on is at home in its figures), a claim's parts in the
    order written: a claim's home is the nearest claim, on the first path, that draws it. So a
    new premise gets a home of its own and moves no other claim.
    """
    claims = amap.by_id()
    ordered = reading_order(amap)
    drawn = {claim.id: units(claim, claims) for claim in ordered}
    beneath = {name: parts(found, name) for name, found in drawn.items()}
    used = {part.claim for found in beneath.values() for part in found}
    tops = [claim.id for claim in ordered if claim.id not in used]
    if thesis is not None and thesis in claims:
        tops = [thesis, *[name for name in tops if name != thesis]]
    owner: dict[str, str | None] = {}
    children: dict[str, list[Part]] = {name: [] for name in drawn}
    roots: list[str] = []

    def grow(root: str) -> None:
        roots.append(root)
        owner[root] = None
        todo = deque([root])
        while todo:
            here = todo.popleft()
            for part in beneath[here]:
                if part.claim not in owner:
                    owner[part.claim] = here
                    children[here].append(part)
                    todo.append(part.claim)

    for top in tops:
        if top not in owner:
            grow(top)
    for claim in ordered:  # claims only cycles reach: the first of each cycle is a root
        if claim.id not in owner:
            grow(claim.id)
    return Shape(
        claims=claims,
        units=drawn,
        parts=beneath,
        roots=tuple(roots),
        owner=owner,
        children={name: tuple(found) for name, found in children.items()},
        thesis=thesis if thesis in claims else None,
        raised=raising(relations(amap)),
    )


__all__ = ["Branch", "Part", "Shape", "parts", "reading_order", "shape", "units"]
