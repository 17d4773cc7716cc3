"""Quotes of text taken from PDFs: ligatures (ﬁ, ﬀ, ...) and words hyphenated at line ends."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.sentences import Source
from argmap.api import check_file
from argmap.read import breaks as breaks_module
from argmap.read import source as source_module
from argmap.read.passages import Passages
from argmap.read.source import SourceText, normalize

PDF = "The eﬀective ﬁnancial support of the Euro-\npean Union is signiﬁcant.\n"


def spans(source: SourceText, quote: str) -> str | None:
    found = source.find(quote)
    assert source.contains(quote) == (found is not None), quote
    return None if found is None else source.text[found.start : found.end]


def test_ligatures_match_the_letters_they_join_and_map_back_to_the_whole_ligature() -> None:
    source = SourceText(PDF)
    assert spans(source, "effective financial support") == "eﬀective ﬁnancial support"
    assert spans(source, "significant.") == "signiﬁcant."
    assert spans(source, "eﬀective ﬁnancial") == "eﬀective ﬁnancial"  # pasted from the PDF
    assert spans(SourceText("the effect"), "the eﬀect") == "the effect"  # and the other way
    assert spans(source, "efective") is None  # the letters still matter
    for ligature, letters in zip(
        "ﬀﬁﬂﬃﬄﬅﬆ", ("ff", "fi", "fl", "ffi", "ffl", "st", "st"), strict=True
    ):
        text = f"a{ligature}b c"
        assert spans(SourceText(text), f"a{letters}b") == text[:3]


def test_a_word_hyphenated_at_a_line_end_matches_whole_or_with_its_hyphen() -> None:
    source = SourceText(PDF)
    assert spans(source, "European Union") == "Euro-\npean Union"
    assert spans(source, "of the Euro-pean Union") == "of the Euro-\npean Union"
    assert spans(source, "the Euro- pean Union") == "the Euro-\npean Union"  # as before
    assert spans(source, "Euro-") == "Euro-"
    assert spans(source, "pean Union") == "pean Union"
    assert spans(source, "the Eur pean") is None


def test_a_compound_broken_at_its_hyphen_matches_with_its_hyphen() -> None:
    source = SourceText("dependence on non-\nRussian energy and on well-\n  known routes")
    assert spans(source, "non-Russian energy") == "non-\nRussian energy"
    assert spans(source, "on well-known routes") == "on well-\n  known routes"
    # before a small letter the hyphen may also be a syllable's: both spellings
    assert spans(source, "on wellknown routes") == "on well-\n  known routes"
    assert spans(source, "nonRussian energy") is None  # before a capital it is the word's
    # several breaks in one quote, each spelled its own way; and across an elision
    both = "non-Russian energy and on wellknown"
    assert spans(source, both) == "non-\nRussian energy and on well-\n  known"
    assert spans(source, "on non-Russian … on well-known") is not None
    assert spans(source, "on non- Russian … on well-known") is not None


def test_nothing_else_matches_that_did_not() -> None:
    for text, quote in (
        ("the European Union", "Euro-pean"),  # a hyphen only at a line end
        ("a well-known route", "wellknown"),
        ("the Euro- pean Union", "European"),
        ("the Euro-\n\npean Union", "European"),  # a paragraph's end is no line end
        ("the Euro -\npean Union", "European"),  # a dash after a space joins no word
        ("the Euro—\npean Union", "European"),  # nor a dash
        ("the Euro—\npean Union", "Euro-pean"),
        ("the Euro-\n-pean Union", "European"),
        ("line 4-\n5", "line 45"),
    ):
        assert spans(SourceText(text), quote) is None, (text, quote)


def test_the_word_index_finds_them_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source_module, "_SCAN_BUDGET", -1)  # the index from the first quote on
    words = " ".join(f"w{n}" for n in range(200))
    source = SourceText(f"{words}\nthe eﬀective Euro-\npean Union and its non-\nRussian oil\n")
    for quote in ("the effective European Union", "Union and its non-Russian oil", "w5 w6"):
        assert source.contains(quote), quote
    assert not source.contains("the effective Euro pean Union")


def test_occurrences_and_parts_of_elided_quotes_find_them() -> None:
    text = "A well-\nknown fact. A well-known fact. A well-\nknown fact.\n"
    source = SourceText(text)
    found = source.occurrences("well-known fact")
    broken, whole = "well-\nknown fact", "well-known fact"
    assert [text[m.start : m.end] for (m,) in found] == [broken, whole, broken]
    found = source.occurrences("wellknown fact")
    assert len(found) == 2
    assert {text[m.start : m.end] for (m,) in found} == {broken}
    assert source.part_missing("A wellknown … known fact … A wellknown") is None
    assert source.part_missing("A wellknown … nowhere") == 1


def test_the_closest_passage_and_its_differences_read_the_words_whole() -> None:
    passages = Passages(SourceText(PDF))
    passage = passages.meant("The effective financial support of the European Union is large.")
    assert passage is not None and passage.line == 1
    assert passage.differences == (("signiﬁcant", "large"),)


def test_check_finds_such_quotes_and_fix_mends_a_misquote(tmp_path) -> None:
    (tmp_path / "source.txt").write_text(PDF, encoding="utf-8")
    path = tmp_path / "map.yaml"
    path.write_text(
        "argmap: 1\ntitle: t\nsource:\n  path: source.txt\npremises:\n"
        "  - id: a\n    text: A.\n    quotes: [effective financial support of the European]\n"
        "  - id: b\n    text: B.\n    quotes: [the European Union is insignificant]\n",
        encoding="utf-8",
    )
    found = [d for d in check_file(path).diagnostics if d.code.startswith("AM1")]
    assert [(d.code, d.span.line) for d in found] == [("AM110", 11)]
    assert 'the source has "signiﬁcant" where the quote has "insignificant"' in found[0].message
    mended = Source(PDF).mended("the European Union is insignificant")
    assert mended is not None and mended.text == "the European Union is significant."
    assert SourceText(PDF).contains(mended.text)


# Clean texts of words, a few with hyphens of their own; put in "PDF" form by setting ligatures
# for the letters they join and breaking lines inside words and at hyphens.
WORD = st.text(alphabet="abfilstxEN", min_size=1, max_size=9)
CLEAN = st.lists(
    st.tuples(WORD, st.sampled_from(["", "", "", "-"]), WORD, st.sampled_from([" ", " ", "\n"])),
    min_size=1,
    max_size=12,
)
LIGATURES = {"ffi": "ﬃ", "ffl": "ﬄ", "ff": "ﬀ", "fi": "ﬁ", "fl": "ﬂ", "st": "ﬆ"}


@settings(max_examples=300, deadline=None)
@given(CLEAN, st.data())
def test_each_quote_of_the_clean_text_is_found_in_its_pdf_form(clean_words, data) -> None:
    # The PDF form, and for each of its characters the clean text it stands for (start, end).
    clean, pdf, origin = "", "", []
    starts = []  # where the words start in the clean text
    for first, hyphen, second, space in clean_words:
        starts.append(len(clean))
        word = first + hyphen + second
        at = 0
        while at < len(word):
            ligature = next((k for k in LIGATURES if word.startswith(k, at)), None)
            if ligature and data.draw(st.booleans()):
                pdf += LIGATURES[ligature]
                origin.append((len(clean) + at, len(clean) + at + len(ligature)))
                at += len(ligature)
                continue
            pdf += word[at]
            origin.append((len(clean) + at, len(clean) + at + 1))
            at += 1
            if at == len(first) and (hyphen or second[0].islower()) and data.draw(st.booleans()):
                if not hyphen:
                    pdf += "-"  # a syllable's hyphen, only where a small letter follows
                    origin.append((len(clean) + at, len(clean) + at))
                pdf += hyphen + "\n"
                origin += [(len(clean) + at, len(clean) + at + len(hyphen))] * len(hyphen)
                origin.append((len(clean) + at + len(hyphen),) * 2)
                at += len(hyphen)
        clean += word
        pdf += space
        origin.append((len(clean), len(clean) + 1))
        clean += space
    source = SourceText(pdf)
    first = data.draw(st.integers(0, len(starts) - 1))
    last = data.draw(st.integers(first, len(starts) - 1))
    quote = clean[starts[first] : starts[last + 1] - 1 if last + 1 < len(starts) else None]
    found = source.find(quote)
    assert found is not None
    assert source.contains(quote)
    # the span found is what the quote, or another occurrence of it, is in the PDF form (or,
    # where the PDF's line ends in a hyphen a word does not have, the word with that hyphen)
    span, quoted = clean[origin[found.start][0] : origin[found.end - 1][1]], quote
    if "-\n" in pdf[found.start : found.end]:
        span, quoted = span.replace("-", ""), quoted.replace("-", "")
    assert normalize(span) == normalize(quoted)
    with pytest.MonkeyPatch.context() as patch:  # the pattern that takes over from the tries
        patch.setattr(breaks_module, "TRIES", -1)
        assert SourceText(pdf).find(quote) == found


def test_a_quote_whose_hyphens_differ_from_the_texts_everywhere_costs_one_scan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A quote typed "ab" of a text of "a-b" a hundred thousand times (and a word broken at a
    line's end): each place was tried in turn."""
    source = SourceText("a-b " * 100_000 + "the Euro-\npean Union")
    tries = []
    walk = breaks_module.Breaks.walk
    monkeypatch.setattr(breaks_module.Breaks, "walk", lambda *args: tries.append(1) or walk(*args))
    assert source.find("ab") is None
    assert len(tries) <= breaks_module.TRIES + 1
    assert source.find("a-b a-b") is not None and source.contains("European Union")
