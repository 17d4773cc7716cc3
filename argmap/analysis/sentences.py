"""A source text → its sentences, ranked against a few typed words (quote completion) or
against a claim's text, and the passage a quote not found in it meant: what ``check --fix``
writes in its place, and what ``compare`` pairs it by.

The sentences are those of ``argmap coverage`` (:mod:`argmap.analysis.coverage`), which reads
hard-wrapped text and abbreviations; words are compared after the quote normalization of
:mod:`argmap.read.source` (quote marks, dashes and white space folded), so every sentence offered
is found by ``argmap check`` as it is written.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import unicodedata

import attrs

from argmap.analysis.coverage import coverage
from argmap.model import ArgumentMap
from argmap.read.breaks import typed
from argmap.read.passages import QUOTE_WORDS, Missing, Passage, Passages
from argmap.read.source import SourceText, normalize
from argmap.read.wording import changed_words, misspelt, same_words

#: Most sentences offered for a quote being typed.
LIMIT = 20
#: Fewest characters typed before sentences are offered.
MIN_TYPED = 3
#: Sentences compared closely with a claim's text, of those sharing most words with it.
CANDIDATES = 12
#: A passage is clear enough to stand for a quote not found (:meth:`Source.clear`) when it
#: holds at least this share of the quote's words, in order ...
SAFE_SIMILARITY = 0.8
#: ... differs from it in at most CHANGED words, or a fifth of the quote's, whichever is more
#: (a run of words replaced counts its longer side) ...
CHANGED = 2
#: ... and is ahead of the closest passage of any other sentence by this share of its words.
MARGIN = 0.3
#: The fewest words of a quote whose words misspelt by a letter ``check --fix`` mends: a
#: shorter one says too little to tell its passage.
SLIPPED_QUOTE = 4

_WORD = re.compile(r"\w+")


@attrs.frozen
class Sentence:
    line: int  # 1-based, in the source
    text: str  # as the source has it, white space made single spaces
    furniture: bool  # a headline, caption or link rather than prose
    low: str = attrs.field(repr=False)  # normalized, lower case: what typed words are matched in
    words: frozenset[str] = attrs.field(repr=False)


@attrs.frozen
class Ranked:
    sentence: Sentence
    score: float


@attrs.frozen
class Mended:
    """A quote not found, mended: ``text``, the quote with the closest ``passage`` in its
    place, or in place of the part ``argmap check`` names as not found (``missing``), a text
    the source holds; ``clear``: whether the passage is clearly the one it meant
    (:meth:`Source.clear`, as ``argmap compare`` takes it); ``changed``: what the passage says
    otherwise than the quote, each as (the source's words, the quote's)
    (:func:`argmap.read.wording.changed_words`)."""

    text: str
    passage: Passage
    clear: bool
    missing: Missing | None = None
    changed: tuple[tuple[str, str], ...] = ()
    found: bool = True  # the quote so mended is found in the source
    #: what changed is words of the quote misspelt by a letter, and the passage clearly the one
    #: it meant (:meth:`Source.clear`, those words held as the passage's)
    misspelt: bool = False

    @property
    def safe(self) -> bool:
        """Whether the passage may replace the quote without a person looking: it says what
        the quote says, in the same words (typography, letter case, punctuation, hyphenation
        and the spelling of a percentage aside), not reworded, and the quote so mended is
        found. Which passage it meant matters no more: any passage so like it puts the same
        words in its place. Or the words that differ are slips of a letter in the quote, and
        the passage clearly the one it meant (:attr:`misspelt`)."""
        if self.passage.reworded or not self.found:
            return False
        return not self.changed or self.misspelt


def _percentage(ours: str, theirs: str) -> bool:
    """Whether two runs of words are one percentage spelt two ways (``10%``, ``10 per cent``):
    no word changed."""
    return ours[:1].isdigit() and theirs[:1].isdigit() and same_words(ours, theirs)


def _low(text: str) -> str:
    """Text as typed words are matched in it: normalized, accented letters as one character
    (whichever way the source stores them), lower case."""
    return unicodedata.normalize("NFC", normalize(text)).lower()


def _words(text: str) -> list[str]:
    return _WORD.findall(_low(text))


class Source:
    """The sentences of one source text."""

    def __init__(self, text: str, searchable: SourceText | None = None) -> None:
        self.text = text
        if searchable is not None:  # already prepared, of the same text
            self.searchable = searchable

    @functools.cached_property
    def searchable(self) -> SourceText:
        """The text prepared for finding quotes as ``argmap check`` finds them."""
        return SourceText(self.text)

    @functools.cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences (and lines of furniture) of the text, in order; worked out once."""
        empty = ArgumentMap(title="", claims=())
        return tuple(
            Sentence(s.line, s.text, s.furniture is not None, _low(s.text),
                     frozenset(_words(s.text)))
            for s in coverage(empty, self.searchable).sentences
            if s.text
        )  # fmt: skip

    def matching(self, typed: str, limit: int = LIMIT) -> list[Ranked]:
        """The sentences that hold the typed words, best first: those holding them as one
        phrase, then those holding the most of them (the last one may be a word's start).
        Nothing for fewer than MIN_TYPED characters."""
        phrase = _low(typed).strip()
        words = _WORD.findall(phrase)
        if len(phrase) < MIN_TYPED or not words:
            return []
        partial = words[-1] if not typed[-1:].isspace() else None
        whole = words[:-1] if partial is not None else words
        found: list[Ranked] = []
        for sentence in self.sentences:
            at = sentence.low.find(phrase)
            if at >= 0:
                score = 2.0 - at / (len(sentence.low) + 1)
            else:
                hits = sum(word in sentence.words for word in whole)
                if partial is not None and any(w.startswith(partial) for w in sentence.words):
                    hits += 1
                score = hits / len(words)
                if score < 0.5 or not hits:
                    continue
            found.append(Ranked(sentence, score - 0.01 * sentence.furniture))
        found.sort(key=lambda r: (-r.score, r.sentence.line))
        return found[:limit]

    @functools.cached_property
    def _rarity(self) -> dict[str, float]:
        """How rare each word of the text is among its sentences (inverse document
        frequency): shared rare words say more than shared common ones."""
        counts: dict[str, int] = {}
        for sentence in self.sentences:
            for word in sentence.words:
                counts[word] = counts.get(word, 0) + 1
        total = len(self.sentences) + 1
        return {word: math.log(total / count) for word, count in counts.items()}

    def closest(self, text: str) -> Ranked | None:
        """The sentence most like ``text`` (a claim's wording, or a quote that is not in the
        source): of the sentences sharing the rarest words with it, the one scoring best on
        two halves, the share of ``text``'s characters that its best-aligned blocks cover
        (as ``argmap check`` scores a passage) and the share of ``text``'s rarity that the
        words they share carry. On the seed map this finds the passage quoted by 27 of its
        28 quoting claims from the claim's text alone."""
        rarity = self._rarity
        words = {word for word in _words(text) if word in rarity}
        weight = sum(rarity[word] for word in words)
        if not words or not weight:
            return None
        shared = sorted(
            ((sum(rarity[w] for w in words & s.words), -s.line, s) for s in self.sentences
             if not words.isdisjoint(s.words)),
            key=lambda item: item[:2],
            reverse=True,
        )  # fmt: skip
        wanted = _low(text)
        best: Ranked | None = None
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(wanted)
        for common, _, sentence in shared[:CANDIDATES]:
            matcher.set_seq1(sentence.low)
            covered = sum(b.size for b in matcher.get_matching_blocks()) / len(wanted)
            score = (covered + common / weight) / 2
            if best is None or score > best.score:
                best = Ranked(sentence, score)
        return best

    @functools.cached_property
    def _passages(self) -> Passages:
        return Passages(self.searchable)

    def closest_quote(self, quote: str) -> Passage | None:
        """The passage of the text a quote not found in it meant, as ``argmap check`` tells
        it: the words lined up with the quote's, not the whole sentence (a quote of half a
        sentence stays half a sentence), or the sentence that rewords it; None when none is
        close (:meth:`argmap.read.passages.Passages.meant`)."""
        return self._passages.meant(quote)

    def missing_part(self, quote: str) -> Missing | None:
        """The part of a quote with elisions or of several sentences that ``argmap check``
        names as not found (:meth:`argmap.read.passages.Passages.missing`)."""
        return self._passages.missing(quote)

    def runner_up(self, quote: str, passage: Passage) -> float:
        """How much of a quote the next closest passage holds, outside ``passage``'s sentence
        (:meth:`argmap.read.passages.Passages.runner_up`)."""
        return self._passages.runner_up(quote, passage)

    def clear(self, quote: str, found: Passage, slips: int = 0) -> bool:
        """Whether ``found``, the passage :meth:`closest_quote` gives for ``quote``, is clearly
        the one it meant (``argmap compare`` takes a quote not found for it): it holds the
        quote's words in their order (not reworded), at least :data:`SAFE_SIMILARITY` of
        them, differing in at most :data:`CHANGED` words or a fifth of the quote's, and no
        passage of another sentence comes within :data:`MARGIN` of it. Whether ``check
        --fix`` may write it without a person looking is :attr:`Mended.safe`. With ``slips``,
        that many of the words that differ are the quote's misspelt by a letter, held as the
        passage's for :data:`SAFE_SIMILARITY` (not for :data:`MARGIN`), of a quote of at least
        :data:`SLIPPED_QUOTE` words."""
        words = len(_WORD.findall(normalize(quote).lower()))
        if slips and words < SLIPPED_QUOTE:
            return False
        similarity = found.similarity + slips / words if words else 0.0
        if found.reworded or similarity < SAFE_SIMILARITY or not 0 < words <= QUOTE_WORDS:
            return False
        changed = sum(
            max(len(ours.split()), len(theirs.split())) for ours, theirs in found.differences
            if not _percentage(ours, theirs)
        )  # fmt: skip
        if changed > max(CHANGED, words // 5):
            return False
        # (with slips, the other passage may hold the slipped words too: held by neither)
        return self.runner_up(quote, found) <= found.similarity - MARGIN

    def _misspelt(self, quote: str, found: Passage, changed: tuple[tuple[str, str], ...]) -> bool:
        """Whether what changed is words of the quote misspelt by a letter
        (:func:`~argmap.read.wording.misspelt`) and ``found`` clearly the passage it meant,
        those words held as its own (:meth:`clear`)."""
        if not misspelt(changed, ()):  # not slips at all: the source's words not looked up
            return False
        return misspelt(changed, self._rarity.keys()) and self.clear(quote, found, len(changed))

    def mended(self, quote: str) -> Mended | None:
        """A quote not found with the closest passage in its place; of a quote with elisions
        or of several sentences, in place of the part ``argmap check`` names as not found,
        when the quote is then found. None when no passage is close, or the quote so mended
        is still not found."""
        missing = self.missing_part(quote)
        if missing is not None:  # replace only the part argmap check names, if then found
            if missing.passage is None:
                return None
            found = missing.passage
            whole = quote[: missing.start] + self.words_of(found) + quote[missing.end :]
            if not self.searchable.contains(whole):
                return None
            part = quote[missing.start : missing.end]
            changed = changed_words(self.words_of(found), part)
            slips = self._misspelt(part, found, changed)
            return Mended(whole, found, self.clear(part, found), missing, changed, misspelt=slips)
        found = self.closest_quote(quote)
        if found is None:
            return None
        whole = self.words_of(found)
        held = self.searchable.contains(whole)
        changed = changed_words(whole, quote)
        return Mended(whole, found, self.clear(quote, found) and held, None, changed, held,
                      self._misspelt(quote, found, changed))  # fmt: skip

    def words_of(self, found: Passage) -> str:
        """The source's words a passage spans, on one line, as a quote takes them (of a text
        from a PDF, ligatures spelled out and words broken at line ends whole: :func:`typed`)."""
        words = self.text[found.start : found.end]
        if self.searchable.broken or self.searchable.ligatures:
            words = typed(words, self.searchable.normalized)
        return " ".join(words.split())


__all__ = ["CANDIDATES", "CHANGED", "LIMIT", "MARGIN", "MIN_TYPED", "SAFE_SIMILARITY",
           "SLIPPED_QUOTE", "Mended", "Ranked", "Sentence", "Source"]  # fmt: skip
