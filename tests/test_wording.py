"""argmap.read.wording: two wordings of a passage → what they say otherwise; typography, letter
case, punctuation and hyphenation are no change, a word, a number, a negation or a symbol is."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.read.wording import changed_words, same_words, told


@pytest.mark.parametrize(
    ("source", "quote"),
    [
        ("The \u201cfair\u201d way \u2014 at last.", 'the "fair" way - at last'),
        ("It is, in short, fair.", "It is in short fair"),
        ("a well-known\ne-mail", "a well known  email"),
        ("wait \u2026 and see", "wait ... and see"),
        ("HE SAID NO.", "he said no"),
    ],
)
def test_typography_case_punctuation_and_hyphens_are_no_change(source: str, quote: str) -> None:
    assert changed_words(source, quote) == ()
    assert same_words(source, quote)


@pytest.mark.parametrize(
    ("source", "quote", "changed"),
    [
        ("cannot be justified", "can be justified", (("cannot", "can"),)),
        ("can't be justified", "can be justified", (("can't", "can"),)),
        ("have been cut; they have not been",
         "have not been cut; they have been", (("", "not"), ("not", ""))),
        ("up to a tenth", "up to a quarter", (("tenth", "quarter"),)),
        ("around 90 euros", "around 80 euros", (("90", "80"),)),
        ("1,000 tonnes", "1000 tonnes", (("1,000", "1000"),)),
        ("2.5 per cent", "25 per cent", (("2.5", "25"),)),
        ("-5 degrees", "5 degrees", (("-5", "5"),)),
        ("rose 5% a year", "rose 5 a year", (("%", ""),)),
        ("it is apart", "it is a part", (("apart", "a part"),)),
    ],
)  # fmt: skip
def test_a_word_a_number_a_negation_or_a_symbol_is_a_change(
    source: str, quote: str, changed: tuple[tuple[str, str], ...]
) -> None:
    assert changed_words(source, quote) == changed
    assert not same_words(source, quote)


def test_what_changed_is_told_as_a_fix_says_it() -> None:
    assert told((("cannot", "can"),)) == 'the source now says "cannot" where the quote says "can"'
    many = tuple((f"b{n}", f"a{n}") for n in range(5))
    assert told(many).endswith('"b2" where it says "a2" (and 2 more)')


_WORD = st.from_regex(r"[a-z]{2,8}", fullmatch=True)
#: Marks that say nothing of what a sentence says (not ?, which makes it ask).
_MARKS = st.sampled_from([",", ";", ":", ".", "!", " \u2014", " -", "\u2026", ""])


@given(words=st.lists(_WORD, min_size=1, max_size=12), data=st.data())
def test_retyped_punctuated_and_recased_words_say_the_same(
    words: list[str], data: st.DataObject
) -> None:
    marks = data.draw(st.lists(_MARKS, min_size=len(words), max_size=len(words)))
    upper = data.draw(st.lists(st.booleans(), min_size=len(words), max_size=len(words)))
    retyped = " ".join(
        (w.upper() if u else w) + m for w, m, u in zip(words, marks, upper, strict=True)
    )
    assert same_words(retyped, " ".join(words))


@given(words=st.lists(_WORD, min_size=1, max_size=12), at=st.integers(0, 11), other=_WORD)
def test_a_word_replaced_is_always_a_change(words: list[str], at: int, other: str) -> None:
    at %= len(words)
    changed = list(words)
    changed[at] = other
    if other != words[at]:  # (a run of repeated words may line up as a word left out)
        assert not same_words(" ".join(changed), " ".join(words))


@pytest.mark.parametrize(
    ("source", "quote"),
    [
        ("It said: \u00abEurope needs Central Asia\u00bb.", "It said: Europe needs Central Asia?"),
        ("\u00bfEuropa necesita Asia?", "Europa necesita Asia."),
    ],
)
def test_a_question_made_a_statement_is_a_change(source: str, quote: str) -> None:
    """A question asks and a statement asserts: a fix between them is for a person to read
    (an exclamation mark only stresses, and a fix may drop it)."""
    assert changed_words(source, quote)
    assert not same_words(source, quote)
