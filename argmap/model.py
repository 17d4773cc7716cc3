"""The argument map as typed, frozen values: claims, reasons, objections. No I/O, no YAML."""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from argmap.diagnostics import Span

if TYPE_CHECKING:
    import os

NOWHERE = Span(0, 0)

FORMAT_VERSION = "1"


class Kind(enum.Enum):
    """The three kinds of claim; the values are the words used in YAML and in SVG classes."""

    PREMISE = "premise"
    CONCLUSION = "conclusion"
    RECOMMENDATION = "recommendation"

    @property
    def section(self) -> str:
        """The top-level YAML key that lists claims of this kind."""
        return self.value + "s"

    @property
    def takes_reasons(self) -> bool:
        return self is not Kind.PREMISE


def _spans() -> attrs.Attribute:
    return attrs.field(factory=dict, eq=False, repr=False, hash=False, kw_only=True)


@attrs.frozen
class Ref:
    """A reference to a claim by id, where it was written."""

    id: str
    span: Span = attrs.field(default=NOWHERE, eq=False, repr=False)


@attrs.frozen
class Quote:
    """A passage of the source text that a claim rests on, as the analyst wrote it."""

    text: str
    span: Span = attrs.field(default=NOWHERE, eq=False, repr=False)


@attrs.frozen
class Reason:
    """One reason for a claim: one claim, or several that support only jointly (linked).

    ``objections`` undercut the step from this reason to the claim it supports.
    """

    claims: tuple[Ref, ...]
    objections: tuple[Ref | Objection, ...] = ()
    note: str | None = None
    span: Span = attrs.field(default=NOWHERE, eq=False, repr=False)

    @property
    def linked(self) -> bool:
        return len(self.claims) > 1


@attrs.frozen
class Objection:
    """An objection written in full, like a reason: claims that attack only jointly (linked),
    and ``objections`` that undercut this attack (they grant the attacking claims but deny
    that these defeat the target).

    An objection that is one claim and nothing more is a plain ``Ref`` instead, so that each
    map has one model.
    """

    claims: tuple[Ref, ...]
    objections: tuple[Ref | Objection, ...] = ()
    note: str | None = None
    span: Span = attrs.field(default=NOWHERE, eq=False, repr=False)

    @property
    def linked(self) -> bool:
        return len(self.claims) > 1


def attackers(objection: Ref | Objection) -> tuple[Ref, ...]:
    """The claims making an objection: the one claim of a plain reference, else its members."""
    return (objection,) if isinstance(objection, Ref) else objection.claims


def undercutters(objection: Ref | Objection) -> tuple[Ref | Objection, ...]:
    """The objections to an objection's own attack (none for a plain reference)."""
    return () if isinstance(objection, Ref) else objection.objections


@attrs.frozen
class Claim:
    """A premise, conclusion or recommendation.

    ``objections`` are the claims that attack this one (rebuttals), each a ``Ref`` or, written
    in full, an ``Objection``; ``reasons`` support it.
    ``contradicts`` names claims that cannot be true together with this one (the relation is
    symmetric: declaring it on one side is enough). An ``implicit`` claim is the analyst's
    reconstruction of something the text does not state.
    ``spans`` maps a field name (and ``""`` for the claim itself) to where it was written.
    """

    id: str
    kind: Kind
    text: str
    quotes: tuple[Quote, ...] = ()
    note: str | None = None
    url: str | None = None
    reasons: tuple[Reason, ...] = ()
    objections: tuple[Ref | Objection, ...] = ()
    contradicts: tuple[Ref, ...] = ()
    implicit: bool = False
    spans: Mapping[str, Span] = _spans()

    def where(self, field: str = "") -> Span:
        return self.spans.get(field) or self.spans.get("", NOWHERE)


@attrs.frozen
class Source:
    """The text a map is about; ``path`` is relative to the map file.

    ``ignore`` lists lines of the source that are not prose (captions, page furniture), for
    coverage; ``*`` in an entry stands for any text.
    """

    path: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    ignore: tuple[str, ...] = ()
    spans: Mapping[str, Span] = _spans()

    def where(self, field: str = "") -> Span:
        return self.spans.get(field) or self.spans.get("", NOWHERE)


@attrs.frozen
class ArgumentMap:
    """A whole map: metadata and claims in file order (premises, conclusions, recommendations)."""

    title: str
    claims: tuple[Claim, ...]
    source: Source | None = None
    note: str | None = None
    version: str = FORMAT_VERSION
    spans: Mapping[str, Span] = _spans()

    def where(self, field: str = "") -> Span:
        return self.spans.get(field) or self.spans.get("", NOWHERE)

    # The relations, flattened once: the checks, the evaluation and the drawing all walk them.
    @functools.cached_property
    def _supports(self) -> tuple[Support, ...]:
        return tuple(
            Support(member, claim, reason)
            for claim in self.claims
            for reason in claim.reasons
            for member in reason.claims
        )

    @functools.cached_property
    def _attacks(self) -> tuple[Attack, ...]:
        found: list[Attack] = []
        for claim in self.claims:
            found.extend(_attacks_in(claim.objections, claim, None, None))
            for reason in claim.reasons:
                found.extend(_attacks_in(reason.objections, claim, reason, None))
        return tuple(found)

    def by_id(self) -> dict[str, Claim]:
        """Claims by id; where an id is duplicated, the first claim wins."""
        index: dict[str, Claim] = {}
        for claim in self.claims:
            index.setdefault(claim.id, claim)
        return index

    # Drawing: thin wrappers that import argmap.api when called, so that this module stays
    # free of I/O and of the rendering stack.

    def render(self, fmt: str = "svg", **options: Any) -> bytes:
        """This map drawn as ``fmt``: :func:`argmap.api.render_map` (same options)."""
        from argmap.api import render_map

        return render_map(self, fmt, **options)

    def save(self, path: str | os.PathLike[str], fmt: str | None = None, **options: Any) -> None:
        """Draw this map into the file ``path``: :func:`argmap.api.save_map`."""
        from argmap.api import save_map

        save_map(self, path, fmt, **options)

    def _repr_svg_(self) -> str:
        """Jupyter and IPython show a map as its SVG."""
        from argmap.svg import inline

        return inline(self.render("svg"))


@attrs.frozen
class Support:
    """A reason member supporting a target, flattened from ``Claim.reasons``."""

    member: Ref
    target: Claim
    reason: Reason


@attrs.frozen
class Attack:
    """An attacker on a claim (rebuttal, ``reason is None``) or on a step (undercut).

    ``objection`` is the full-form objection the attacker belongs to (None for a plain one).
    An attack on an attack has ``on`` set to the objection whose attack it undercuts; its
    ``target`` and ``reason`` are those of the attack at the root of that chain.
    """

    attacker: Ref
    target: Claim
    reason: Reason | None = None
    objection: Objection | None = None
    on: Objection | None = None

    @property
    def undercut(self) -> bool:
        return self.reason is not None or self.on is not None


def supports(amap: ArgumentMap) -> tuple[Support, ...]:
    """Every support relation in file order (worked out once per map)."""
    return amap._supports


@attrs.frozen
class Contradiction:
    """Two claims that cannot both be true, declared under ``claim`` as ``contradicts: other``."""

    claim: Claim
    other: Ref


def contradictions(amap: ArgumentMap) -> Iterator[Contradiction]:
    """Every declared contradiction in file order (each as written, not yet made symmetric)."""
    for claim in amap.claims:
        for ref in claim.contradicts:
            yield Contradiction(claim, ref)


def _attacks_in(
    objections: tuple[Ref | Objection, ...],
    target: Claim,
    reason: Reason | None,
    on: Objection | None,
) -> Iterator[Attack]:
    for item in objections:
        full = item if isinstance(item, Objection) else None
        for ref in attackers(item):
            yield Attack(ref, target, reason, full, on)
        if full is not None:
            yield from _attacks_in(full.objections, target, reason, full)


def attacks(amap: ArgumentMap) -> tuple[Attack, ...]:
    """Every attack in file order: rebuttals of each claim, then undercuts of its reasons;
    attacks on an attack follow the attack they undercut (worked out once per map)."""
    return amap._attacks
