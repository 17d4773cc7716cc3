"""A Kialo discussion (its text export) → ArgumentMap: every claim a claim, every Pro a reason,
every Con an objection.

Each numbered claim of the export (:mod:`argmap.formats.kialo.parse`) becomes a claim whose id
is its first words and whose note names its number and those of its repeats (``Kialo 1.2.1.``,
``Kialo 1.1. (and 1.3.1.)``: the export writes a claim's Pros and Cons in that order again, as
the map keeps reasons and objections apart); a ``Pro`` is a reason
for the claim it is under, a ``Con`` an objection to it, and a ``-> See N.`` gives claim N the
same place once more (one claim, two places: Kialo's way of reusing a claim). The thesis is
the map's thesis; in a discussion with several theses (Kialo's multi-thesis discussions, whose
top is a question and whose theses have no stance), none is marked as the map's thesis (they
answer the question side by side) and the question is kept in the map's note. A claim's role
says who holds it: the thesis's proponent, or its opponent (under an odd number of Cons). Links
in a claim's text keep their words; the first address becomes the claim's ``url``, the others
go to its note. Kinds come from wording, as for the other imports. Kialo quotes no source
text: the map has no source, and no quotes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import PurePath
from typing import Any

import attrs

from argmap.formats.base import (
    FormatError,
    Ids,
    Imported,
    break_support_cycles,
    leading_words,
    shorten,
    some,
    usable_url,
)
from argmap.formats.json import from_document
from argmap.formats.kialo.parse import Discussion, Entry, one_line, parse, side_of
from argmap.formats.kinds import Guesses
from argmap.model import Kind, Role
from argmap.model.keys import MAX_CLAIM_TEXT, MAX_TEXT, MAX_TITLE, ascii_slug
from argmap.read.yamltree import decode


@attrs.frozen
class _Step:
    members: tuple[str, ...]


def read(data: bytes, *, path: str) -> Imported:
    """A Kialo export as a map; the notes say what was left out, changed or guessed.

    Raises:
        FormatError: the file is not UTF-8 text, or not a Kialo export (no numbered claims,
            or text before the first that is not its title).
    """
    text, problems = decode(data, path)
    if text is None:
        raise FormatError(problems[0].message)
    if "\x00" in text:
        raise FormatError("not a Kialo discussion: the file holds NUL characters (binary data?)")
    return _Reader(parse(text), PurePath(path).name).run()


def _listed(items: Iterable[str]) -> str:
    return some([_brief(item) for item in items])


def _brief(number: str) -> str:
    """A number (or id) as a note names it: a long one by its start and its depth.

    >>> _brief("1.2."), _brief("1." * 40 + "3.")
    ('1.2.', '1.1.1.1.1.1.1.1.1.1.… (41 levels)')
    """
    if len(number) <= 40 or not number.replace(".", "").isdigit():
        return number
    return f"{number[:20]}… ({number.count('.')} levels)"


class _Reader:
    def __init__(self, discussion: Discussion, name: str) -> None:
        self.discussion, self.name = discussion, name
        self.notes: list[str] = []
        self.left: dict[str, list[str]] = defaultdict(list)  # why → numbers left out
        self.entries: dict[str, Entry] = {}
        for entry in discussion.entries:
            if entry.number in self.entries:
                self.left["whose number an earlier claim has"].append(entry.number)
            else:
                self.entries[entry.number] = entry
        self.question: Entry | None = None
        self.cut: list[str] = []  # numbers of claims whose text was cut
        self.same: dict[str, str] = {}  # number → the number of the claim it is (-> See)
        self.ids: dict[str, str] = {}  # number → its claim's id

    def run(self) -> Imported:
        kept = self.kept()
        claims = self.claims(kept)
        if not claims:
            left = "; ".join(f"{len(numbers)} {why}" for why, numbers in self.left.items())
            raise FormatError(f"no claims to import: {left}")
        pros: dict[str, dict[str, None]] = {claim: {} for claim in claims}  # ordered sets
        cons: dict[str, dict[str, None]] = {claim: {} for claim in claims}
        for entry in kept.values():
            if entry.stance is None or entry.parent not in kept:
                continue
            member, target = self.ids[entry.number], self.ids[entry.parent]
            same, other = (pros, cons) if entry.stance == "Pro" else (cons, pros)
            if member == target:
                self.left["that support or object to themselves (-> See)"].append(entry.number)
            elif member in other[target]:
                self.left["both for and against the same claim (-> See), the later"].append(
                    entry.number
                )
            else:
                same[target][member] = None
        reasons = {claim: [_Step((member,)) for member in pros[claim]] for claim in claims}
        objections = {claim: list(cons[claim]) for claim in claims}
        theses = list(dict.fromkeys(self.ids[e.number] for e in kept.values() if self.is_thesis(e)))
        for claim, step, cycle in break_support_cycles(reasons, [*theses, *reasons]):
            self.notes.append(f"'{step.members[0]}' gives '{claim}' a reason in a circle "
                              f"({' → '.join(cycle)}); that reason is left out")  # fmt: skip
        if len(theses) > 1:
            self.notes.append(f"the discussion has {len(theses)} theses, side by side: none is "
                              "marked as the map's thesis")  # fmt: skip
        roles = self.roles(kept, theses)
        return self.imported(claims, reasons, objections, theses, roles)

    def is_thesis(self, entry: Entry) -> bool:
        if self.question is not None:
            return entry.parent == self.question.number and entry.stance is None
        return entry.parent is None

    def kept(self) -> dict[str, Entry]:
        """The entries the map keeps, in order, each under a kept entry, with a stance unless
        a thesis; ``self.same`` maps each to the number of the claim it is."""
        tops = [e for e in self.entries.values() if e.parent is None]
        under = [e for e in self.entries.values() if tops and e.parent == tops[0].number]
        theses = all(e.stance is None for e in under) and any(not e.see for e in under)
        if len(tops) == 1 and theses:
            self.question = tops[0]  # a multi-thesis discussion: its theses have no stance
        candidates: dict[str, Entry] = {}
        for entry in self.entries.values():
            parent = entry.parent
            if entry is self.question:
                continue
            if parent is not None and parent not in self.entries:
                self.left["under a number no claim has"].append(entry.number)
            elif self.question is not None and parent == self.question.number and entry.stance:
                self.left["for or against the question, not a thesis"].append(entry.number)
            elif parent is not None and entry.stance is None and not self.is_thesis(entry):
                self.left["with no stance (Pro or Con)"].append(entry.number)
            else:
                candidates[entry.number] = entry
        held = self.held(candidates)
        kept: dict[str, Entry] = {}
        for number, entry in candidates.items():
            if held[number]:
                kept[number] = entry
            elif entry.see is not None and not held.get(entry.see, False):
                self.left["repeating (-> See) a claim not in the map"].append(number)
            else:
                self.left["under a claim left out"].append(number)
        for number in kept:  # the end of each -> See chain (chains in a circle are not held)
            chain = [number]
            while (see := kept[chain[-1]].see) is not None and see not in self.same:
                chain.append(see)
            end = self.same.get(see, see) if see is not None else chain[-1]
            self.same.update(dict.fromkeys(chain, end))
        return kept

    def held(self, candidates: dict[str, Entry]) -> dict[str, bool]:
        """Whether each candidate can stand in the map: the claim it is under stands (or it is
        a thesis), and so does the claim it repeats (-> See); a circle of these stands not.
        Worked out without recursion, each candidate once, however the file orders them."""
        held: dict[str, bool] = {}
        for start in candidates:
            stack, open_ = [start], set()
            while stack:
                number = stack[-1]
                if number in held:
                    stack.pop()
                    continue
                entry = candidates.get(number)
                if entry is None:
                    held[number] = False
                    stack.pop()
                    continue
                needs = [n for n in (entry.see, None if self.is_thesis(entry) else entry.parent)
                         if n is not None]  # fmt: skip
                waiting = [n for n in needs if n not in held]
                if waiting and number not in open_:
                    open_.add(number)
                    stack.extend(waiting)
                    continue
                held[number] = all(held.get(n, False) for n in needs)  # open: in a circle
                stack.pop()
        return held

    def claims(self, kept: dict[str, Entry]) -> dict[str, dict[str, Any]]:
        """A claim for each kept entry that is not a repeat; ``self.ids`` maps each kept
        entry's number to its claim's id."""
        ids, claims, by_number = Ids(), {}, {}
        repeats: dict[str, list[str]] = defaultdict(list)  # number → where it is repeated
        for number, entry in kept.items():
            if entry.see is not None:
                repeats[self.same[number]].append(number)
        for number, entry in kept.items():
            if entry.see is not None:
                continue
            text, urls = one_line(entry.text)
            text = text or f"(claim {number} has no text)"
            also = f" (and {', '.join(repeats[number])})" if repeats[number] else ""
            notes = [f"Kialo {number}{also}"]
            if len(text) > MAX_CLAIM_TEXT:
                notes.append(f"whole text: {text}")
                self.cut.append(number)
                text = shorten(text, MAX_CLAIM_TEXT)
            claim_id = ids.unique(leading_words(ascii_slug(text)))
            claim: dict[str, Any] = {"id": claim_id, "text": text}
            good = [url for url in urls if usable_url(url)]
            if good:
                claim["url"] = good[0]
            if good[1:]:
                notes.append("other links: " + " ".join(good[1:]))
            claim["note"] = shorten("; ".join(notes), MAX_TEXT)
            claims[claim_id] = claim
            by_number[number] = claim_id
        self.ids = {number: by_number[same] for number, same in self.same.items()}
        return claims

    def roles(self, kept: dict[str, Entry], theses: list[str]) -> dict[str, Role | None]:
        """Each claim's holder: the thesis's proponent, or its opponent under an odd number of
        Cons; None for a claim held by both in its several places."""
        places: dict[str, set[Role]] = defaultdict(set)
        side: dict[str, Role] = {}
        for number, entry in kept.items():  # parents come before their children
            if self.is_thesis(entry):
                side[number] = side_of(None, None)
            elif entry.parent in side:
                side[number] = side_of(side[entry.parent], entry.stance)
            if number in side:
                places[self.ids[number]].add(side[number])
        both = sorted(claim for claim, held in places.items() if len(held) > 1)
        if both:
            self.notes.append(f"claims both sides use, given no role ({len(both)}): "
                              f"{_listed(both)}")  # fmt: skip
        return {claim: next(iter(held)) if len(held) == 1 else None
                for claim, held in places.items()}  # fmt: skip

    def imported(
        self,
        claims: dict[str, dict[str, Any]],
        reasons: dict[str, list[_Step]],
        objections: dict[str, list[str]],
        theses: list[str],
        roles: dict[str, Role | None],
    ) -> Imported:
        sections: dict[str, list[dict[str, Any]]] = {kind.section: [] for kind in Kind}
        guesses = Guesses(claim["text"] for claim in claims.values())
        for claim_id, claim in claims.items():
            if theses == [claim_id]:
                claim["thesis"] = True  # several answer a question: none is the thesis
            if roles.get(claim_id) is not None:
                claim["role"] = roles[claim_id].value  # type: ignore[union-attr]
            kind = guesses.kind(claim_id, claim["text"], has_reasons=bool(reasons[claim_id]))
            if reasons[claim_id]:
                claim["reasons"] = [{"claims": list(s.members)} for s in reasons[claim_id]]
            if objections[claim_id]:
                claim["objections"] = [{"claims": [o]} for o in objections[claim_id]]
            sections[kind.section].append(claim)
        for why, numbers in self.left.items():
            self.notes.append(f"claims {why}, left out ({len(numbers)}): {_listed(numbers)}")
        if self.cut:
            self.notes.append(f"claims longer than {MAX_CLAIM_TEXT} characters, cut and kept "
                              f"whole in their notes: {_listed(self.cut)}")  # fmt: skip
        if (guessed := guesses.note()) is not None:
            self.notes.append(guessed)
        document = {"argmap": "1", "title": self.title(), "note": self.map_note(),
                    **{section: items for section, items in sections.items() if items}}  # fmt: skip
        amap, diagnostics = from_document(document, self.name)
        if amap is None:  # pragma: no cover - the document is built to the format
            raise FormatError("; ".join(d.message for d in diagnostics))
        return Imported(amap, tuple(self.notes))

    def title(self) -> str:
        title = self.discussion.title or (self.question.text if self.question else "")
        title = one_line(title)[0]
        return shorten(title or PurePath(self.name).stem or "Kialo discussion", MAX_TITLE)

    def map_note(self) -> str:
        note = (f"Imported by argmap from {self.name}, a Kialo discussion. Claim ids are the "
                "claims' first words, and each claim's note gives its number in the "
                "discussion; a Pro is a reason, a Con an objection, and a claim's role says "
                "whether the thesis's proponent or its opponent holds it.")  # fmt: skip
        if self.question is not None:
            question = one_line(self.question.text)[0]
            note += f" The discussion's question: {question}"
        return shorten(note, MAX_TEXT)


__all__ = ["read"]
