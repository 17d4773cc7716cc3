"""A finished map (the answer) and the claims to blank → the worksheet students start from;
a student's filled-in worksheet → how each blank was filled, against the answer.

A blanked claim keeps its id, kind and place (its reasons, objections, what it supports and
attacks); its text becomes :data:`~argmap.model.blank.PLACEHOLDER`, and what would give it
away goes: its quotes, its note, its short label. A student's worksheet is scored on the
blanks alone with :func:`~argmap.analysis.compare.compare`'s matching: a blank is *found*
when one of the student's claims pairs with the answer's (the same passage quoted, or, with
no quote, the same wording), and *placed* when, besides, every link of the answer's claim is
drawn the same and the student draws none more from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from argmap.analysis.compare import Comparison, Edge, compare
from argmap.model import ArgumentMap, Objection, Ref
from argmap.model.blank import PLACEHOLDER, is_blank
from argmap.read.source import SourceText


def worksheet(answer: ArgumentMap, blanks: Iterable[str], note: str | None = None) -> ArgumentMap:
    """``answer`` with the claims ``blanks`` names blanked (ids that name no claim are
    passed over: :func:`unknown` tells them), and ``note`` (the teacher's instructions) for
    its note. No note of the answer's is kept, of the map, its claims or its links: an
    analyst's notes say what the blanks are ("its main thesis is that ...")."""
    chosen = set(blanks)
    return attrs.evolve(
        answer,
        note=note,
        claims=tuple(
            attrs.evolve(claim, text=PLACEHOLDER, quotes=(), note=None, label=None, aif=None,
                         reasons=_plain(claim.reasons), objections=_plain(claim.objections))
            if claim.id in chosen
            else attrs.evolve(claim, note=None, reasons=_plain(claim.reasons),
                              objections=_plain(claim.objections))
            for claim in answer.claims
        ),
    )  # fmt: skip


def _plain(found: tuple[Any, ...]) -> tuple[Any, ...]:
    """Reasons or objections without their notes (and those of the objections to them); an
    objection then of one claim and nothing more is that claim, as the loader reads it."""
    plain = []
    for item in found:
        if not isinstance(item, Ref):
            item = attrs.evolve(item, note=None, objections=_plain(item.objections))
            if (
                isinstance(item, Objection)
                and item == Objection(item.claims)
                and (len(item.claims) == 1)
            ):
                item = item.claims[0]
        plain.append(item)
    return tuple(plain)


def unknown(answer: ArgumentMap, blanks: Iterable[str]) -> list[str]:
    """The ids of ``blanks`` that name no claim of ``answer``, in the order given."""
    ids = {claim.id for claim in answer.claims}
    return [name for name in blanks if name not in ids]


@attrs.frozen
class Marked:
    """How a student filled the blank ``blank`` (the answer's id): ``found`` is the student's
    claim that pairs with it (None: none does), ``placed`` whether its links are the
    answer's, ``filled`` whether the student wrote anything there at all, and ``wrong`` the
    links that differ, in words that name claims by the answer's ids (the worksheet's), never
    the answer's text or quotes."""

    blank: str
    found: str | None
    placed: bool
    filled: bool
    wrong: tuple[str, ...] = ()

    def __str__(self) -> str:
        if self.placed:
            return f"right: {self.found}"
        if self.found is not None:
            return f"found ({self.found}), in another place: {'; '.join(self.wrong)}"
        if not self.filled:
            return "not filled in"
        return "not found: none of the claims quotes the passage it rests on"


def _touches(edge: Edge, blank: str) -> bool:
    """Whether ``edge`` is a link from ``blank`` or to it (or to a step it is part of)."""
    target = edge.target
    seen = {edge.source, target.claim, *target.claims}
    for on in target.on:
        seen |= {on.claim, *on.claims}
    return blank in seen


def _said(edge: Edge, blank: str) -> str:
    """A link in words, the blank as 'it' when the link is its own."""
    return f"it {str(edge).split(' ', 1)[1]}" if edge.source == blank else str(edge)


def _wrong(result: Comparison, blank: str) -> tuple[str, ...]:
    said = [f"{_said(b, blank)}, not {a.target}" for a, b in result.moved if _touches(a, blank)]
    said += [f"{_said(b, blank)}, where the answer's link is a{'n' * (a.function == 'attack')} "
             f"{a.function}" for a, b in result.other if _touches(a, blank)]  # fmt: skip
    said += [f"missing: {_said(a, blank)}" for a in result.only_first if _touches(a, blank)]
    said += [f"extra: {_said(e, blank)}" for e in result.only_second if _touches(e, blank)]
    return tuple(said)


def score(
    answer: ArgumentMap,
    student: ArgumentMap,
    blanks: Iterable[str],
    source: SourceText | None,
) -> tuple[Marked, ...]:
    """How ``student`` (a filled-in worksheet) filled each of ``blanks``, against ``answer``;
    ``source`` is the text both quote (None: claims pair by wording)."""
    result = compare(answer, student, source)
    theirs = {pair.first: pair.second for pair in result.pairs}
    left = {claim.id: claim for claim in student.claims}
    marked = []
    for blank in blanks:
        found = theirs.get(blank)
        if found is not None and is_blank(left[found].text):
            found = None  # a blank still, whatever it quotes: not filled in
        kept = left.get(blank)
        filled = found is not None or kept is None or not is_blank(kept.text)
        wrong = _wrong(result, blank) if found is not None else ()
        marked.append(Marked(blank, found, found is not None and not wrong, filled, wrong))
    return tuple(marked)


__all__ = ["Marked", "score", "unknown", "worksheet"]
