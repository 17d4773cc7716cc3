"""Source text + a quote not in it → the passage closest to the quote, in bounded time.

Comparing a quote with every sentence of the source, character by character as difflib
does, costs the product of their lengths: seconds a quote on a long text, minutes on a
repetitive one. Here the source is indexed once by its words, in one pass; a quote then looks
up its own words, and only the few passages that share most of them are compared with it,
word by word. Every step has a cap, so that a quote costs about the same on any source and a
source costs one pass over it:

- a passage is a sentence, as ``argmap coverage`` reads it (:mod:`argmap.read.prose`: across
  the line breaks of hard-wrapped text), or :data:`CHUNK` words of a longer one;
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
from collections.abc import Iterator

import attrs

from argmap.read.breaks import whole_words
from argmap.read.folding import spaced
from argmap.read.prose import ABBREVIATIONS, paragraphs, sentences
from argmap.read.source import Match, SourceText, elided_spans, normalize
from argmap.read.wording import percentage

_TOKEN = re.compile(r"\w+")
_ELISION = re.compile(r"\u2026|\.\.\.")  # where a quote skips words (also "[…]", "[...]")
#: Where a quote's sentences end: after two letters or digits and a full stop, question or
#: exclamation mark (and a closing quote mark), before white space; not after "U.S." or "e.".
_SENTENCE_END = re.compile(r"(?:(?<=\w\w[.!?])|(?<=\w\w[.!?][\"'\u201d\u2019)]))\s+")
SENTENCES = 12  # sentences of a quote told apart, at most (each a look-up in the source)
CHUNK = 40  # words of a passage cut from a long sentence
POSTINGS = 256  # passages that vote for one word
QUOTE_WORDS = 120  # words of a quote that are looked for
CANDIDATES = 12  # passages compared word by word with a quote, at most
SHOWN = 320  # a longer sentence is shown from the first word that matched
SIMILAR = 0.6  # the share of a quote's words a passage must hold to be the one it meant
REWORDED = 4  # words a reworded passage must share with the quote, at least


@attrs.frozen
class Passage:
    """The source passage closest to a quote that was not found: its line, its text (the
    words of the source that line up with the quote's, from the one lined up with its first
    word to the one lined up with its last, and the whole sentence's punctuation when they
    run to its ends; cut after :data:`SHOWN` characters), the share of the quote's words
    found in it in order, from 0 to 1 (of a ``reworded`` one, in any order), and the words that
    differ, each as (what the source has, what the quote has), either empty where the other
    has words the first lacks (of a quote with an elision, whose skips are no differences, only
    words swapped one for one)."""

    line: int
    text: str
    similarity: float
    start: int  # where the words lined up with the quote's start and end in the source, uncut
    end: int
    differences: tuple[tuple[str, str], ...] = ()
    reworded: bool = False  # its words in another order: the whole sentence, no differences


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """Where the sentences of ``text`` start and end, as ``argmap coverage`` reads them
    (:mod:`argmap.read.prose`): hard-wrapped lines joined, not cut after an abbreviation
    ("Dr. Smith"), and a word broken at a line's end read whole."""
    for start, end, _ in paragraphs(text):
        yield from sentences(text, start, end)


#: Characters looked at before a full stop for the word it ends: more than any abbreviation.
_WORD_ROOM = 32


def _abbreviated(text: str, stop: int) -> bool:
    """Whether the full stop before ``stop`` in ``text`` ends an abbreviation ("Dr.", "z.B.")."""
    # The last word before it, within a few characters (not a copy of all the text before).
    before = text[max(0, stop - _WORD_ROOM) : stop].rstrip("\"'\u201d\u2019)").rsplit(None, 1)
    word = before[-1].lower() if before else ""
    return word.endswith(".") and word[:-1].lstrip("\"'\u201c\u2018(") in ABBREVIATIONS


@attrs.frozen
class Missing:
    """Of a quote with elisions or of several sentences, the first part (``what``: "part" or
    "sentence") not found after those before it: its number from 1 of ``count``, where it is
    in the quote, where the source has it elsewhere (or None), else the passage it meant."""

    what: str
    number: int
    count: int
    start: int
    end: int
    elsewhere: Match | None
    passage: Passage | None


class Passages:
    """A source's passages indexed by their words (built on first use): for the passage a quote
    not found meant (:meth:`meant`), and the part of a quote not found (:meth:`missing`)."""

    def __init__(self, source: SourceText) -> None:
        self.source = source
        self._lowered = ""
        self._spans: list[tuple[int, int, int, int]] = []  # passage, sentence: start and end
        self._postings: dict[str, list[int]] | None = None
        # Words broken at line ends, or ligatures: words are read whole and spelled out.
        self._pdf = source.broken or source.ligatures

    def _words(self, start: int, end: int) -> list[str]:
        """The words of the source from ``start`` to ``end``, lower case."""
        if not self._pdf:
            return _TOKEN.findall(self._lowered, start, end)
        return [word for word, _, _ in whole_words(self.source.text, self._lowered, start, end)]

    def _word_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """Where the words of the source from ``start`` to ``end`` are (:meth:`_words`)."""
        if not self._pdf:
            return [m.span() for m in _TOKEN.finditer(self._lowered, start, end)]
        found = whole_words(self.source.text, self._lowered, start, end)
        return [(first, last) for _, first, last in found]

    def _index(self) -> dict[str, list[int]]:
        if self._postings is not None:
            return self._postings
        text = self.source.text
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters lengthen when lowered: keep offsets
            lowered = "".join(char.lower()[:1] for char in text)
        self._lowered = lowered
        postings: collections.defaultdict[str, list[int]] = collections.defaultdict(list)
        for start, end in _sentences(text):
            words = self._words(start, end)
            if not words:
                continue
            if len(words) <= CHUNK:
                cuts = [start]
            else:  # a long sentence: passages of CHUNK words each
                cuts = [first for first, _ in self._word_spans(start, end)][::CHUNK]
            for k, at in enumerate(cuts):
                passage = len(self._spans)
                self._spans.append((at, cuts[k + 1] if k + 1 < len(cuts) else end, start, end))
                for word in set(words[k * CHUNK : (k + 1) * CHUNK]):
                    postings[word].append(passage)
        self._postings = dict(postings)
        return self._postings

    def meant(self, quote: str) -> Passage | None:
        """The passage a quote not found meant: the closest one when it holds at least
        :data:`SIMILAR` of the quote's words in order; else, as a source corrected since
        rewords a sentence, the sentence that holds that share of them in any order (at least
        :data:`REWORDED`, and a third of its own words), marked ``reworded``; else None."""
        wanted, bounded = self._candidates(quote)
        if not bounded:
            return None
        closest = self._closest(quote, wanted, bounded)
        if closest is not None and closest.similarity >= SIMILAR:
            return closest
        negative, _, words, start, end = bounded[0]
        if -negative < max(REWORDED, SIMILAR * len(wanted), len(words) / 3):
            return None  # too few of its words, or lost in a long sentence's common words
        text = self.source.text
        start += len(text[start:end]) - len(text[start:end].lstrip())
        end = start + len(text[start:end].rstrip())
        shown = " ".join(text[start:end].split())[:SHOWN]
        line = self.source.line_of(start)
        return Passage(line, shown, -negative / len(wanted), start, end, reworded=True)

    def missing(self, quote: str) -> Missing | None:
        """The part of a quote not found (:class:`Missing`), of one with elisions or of
        several sentences; None for a quote of one part or one sentence, or one found."""
        source, spans = self.source, elided_spans(quote)
        if len(spans) > 1:
            what, missing = "part", source.part_missing(quote)
        else:
            text = quote.rstrip()
            breaks = [m for m in _SENTENCE_END.finditer(text) if not _abbreviated(text, m.start())]
            ends = [m.start() for m in breaks] + [len(text)]
            if not 1 < len(ends) <= SENTENCES:
                return None
            starts = [0, *(m.end() for m in breaks)]
            spans = list(zip(starts, ends, strict=True))
            what = "sentence"
            missing = next((k for k, end in enumerate(ends) if not source.contains(text[:end])),
                           None)  # fmt: skip
        if missing is None:
            return None
        start, end = spans[missing]
        part = quote[start:end].strip()
        start += quote[start:end].find(part)
        elsewhere = source.find(part) if missing else None
        passage = None if elsewhere is not None else self.meant(part)
        return Missing(what, missing + 1, len(spans), start, start + len(part), elsewhere, passage)

    def _candidates(
        self, quote: str
    ) -> tuple[list[str], list[tuple[int, int, list[str], int, int]]]:
        """The quote's words looked for, and the passages that share most of them, each as
        (minus the words its window shares with the quote, counted with repeats; the passage;
        the window's words, start and end), most shared first."""
        wanted = _TOKEN.findall(normalize(quote).lower())[:QUOTE_WORDS]
        if not wanted:
            return wanted, []
        postings = self._index()
        votes: collections.Counter[int] = collections.Counter()
        for word in set(wanted):
            votes.update(itertools.islice(postings.get(word, ()), POSTINGS))
        chosen = heapq.nlargest(CANDIDATES, votes, key=lambda p: (votes[p], -p))
        counts = collections.Counter(wanted)
        length = len(" ".join(wanted))
        bounded = []
        for passage in chosen:
            start, end = self._window(passage, length)
            words = self._words(start, end)
            shared = sum((collections.Counter(words) & counts).values())
            bounded.append((-shared, passage, words, start, end))
        bounded.sort(key=lambda item: item[:2])
        return wanted, bounded

    def closest(self, quote: str) -> Passage | None:
        """The passage that holds most of the quote's words in order; None when no passage
        holds any of them. Ties go to the passage whose words matched lie closest together
        (the quote's words as one run, not scattered over a longer sentence), then to the
        first."""
        wanted, bounded = self._candidates(quote)
        return self._closest(quote, wanted, bounded) if bounded else None

    def runner_up(self, quote: str, passage: Passage) -> float:
        """The share of the quote's words, in order, that the closest passage outside
        ``passage``'s sentence holds (0 when none holds any): how far ``passage``, the one
        :meth:`meant` found, is ahead of the next one. Among the same candidates, as cheaply."""
        wanted, bounded = self._candidates(quote)
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(wanted)
        best = 0
        for negative, index, words, _, _ in bounded:
            if -negative <= best:
                break  # neither this passage nor any after it can match more words
            _, _, first, last = self._spans[index]
            if first <= passage.start < last:
                continue  # the passage's own sentence (a window of it, or another chunk)
            matcher.set_seq1(words)
            best = max(best, sum(block.size for block in matcher.get_matching_blocks()))
        return best / len(wanted) if wanted else 0.0

    def _closest(
        self, quote: str, wanted: list[str], bounded: list[tuple[int, int, list[str], int, int]]
    ) -> Passage | None:
        """:meth:`closest` among the candidates :meth:`_candidates` found (there are some)."""
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(wanted)
        # matched, the words the match spans (fewer: tighter), passage, window
        best: tuple[int, int, int, list[str], int, int] | None = None
        for negative, passage, words, start, end in bounded:
            if best is not None and -negative < best[0]:
                break  # neither this passage nor any after it can match as many words
            matcher.set_seq1(words)
            blocks = [block for block in matcher.get_matching_blocks() if block.size]
            matched = sum(block.size for block in blocks)
            spread = blocks[-1].a + blocks[-1].size - blocks[0].a if blocks else 0
            if best is None or (matched, -spread) > (best[0], -best[1]):
                best = (matched, spread, passage, words, start, end)
        assert best is not None
        matched, _, passage, words, start, end = best
        if not matched:
            return None
        matcher.set_seq1(words)
        return self._passage(
            passage, quote, matcher.get_opcodes(), start, end, matched / len(wanted)
        )

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

    def _passage(
        self, passage: int, quote: str, opcodes: list[tuple[str, int, int, int, int]],
        start: int, end: int, similarity: float,
    ) -> Passage:  # fmt: skip
        """The passage as shown: the words of the window ``start``-``end`` that line up with
        the quote's (``opcodes``, from the window's words to the quote's), with the
        sentence's punctuation when they reach its ends; in the source's own characters (its
        quote marks and dashes), its line breaks and runs of spaces as one space."""
        text = self.source.text
        tokens = self._word_spans(start, end)
        wanted = len(_TOKEN.findall(normalize(quote).lower())[:QUOTE_WORDS])
        kept = [op for op in opcodes if not (op[0] == "delete" and op[4] in (0, wanted))]
        tag, i1, i2, j1, j2 = kept[-1]  # a quote's last words replaced: as many of the source's
        if tag == "replace" and j2 == wanted:
            kept[-1] = (tag, i1, min(i2, i1 + j2 - j1), j1, j2)
        tag, i1, i2, j1, j2 = kept[0]  # and its first words
        if tag == "replace" and j1 == 0:
            kept[0] = (tag, max(i1, i2 - (j2 - j1)), i2, j1, j2)
        covered = [(i1, i2) for _, i1, i2, _, _ in kept if i2 > i1]
        at, stop = tokens[covered[0][0]][0], tokens[covered[-1][1] - 1][1]
        _, _, first, last = self._spans[passage]
        head, tail = text[first:at], text[stop:last]
        if not _TOKEN.search(head):  # only punctuation before: from the sentence's start
            at = first + len(head) - len(head.lstrip())
        if not _TOKEN.search(tail):  # only punctuation after: to the sentence's end
            stop = stop + len(tail.rstrip())
        shown = " ".join(text[at : at + 2 * SHOWN if stop - at > 2 * SHOWN else stop].split())
        differences = _differences(text, tokens, quote, kept)
        if _ELISION.search(quote):  # the words it skips are no difference: words swapped only
            differences = tuple(
                (ours, theirs) for ours, theirs in differences
                if ours and theirs and len(ours.split()) == len(theirs.split())
            )  # fmt: skip
        return Passage(self.source.line_of(at), shown[:SHOWN], similarity, at, stop, differences)


def _differences(
    text: str,
    tokens: list[tuple[int, int]],
    quote: str,
    opcodes: list[tuple[str, int, int, int, int]],
) -> tuple[tuple[str, str], ...]:
    """The runs of words that differ, as (the source's, the quote's), each as written."""
    written = spaced(quote)  # the quote's words as it has them, a space between each
    words = [m.span() for m in _TOKEN.finditer(written)]
    if len(words) != len(_TOKEN.findall(written.lower())):  # lowering split a word: not told
        return ()

    def part(spans: list[tuple[int, int]], within: str, i: int, j: int) -> str:
        return " ".join(within[spans[i][0] : spans[j - 1][1]].split()) if j > i else ""

    differences = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal" or j2 > len(words):
            continue
        ours, theirs = part(tokens, text, i1, i2), part(words, written, j1, j2)
        if i1 and j1 and (not ours or not theirs):  # 10% for 10 per cent: told with the number
            ours, theirs = percentage(text, tokens, i1, i2), percentage(written, words, j1, j2)
            if not ours or not theirs:
                ours, theirs = part(tokens, text, i1, i2), part(words, written, j1, j2)
        differences.append((ours, theirs))
    return tuple(differences)


__all__ = [
    "ABBREVIATIONS",
    "CANDIDATES",
    "CHUNK",
    "POSTINGS",
    "QUOTE_WORDS",
    "REWORDED",
    "SENTENCES",
    "SIMILAR",
    "Missing",
    "Passage",
    "Passages",
]
