"""A quote that spells a word otherwise than its source: a percentage written ``%``, ``per
cent`` or ``percent``; German ``ß`` written ``ss``; a word misspelt by a letter. Each is
still a quote not found (a quote is verbatim), told by the words that differ, and mended by
``argmap check --fix`` when nobody needs to look."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.api import check_map_bytes
from argmap.cli import main
from argmap.read.wording import changed_words, same_words

HEAD = "argmap: 1\ntitle: T\nsource: {path: source.txt}\npremises:\n"


def quoting(*quotes: str) -> str:
    """A map of one premise a quote."""
    return HEAD + "".join(
        f"  - id: q{n}\n    text: Q{n}.\n    quotes: {quote}\n" for n, quote in enumerate(quotes)
    )


def messages(tmp_path: Path, source: str, *quotes: str) -> list[str]:
    """The AM110 messages of a map quoting ``quotes`` from ``source``."""
    (tmp_path / "source.txt").write_text(source, encoding="utf-8")
    checked = check_map_bytes(quoting(*quotes).encode(), str(tmp_path / "map.yaml"))
    return [d.message for d in checked.diagnostics if d.code == "AM110"]


def fixed(tmp_path: Path, source: str, *quotes: str) -> tuple[str, str]:
    """The map as ``argmap check --fix`` leaves it, and what it says."""
    (tmp_path / "source.txt").write_text(source, encoding="utf-8")
    path = tmp_path / "map.yaml"
    path.write_text(quoting(*quotes), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--fix", "--ignore", "AM201", str(path)])
    return path.read_text(encoding="utf-8"), result.stderr


PRICES = (
    "Energy prices rose by 10% last year. Most households felt it.\n\n"
    "Inflation reached 5 per cent in the spring, and 4 percent in the summer.\n"
)


@pytest.mark.parametrize(
    ("quote", "said"),
    [
        (
            "Energy prices rose by 10 per cent last year.",
            '"10%" where the quote has "10 per cent"',
        ),
        ("Energy prices rose by 10 percent last year.", '"10%" where the quote has "10 percent"'),
        ("Inflation reached 5% in the spring", '"5 per cent" where the quote has "5%"'),
        ("and 4 % in the summer", '"4 percent" where the quote has "4 %"'),
    ],
)
def test_a_percentage_spelt_otherwise_is_told_as_the_source_writes_it(
    tmp_path: Path, quote: str, said: str
) -> None:
    """Not 'the source has nothing where the quote has "per cent"' (the ``%`` read as
    punctuation), nor, the other way, a hint to write … for words left out."""
    [message] = messages(tmp_path, PRICES, quote)
    assert message.startswith("quote of 'q0' not found in the source; closest passage")
    assert message.endswith(f"; the source has {said}")


@pytest.mark.parametrize(
    ("source", "quote"),
    [
        ("rose by 10% last year", "rose by 10 per cent last year"),
        ("rose by 10 per cent", "rose by 10%"),
        ("rose by 10 percent", "rose by 10 per cent"),
        ("a high percent of them", "a high per cent of them"),
        ("rose by 2.5 % a year", "rose by 2.5 Percent a year"),
    ],
)
def test_a_percentage_spelt_otherwise_says_the_same(source: str, quote: str) -> None:
    assert changed_words(source, quote) == ()
    assert same_words(source, quote)


@pytest.mark.parametrize(
    ("source", "quote", "changed"),
    [
        ("rose by 10% last year", "rose by 11 per cent last year", (("10", "11"),)),
        ("the percent of them", "the % of them", (("percent", "%"),)),
        ("rose 5% a year", "rose 5 a year", (("%", ""),)),
    ],
)
def test_a_percentage_of_another_number_or_no_number_is_a_change(
    source: str, quote: str, changed: tuple[tuple[str, str], ...]
) -> None:
    assert changed_words(source, quote) == changed


def test_fix_writes_the_percentage_as_the_source_has_it(tmp_path: Path) -> None:
    text, said = fixed(
        tmp_path, PRICES, "Energy prices rose by 10 per cent last year.", "reached 5% in the spring"
    )
    assert text == quoting(
        "Energy prices rose by 10% last year.", "reached 5 per cent in the spring"
    )
    assert said.startswith("argmap: fixed 2 quotes in ")
    assert "more fix" not in said


GERMAN = (
    "Die Straße nach Zürich war im Winter lange gesperrt. Man genoss den Wein in Maßen.\n\n"
    "In der Schweiz schreibt man Strasse, und die Busse fahren um zehn Uhr.\n"
)


@pytest.mark.parametrize(
    ("quote", "said"),
    [
        (
            "Die Strasse nach Zürich war im Winter lange gesperrt.",
            '"Straße" where the quote has "Strasse"',
        ),
        ("Man genoss den Wein in Massen.", '"Maßen" where the quote has "Massen"'),
        ("In der Schweiz schreibt man Straße", '"Strasse" where the quote has "Straße"'),
        ("DIE STRASSE NACH ZÜRICH", '"Straße" where the quote has "STRASSE"'),
    ],
)
def test_ss_for_german_sharp_s_is_a_difference_told_by_its_word(
    tmp_path: Path, quote: str, said: str
) -> None:
    """Not folded as Russian ё is to е: ß and ss tell words apart (``in Maßen``, in
    moderation; ``in Massen``, in crowds), so a quote keeps the source's. Told by the word, as
    letter case is."""
    [message] = messages(tmp_path, GERMAN, quote)
    assert message.endswith(f"; the source has {said}")


def test_fix_writes_sharp_s_as_the_source_has_it(tmp_path: Path) -> None:
    """ß is ss in another case (Unicode case folding): mended as letter case is."""
    text, said = fixed(
        tmp_path, GERMAN, "Die Strasse nach Zürich war im Winter lange gesperrt.",
        "In der Schweiz schreibt man Straße",
    )  # fmt: skip
    assert text == quoting(
        "Die Straße nach Zürich war im Winter lange gesperrt.",
        "In der Schweiz schreibt man Strasse",
    )
    assert said.startswith("argmap: fixed 2 quotes in ")


NEWS = (
    "The goverment must act now, said the mayor. The government announced new measures "
    "yesterday, and the opposition welcomed them.\n\n"
    "Critics say the form of the plan matters more than its cost. Nobody from the council "
    "was there.\n"
)


@pytest.mark.parametrize(
    ("quote", "meant"),
    [
        (
            "The government anounced new measures yesterday",  # a letter left out
            "The government announced new measures yesterday",
        ),
        (
            "the opposition welcommed them.",  # one too many
            "the opposition welcomed them.",
        ),
        (
            "The governmnet announced new measures yesterday",  # two swapped
            "The government announced new measures yesterday",
        ),
        (
            "Critics say the form of the plan mattres more than its cots.",  # two such slips
            "Critics say the form of the plan matters more than its cost.",
        ),
        (
            "The government announced … and the oposition welcomed them.",  # the part not found
            "The government announced … and the opposition welcomed them.",
        ),
    ],
)
def test_fix_mends_a_word_misspelt_by_a_letter_in_a_passage_clearly_meant(
    tmp_path: Path, quote: str, meant: str
) -> None:
    text, said = fixed(tmp_path, NEWS, quote)
    assert text == quoting(meant)
    assert said.startswith("argmap: fixed 1 quote in ")
    assert "error" not in said


@pytest.mark.parametrize(
    "quote",
    [
        "Critics say the from of the plan matters more than its cost.",  # a word of the source
        "Critics say the form of the plan mattering more than its cost.",  # more than a letter
        "The government announced new measures yesterdya, and the oposition welcomd them.",
        "Critics say the form of the plan matters more than its cots, or its cost.",  # added
        "Nobody for the council was there.",  # a word of three letters
        "opposition welcommed them",  # a quote too short to tell its passage
    ],
)
def test_fix_leaves_other_changed_words_to_a_person(tmp_path: Path, quote: str) -> None:
    text, said = fixed(tmp_path, NEWS, quote)
    assert text == quoting(quote)
    assert said.endswith("argmap: 1 more fix offered with --unsafe-fixes\n")


@pytest.mark.parametrize(
    ("quote", "source"),
    [
        ("One never knows what the weather brings.", "One ever knows what the weather brings."),
        ("Such a choice is typical of the council.", "Such a choice is atypical of the council."),
    ],
)
def test_fix_leaves_a_word_whose_first_letter_differs_to_a_person(
    tmp_path: Path, quote: str, source: str
) -> None:
    """A letter added or left out at a word's start may negate it: ``ever``, ``never``;
    ``typical``, ``atypical``."""
    text, said = fixed(tmp_path, source + "\n", quote)
    assert text == quoting(quote)
    assert said.endswith("argmap: 1 more fix offered with --unsafe-fixes\n")


@pytest.mark.parametrize(
    "twice",
    [
        "The government announced new measures yesterday.",  # the same sentence again
        "The government announced new measures today.",  # one like it
    ],
)
def test_fix_leaves_a_misspelt_word_alone_when_two_passages_could_be_meant(
    tmp_path: Path, twice: str
) -> None:
    quote = "The government anounced new measures yesterday"
    text, said = fixed(tmp_path, NEWS + "\n" + twice + "\n", quote)
    assert text == quoting(quote)
    assert said.endswith("argmap: 1 more fix offered with --unsafe-fixes\n")
