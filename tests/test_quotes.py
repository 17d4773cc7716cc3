"""argmap.read.source: finding quotes in a source despite typography, or the closest passage."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.api import check_file
from argmap.read.folding import spaced
from argmap.read.passages import Passages
from argmap.read.source import Match, SourceText, normalize

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


def test_two_hyphens_typed_for_a_dash_match_it_and_the_other_way() -> None:
    source = SourceText(TEXT)
    match = source.find("new, proactive geopolitical strategy -- one which goes")
    assert match is not None
    assert TEXT[match.start : match.end] == "new, proactive\ngeopolitical strategy — one which goes"
    typed = SourceText("Europe needs allies -- now -- beyond its usual sphere.")
    found = typed.find("allies — now—beyond")
    assert found is None  # spaces still matter
    found = typed.find("allies — now — beyond")
    assert found is not None and typed.text[found.start : found.end] == "allies -- now -- beyond"


def test_accented_letters_match_whether_written_as_one_character_or_two() -> None:
    composed = "Le café est fermé à Noël."
    decomposed = unicodedata.normalize("NFD", composed)
    assert len(decomposed) == len(composed) + 4  # four letters, each with its own accent
    # A source as some PDFs and macOS give it, quoted as typed; and the other way round.
    for text, quote in ((decomposed, "café est fermé"), (composed, decomposed[3:19])):
        source = SourceText(text)
        match = source.find(quote)
        assert match is not None
        assert unicodedata.normalize("NFC", text[match.start : match.end]) == "café est fermé"
        assert source.contains(quote)
        assert source.find("cafe est ferme") is None  # the accents still matter
    # A text that mixes the two forms is taken as written.
    mixed = SourceText(composed + " " + decomposed)
    assert mixed.form is None
    assert mixed.find("fermé à Noël. Le") is not None  # as in its first half
    assert mixed.find("Noël. Le café") is None  # its second half has the other form


def test_russian_yo_matches_the_e_it_is_mostly_written_as() -> None:
    """Russian writes ё as е in most print and on most keyboards (the letter is optional in
    its orthography): a quote typed "идет" of a source that has "идёт" was not found."""
    text = "Пока нефть идёт через чужой порт, решения принимаются не в Астане. Её маршрут."
    source = SourceText(text)
    match = source.find("Пока нефть идет через чужой порт")
    assert match is not None
    assert text[match.start : match.end] == "Пока нефть идёт через чужой порт"
    assert source.contains("Ее маршрут")  # the capital too
    yo_quote = SourceText("Все решения принимаются здесь.")
    assert yo_quote.find("Всё решения") is not None  # and a quote with ё of a text without
    assert source.find("Пока нефть идут") is None  # other letters still matter


def test_russian_yo_in_a_decomposed_text_matches_e_too() -> None:
    """A text as some PDFs and macOS give it writes ё as е and a combining diaeresis: a quote
    typed "идет" was not found there, though it was in the same text composed."""
    composed = "Пока нефть идёт через чужой порт. Её маршрут."
    text = unicodedata.normalize("NFD", composed)
    assert text != composed
    source = SourceText(text)
    match = source.find("нефть идет через")
    assert match is not None
    assert unicodedata.normalize("NFC", text[match.start : match.end]) == "нефть идёт через"
    assert source.contains("Ее маршрут.")  # the capital too
    assert source.find("нефть идёт через") is not None  # as it is written, either way
    assert source.find(unicodedata.normalize("NFD", "нефть идёт через")) is not None
    assert source.find("нефть идут через") is None  # other letters still matter
    assert SourceText(unicodedata.normalize("NFD", "Noël arrive.")).find("Noel") is None


def test_case_and_words_matter() -> None:
    source = SourceText(TEXT)
    assert source.find("europe must respond") is None
    assert source.find("Europe should respond") is None


def test_a_quote_is_of_whole_words() -> None:
    # A debate coach's quotes "The first reason is heal" (the text: "health"), "raffic is the
    # largest" and "... their custom" ("customers") passed check, and coverage counted them.
    text = "The first reason is health. Traffic is the largest. Ask their customers, health."
    source = SourceText(text)
    for cut in ("The first reason is heal", "raffic is the largest", "ask their custom",
                "Ask their custom", "first … heal", "their customers, heal"):  # fmt: skip
        assert source.find(cut) is None, cut
        assert not source.contains(cut), cut
    for whole in ("The first reason is health", "Traffic is the largest", "health.",
                  "Ask their customers", "first … health", "customers, health"):  # fmt: skip
        assert source.find(whole) is not None, whole
        assert source.contains(whole), whole
    # "health" inside "unhealthy" first: found on a word's own boundaries after it.
    assert SourceText("unhealthy food, good health.").find("health") == Match(21, 27)
    # Scripts without spaces between words have no boundaries to keep.
    assert SourceText("北京是中国的首都。").find("中国的首") is not None


def test_a_quote_of_part_of_a_word_is_told_the_whole_word(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "text.txt").write_text("The first reason is health.\n", encoding="utf-8")
    (tmp_path / "m.yaml").write_text(
        "argmap: 1\ntitle: T\nsource:\n  path: text.txt\npremises:\n  - id: a\n"
        "    text: A.\n    quotes: The first reason is heal\n",
        encoding="utf-8",
    )
    (found,) = [d for d in check_file(tmp_path / "m.yaml").diagnostics if d.code == "AM110"]
    assert 'the source has "health" where the quote has "heal"' in found.message


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
    assert normalize("  a\u00a0\u2013 b\u2019s\t\n“c”  ") == 'a - b\'s"c"'  # no space by "
    assert spaced("  a\u00a0\u2013 b\u2019s\t\n“c”  ") == 'a - b\'s "c"'  # words as written


SEED_SOURCE = SourceText(SEED_TEXT.read_text(encoding="utf-8"))
SEED_PASSAGES = Passages(SEED_SOURCE)
SEED_SENTENCES = [
    (SEED_SOURCE.line_of(match.start()), match.group().split())
    for match in re.finditer(r"[^.!?\n]+[.!?]", SEED_SOURCE.text)
    if len(match.group().split()) >= 8
]


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(SEED_SENTENCES),
    st.integers(0, 1000),
    st.integers(6, 30),
    st.sampled_from(["", "not", "the", "Europe"]),
)
def test_a_misquoted_run_of_words_finds_its_sentence(
    sentence: tuple[int, list[str]], start: int, length: int, replacement: str
) -> None:
    line, words = sentence
    start %= len(words)
    quote = words[start : start + length]
    if len(quote) < 6:  # shorter runs of common words ("in the … and") stand everywhere
        quote = words[-6:]
    quote[len(quote) // 2] = replacement  # one word changed or left out
    passage = SEED_PASSAGES.closest(" ".join(quote))
    assert passage is not None
    assert passage.similarity >= 0.6
    # its line, or the first of the lines where the same sentence stands (a standfirst);
    # the part of the sentence the quote lines up with
    assert passage.line == line or normalize(passage.text) in normalize(" ".join(words))
    assert normalize(passage.text) in normalize(" ".join(words))


def test_of_two_passages_matching_as_many_words_the_tighter_is_closest() -> None:
    """Hypothesis found it: 'the region — not further European' (line 42 has 'the region —
    helping further European') matched five words of line 32's 'the region should not be
    treated as a mere pawn in ... any European' too, spread over seventeen words; the first of
    the two was named."""
    passage = SEED_PASSAGES.closest("the region — not further European")
    assert passage is not None and passage.line == 42
    assert passage.text == "the region — helping further European"


def test_words_from_nowhere_have_no_close_passage() -> None:
    for quote in ("completely unrelated wording", "", "zzz", "…"):
        passage = SEED_PASSAGES.closest(quote)
        assert passage is None or passage.similarity < 0.6


def test_a_sentence_reworded_in_the_source_is_the_passage_meant() -> None:
    """Its words in another order: the closest passage in order holds too few of them, the
    sentence that holds most of them is meant, whole, and marked reworded."""
    quote = "In this respect, Central Asia is the most interesting region."
    assert SEED_PASSAGES.closest(quote).similarity < 0.6
    passage = SEED_PASSAGES.meant(quote)
    assert passage is not None and passage.reworded
    assert passage.line == 14
    assert passage.text == "The most interesting region, in this respect, is Central Asia."
    assert SEED_SOURCE.text[passage.start : passage.end] == passage.text
    assert not SEED_PASSAGES.meant("Energy is the most obvious area of mutual interest").reworded


def test_common_words_in_any_order_are_no_passage_meant() -> None:
    for quote in ("The trial followed people for two months only.", "It is what it is."):
        assert SEED_PASSAGES.meant(quote) is None
    long = Passages(SourceText(
        "Here is its overview as it appears in a report column of 720 px, the first of four "
        "figures that argmap makes of it, all of them under Maps in documents.\n"
    ))  # fmt: skip
    assert long.meant("Its caption stays in the column.") is None  # 4 of its 6 words


def test_a_source_saved_with_separate_accents_checks_clean(tmp_path) -> None:
    (tmp_path / "source.txt").write_text(
        unicodedata.normalize("NFD", "Le café est fermé à Noël.\n"), encoding="utf-8"
    )
    path = tmp_path / "map.yaml"
    path.write_text(
        "argmap: 1\ntitle: t\nsource:\n  path: source.txt\npremises:\n"
        "  - id: a\n    text: The café closes at Christmas.\n    quotes: [café est fermé à Noël]\n",
        encoding="utf-8",
    )
    assert [d.code for d in check_file(path).diagnostics] == []


def test_a_title_before_a_name_ends_no_sentence_of_a_quote() -> None:
    """'Dr. Smith found ...' was told as 'its sentence 2 of 4, "Smith found ..."': the
    quote's sentences are cut where the source's would be, not after a title."""
    text = "Dr. Smith found that uniforms help. Mr. Jones disagrees with him.\n"
    found = Passages(SourceText(text)).missing(
        "Dr. Smith found that uniforms helped. Mr. Jones disagrees with him."
    )
    assert found is not None
    assert (found.what, found.number, found.count) == ("sentence", 1, 2)
    assert found.passage is not None  # the source's sentence, its title kept
    assert text[found.passage.start : found.passage.end] == "Dr. Smith found that uniforms help."
