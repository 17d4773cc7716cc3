"""Invisible format characters copied from web pages (a zero-width space, joiners, a word
joiner, a byte order mark inside the text) do not keep a quote from matching its source, and
the places found stay those of the text as written."""

from __future__ import annotations

import pytest

from argmap.api import check_file
from argmap.read.source import SourceText

#: Zero-width space, non-joiner, joiner, word joiner, a zero-width no-break space (a byte
#: order mark) inside the text, and the left-to-right, right-to-left and Arabic letter marks
#: (a page mixing Hebrew or Arabic with Latin has them): none shows, a web page's text has them.
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u061c"]


@pytest.mark.parametrize("char", INVISIBLE)
def test_an_invisible_character_in_the_source_keeps_no_quote_from_matching(char: str) -> None:
    text = f"Intro line.\nTeachers{char} say phones are a major{char} distraction in class.\n"
    source = SourceText(text)
    match = source.find("phones are a major distraction")
    assert match is not None
    assert text[match.start : match.end] == f"phones are a major{char} distraction"
    # the line and column of the passage, counted in the text as written
    assert source.line_of(match.start) == 2
    assert match.start - text.index("\n") - 1 == len(f"Teachers{char} say ")


@pytest.mark.parametrize("char", INVISIBLE)
def test_an_invisible_character_in_the_quote_keeps_it_from_no_match(char: str) -> None:
    text = "Teachers say phones are a major distraction in class.\n"
    match = SourceText(text).find(f"phones are a{char} major distraction")
    assert match is not None
    assert text[match.start : match.end] == "phones are a major distraction"


def test_a_map_quoting_a_web_page_with_invisible_characters_checks_clean(write_map) -> None:  # type: ignore[no-untyped-def]
    source = "".join(f"Word{n}{char} stands here.\n" for n, char in enumerate(INVISIBLE))
    quotes = "".join(
        f"  - id: c{n}\n    text: Claim {n}.\n    quotes: Word{n} stands here\n"
        for n in range(len(INVISIBLE))
    )
    path = write_map(
        "argmap: 1\ntitle: t\nsource:\n  path: source.txt\npremises:\n" + quotes, source
    )
    assert [d.code for d in check_file(path).diagnostics if d.code == "AM110"] == []


def test_a_misquote_beside_invisible_characters_is_told_where_it_stands(write_map) -> None:  # type: ignore[no-untyped-def]
    path = write_map(
        "argmap: 1\ntitle: t\nsource:\n  path: source.txt\npremises:\n"
        "  - id: a\n    text: A.\n    quotes: phones are a major distraction in schools\n",
        "Intro line.\nTeachers\u200b say phones are a major\u2060 distraction in class.\n",
    )
    (found,) = [d for d in check_file(path).diagnostics if d.code == "AM110"]
    assert (found.span.line, found.span.column) == (8, 13)
    assert "(line 2)" in found.message
    assert '"class" where the quote has "schools"' in found.message
