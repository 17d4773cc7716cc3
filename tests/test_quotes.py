"""argmap.read.source: finding quotes in a source despite typography, or the closest passage."""

from __future__ import annotations

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.read.source import _SENTENCE, Passage, SourceText, normalize

from .conftest import SEED_TEXT

TEXT = (
    "Title line\n\n"
    "To respond to Russia’s expansionism, Europe must respond with a new, proactive\n"
    "geopolitical strategy — one which goes beyond its usual sphere.\n\n"
    "His vision for an informal “European Political Community,” reflected this.\n"
)


def test_exact_passage_is_found_with_its_offsets() -> None:
    source = SourceText(TEXT)
    match = source.find("Europe must respond")
    assert match is not None
    assert TEXT[match.start : match.end] == "Europe must respond"


def test_tolerates_straight_quotes_dashes_and_line_breaks() -> None:
    source = SourceText(TEXT)
    match = source.find(
        "Russia's expansionism, Europe must respond with a new, proactive geopolitical "
        "strategy - one which goes"
    )
    assert match is not None
    assert TEXT[match.start : match.end].startswith("Russia’s")
    assert TEXT[match.start : match.end].endswith("goes")
    assert source.find('informal "European Political Community," reflected') is not None


def test_case_and_words_matter() -> None:
    source = SourceText(TEXT)
    assert source.find("europe must respond") is None
    assert source.find("Europe should respond") is None


def test_elisions_match_parts_in_order() -> None:
    source = SourceText(TEXT)
    assert source.find("Europe must respond … beyond its usual sphere") is not None
    assert source.find("Europe must respond [...] beyond its usual sphere") is not None
    assert source.find("beyond its usual sphere ... Europe must respond") is None


def test_closest_passage_names_the_line_of_the_sentence() -> None:
    source = SourceText(TEXT)
    passage = source.closest("His vision for a formal European Political Community reflected this")
    assert passage is not None
    assert passage.line == 6
    assert passage.text.startswith("His vision")


def test_line_of() -> None:
    source = SourceText("a\nbc\n\nd")
    assert [source.line_of(i) for i in (0, 2, 3, 5, 6)] == [1, 2, 2, 3, 4]


def test_normalize() -> None:
    assert normalize("  a\u00a0\u2013 b\u2019s\t\n“c”  ") == 'a - b\'s "c"'


def _closest_by_trying_every_sentence(source: SourceText, quote: str) -> Passage | None:
    """SourceText.closest as it was first written: every sentence matched, in order."""
    wanted = normalize(quote)
    best: Passage | None = None
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    for found in _SENTENCE.finditer(source.text):
        sentence = normalize(found.group())
        if not sentence:
            continue
        matcher.set_seq1(sentence)
        score = sum(block.size for block in matcher.get_matching_blocks()) / max(len(wanted), 1)
        if best is None or score > best.similarity:
            start = found.start() + len(found.group()) - len(found.group().lstrip())
            best = Passage(source.line_of(start), sentence, score)
    return best


SEED_SOURCE = SourceText(SEED_TEXT.read_text(encoding="utf-8"))


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, len(SEED_SOURCE.text) - 1),
    st.integers(1, 200),
    st.lists(st.tuples(st.integers(0, 199), st.sampled_from(["", "x", "the ", "é"])), max_size=4),
)
def test_the_closest_passage_is_the_one_trying_every_sentence_finds(
    start: int, length: int, changes: list[tuple[int, str]]
) -> None:
    quote = SEED_SOURCE.text[start : start + length]
    for at, text in changes:  # a quote misremembered: letters dropped, words added
        quote = quote[:at] + text + quote[at + 1 :]
    assert SEED_SOURCE.closest(quote) == _closest_by_trying_every_sentence(SEED_SOURCE, quote)


def test_the_closest_passage_of_words_from_nowhere_is_found_all_the_same() -> None:
    for quote in ("completely different words", "", "zzz", "Europe Europe Europe"):
        assert SEED_SOURCE.closest(quote) == _closest_by_trying_every_sentence(SEED_SOURCE, quote)
