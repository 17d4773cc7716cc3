"""argmap.read.source: finding quotes in a source despite typography, or the closest passage."""

from __future__ import annotations

from argmap.read.passages import Passages
from argmap.read.source import SourceText, normalize

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
    passage = Passages(source).closest(
        "His vision for a formal European Political Community reflected this"
    )
    assert passage is not None
    assert passage.line == 6
    assert passage.text.startswith("His vision")


def test_line_of() -> None:
    source = SourceText("a\nbc\n\nd")
    assert [source.line_of(i) for i in (0, 2, 3, 5, 6)] == [1, 2, 2, 3, 4]


def test_normalize() -> None:
    assert normalize("  a\u00a0\u2013 b\u2019s\t\n“c”  ") == 'a - b\'s "c"'
