"""Two maps of one text → which claim of the one is which claim of the other: first by the
passages of the source their quotes share, then, for claims left over, by their wording.

Two analysts (a teacher and a student, two annotators of a corpus) seldom quote a sentence to
the same word, nor give its claim the same id: "shops will lose customers" and "Some argue
that shops will lose customers" are one claim. So claims pair up when their quoted passages
overlap in most of the shorter of the two (:data:`MIN_OVERLAP`), the best-overlapping pairs
first, each claim in one pair at most. A quote not found in the source (a word off, a word
added) stands for the passage it clearly meant, which ``check --fix`` offers in its place
(:meth:`~argmap.analysis.sentences.Source.clear`); one that no passage is that clear
for counts for nothing. Claims with no quote (implicit ones) or whose quotes found no partner
pair up by the words of their texts (:data:`MIN_WORDING`).
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable

import attrs

from argmap.analysis.sentences import Source
from argmap.model import ArgumentMap, Claim
from argmap.read.source import Match, SourceText

#: The least share of the shorter of two claims' quoted text that the other must quote too for
#: the two to be one claim.
MIN_OVERLAP = 0.5
#: The least likeness of two claims' wordings (difflib's ratio over their words, lower case)
#: for two claims that their quotes do not pair to be one claim.
MIN_WORDING = 0.6

#: Claims of the second map holding a word, at most, for the word to find them claims of the
#: first map alike in wording (more: a word as common as "the", which finds every claim).
COMMON = 50
#: The most places a quote may be found at to pair its claim (a word or two common in the text
#: say nothing of which passage a claim rests on; pairing by them would cost the square of
#: their places).
MAX_PLACES = 10

_WORD = re.compile(r"\w+")


@attrs.frozen
class Pair:
    """A claim of the first map (``first``, its id) that is a claim of the second
    (``second``): ``by`` their quotes or their wording, and how much (0 to 1): the share of
    the shorter quoted text both quote, or the likeness of the wordings."""

    first: str
    second: str
    by: str  # "quotes" or "wording"
    score: float


@attrs.frozen
class Quoted:
    """How a map's quotes were found in the source: how many it has (``count``), how many
    are not in it (``not_found``), and of those, how many stand for the passage closest to
    them (``closest``: clear enough for ``check --fix`` to write it in their place); the
    others count for nothing."""

    count: int = 0
    not_found: int = 0
    closest: int = 0


Spans = tuple[tuple[int, int], ...]


class _Stand:
    """Where each quote of a map is in a source: where it is found, or when it is not, where
    the quote as ``check --fix`` mends it is (nowhere when no passage is clear enough);
    counted."""

    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.sentences: Source | None = None  # made on the first quote not found
        self.count = self.not_found = self.closest = 0

    def __call__(self, quote: str) -> list[tuple[Match, ...]]:
        self.count += 1
        places = self.source.occurrences(quote)
        if places:
            return places
        self.not_found += 1
        if self.sentences is None:
            self.sentences = Source(self.source.text, self.source)
        mended = self.sentences.mended(quote)
        if mended is None or not mended.clear:
            return []
        self.closest += 1
        return self.source.occurrences(mended.text)

    def quoted(self) -> Quoted:
        return Quoted(self.count, self.not_found, self.closest)


def grounding(claim: Claim, source: SourceText, stand: _Stand | None = None) -> Spans:
    """The stretches of the source a claim's quotes cover (every place each is found, the
    text an elision skips left out), merged and in order; of a quote not found, those of the
    passage ``check --fix`` would write in its place without a person looking. A quote found
    at more than :data:`MAX_PLACES` places says nothing of which passage the claim rests on,
    and counts for nothing."""
    stand = _Stand(source) if stand is None else stand
    found = sorted(
        (match.start, match.end)
        for quote in claim.quotes
        if len(places := stand(quote.text)) <= MAX_PLACES
        for occurrence in places
        for match in occurrence
    )
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _length(spans: Spans) -> int:
    return sum(end - start for start, end in spans)


def _overlaps(first: dict[str, Spans], second: dict[str, Spans]) -> dict[tuple[str, str], int]:
    """For each two claims whose stretches meet, one of each map, how many characters both
    cover."""
    pieces = sorted((start, end, name) for name, spans in first.items() for start, end in spans)
    starts = [start for start, _, _ in pieces]
    longest = max((end - start for start, end, _ in pieces), default=0)
    shared: dict[tuple[str, str], int] = {}
    for name, spans in second.items():
        for start, end in spans:
            # the first map's stretches that start before this one ends and may reach into it
            low = bisect.bisect_left(starts, start - longest)
            high = bisect.bisect_left(starts, end)
            for a, b, other in pieces[low:high]:
                common = min(b, end) - max(a, start)
                if common > 0:
                    shared[other, name] = shared.get((other, name), 0) + common
    return shared


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _greedy(scored: Iterable[tuple[float, str, str]], by: str, floor: float) -> list[Pair]:
    """Pairs from candidates (score, first, second), best first, each claim once; ties go to
    the claims written first in each map (the candidates' order)."""
    pairs: list[Pair] = []
    taken_first: set[str] = set()
    taken_second: set[str] = set()
    for score, first, second in sorted(scored, key=lambda item: -item[0]):
        if score < floor or first in taken_first or second in taken_second:
            continue
        taken_first.add(first)
        taken_second.add(second)
        pairs.append(Pair(first, second, by, round(score, 2)))
    return pairs


def _by_quotes(
    first: ArgumentMap, second: ArgumentMap, source: SourceText
) -> tuple[list[Pair], Quoted]:
    stands = _Stand(source), _Stand(source)
    spans = [
        {c.id: g for c in amap.claims if (g := grounding(c, source, stand))}
        for amap, stand in zip((first, second), stands, strict=True)
    ]
    shared = _overlaps(*spans)
    order = {claim.id: n for n, claim in enumerate(first.claims)}
    scored = [
        (common / min(_length(spans[0][a]), _length(spans[1][b])), a, b)
        for (a, b), common in sorted(shared.items(), key=lambda item: order[item[0][0]])
    ]
    return _greedy(scored, "quotes", MIN_OVERLAP), stands[1].quoted()


def _by_wording(first: list[Claim], second: list[Claim]) -> list[Pair]:
    """Pairs of claims alike in wording: those with the same words first (no likeness to
    work out), then the most alike. Two claims are weighed when they share a word that at
    most :data:`COMMON` claims of the second hold (claims alike share a third of their words
    or more, and seldom only words as common as "the")."""
    ours = {claim.id: _words(claim.text) for claim in first}
    theirs = {claim.id: _words(claim.text) for claim in second}  # (an id may be in both)
    pairs = []
    same: dict[tuple[str, ...], list[str]] = {}
    for b, words in theirs.items():
        same.setdefault(tuple(words), []).append(b)
    for a, words in ours.items():
        twins = same.get(tuple(words))
        if twins:
            pairs.append(Pair(a, twins.pop(0), "wording", 1.0))
    paired = {pair.first for pair in pairs}
    left = [b for b in theirs if b not in {pair.second for pair in pairs}]
    holding: dict[str, list[str]] = {}
    for b in left:
        for word in dict.fromkeys(theirs[b]):
            holding.setdefault(word, []).append(b)
    order = {b: n for n, b in enumerate(left)}
    scored = []
    for a, words in ours.items():
        if a in paired:
            continue
        matcher = difflib.SequenceMatcher(None, b=words, autojunk=False)
        near = {b for word in set(words) if len(found := holding.get(word, ())) <= COMMON
                for b in found}  # fmt: skip
        for b in sorted(near, key=order.__getitem__):
            matcher.set_seq1(theirs[b])
            if matcher.real_quick_ratio() >= MIN_WORDING and matcher.quick_ratio() >= MIN_WORDING:
                scored.append((matcher.ratio(), a, b))
    return pairs + _greedy(scored, "wording", MIN_WORDING)


def align(first: ArgumentMap, second: ArgumentMap, source: SourceText | None) -> list[Pair]:
    """The claims of ``first`` that are claims of ``second``, in the first map's order: by
    the passages of ``source`` (the one text both maps quote; None: by wording only) their
    quotes share, then by wording."""
    return aligned(first, second, source)[0]


def aligned(
    first: ArgumentMap, second: ArgumentMap, source: SourceText | None
) -> tuple[list[Pair], Quoted | None]:
    """:func:`align`'s pairs, and how the second map's quotes were found in ``source``
    (None: not looked for)."""
    pairs, quoted = _by_quotes(first, second, source) if source is not None else ([], None)
    firsts, seconds = {pair.first for pair in pairs}, {pair.second for pair in pairs}
    pairs += _by_wording(
        [c for c in first.claims if c.id not in firsts],
        [c for c in second.claims if c.id not in seconds],
    )
    order = {claim.id: n for n, claim in enumerate(first.claims)}
    return sorted(pairs, key=lambda pair: order[pair.first]), quoted


__all__ = ["COMMON", "MAX_PLACES", "MIN_OVERLAP", "MIN_WORDING", "Pair", "Quoted", "align",
           "aligned", "grounding"]  # fmt: skip
