"""Two maps of one text → how far they agree: the claims they share (:mod:`align`), the kinds
those are given in each, and the links between them that both draw, that one draws with
the other function (a support for an attack), or that only one draws.

Links are compared one claim at a time, as annotation studies compare argument graphs: a
reason of two linked claims is two supports, each of one claim; an undercut attacks the step
it undercuts (the claims of the reason and the claim they support), so it agrees when the
other map undercuts the same step. A claim whose one link in each map has the same function
and another target is said to be attached elsewhere (:attr:`Comparison.moved`). Whether
supports are linked or separate is compared apart (:attr:`Comparison.grouping`), and so are
kinds. The second map's claims are named by the first map's ids where they pair, so that a
link reads the same in both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import attrs

from argmap.analysis.align import Pair, Quoted, aligned
from argmap.analysis.summary import thesis
from argmap.model import ArgumentMap, Link, Relation, relations
from argmap.read.source import SourceText

#: The function of each kind of link, as compared: an undercut and a rebuttal both attack.
_FUNCTION = {Link.SUPPORT: "support", Link.REBUT: "attack", Link.UNDERCUT: "attack",
             Link.CONTRADICT: "contradict", Link.RESTATE: "restate"}  # fmt: skip

#: What each kind of link is written as in a map, to name one that names no claim.
_WRITTEN = {Link.SUPPORT: "reason", Link.REBUT: "objection", Link.UNDERCUT: "objection",
            Link.CONTRADICT: "contradiction", Link.RESTATE: "restatement"}  # fmt: skip

#: The mark put before an id of the second map whose claim the first map does not have.
ONLY_SECOND = "+"


@attrs.frozen(order=True)
class Target:
    """What a link points at: a claim (``claim``), or, for an undercut, the step of ``claims``
    to what they support (``function`` ``support``: the claim) or attack (``attack``: ``on``,
    what the attack points at)."""

    claim: str
    claims: tuple[str, ...] = ()
    function: str = "support"
    on: tuple[Target, ...] = ()  # (what an undercut attack points at,)

    def __str__(self) -> str:
        if not self.claims:
            return self.claim
        if self.function == "support":
            return f"the step {', '.join(self.claims)} → {self.claim}"
        return f"the attack of {', '.join(self.claims)} on {self.on[0] if self.on else self.claim}"


@attrs.frozen(order=True)
class Edge:
    """One claim's link to what it points at, with its function (``support``, ``attack``,
    ``contradict`` or ``restate``)."""

    source: str
    function: str
    target: Target

    def __str__(self) -> str:
        verb = {"support": "supports", "attack": "attacks", "contradict": "contradicts",
                "restate": "restates"}[self.function]  # fmt: skip
        return f"{self.source} {verb} {self.target}"


@attrs.frozen(order=True)
class Broken:
    """A link of one map (``map``: ``first`` or ``second``) that names no claim of it (an id
    misspelt, or a claim renamed and not the links to it): a ``link`` (``reason``,
    ``objection``, ...) of the claim ``of`` (named as the first map names it) by ``claim``,
    which is no claim. No link of a claim, it is neither missing nor extra."""

    map: str
    link: str
    claim: str
    of: str

    def __str__(self) -> str:
        return f"{self.link} '{self.claim}' of {self.of} is no claim of the {self.map} map"


@attrs.frozen
class Comparison:
    """How two maps of one text agree, the second's claims named by the first's ids where
    they pair (others marked :data:`ONLY_SECOND`)."""

    pairs: tuple[Pair, ...]
    missing: tuple[str, ...]  # claims of the first map the second does not have
    extra: tuple[str, ...]  # claims of the second map the first does not have (its ids)
    kinds: tuple[tuple[str, str, str], ...]  # a shared claim, its kind in each map
    agree: tuple[Edge, ...]
    other: tuple[tuple[Edge, Edge], ...]  # the same two ends, another function
    moved: tuple[tuple[Edge, Edge], ...]  # the one link of a claim, to another target
    only_first: tuple[Edge, ...]
    only_second: tuple[Edge, ...]
    #: a claim whose reasons group the claims both maps give it otherwise (linked in one,
    #: separate in the other): the claim, and the groups of those claims in each map
    grouping: tuple[tuple[str, tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]], ...]
    #: each map's thesis (:func:`~argmap.analysis.summary.thesis`), the second's named as the
    #: first's where it pairs; None where a map has none
    theses: tuple[str | None, str | None] = (None, None)
    #: how the second map's quotes were found in the source (:class:`~argmap.analysis.align.
    #: Quoted`: those not found, and those that stand for their closest passage); None when
    #: the claims pair by wording only
    quotes: Quoted | None = None
    #: the links of either map that name no claim of it, left out of the links compared
    broken: tuple[Broken, ...] = ()

    @property
    def claims_found(self) -> float:
        """The share of the first map's claims the second has (1 for two empty maps)."""
        total = len(self.pairs) + len(self.missing)
        return len(self.pairs) / total if total else 1.0

    @property
    def links_agreement(self) -> float:
        """F1 of the links: twice those both draw over all each draws (1 when neither has
        any)."""
        both = len(self.agree)
        first = both + len(self.other) + len(self.moved) + len(self.only_first)
        second = both + len(self.other) + len(self.moved) + len(self.only_second)
        return 2 * both / (first + second) if first + second else 1.0


def _target(relation: Relation, name: Callable[[str], str]) -> Target:
    """What ``relation``'s claims point at, its ids named by ``name``."""
    if relation.link is not Link.UNDERCUT or relation.on is None:
        return Target(name(relation.target.id))
    step = relation.on
    claims = tuple(sorted(name(ref.id) for ref in step.claims))
    if step.link is Link.SUPPORT:
        return Target(name(step.target.id), claims, "support")
    return Target(name(step.target.id), claims, "attack", (_target(step, name),))


def _steps(relation: Relation) -> Iterator[str]:
    """The ids of the claims of the steps an undercut attacks, down to the claim supported."""
    step = relation.on
    while step is not None:
        yield from (ref.id for ref in step.claims)
        step = step.on


def edges(
    amap: ArgumentMap,
    name: Callable[[str], str],
    broken: Callable[[Relation, str], None] | None = None,
) -> set[Edge]:
    """Every link of a map, one claim at a time, its ids named by ``name``. Contradictions and
    restatements, which go both ways, from the claim named first. A link by an id that is no
    claim of the map is none (told to ``broken``, with the id), nor is an undercut of a step
    by such an id (told where the step is)."""
    ids = {claim.id for claim in amap.claims}
    found = set()
    for relation in relations(amap):
        function = _FUNCTION[relation.link]
        if not ids.issuperset(_steps(relation)):
            continue
        for ref in relation.claims:
            if ref.id not in ids:
                if broken is not None:
                    broken(relation, ref.id)
                continue
            source, target = name(ref.id), _target(relation, name)
            if function in ("contradict", "restate") and target.claim < source:
                source, target = target.claim, Target(source)
            found.add(Edge(source, function, target))
    return found


def _grouping(
    amap: ArgumentMap, name: Callable[[str], str]
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each claim with reasons → its reasons, each the sorted names of its claims, sorted."""
    return {
        name(claim.id): tuple(
            sorted(tuple(sorted(name(r.id) for r in reason.claims)) for reason in claim.reasons)
        )
        for claim in amap.claims
        if claim.reasons
    }


def _within(groups: tuple[tuple[str, ...], ...], claims: set[str]) -> tuple[tuple[str, ...], ...]:
    """Reasons as groups of claims, of ``claims`` only (the claims both maps give a claim as
    reasons): how these are grouped, whatever else either map adds."""
    return tuple(sorted(kept for g in groups if (kept := tuple(m for m in g if m in claims))))


def _moved(missing: set[Edge], extra: set[Edge]) -> list[tuple[Edge, Edge]]:
    """A claim's one missing link and its one extra link of the same function: the claim
    attached to another target (an objection to the claim, where the first map has it
    attack a step)."""
    by_source: dict[tuple[str, str], tuple[list[Edge], list[Edge]]] = {}
    for n, edges_ in enumerate((missing, extra)):
        for edge in sorted(edges_):
            by_source.setdefault((edge.source, edge.function), ([], []))[n].append(edge)
    return [(a[0], b[0]) for a, b in by_source.values() if len(a) == len(b) == 1]


def _thesis(amap: ArgumentMap, name: Callable[[str], str]) -> str | None:
    claim = thesis(amap)
    return None if claim is None else name(claim.id)


def compare(first: ArgumentMap, second: ArgumentMap, source: SourceText | None) -> Comparison:
    """How ``second`` agrees with ``first``; ``source`` is the text both quote (None: claims
    pair by wording only)."""
    pairs, quoted = aligned(first, second, source)
    as_first = {pair.second: pair.first for pair in pairs}
    paired = set(as_first.values())

    def in_first(claim_id: str) -> str:
        return as_first.get(claim_id, ONLY_SECOND + claim_id)

    kind = {claim.id: claim.kind.value for claim in first.claims}
    kind2 = {claim.id: claim.kind.value for claim in second.claims}
    broken: list[Broken] = []

    def told(which: str, name: Callable[[str], str]) -> Callable[[Relation, str], None]:
        def tell(relation: Relation, claim: str) -> None:
            broken.append(Broken(which, _WRITTEN[relation.link], claim, name(relation.target.id)))

        return tell

    ours = edges(first, str, told("first", str))
    theirs = edges(second, in_first, told("second", in_first))
    ends = {(edge.source, edge.target): edge for edge in theirs}
    other = []
    for edge in sorted(ours - theirs):
        partner = ends.get((edge.source, edge.target))
        if partner is not None and partner not in ours:
            other.append((edge, partner))
    crossed = {edge for pair in other for edge in pair}
    moved = _moved(ours - theirs - crossed, theirs - ours - crossed)
    crossed |= {edge for pair in moved for edge in pair}
    mine, yours = _grouping(first, str), _grouping(second, in_first)
    grouping = []
    for claim, groups in mine.items():
        if claim in yours:
            common = {m for g in groups for m in g} & {m for g in yours[claim] for m in g}
            ours_, theirs_ = _within(groups, common), _within(yours[claim], common)
            if ours_ != theirs_:
                grouping.append((claim, ours_, theirs_))
    return Comparison(
        pairs=tuple(pairs),
        missing=tuple(claim.id for claim in first.claims if claim.id not in paired),
        extra=tuple(claim.id for claim in second.claims if claim.id not in as_first),
        kinds=tuple(
            (p.first, kind[p.first], kind2[p.second])
            for p in pairs
            if kind[p.first] != kind2[p.second]
        ),
        agree=tuple(sorted(ours & theirs)),
        other=tuple(other),
        moved=tuple(moved),
        only_first=tuple(sorted(ours - theirs - crossed)),
        only_second=tuple(sorted(theirs - ours - crossed)),
        grouping=tuple(grouping),
        theses=(_thesis(first, str), _thesis(second, in_first)),
        quotes=quoted,
        broken=tuple(broken),
    )


__all__ = ["ONLY_SECOND", "Broken", "Comparison", "Edge", "Target", "compare", "edges"]
