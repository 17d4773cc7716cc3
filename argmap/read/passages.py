"""Source text + a quote not in it → the passage closest to the quote, in bounded time.

Comparing a quote with every sentence of the source, character by character as difflib
does, costs the product of their lengths: seconds a quote on a long text, minutes on a
repetitive one. Here the source is indexed once by its words, in one pass; a quote then looks
up its own words, and only the few passages that share most of them are compared with it,
word by word. Every step has a cap, so that a quote costs about the same on any source and a
source costs one pass over it:

- a passage is a sentence (sentences never span lines), or :data:`CHUNK` words of a longer one;
- of the passages holding a word, the first :data:`POSTINGS` vote for it (a word that many
  passages hold says little about which one is closest);
- a quote is looked for by its first :data:`QUOTE_WORDS` words;
- at most :data:`CANDIDATES` passages, those with most votes, are compared with the quote, in
  the order of the words they share with it (counted with repeats: a bound on the words that
  can match in order), and only while that bound can beat the best found.

``bench/hints.py`` measures it against the exhaustive comparison it replaced.
"""

from __future__ import annotations

import collections
import difflib
import heapq
import itertools
import re

import attrs

from argmap.read.source import SourceText, normalize

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'\u201d\u2019)]*|$)", re.M)
_TOKEN = re.compile(r"\w+")
CHUNK = 40  # words of a passage cut from a long sentence
POSTINGS = 256  # passages that vote for one word
QUOTE_WORDS = 120  # words of a quote that are looked for
CANDIDATES = 12  # passages compared word by word with a quote, at most
SHOWN = 320  # a longer sentence is shown from the first word that matched


@attrs.frozen
class Passage:
    """The source passage closest to a quote that was not found: its line, its text (the
    sentence, or of a long one the part that matched) and the share of the quote's words
    found in it in order, from 0 to 1."""

    line: int
    text: str
    similarity: float


class Passages:
    """A source's passages indexed by their words, for :meth:`closest` (built on first use)."""

    def __init__(self, source: SourceText) -> None:
        self.source = source
        self._lowered = ""
        self._spans: list[tuple[int, int, int, int]] = []  # passage, sentence: start and end
        self._postings: dict[str, list[int]] | None = None

    def _index(self) -> dict[str, list[int]]:
        if self._postings is not None:
            return self._postings
        text = self.source.text
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters lengthen when lowered: keep offsets
            lowered = "".join(char.lower()[:1] for char in text)
        self._lowered = lowered
        postings: collections.defaultdict[str, list[int]] = collections.defaultdict(list)
        words_of = _TOKEN.findall
        for found in _SENTENCE.finditer(text):
            start, end = found.span()
            words = words_of(lowered, start, end)
            if not words:
                continue
            if len(words) <= CHUNK:
                cuts = [start]
            else:  # a long sentence: passages of CHUNK words each
                cuts = [m.start() for m in _TOKEN.finditer(lowered, start, end)][::CHUNK]
            for k, at in enumerate(cuts):
                passage = len(self._spans)
                self._spans.append((at, cuts[k + 1] if k + 1 < len(cuts) else end, start, end))
                for word in set(words[k * CHUNK : (k + 1) * CHUNK]):
                    postings[word].append(passage)
        self._postings = dict(postings)
        return self._postings

    def closest(self, quote: str) -> Passage | None:
        """The passage that holds most of the quote's words in order; None when no passage
        holds any of them. Ties go to the passage that shares more words, then to the first."""
        wanted = _TOKEN.findall(normalize(quote).lower())[:QUOTE_WORDS]
        if not wanted:
            return None
        postings = self._index()
        votes: collections.Counter[int] = collections.Counter()
        for word in set(wanted):
            votes.update(itertools.islice(postings.get(word, ()), POSTINGS))
        if not votes:
            return None
        chosen = heapq.nlargest(CANDIDATES, votes, key=lambda p: (votes[p], -p))
        counts = collections.Counter(wanted)
        length = len(" ".join(wanted))
        bounded = []
        for passage in chosen:
            start, end = self._window(passage, length)
            words = _TOKEN.findall(self._lowered, start, end)
            shared = sum((collections.Counter(words) & counts).values())
            bounded.append((-shared, passage, words, start, end))
        bounded.sort(key=lambda item: item[:2])
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(wanted)
        best: tuple[int, int, int] | None = None  # words matched, passage, where the match starts
        for negative, passage, words, start, end in bounded:
            if best is not None and -negative <= best[0]:
                break  # neither this passage nor any after it can match more words
            matcher.set_seq1(words)
            blocks = matcher.get_matching_blocks()
            matched = sum(block.size for block in blocks)
            if best is None or matched > best[0]:
                starts = [m.start() for m in _TOKEN.finditer(self._lowered, start, end)]
                best = (matched, passage, starts[blocks[0].a] if blocks[0].size else start)
        assert best is not None
        matched, passage, first = best
        return self._passage(passage, first, matched / len(wanted)) if matched else None

    def _window(self, passage: int, length: int) -> tuple[int, int]:
        """Where a quote of ``length`` characters could match around a passage: the passage
        and that much again on either side, within its sentence, from and to word bounds."""
        begin, end, first, last = self._spans[passage]
        lowered = self._lowered
        start, stop = max(first, begin - length), min(last, end + length)
        if start > first:  # from the start of a word, not inside one
            space = lowered.find(" ", start, begin)
            start = begin if space < 0 else space + 1
        if stop < last:
            space = lowered.rfind(" ", end, stop)
            stop = end if space < 0 else space
        return start, stop

    def _passage(self, passage: int, first: int, similarity: float) -> Passage:
        """The passage as shown: its sentence, or of a long sentence the text from the first
        word that matched; in the source's own characters (its quote marks and dashes), its
        line breaks and runs of spaces as one space."""
        _, _, start, end = self._spans[passage]
        sentence = self.source.text[start:end]
        at = start + len(sentence) - len(sentence.lstrip())
        shown = " ".join(sentence.split())
        if len(shown) > SHOWN:
            shown = " ".join(self.source.text[first : first + 2 * SHOWN].split())[:SHOWN]
            at = first
        return Passage(self.source.line_of(at), shown, similarity)


__all__ = ["CANDIDATES", "CHUNK", "POSTINGS", "QUOTE_WORDS", "Passage", "Passages"]
