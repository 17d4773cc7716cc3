"""Source text + quote → where the quote is, tolerant of typography, or the closest passage."""

from __future__ import annotations

import bisect
import difflib
import re

import attrs

# Typographic variants that analysts cannot be expected to reproduce exactly.
_FOLD = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u2033": '"',  # ″
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus
        "\u00ad": None,  # soft hyphen: invisible
        "\u200b": None,  # zero-width space
    }
)
_SPACE = re.compile(r"\s+")
# An elision inside a quote: "…", "...", "[…]" or "[...]" stands for omitted source text.
_ELLIPSIS = re.compile(r"\s*\[?(?:\u2026|\.\.\.)\]?\s*")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'\u201d\u2019)]*|$)", re.M)


def normalize(text: str) -> str:
    """Fold quote marks and dashes to ASCII and runs of white space to one space.

    >>> normalize("the  \u201cEuropean\u201d\\ncommunity \u2014 now")
    'the "European" community - now'
    """
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


@attrs.frozen
class Match:
    start: int  # character offsets into the original source text
    end: int


@attrs.frozen
class Passage:
    """The source passage closest to a quote that was not found."""

    line: int
    text: str
    similarity: float


class SourceText:
    """A source text prepared for quote look-ups: normalized once, mapped back to lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Normalize character by character, remembering each kept character's original offset.
        pieces: list[str] = []
        offsets: list[int] = []
        last_space = True
        for original, char in enumerate(text):
            mapped = char.translate(_FOLD)
            for out in mapped:
                if out.isspace():
                    if not last_space:
                        pieces.append(" ")
                        offsets.append(original)
                    last_space = True
                else:
                    pieces.append(out)
                    offsets.append(original)
                    last_space = False
        self.normalized = "".join(pieces)
        self._offsets = offsets
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(self, offset: int) -> int:
        """1-based line of a character offset in the original text."""
        return bisect.bisect_right(self._line_starts, offset)

    def find(self, quote: str) -> Match | None:
        """Where ``quote`` occurs (its elided parts in order), or None."""
        parts = [normalize(p) for p in _ELLIPSIS.split(quote)]
        parts = [p for p in parts if p]
        if not parts:
            return None
        position = 0
        first = None
        for part in parts:
            index = self.normalized.find(part, position)
            if index < 0:
                return None
            if first is None:
                first = index
            position = index + len(part)
        assert first is not None
        return Match(self._offsets[first], self._offsets[position - 1] + 1)

    def closest(self, quote: str) -> Passage | None:
        """The sentence of the source most like ``quote``, for a helpful error message."""
        wanted = normalize(quote)
        best: Passage | None = None
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(wanted)
        for found in _SENTENCE.finditer(self.text):
            sentence = normalize(found.group())
            if not sentence:
                continue
            matcher.set_seq1(sentence)
            # Score the quote against its best-aligned window of the sentence, so that a quote of
            # part of a long sentence is not penalised for the part it leaves out.
            blocks = matcher.get_matching_blocks()
            matched = sum(block.size for block in blocks)
            score = matched / max(len(wanted), 1)
            if best is None or score > best.similarity:
                start = found.start() + len(found.group()) - len(found.group().lstrip())
                best = Passage(self.line_of(start), sentence, score)
        return best
