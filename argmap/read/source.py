"""Source text + quote → where the quote is, tolerant of typography, or the closest passage."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata

import attrs

from argmap.read.bounds import bounded, find_bounded
from argmap.read.breaks import HYPHENS, Breaks, breaks
from argmap.read.folding import (
    _DROPPED,
    LIGATURES,
    _drop,
    _parts,
    _swap,
    elided_spans,
    normalize,
    space,
)

_WORDS = 4  # words in a key of the word index
_STRIDE = 2  # every _STRIDE-th word of a source is indexed (_WORDS is a multiple of it)
_WORD_GROUP = re.compile(rf"(?:\S++ ?){{1,{_STRIDE}}}")
# Quotes are looked up by scanning the text from where the last one was found until the scans
# add up to this many times the text's length; then the word index is built. Building it
# costs as much as some 150-200 scans of the whole text (bench/README.md), so quotes in reading
# order never need it, and quotes in any order cost at most a tenth more than with the index
# from the start.
_SCAN_BUDGET = 16
#: Of a quote that occurs more often, :meth:`SourceText.occurrences` gives the first this many:
#: a quote found so often (a word or two common in the text) does not say which passage a
#: claim rests on, and marking every place would cost time and memory in proportion to the
#: text times the quotes. A passage a text repeats is found a few times, far below this.
MAX_OCCURRENCES = 1000


@attrs.frozen
class Match:
    start: int  # character offsets into the original source text
    end: int


class SourceText:
    """A source text prepared for quote look-ups: normalized once, mapped back to lines.

    Built for long texts and many quotes: normalizing runs in C over the whole text, offsets
    back into the original are kept sparsely (only where the two texts shift against each
    other), and :meth:`contains` scans on from the last quote it found (analysts mostly quote
    a text in reading order), or, once such scans stop paying, looks quotes up in an index of
    the text's words.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        swapped = _swap(text)
        # Where ligatures were spelled out: the swapped offset of each letter added, and the
        # original offset of each ligature with the letters added before it.
        self._grown: list[int] = []
        self._ligatures: tuple[list[int], list[int]] = ([], [])
        if len(swapped) != len(text):
            self._spell_out(text)
        folded = _drop(swapped)
        # Where folding dropped characters: the folded offset at which each one was dropped.
        self._drops: list[int] = []
        if len(folded) != len(swapped):
            done = 0
            for run in _DROPPED.finditer(swapped):
                start, end = run.span()
                start += run[0][0] == "-"  # a run of dashes keeps its first
                self._drops += [start - done] * (end - start)
                done += end - start
        # Runs of white space become one space (none beside a quote mark or before ; : ! ?).
        # From normalized offset _marks[k] on, a folded offset is the normalized one + _shifts[k].
        self.normalized, self._marks, self._shifts = space(folded)
        # The Unicode form the text is in, that quotes are put in: an accented letter is one
        # character in NFC (as typed), a letter and an accent in NFD (as some PDFs and macOS
        # give it), and looks the same either way. None: ASCII, or a text mixing the two.
        self.form: str | None = None
        if not text.isascii():
            for form in ("NFC", "NFD"):
                if unicodedata.is_normalized(form, text):
                    self.form = form
                    break
        self._breaks: Breaks | None = None
        if any(hyphen in text for hyphen in HYPHENS):
            self._find_breaks()
        self._line_starts: list[int] | None = None
        self._index: dict[str, int] | None = None
        self._lowered: str | None = None  # the normalized text in lower case, once needed
        self._cursor = 0  # where the last quote that contains() found by scanning ends
        self._scanned = 0  # characters of ``normalized`` scanned so far, to weigh the index

    def _parts(self, quote: str) -> list[str]:
        """The quote's normalized parts (:func:`_parts`), in the text's Unicode form."""
        if self.form is not None and not quote.isascii():
            quote = unicodedata.normalize(self.form, quote)
        return _parts(quote)

    @property
    def ligatures(self) -> bool:
        """Whether the text has ligatures (ﬁ, ﬀ, ...: as PDFs give it), spelled out."""
        return bool(self._grown)

    @property
    def broken(self) -> bool:
        """Whether the text has words broken at a hyphen at a line's end (as PDFs give it)."""
        return self._breaks is not None

    def _spell_out(self, text: str) -> None:
        """Where the ligatures of ``text`` were spelled out (``_grown``, ``_ligatures``)."""
        found = sorted(at for char in LIGATURES if char in text
                       for at in [m.start() for m in re.finditer(char, text)])  # fmt: skip
        added = 0
        for at in found:
            self._ligatures[0].append(at)
            self._ligatures[1].append(added)
            more = len(LIGATURES[text[at]]) - 1
            self._grown += range(at + added + 1, at + added + 1 + more)
            added += more

    def offset(self, index: int) -> int:
        """The offset in the original text of the character at ``index`` of ``normalized``."""
        k = bisect.bisect_right(self._marks, index)
        folded = index + (self._shifts[k - 1] if k else 0)
        swapped = folded + bisect.bisect_right(self._drops, folded)
        return swapped - bisect.bisect_right(self._grown, swapped) if self._grown else swapped

    def _find_breaks(self) -> None:
        """The text's words broken at a hyphen at a line's end (:mod:`argmap.read.breaks`),
        their offsets taken to ``normalized`` (of a soft hyphen, left out: of the space after).
        """
        text, normalized = self.text, self.normalized
        # From the original to the swapped text (the letters ligatures added), to the folded
        # one (the characters dropped), to the normalized one (white space shortened).
        starts, added = self._ligatures
        lengths = [len(LIGATURES[text[at]]) - 1 for at in starts]
        grown = [at + more + n for at, more, n in zip(starts, added, lengths, strict=True)]
        dropped = [at + k for k, at in enumerate(self._drops)]
        shifted = [mark + shift for mark, shift in zip(self._marks, self._shifts, strict=True)]

        def normalized_at(offset: int) -> int:
            k = bisect.bisect_left(starts, offset)
            swapped = offset + (grown[k - 1] - starts[k - 1] if k else 0)
            folded = swapped - bisect.bisect_left(dropped, swapped)
            k = bisect.bisect_right(shifted, folded)
            return folded - (self._shifts[k - 1] if k else 0)

        at: dict[int, tuple[int, bool]] = {}
        for hyphen, letter in breaks(text):
            start, after = normalized_at(hyphen), normalized_at(letter)
            if normalized[start:after] in ("- ", " "):
                at[start] = (after, text[letter].islower())
        if at:
            self._breaks = Breaks(normalized, at)

    def _find(self, part: str, start: int) -> tuple[int, int] | None:
        """The first occurrence of ``part`` from ``start`` on in ``normalized``, a word broken
        at a line's end spelled as :mod:`argmap.read.breaks` allows, as (start, end)."""
        text = self.normalized
        if self._breaks is None:
            index = find_bounded(text, part, start)
            return None if index < 0 else (index, index + len(part))
        # Through the text without hyphens first, which finds all but a quote that writes a
        # soft hyphen's line end as a space; then only as far as that, as written.
        found = self._breaks.find(part, start)
        while found is not None and not bounded(text, *found):
            found = self._breaks.find(part, found[0] + 1)
        limit = len(text) if found is None else found[0] + len(part)
        index = find_bounded(text, part, start, limit)
        return found if index < 0 else (index, index + len(part))

    def line_of(self, offset: int) -> int:
        """1-based line of a character offset in the original text."""
        if self._line_starts is None:
            lengths = map((1).__add__, map(len, self.text.split("\n")))
            self._line_starts = list(itertools.accumulate(lengths, initial=0))[:-1]
        return bisect.bisect_right(self._line_starts, offset)

    def find(self, quote: str) -> Match | None:
        """Where ``quote`` occurs (its elided parts in order, each the first occurrence after
        the one before), or None. Scans the text; :meth:`contains` is faster for a yes or no.
        """
        found = self._search(self._parts(quote), 0)
        if found is None:
            return None
        first, end = found
        return Match(self.offset(first), self.offset(end - 1) + 1)

    def part_missing(self, quote: str) -> int | None:
        """The index of the first of a quote's parts between elisions (:func:`elided_spans`)
        not found after those before it (each at its first occurrence), or None when all are;
        one scan."""
        position = 0
        for k, part in enumerate(self._parts(quote)):
            found = self._find(part, position)
            if found is None:
                return k
            position = found[1]
        return None

    def _search(self, parts: list[str], position: int) -> tuple[int, int] | None:
        """The first occurrence of ``parts`` from ``position`` on in ``normalized`` (each part
        the first occurrence after the one before), as (start, end), or None (also for no
        parts). Counts the characters it scans, for :meth:`contains`."""
        text = self.normalized
        if self._breaks is not None:  # words broken at line ends: found as _find finds them
            return self._search_breaks(parts, position)
        first = -1
        for part in parts:
            index = find_bounded(text, part, position)
            if index < 0:
                self._scanned += len(text) - position
                return None
            self._scanned += index + len(part) - position
            if first < 0:
                first = index
            position = index + len(part)
        return None if first < 0 else (first, position)

    def _search_breaks(self, parts: list[str], position: int) -> tuple[int, int] | None:
        """:meth:`_search` in a text with words broken at line ends."""
        first, start = -1, position
        for part in parts:
            found = self._find(part, position)
            if found is None:
                self._scanned += len(self.normalized) - start
                return None
            first = found[0] if first < 0 else first
            position = found[1]
        self._scanned += position - start
        return None if first < 0 else (first, position)

    def contains(self, quote: str) -> bool:
        """Whether ``quote`` occurs (its elided parts in order): ``find(quote) is not None``.

        Quotes mostly follow the text, so the text is first scanned on from where the last
        quote was found, then (for a quote before it or not in the text) from the start. Such
        scans are exact, but quotes in random order would each cost a scan of half the text;
        so once they add up to _SCAN_BUDGET times the text, the rest are looked up in an index
        of the text's words instead: the longest part is looked up, the parts before it are
        searched backwards from it and those after it forwards, which are short scans. Only
        when that fails (a short quote, one starting inside a word, or one not in the text) is
        the text scanned from the start. Either way, checking thousands of quotes against a
        long text takes time in proportion to both, not to their product.
        """
        parts = self._parts(quote)
        if not parts:
            return False
        if self._index is None and self._scanned <= _SCAN_BUDGET * len(self.normalized):
            return self._scan(parts)
        if len(parts) == 1 and self._breaks is None:
            at = self._lookup(parts[0])
            if at >= 0 and bounded(self.normalized, at, at + len(parts[0])):
                return True
        if self._breaks is not None and len(parts) > 1:  # words broken at line ends: the
            at = self._lookup(parts[0])  # first part, then the others a short scan after it
            if at >= 0 and self._search(parts, at) is not None:
                return True
        text = self.normalized
        anchor = max(range(len(parts)), key=lambda i: len(parts[i]))
        start = self._lookup(parts[anchor])
        if start >= 0 and bounded(text, start, start + len(parts[anchor])):
            end = start
            for part in reversed(parts[:anchor]):
                end = text.rfind(part, 0, end)
                if end < 0 or not bounded(text, end, end + len(part)):
                    break  # (the exact search below tries the others)
            else:
                position = start + len(parts[anchor])
                for part in parts[anchor + 1 :]:
                    position = find_bounded(text, part, position)
                    if position < 0:
                        break
                    position += len(part)
                else:
                    return True
        return self._search(parts, 0) is not None  # the exact, greedy search decides

    def _scan(self, parts: list[str]) -> bool:
        """Whether ``parts`` occur, scanning on from the cursor, then from the start.

        An occurrence after the cursor is one of the whole text, and when there is any, the
        greedy search from the start finds one: the answer is that of :meth:`find`.
        """
        found = self._search(parts, self._cursor)
        if found is None and self._cursor:
            found = self._search(parts, 0)
        if found is None:
            return False
        self._cursor = found[1]
        return True

    def _lookup(self, part: str) -> int:
        """An occurrence of ``part`` found through the word index, or -1.

        Every _STRIDE-th word start of the text is indexed by the _WORDS words from it, so an
        occurrence has a key at one of its first _STRIDE word starts (or the one after, when
        it starts inside a word of the text). Keys of several words rarely repeat; when the
        one tried does, the next start of the part is tried.
        """
        index, text, wanted = self._word_index(), self.normalized, part
        if self._breaks is not None:  # the index is of the text without hyphens
            text, wanted = self._breaks.bones()[0], self._breaks.skeleton_of(part)
        words = wanted.split(" ")  # a normalized part: its words are one space apart
        offset = 0  # where words[first] starts in the part
        for first in range(min(_STRIDE + 1, len(words) - _WORDS + 1)):
            at = index.get(" ".join(words[first : first + _WORDS]), -1) - offset
            if at >= 0 and text.startswith(wanted, at):
                if self._breaks is None:
                    return at
                found = self._breaks.confirm(part, at)
                if found is not None:
                    return found[0]
            offset += len(words[first]) + 1
        return -1

    def _word_index(self) -> dict[str, int]:
        if self._index is None:
            # Of a text with words broken at line ends, the text without hyphens (their spellings
            # of such a word alike), as :meth:`_lookup` looks a quote up in it.
            text = self.normalized if self._breaks is None else self._breaks.bones()[0]
            starts = [m.start() for m in _WORD_GROUP.finditer(text)]
            groups = _WORDS // _STRIDE  # the key of a start ends before the start this many on
            ends = (starts + [len(text) + 1] * groups)[groups:]
            keys = [text[start : end - 1] for start, end in zip(starts, ends, strict=True)]
            # Built back to front, so that for a repeated key the first place wins.
            self._index = dict(zip(reversed(keys), reversed(starts), strict=True))
        return self._index

    def find_other_case(self, quote: str) -> Match | None:
        """Where ``quote`` occurs when letter case is ignored (as :meth:`find`), or None: for
        a message that points at a quote differing from its source only in case."""
        if self._lowered is None:  # once: a map may have many quotes not found
            self._lowered = self.normalized.lower()
        lowered = self._lowered
        if len(lowered) != len(self.normalized):  # a letter whose lower case is longer
            return None
        position, first = 0, -1
        for part in self._parts(quote):
            index = find_bounded(lowered, part.lower(), position)
            if index < 0:
                return None
            first = index if first < 0 else first
            position = index + len(part)
        if first < 0:
            return None
        return Match(self.offset(first), self.offset(position - 1) + 1)

    def occurrences(self, quote: str) -> list[tuple[Match, ...]]:
        """Every place ``quote`` occurs, each as the matches of its parts (the text an elision
        skips is not part of it), for coverage. A repeated passage (a standfirst that repeats
        a sentence of the body) is covered wherever it appears; occurrences do not overlap.
        Of a quote found more than :data:`MAX_OCCURRENCES` times, the first that many."""
        parts = self._parts(quote)
        found: list[tuple[Match, ...]] = []
        start = 0
        while parts and len(found) < MAX_OCCURRENCES:
            place = self._find(parts[0], start)
            if place is None:
                break
            matches = []
            for k, part in enumerate(parts):
                if k and (place := self._find(part, start)) is None:
                    return found
                position, start = place
                matches.append(Match(self.offset(position), self.offset(start - 1) + 1))
            found.append(tuple(matches))
        return found


__all__ = ["MAX_OCCURRENCES", "Match", "SourceText", "elided_spans", "normalize"]
