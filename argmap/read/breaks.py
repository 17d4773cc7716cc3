"""Text → where its lines end in a hyphen inside a word, and a quote matched across them.

Text taken from a PDF (copied from a viewer, or by ``pdftotext``) keeps the typesetter's line
ends: "the Euro-\\npean Union", "non-\\nRussian energy". A quote may write such a word as the
line did ("Euro- pean", white space being one space), as a compound ("non-Russian",
"well-known") or, when a small letter follows the hyphen, as one word ("European"): the hyphen
before a small letter is most often a syllable's, but may be the word's own ("well-\\nknown"),
and taking both spellings there needs no guess. Before a capital ("non-\\nRussian") the hyphen
is the word's. A break is a hyphen (``-``, U+2010, U+2011, or a soft hyphen) after a letter, at
the end of a line whose next line goes on with a letter; a dash, a hyphen after a space or a
digit, or one before an empty line breaks no word.
"""

from __future__ import annotations

import bisect
import re

from argmap.read.folding import LIGATURES

HYPHENS = "-\u2010\u2011\u00ad"
# The hyphen first, so that the search runs on from one hyphen to the next at C speed. These
# patterns, and those below that only a text from a PDF needs, are compiled when first used
# (re's cache), not when a command that never needs them starts.
_BREAKS = {
    hyphen: re.escape(hyphen) + r"(?<=[^\W\d_].)[^\S\n]*\n[^\S\n]*(?=[^\W\d_])"
    for hyphen in HYPHENS
}
# What a quote's skeleton leaves out (a hyphen and the space after it), so that its spellings
# of a break ("Euro- pean", "Euro-pean", "European") all look alike.
_SKELETON = re.compile("- ?")
# For the closest passage to a quote (argmap.read.passages): words taken whole over a line
# end after a hyphen in a word.
_WORD = r"\w+(?:[-\u2010\u2011\u00ad]\n[^\S\n]*\w+)*"
_WORD_BREAK = r"[-\u2010\u2011\u00ad]\n[^\S\n]*"
_SPELLED = str.maketrans(LIGATURES)
_TYPED = r"(\w+)[-\u2010\u2011\u00ad][^\S\n]*\n[^\S\n]*(\w+)"


def breaks(text: str) -> list[tuple[int, int]]:
    """Where ``text``'s lines end in a hyphen inside a word: the hyphen's offset and that of
    the letter after the line end, in order.

    >>> breaks("the Euro-\\npean Union, non-\\n  Russian, not -\\nthis")
    [(8, 10), (25, 29)]
    """
    found = []
    for hyphen, pattern in _BREAKS.items():
        if hyphen in text:
            found += [(match.start(), match.end()) for match in re.finditer(pattern, text)]
    return sorted(found)


def skeleton(text: str, spans: list[tuple[int, int]] = ()) -> tuple[str, list[int]]:
    """A normalized text without its hyphens, the spaces after them and ``spans``, and where
    it left them out: for each character left out, the skeleton's offset at which it was.

    >>> skeleton("a well- known - fact")
    ('a wellknown fact', [6, 6, 12, 12])
    >>> skeleton("Euro pean", [(4, 5)])
    ('European', [4])
    """
    runs = sorted([*(run.span() for run in _SKELETON.finditer(text)), *spans])
    kept: list[str] = []
    dropped: list[int] = []
    done = at = 0  # characters left out so far; where the text is kept from
    for start, end in runs:
        start = max(start, at)
        if end <= start:
            continue
        kept.append(text[at:start])
        dropped += [start - done] * (end - start)
        done += end - start
        at = end
    kept.append(text[at:])
    return "".join(kept), dropped


#: Places where a quote's skeleton is found but not the quote (its hyphens are elsewhere than
#: the text's), after which the rest of the text is searched with one pattern instead: a quote
#: typed "ab" of a text of "a-b" a million times costs one scan, not a million tries.
TRIES = 64


def _pattern(part: str) -> re.Pattern[str]:
    """A pattern that finds ``part`` in the text :meth:`Breaks.marked` gives, as
    :meth:`Breaks.walk` matches it."""
    out, i = [], 0
    while i < len(part):
        char = part[i]
        if part.startswith("- ", i):  # as the line has it, or a hyphen within a line
            out.append("(?:-|[\x01\x02]) ")
            i += 1
        elif char == "-" and i + 1 == len(part):  # a compound's hyphen, the quote's last
            out.append("(?:-|[\x01\x02]|(?=[\x03\x04]))")
        elif char == "-":  # as a compound
            out.append("(?:-|[\x01\x02] |[\x03\x04])")
        elif char == " ":  # a space, or a soft hyphen's line end as the line has it
            out.append("[ \x03\x04]")
        else:  # before a small letter, a word broken before it, spelled as one word
            out.append(("(?:\x01 |\x03)?" if i and char.islower() else "") + re.escape(char))
        i += 1
    return re.compile("".join(out))


class Breaks:
    """A normalized text's breaks (``{hyphen: (letter after it, whether it is small)}``, in
    offsets of the normalized text) and quotes found across them."""

    def __init__(self, text: str, at: dict[int, tuple[int, bool]]) -> None:
        self.text = text
        self.at = at
        self.starts = sorted(at)
        self._skeleton: tuple[str, list[int]] | None = None
        self._left_out: list[int] | None = None
        self._marked: str | None = None

    def bones(self) -> tuple[str, list[int]]:
        """The text's :func:`skeleton` (once), soft hyphens' line ends left out too."""
        if self._skeleton is None:
            soft = [(at, after) for at, (after, _) in self.at.items() if self.text[at] != "-"]
            self._skeleton = skeleton(self.text, soft)
        return self._skeleton

    def _normalized(self, at: int) -> int:
        """The normalized offset of the skeleton's character at ``at``."""
        return at + bisect.bisect_right(self.bones()[1], at)

    def find(self, part: str, start: int) -> tuple[int, int] | None:
        """The first place from ``start`` on where ``part`` (normalized) is, each break it
        spans written as the line has it, as a compound or (before a small letter) as one
        word: (start, end) in the normalized text, or None."""
        bones = self.bones()[0]
        wanted = _SKELETON.sub("", part)
        if not wanted:
            return None
        if self._left_out is None:  # the normalized offsets of what the skeleton left out
            self._left_out = [at + k for k, at in enumerate(self.bones()[1])]
        at = start - bisect.bisect_left(self._left_out, start)  # the first kept from start on
        tries = 0
        while (at := bones.find(wanted, at)) >= 0:
            found = self.confirm(part, at, start)
            if found is not None:
                return found
            tries += 1
            if tries > TRIES:  # the rest of the text in one scan
                match = _pattern(part).search(self.marked(), max(start, self._normalized(at)))
                return None if match is None else match.span()
            at += 1
        return None

    def marked(self) -> str:
        """The normalized text with its breaks marked (as long): a hyphen's ``- `` as
        ``\\x01 `` (a small letter after it) or ``\\x02 ``, a soft hyphen's `` `` as ``\\x03``
        or ``\\x04``."""
        if self._marked is None:
            pieces, at = [], 0
            for start in self.starts:
                after, small = self.at[start]
                pieces.append(self.text[at:start])
                if self.text[start] == "-":
                    pieces.append(("\x01" if small else "\x02") + self.text[start + 1 : after])
                else:
                    pieces.append("\x03" if small else "\x04")
                at = after
            pieces.append(self.text[at:])
            self._marked = "".join(pieces)
        return self._marked

    def confirm(self, part: str, at: int, start: int = 0) -> tuple[int, int] | None:
        """Where ``part`` is, from ``start`` on, when its skeleton is the text's from ``at``
        on (its start and end in the normalized text), or None."""
        first = self._normalized(at)
        starts: range | tuple[int] = (first,)
        if part[:1] == "-":  # from a hyphen (or break) of those left out before that character
            starts = range(at and self._normalized(at - 1) + 1, first)
        for begin in starts:
            end = self.walk(part, begin) if begin >= start else None
            if end is not None:
                return begin, end
        return None

    @staticmethod
    def skeleton_of(part: str) -> str:
        """A normalized quote's skeleton, as :meth:`bones` is the text's."""
        return _SKELETON.sub("", part)

    def walk(self, part: str, j: int) -> int | None:
        """Where ``part`` ends when it is matched from offset ``j`` on, or None."""
        text, starts, i = self.text, self.starts, 0
        while True:
            k = bisect.bisect_left(starts, j)
            chunk = min((starts[k] if k < len(starts) else len(text)) - j, len(part) - i)
            if part[i : i + chunk] != text[j : j + chunk]:
                return None
            i, j = i + chunk, j + chunk
            if i == len(part):
                return j
            if j not in self.at:  # the text's end
                return None
            after, small = self.at[j]
            if part.startswith(text[j:after], i):  # as the line has it: "Euro- pean"
                i, j = i + after - j, after
            elif part[i] == "-":  # as a compound: "non-Russian"
                i += 1
                if i == len(part):
                    return j + (text[j] == "-")
                j = after
            elif small:  # as one word: "European"
                j = after
            else:
                return None


def whole_words(text: str, lowered: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The words of ``text`` from ``start`` to ``end`` (``lowered``: the text in lower case,
    as long), lower case and their ligatures spelled out, each with where it starts and ends:
    a word broken at a line's end before a small letter as one word ("euro-\\npean" is
    "european"), before a capital as two ("non-\\nRussian" is "non", "russian", as a quote
    writes them).

    >>> text = "The Euro-\\npean eﬀort, non-\\nRussian"
    >>> whole_words(text, text.lower(), 0, len(text))
    [('the', 0, 3), ('european', 4, 14), ('effort', 15, 20), ('non', 22, 25), ('russian', 27, 34)]
    """
    words: list[tuple[str, int, int]] = []
    for found in re.compile(_WORD).finditer(lowered, start, end):
        at = found.start()
        if "\n" not in found[0]:
            words.append((found[0].translate(_SPELLED), at, found.end()))
            continue
        for k, piece in enumerate(re.split(_WORD_BREAK, found[0])):
            spelled = piece.translate(_SPELLED)
            if k and text[at].islower():  # a word broken before a small letter: one word
                words[-1] = (words[-1][0] + spelled, words[-1][1], at + len(piece))
            else:
                words.append((spelled, at, at + len(piece)))
            broke = re.compile(_WORD_BREAK).match(lowered, at + len(piece))
            at = broke.end() if broke else at + len(piece)
    return words


def typed(text: str, elsewhere: str = "") -> str:
    """A passage of a text as a quote types it: ligatures spelled out, and a word broken at a
    hyphen at a line's end whole, or with its hyphen when a capital follows it or the text
    (``elsewhere``, normalized) writes it so within a line ("well-known").

    >>> typed("the Euro-\\npean eﬀort, non-\\nRussian and well-\\nknown", "a well-known")
    'the European effort, non-Russian and well-known'
    """

    def whole(broken: re.Match[str]) -> str:
        left, right = broken[1].translate(_SPELLED), broken[2].translate(_SPELLED)
        if not (left[-1].isalpha() and right[0].isalpha()):
            return broken[0]
        compound = f"{left}-{right}"
        return compound if right[0].isupper() or compound in elsewhere else left + right

    return re.sub(_TYPED, whole, text).translate(_SPELLED)
