"""The fast paths give the answers of the plain code they replaced.

For big maps argmap normalizes source texts, looks up quotes, scans text for refused
characters and escapes labels with whole-string C operations instead of loops over
characters in Python. Each reference below is the plain version, kept here to compare with.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap.draw.text import _fill, clean
from argmap.read import source as quotes_module
from argmap.read.bounds import find_bounded
from argmap.read.breaks import breaks
from argmap.read.folding import _FOLD
from argmap.read.source import SourceText, normalize
from argmap.read.yamltree import bad_character

# Characters that matter here: white space of all kinds, what folding changes or drops,
# controls, bidirectional overrides, wide and combining characters, and plain letters.
SPECIAL = " \t\n\r\x0b\x0c\x1c\x85\xa0\u2007\u2009\u202f\u2028\u3000'\"«»‹›;:!?%-.…[]\u2018\u2019\u201c\u201d\u2013\u2014\u00ad\u200b\ufb01\ufb03\x00\x07\x7f\x9f\u202e\u2066\ufffe\ufeff\u0301\u754c"  # noqa: E501
TEXT = st.text(alphabet=st.sampled_from(SPECIAL) | st.sampled_from("abcXY"), max_size=60)
# Prose as most sources are: words, spaces and line breaks only (SourceText's shortcut), with
# what folding changes, drops or spells out.
PROSE = st.text(alphabet=st.sampled_from("ab  \n\u2019\u2014\u00ad-\ufb00"), max_size=60)


TIGHT_AFTER = ('"', "\u2039", "\u203a")  # after the quote marks folded: " ‹ ›
TIGHT_BEFORE = (*TIGHT_AFTER, ";", ":", "!", "?", "%")


class PlainSource:
    """The original SourceText: a loop over every character, and str.find for each part (on
    word boundaries: a quote is of whole words, :mod:`argmap.read.bounds`); a
    dash after a dash (invisible characters between them left out) is dropped."""

    def __init__(self, text: str) -> None:
        pieces: list[str] = []
        offsets: list[int] = []
        last_space = True
        for original, char in enumerate(text):
            for out in char.translate(_FOLD):
                if out.isspace():
                    if not last_space:
                        pieces.append(" ")
                        offsets.append(original)
                    last_space = True
                elif out == "-" and pieces[-1:] == ["-"]:
                    pass  # a run of dashes reads as one ("--" typed for a dash)
                else:
                    pieces.append(out)
                    offsets.append(original)
                    last_space = False
        # A space beside a quote mark, or before ; : ! ? (as French spaces them), is dropped.
        tight = [
            k for k, char in enumerate(pieces)
            if char == " " and ((k and pieces[k - 1] in TIGHT_AFTER)
                                or "".join(pieces[k + 1 : k + 2]) in TIGHT_BEFORE)
        ]  # fmt: skip
        for k in reversed(tight):
            del pieces[k], offsets[k]
        self.normalized = "".join(pieces)
        self.offsets = offsets
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def find(self, quote: str) -> tuple[int, int] | None:
        parts = [normalize(p) for p in re.split(r"\s*\[?(?:\u2026|\.\.\.)\]?\s*", quote)]
        parts = [p for p in parts if p]
        if not parts:
            return None
        position, first = 0, None
        for part in parts:
            index = find_bounded(self.normalized, part, position)  # of whole words
            if index < 0:
                return None
            first = index if first is None else first
            position = index + len(part)
        assert first is not None
        return self.offsets[first], self.offsets[position - 1] + 1


def agrees(fast: SourceText, plain: PlainSource, quote: str) -> bool:
    """Whether the fast search finds a quote where the plain loop does. In a text with words
    broken at a line's end, which the plain loop takes as written, it may find one before, or
    one the loop does not, across such a line end (a quote typed "European" is in
    "Euro-\\npean": tests/test_pdftext.py)."""
    found, written = fast.find(quote), plain.find(quote)
    at = (found.start, found.end) if found is not None else None
    broken = breaks(fast.text)
    if not broken or at == written:
        return at == written
    if written is not None and (at is None or at[0] > written[0]):
        return False
    return at is not None and any(at[0] <= letter and hyphen <= at[1] for hyphen, letter in broken)


@settings(max_examples=400, deadline=None)
@given(TEXT | PROSE, st.lists(TEXT, max_size=4))
@example("a-\nb ab", ["ab"])
def test_source_text_normalizes_and_finds_like_the_plain_loop(text: str, quotes: list[str]) -> None:
    fast, plain = SourceText(text), PlainSource(text)
    assert fast.normalized == plain.normalized
    for index in range(len(plain.normalized)):
        assert fast.offset(index) == plain.offsets[index]
    for offset in range(len(text) + 1):
        assert fast.line_of(offset) == sum(start <= offset for start in plain.line_starts)
    # Quotes from the text itself (so that many are found) and arbitrary ones.
    cut = [text[i:j] for i, j in ((0, len(text) // 2), (len(text) // 3, len(text)))]
    for quote in [*quotes, *cut, " … ".join(cut)]:
        assert agrees(fast, plain, quote)
        assert fast.contains(quote) == (fast.find(quote) is not None)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quotes_module, "_SCAN_BUDGET", -1)  # the word index from the first quote on
        indexed = SourceText(text)
        for quote in [*quotes, *cut, " … ".join(cut)]:
            assert indexed.contains(quote) == (fast.find(quote) is not None)


LONG_WORDS = [f"w{n % 97}x{n % 13}" for n in range(5000)]  # repeating keys: lookups collide
LONG_TEXT = " ".join(LONG_WORDS[:2500]) + ".\n\n" + " ".join(LONG_WORDS[2500:]) + "\u2019s end"
LONG_QUOTES = [
    *(" ".join(LONG_WORDS[i : i + k]) for i, k in ((10, 6), (2497, 8), (4990, 10), (1234, 2))),
    *("w1x1 w2x2 w3x3 w4x4 nowhere", "end", "w5x5 … w3x3 w4x4 w5x5 w6x6", "’s end"),
    " ".join(LONG_WORDS[100:104]) + " … " + " ".join(LONG_WORDS[4000:4006]),
]


def test_contains_uses_the_word_index_and_agrees_with_find_on_a_long_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(quotes_module, "_SCAN_BUDGET", -1)  # the index from the first quote on
    source = SourceText(LONG_TEXT)
    for quote in LONG_QUOTES:
        assert source.contains(quote) == (source.find(quote) is not None), quote
    assert source._index is not None and len(source._index) > 1000


def test_contains_scans_on_from_the_last_quote_and_agrees_with_find() -> None:
    source = SourceText(LONG_TEXT)
    for quote in [*LONG_QUOTES, *reversed(LONG_QUOTES)]:
        assert source.contains(quote) == (source.find(quote) is not None), quote
    assert source._index is None  # a few quotes: scanning pays


def test_contains_builds_the_index_once_scanning_stops_paying() -> None:
    words = [f"u{n}" for n in range(5000)]  # each passage occurs once
    source = SourceText(" ".join(words))
    backwards = [" ".join(words[i : i + 6]) for i in range(4900, 0, -100)]
    for quote in backwards:  # each one before the last: scanned to the end, then from the start
        assert source.contains(quote)
    assert source._index is not None
    assert source._scanned <= (quotes_module._SCAN_BUDGET + 2) * len(source.normalized)


@given(TEXT | PROSE)
def test_normalize_spaces_words_as_splitting_and_joining_does(text: str) -> None:
    folded = re.sub("-+", "-", text.translate(_FOLD))  # a run of dashes reads as one
    spaced = " ".join(folded.split())
    words = [char for k, char in enumerate(spaced) if not (char == " " and (
        spaced[k - 1] in TIGHT_AFTER or spaced[k + 1] in TIGHT_BEFORE
    ))]  # fmt: skip
    assert normalize(text) == "".join(words)


def plain_clean(text: str) -> str:
    bidi = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    text = "".join(
        ch
        for ch in re.sub(r"[^\S\xa0\u2007\u202f]", " ", text)
        if unicodedata.category(ch) not in ("Cc", "Cs") and ch not in bidi | {"\ufffe", "\uffff"}
    )
    return re.sub(r"\s*[ ]\s*", " ", text).strip()


@given(TEXT)
def test_clean_drops_what_the_plain_loop_dropped(text: str) -> None:
    assert clean(text) == plain_clean(text)


def plain_bad_character(text: str) -> tuple[int, str] | None:
    bidi = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    for index, char in enumerate(text):
        if char in "\t\n":
            continue
        if char in bidi:
            return index, f"bidirectional control character U+{ord(char):04X}"
        category = unicodedata.category(char)
        if category == "Cc":
            return index, f"control character U+{ord(char):04X}"
        if category == "Cs" or char in "\ufffe\uffff":
            return index, f"invalid character U+{ord(char):04X}"
    return None


@given(TEXT)
def test_bad_character_finds_what_the_plain_loop_found(text: str) -> None:
    assert bad_character(text) == plain_bad_character(text)


def test_bad_character_refuses_exactly_the_same_code_points() -> None:
    for code in [*range(0x3000), *range(0xD700, 0xE100), *range(0xFFF0, 0x10010)]:
        char = chr(code)
        assert bad_character(char) == plain_bad_character(char), hex(code)


@given(TEXT, st.integers(min_value=1, max_value=40))
def test_fill_wraps_like_textwrap(text: str, width: int) -> None:
    text = clean(text.replace("-", ""))
    assert _fill(text, width) == textwrap.wrap(text, width=width, break_long_words=False)
