"""The argument map as typed, frozen values: claims, reasons, objections. No I/O, no YAML."""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping

import attrs

from argmap.diagnostics import Span

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
    objections: tuple[Ref, ...] = ()
    note: str | None = None
    span: Span = attrs.field(default=NOWHERE, eq=False, repr=False)

    @property
    def linked(self) -> bool:
        return len(self.claims) > 1


@attrs.frozen
class Claim:
    """A premise, conclusion or recommendation.

    ``objections`` are the claims that attack this one (rebuttals); ``reasons`` support it.
    ``spans`` maps a field name (and ``""`` for the claim itself) to where it was written.
    """

    id: str
    kind: Kind
    text: str
    quotes: tuple[Quote, ...] = ()
    note: str | None = None
    url: str | None = None
    reasons: tuple[Reason, ...] = ()
    objections: tuple[Ref, ...] = ()
    spans: Mapping[str, Span] = _spans()

    def where(self, field: str = "") -> Span:
        return self.spans.get(field) or self.spans.get("", NOWHERE)


@attrs.frozen
class Source:
    """The text a map is about; ``path`` is relative to the map file."""

    path: str
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
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

    def by_id(self) -> dict[str, Claim]:
        """Claims by id; where an id is duplicated, the first claim wins."""
        index: dict[str, Claim] = {}
        for claim in self.claims:
            index.setdefault(claim.id, claim)
        return index


@attrs.frozen
class Support:
    """A reason member supporting a target, flattened from ``Claim.reasons``."""

    member: Ref
    target: Claim
    reason: Reason


@attrs.frozen
class Attack:
    """An attacker on a claim (rebuttal, ``reason is None``) or on a step (undercut)."""

    attacker: Ref
    target: Claim
    reason: Reason | None = None

    @property
    def undercut(self) -> bool:
        return self.reason is not None


def supports(amap: ArgumentMap) -> Iterator[Support]:
    """Every support relation in file order."""
    for claim in amap.claims:
        for reason in claim.reasons:
            for member in reason.claims:
                yield Support(member, claim, reason)


def attacks(amap: ArgumentMap) -> Iterator[Attack]:
    """Every attack in file order: rebuttals of each claim, then undercuts of its reasons."""
    for claim in amap.claims:
        for ref in claim.objections:
            yield Attack(ref, claim)
        for reason in claim.reasons:
            for ref in reason.objections:
                yield Attack(ref, claim, reason)
