"""The argument map as typed, frozen values: claims, reasons, objections. No I/O, no YAML."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from typing import Any

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


class Role(enum.Enum):
    """Who holds a claim in a dialogue or a text that weighs both sides (as the argumentative
    microtexts do): the values are the words used in YAML and in SVG classes."""

    PROPONENT = "proponent"
    OPPONENT = "opponent"


#: What debates call their sides, and the role each is: the proposition (government,
#: affirmative) argues for the motion, which a debate's map has as its thesis; the opposition
#: (negative) against it. Not roles of the format: messages tell them as the role they are.
DEBATE_SIDES = {
    **dict.fromkeys(("proposition", "government", "affirmative", "pro", "for"), Role.PROPONENT),
    **dict.fromkeys(("opposition", "negative", "con", "against"), Role.OPPONENT),
}


@attrs.frozen
class Carried:
    """Data of another format that a map carries without reading it (AIF's node ids, schemes,
    timestamps, ...; SADFace's node and edge ids), so that exporting to that format gives it
    back. JSON values, kept as
    their JSON text: the model stays frozen and hashable, and the data comes back exactly.

    >>> Carried.of({"nodeID": "12", "timestamp": None}).value
    {'nodeID': '12', 'timestamp': None}
    """

    json: str

    @classmethod
    def of(cls, value: Mapping[str, Any]) -> Carried:
        return cls(json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False))

    @property
    def value(self) -> dict[str, Any]:
        return json.loads(self.json)  # type: ignore[no-any-return]


#: What a claim, reason, objection or restatement carries for SADFace (``sadface:``): ``id``,
#: its atom's or scheme node's id, and for a relation ``from`` and ``to``, the ids of the edges
#: into and out of its scheme node, by the id of the node at their other end.
SADFACE = ("id", "from", "to")


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

    ``objections`` undercut the step from this reason to the claim it supports; ``scheme``
    names the argumentation scheme of the step (``example``, ``expert opinion``, ...).
    """

    claims: tuple[Ref, ...]
    objections: tuple[Ref | Objection, ...] = ()
    note: str | None = None
    scheme: str | None = None
    aif: Carried | None = None
    span: Span = attrs.field(default=NOWHERE, eq=False, repr=False)
    sadface: Carried | None = attrs.field(default=None, kw_only=True)
    """Its SADFace scheme node's id and the ids of that node's edges (:data:`SADFACE`)."""

    @property
    def linked(self) -> bool:
        return len(self.claims) > 1


@attrs.frozen
class Objection:
    """An objection written in full, like a reason: claims that attack only jointly (linked),
    and ``objections`` that undercut this attack (they grant the attacking claims but deny
    that these defeat the target).

    ``question`` numbers the critical questions of the scheme of the reason it attacks (its
    step, or one of its claims) that the objection raises, as ``argmap questions`` numbers
    them; ``question_span`` is where they are written.

    An objection that is one claim and nothing more is a plain ``Ref`` instead, so that each
    map has one model.
    """

    claims: tuple[Ref, ...]
    objections: tuple[Ref | Objection, ...] = ()
    note: str | None = None
    aif: Carried | None = None
    question: tuple[int, ...] = ()
    span: Span = attrs.field(default=NOWHERE, eq=False, repr=False)
    question_span: Span = attrs.field(default=NOWHERE, eq=False, repr=False)
    sadface: Carried | None = attrs.field(default=None, kw_only=True)

    @property
    def linked(self) -> bool:
        return len(self.claims) > 1


@attrs.frozen
class Restatement:
    """A restatement written in full: the claim restated, and data carried for another format
    (an AIF MA node's). One that is the claim and nothing more is a plain ``Ref`` instead."""

    claim: Ref
    aif: Carried | None = None
    span: Span = attrs.field(default=NOWHERE, eq=False, repr=False)
    sadface: Carried | None = attrs.field(default=None, kw_only=True)


@attrs.frozen
class Claim:
    """A premise, conclusion or recommendation.

    ``objections`` are the claims that attack this one (rebuttals), each a ``Ref`` or, written
    in full, an ``Objection``; ``reasons`` support it.
    ``contradicts`` names claims that cannot be true together with this one (the relation is
    symmetric: declaring it on one side is enough). ``restates`` names claims this one says
    again in other words: they stand or fall together. An ``implicit`` claim is the analyst's
    reconstruction of something the text does not state; ``role`` says who holds it, ``aif``
    carries its AIF I-node's data and ``sadface`` its SADFace atom's id. ``label`` is a short
    form of the text, drawn where space is tight; ``thesis`` marks the claim the map argues
    for.
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
    role: Role | None = None
    restates: tuple[Ref | Restatement, ...] = ()
    aif: Carried | None = None
    label: str | None = None
    thesis: bool = False
    sadface: Carried | None = None
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

    @property
    def about(self) -> tuple[str, ...]:
        """What names the source, as given: its title, publisher and date (the blank left out)."""
        return tuple(
            part for part in (self.title, self.publisher, self.date) if part and part.strip()
        )


@attrs.frozen
class ArgumentMap:
    """A whole map: metadata and claims in file order (premises, conclusions, recommendations).

    ``aif`` carries what an imported AIF graph holds beyond its claims and relations (the
    dialogue layer, locutions, participants, ...), for the export back to AIF; ``sadface``
    the same of a SADFace document. ``outside``
    is None for a whole map; for a part cut out of one (:func:`argmap.analysis.focus.focus`),
    the reasons and objections (attacks on a claim or on its steps) each of its claims has
    outside the part, by claim id (only claims that have some). A part's thesis is only a
    claim marked so, never a top of the part.
    """

    title: str
    claims: tuple[Claim, ...]
    source: Source | None = None
    note: str | None = None
    version: str = FORMAT_VERSION
    aif: Carried | None = None
    spans: Mapping[str, Span] = _spans()
    outside: Mapping[str, tuple[int, int]] | None = None
    lang: str | None = None
    """The language of the map's text, a BCP 47 tag (``de``, ``pt-BR``), or None: unsaid."""
    sadface: Carried | None = None
    """What a SADFace document the map was imported from identifies itself by: its core
    metadata (id, analyst, dates, ...) and its text resource's id."""

    @property
    def whole(self) -> bool:
        """Whether this is a whole map, not a part cut out of one."""
        return self.outside is None

    def where(self, field: str = "") -> Span:
        return self.spans.get(field) or self.spans.get("", NOWHERE)

    def by_id(self) -> dict[str, Claim]:
        """Claims by id; where an id is duplicated, the first claim wins."""
        index: dict[str, Claim] = {}
        for claim in self.claims:
            index.setdefault(claim.id, claim)
        return index
