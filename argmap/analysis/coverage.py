"""Source text + map → which sentences of the source the map's quotes cover, and which lines of
the source are not prose at all (headlines, captions, links and other page furniture).

How the text is read:

- Paragraphs and sentences are those :mod:`argmap.read.prose` reads: hard-wrapped lines
  joined into their paragraphs, sentences cut at stops but not after abbreviations, initials,
  the numbers of items or the days of German dates.
- A passage a claim quotes is argument, whatever it looks like. Of the rest, these are
  *furniture*, reported apart and not counted as missed argument: a line the map's
  ``source: ignore:`` names; a line that begins like page furniture (``Click here``,
  ``Download the … app``, ``Related stories``, ``Representative image``, ``Photo:``, ...); a
  sentence without closing punctuation (a headline, caption or link: a sentence ends with a
  stop); and a line that is one sentence of fewer than four words (``No stories found.``).
"""

from __future__ import annotations

import bisect
import re

import attrs

from argmap.model import ArgumentMap
from argmap.read.prose import CLOSE, FURNITURE, paragraphs
from argmap.read.prose import sentences as split
from argmap.read.source import SourceText, normalize

#: A line of fewer words than this, standing alone, is not a sentence of the argument.
MIN_WORDS = 4

#: Why a line is not counted as argument (:attr:`Sentence.furniture`), as ``coverage`` reports
#: it; its page says them in the map's language (:mod:`argmap.pages.coverage`).
IGNORED = "named in the map's 'ignore' list"
PAGE_FURNITURE = "page furniture"
UNENDED = "no closing punctuation: a headline, caption or link"
SHORT = f"a line of fewer than {MIN_WORDS} words"

# A sentence ends with a stop, perhaps closing quotes or brackets; ':' and ';' end a line of
# prose too (a line introducing a list).
_ENDS = re.compile(rf"[.!?\u2026:;][{re.escape(CLOSE)}]*\s*$")


@attrs.frozen
class Sentence:
    """A sentence (or, for furniture, a line) of the source, as coverage sees it.

    ``start``/``end`` are offsets in the source text, ``line`` its first line and
    ``paragraph`` the first line of its paragraph; ``quoted`` counts its characters (other
    than white space) inside some quote, of ``size``; ``claims`` quote it, in file order;
    ``furniture`` says why it is not counted as argument (None: it is).
    """

    start: int
    end: int
    line: int
    text: str
    size: int
    quoted: int = 0
    claims: tuple[str, ...] = ()
    furniture: str | None = None
    paragraph: int = 0

    @property
    def covered(self) -> bool:
        return bool(self.claims)

    @property
    def share(self) -> float:
        return self.quoted / self.size if self.size else 0.0


@attrs.frozen
class Passage:
    """Where the source quotes for a claim: one part of one occurrence of one of its quotes."""

    start: int
    end: int
    claim: str


@attrs.frozen
class Coverage:
    """Which sentences of a source a map quotes."""

    text: str
    sentences: tuple[Sentence, ...]
    passages: tuple[Passage, ...]
    implicit: tuple[str, ...]  # ids of the map's implicit claims (not in the text, by design)

    @property
    def argument(self) -> list[Sentence]:
        """The sentences that argue: every one but the furniture."""
        return [s for s in self.sentences if s.furniture is None]

    @property
    def furniture(self) -> list[Sentence]:
        """The sentences that do not argue: headlines, bylines, the map's ``ignore`` lines."""
        return [s for s in self.sentences if s.furniture is not None]

    @property
    def missed(self) -> list[Sentence]:
        """The sentences that argue and that no claim quotes."""
        return [s for s in self.argument if not s.covered]

    @property
    def share(self) -> float:
        """Covered argumentative sentences over all of them (1.0 for a text without any)."""
        argument = self.argument
        return sum(s.covered for s in argument) / len(argument) if argument else 1.0

    def quoted(self, claim: str) -> int:
        """How many characters of the source the quotes of the claim with the id ``claim``
        cover, a character quoted twice counted once (0 for an implicit or unknown claim)."""
        spans = sorted((p.start, p.end) for p in self.passages if p.claim == claim)
        total, reached = 0, 0
        for start, end in spans:
            total += max(0, end - max(start, reached))
            reached = max(reached, end)
        return total


def _ignored(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regular expression for the map's ``ignore`` lines: ``*`` is any text, the rest is
    matched like a quote (white space, quote marks and dashes folded)."""
    if not patterns:
        return None
    pieces = ["(?:" + ".*".join(map(re.escape, normalize(p).split("*"))) + ")" for p in patterns]
    return re.compile("|".join(pieces))


def _words(text: str) -> int:
    return len(text.split())


def coverage(amap: ArgumentMap, source: SourceText) -> Coverage:
    """What of ``source`` (the map's source text) the map's quotes cover.

    Quotes not found in the source cover nothing (``argmap check`` reports them).
    """
    text = source.text
    passages = sorted(
        (
            Passage(match.start, match.end, claim.id)
            for claim in amap.claims
            for quote in claim.quotes
            for occurrence in source.occurrences(quote.text)
            for match in occurrence
        ),
        key=lambda p: (p.start, p.end),
    )
    covered = bytearray(len(text))
    for passage in passages:
        covered[passage.start : passage.end] = b"\x01" * (passage.end - passage.start)
    ignore = _ignored(amap.source.ignore if amap.source else ())
    order = {claim.id: n for n, claim in enumerate(amap.claims)}

    units: list[tuple[int, int, str | None, int]] = []
    for start, end, standalone in paragraphs(text):
        paragraph = source.line_of(start)
        line = normalize(text[start:end])
        if ignore is not None and ignore.fullmatch(line):
            units.append((start, end, IGNORED, paragraph))
            continue
        if FURNITURE.match(line):
            units.append((start, end, PAGE_FURNITURE, paragraph))
            continue
        pieces = list(split(text, start, end))
        for a, b in pieces:
            piece = text[a:b]
            why = None
            if not _ENDS.search(piece):
                why = UNENDED
            elif standalone and len(pieces) == 1 and _words(piece) < MIN_WORDS:
                why = SHORT
            units.append((a, b, why, paragraph))

    starts = [unit[0] for unit in units]
    claims: list[set[str]] = [set() for _ in units]
    for passage in passages:
        first = max(bisect.bisect_right(starts, passage.start) - 1, 0)
        for k in range(first, len(units)):
            a, b = units[k][:2]
            if a >= passage.end:
                break
            if b > passage.start:
                claims[k].add(passage.claim)
    sentences = []
    for (a, b, furniture, paragraph), ids in zip(units, claims, strict=True):
        piece = text[a:b]
        visible = [i for i in range(a, b) if not text[i].isspace()]
        sentences.append(
            Sentence(
                a,
                b,
                source.line_of(a),
                " ".join(piece.split()),
                len(visible),
                sum(covered[i] for i in visible),
                tuple(sorted(ids, key=order.__getitem__)),
                None if ids else furniture,  # what a claim quotes is argument
                paragraph,
            )
        )
    implicit = tuple(claim.id for claim in amap.claims if claim.implicit)
    return Coverage(text, tuple(sentences), tuple(passages), implicit)
