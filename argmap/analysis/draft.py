"""A map with errors + its diagnostics → a draft to draw: the map without what must not be
drawn, and what the drawing says of its errors (``argmap render --draft``).

The drawing of a map with errors is the analyst's, while the map is being written: it shows
the structure as far as it goes, and must never be taken for a finished map. So a
:class:`Draft` counts the errors (the heading says so), says which claims carry which (they
are marked, their errors in their tooltips), and how many claims could not be read at all
(left out of the drawing). What the drawing does with the rest: a link to a claim that does
not exist is left out, a duplicated id is drawn once (the first claim), as for any map; a
link that is not http or https is not drawn (:func:`argmap.api.drafted`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import attrs

from argmap.diagnostics import Diagnostic, Severity, Span
from argmap.model import ArgumentMap, Claim, Objection, Reason, Ref, Restatement


@attrs.frozen
class Draft:
    """What a draft's drawing says of its map's errors: how many (``errors``), each claim's
    (``marks``: messages with their codes, by claim id, in file order), how many claims
    the map's shape errors left out of it (``left_out``), and the errors of each claim left
    out whose id reads, by id (``dropped``: what a focus on one of them is told)."""

    errors: int
    marks: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    left_out: int = 0
    dropped: Mapping[str, tuple[Diagnostic, ...]] = attrs.field(factory=dict)


def _spans(item: Reason | Objection | Ref | Restatement) -> Iterator[Span]:
    """Every place written inside a reason, an objection, a reference or a restatement."""
    yield item.span
    if isinstance(item, Restatement):
        yield item.claim.span
    elif isinstance(item, Reason | Objection):
        yield from (ref.span for ref in item.claims)
        for objection in item.objections:
            yield from _spans(objection)


def extent(claim: Claim) -> tuple[Span, Span]:
    """The first and last places written in a claim (its id, keys, quotes and links)."""
    spans = [*claim.spans.values(), *(quote.span for quote in claim.quotes)]
    for item in (*claim.reasons, *claim.objections, *claim.contradicts, *claim.restates):
        spans.extend(_spans(item))
    found = [span for span in spans if span.line > 0]
    start = claim.where()
    return start, max([start, *found], key=lambda span: (span.line, span.column))


def owners(amap: ArgumentMap, diagnostics: Iterable[Diagnostic]) -> dict[str, tuple[str, ...]]:
    """The errors among ``diagnostics`` that are written inside a claim, by the claim's id
    (a second claim with the same id counts as the first: it is the one drawn)."""
    extents = sorted(((*extent(c), c.id) for c in amap.claims), key=lambda e: _key(e[0]))
    marks: dict[str, list[str]] = {}
    for found in diagnostics:
        if found.severity is not Severity.ERROR:
            continue
        inside = [claim for start, end, claim in extents
                  if _key(start) <= _key(found.span) <= _key(end)]  # fmt: skip
        if not inside:
            inside = _after(found.span, extents)
        if inside:
            marks.setdefault(inside[-1], []).append(f"{found.message} [{found.code}]")
    order = {claim.id: n for n, claim in reversed(list(enumerate(amap.claims)))}
    return {claim: tuple(marks[claim]) for claim in sorted(marks, key=order.__getitem__)}


def _after(span: Span, extents: list[tuple[Span, Span, str]]) -> list[str]:
    """The claim a place past every claim's known places belongs to: the last claim that
    starts before it, when the place is indented as far as that claim's keys (a key of its
    own that the reader did not take, such as an unknown key on its last line)."""
    before = [(start, claim) for start, _, claim in extents if _key(start) <= _key(span)]
    if before and span.column >= before[-1][0].column:
        return [before[-1][1]]
    return []


def _key(span: Span) -> tuple[int, int]:
    return span.line, span.column


def draft(
    amap: ArgumentMap,
    diagnostics: Iterable[Diagnostic],
    left_out: int = 0,
    dropped: Mapping[str, tuple[Diagnostic, ...]] | None = None,
) -> Draft:
    """What the drawing of ``amap`` says of its errors, ``diagnostics`` as ``check`` reports
    them; ``left_out``: the claims its shape errors left out, ``dropped``: the errors of
    those whose id reads, by id."""
    found = list(diagnostics)
    errors = sum(d.severity is Severity.ERROR for d in found)
    return Draft(errors, owners(amap, found), left_out, dict(dropped or {}))


__all__ = ["Draft", "draft", "extent", "owners"]
