"""Quotes of a text in French typography: the (narrow) no-break space inside guillemets and
before ``; : ! ?`` is matched as if it were not there, however the quote writes it."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.coverage import coverage
from argmap.analysis.sentences import Source
from argmap.api import check_file
from argmap.model import ArgumentMap, Claim, Kind, Quote
from argmap.model import Source as MapSource
from argmap.read.source import SourceText, normalize

NARROW, NO_BREAK, THIN = "\u202f", "\u00a0", "\u2009"
FRENCH = (
    f"Le ministre a dit «{NARROW}nous ne reculerons pas{NARROW}» devant les députés. "
    f"Ces témoignages sont sincères{NARROW}; ils ne suffisent pas. "
    f"Voici la règle{NO_BREAK}: chacun choisit.\n"
)
# As the fact-checker typed them; all were refused but those with a space on both sides.
TYPED = {
    '"nous ne reculerons pas"': f"«{NARROW}nous ne reculerons pas{NARROW}»",
    "«nous ne reculerons pas»": f"«{NARROW}nous ne reculerons pas{NARROW}»",
    "« nous ne reculerons pas »": f"«{NARROW}nous ne reculerons pas{NARROW}»",
    '" nous ne reculerons pas "': f"«{NARROW}nous ne reculerons pas{NARROW}»",
    'Le ministre a dit "nous ne reculerons pas" devant les députés.': FRENCH.split(". ")[0] + ".",
    "sincères; ils": f"sincères{NARROW}; ils",
    "sincères ; ils": f"sincères{NARROW}; ils",
    "Voici la règle: chacun choisit.": f"Voici la règle{NO_BREAK}: chacun choisit.",
    "règle : chacun": f"règle{NO_BREAK}: chacun",
    "nous ne reculerons pas": "nous ne reculerons pas",
    "sincères": "sincères",
}


def test_the_space_inside_guillemets_and_before_punctuation_is_no_difference() -> None:
    source = SourceText(FRENCH)
    for quote, written in TYPED.items():
        found = source.find(quote)
        assert found is not None, quote
        assert FRENCH[found.start : found.end] == written, quote
        assert source.contains(quote), quote


def test_words_still_matter_around_such_spaces() -> None:
    source = SourceText(FRENCH)
    for quote in ("nous ne reculons pas", "sincèresils", "sincères;ils", "la règle: choisit"):
        assert source.find(quote) is None, quote
        assert not source.contains(quote), quote


def test_normalize_drops_the_space_beside_a_quote_mark_and_before_such_punctuation() -> None:
    assert normalize(f"dit «{NARROW}oui{THIN}» ; non{NO_BREAK}! Vrai ? « x »") == (
        'dit"oui"; non! Vrai?"x"'
    )
    assert normalize("la \u2039 règle \u203a dite") == "la\u2039règle\u203adite"  # Swiss nesting
    # Other white space stays as it was: one space between words.
    assert normalize("a  b,\tc - d") == "a b, c - d"


def test_a_map_quoting_french_typography_as_typed_checks_clean(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text(FRENCH, encoding="utf-8")
    claims = "".join(
        f"  - id: c{n}\n    text: c\n    quotes: ['{quote.replace(chr(39), chr(39) * 2)}']\n"
        for n, quote in enumerate(TYPED)
    )
    path = tmp_path / "m.yaml"
    path.write_text(
        f"argmap: 1\ntitle: t\nlang: fr\nsource:\n  path: s.txt\npremises:\n{claims}",
        encoding="utf-8",
    )
    assert [str(d) for d in check_file(path).diagnostics if d.code == "AM110"] == []


def test_coverage_and_quote_completion_agree_with_check() -> None:
    amap = ArgumentMap(
        "t",
        (Claim("a", Kind.PREMISE, "a", quotes=(Quote("Voici la règle: chacun choisit."),)),),
        MapSource("s.txt", ignore=("Photo : *",)),
    )
    found = coverage(amap, SourceText(FRENCH + "Photo\u00a0: AFP\n"))
    assert found.quoted("a") == len(f"Voici la règle{NO_BREAK}: chacun choisit.")
    assert [s.furniture for s in found.sentences if s.text.startswith("Photo")] == [
        "named in the map's 'ignore' list"
    ]
    offered = Source(FRENCH).matching("la règle: chacun")
    assert offered and offered[0].sentence.text.startswith("Voici la règle")
    assert offered[0].score > 1  # found as one phrase, not word by word


SPACES = st.sampled_from(["", " ", NO_BREAK, NARROW, THIN])
WORDS = st.lists(st.sampled_from(["nous", "la", "règle", "Ça", "x1"]), min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(WORDS, st.sampled_from(["guillemets", "«»", ";", ":", "!", "?", ""])),
        min_size=1,
        max_size=5,
    ),
    st.data(),
)
def test_any_spacing_french_puts_there_matches_any_other(
    pieces: list[tuple[list[str], str]], data: st.DataObject
) -> None:
    """A text of words, guillemets and ``; : ! ?``, written twice with any of the spaces (or
    none) where French puts one: each writing is found in the other, over the same words."""

    def written() -> str:
        out = []
        for words, mark in pieces:
            phrase = " ".join(words)
            if mark in ("guillemets", "«»"):
                inside = data.draw(SPACES), data.draw(SPACES)
                opening, closing = ("«", "»") if mark == "«»" else ('"', '"')
                phrase = f"{opening}{inside[0]}{phrase}{inside[1]}{closing}"
            elif mark:
                phrase = f"{phrase}{data.draw(SPACES)}{mark}"
            out.append(phrase)
        return " ".join(out)

    text, quote = written(), written()
    source = SourceText(f"Avant. {text} Après.")
    found = source.find(quote)
    assert found is not None, (text, quote)
    assert normalize(source.text[found.start : found.end]) == normalize(text)
    assert source.contains(quote)


def test_a_narrow_space_the_quote_leaves_out_is_shown_as_a_space(tmp_path: Path) -> None:
    """Where a difference is a space the source writes as a narrow no-break one, the message
    shows it as a space (its words joined by plain spaces), not as an invisible character."""
    (tmp_path / "s.txt").write_text(f"Le budget atteint 10{NARROW}000 euros.\n", encoding="utf-8")
    path = tmp_path / "m.yaml"
    path.write_text(
        "argmap: 1\ntitle: t\nsource:\n  path: s.txt\npremises:\n"
        "  - id: a\n    text: a\n    quotes: [Le budget atteint 10000 euros.]\n",
        encoding="utf-8",
    )
    (found,) = [d for d in check_file(path).diagnostics if d.code == "AM110"]
    assert found.message.endswith('the source has "10 000" where the quote has "10000"')


def test_the_space_before_a_percent_sign_is_no_difference() -> None:
    """French and German write ``30 %`` (often with a narrow no-break space), English ``30%``:
    a quote typed either way finds the other; the number still matters."""
    source = SourceText(f"Le chômage a baissé de 30{NARROW}% en un an, puis de 2 %.")
    assert source.contains("baissé de 30% en un an")
    assert source.contains("baissé de 30 % en un an")
    assert source.contains("puis de 2%.")
    assert not source.contains("baissé de 3% en un an")
    assert SourceText("rose 30% in a year").contains("rose 30 % in a year")


def test_a_quote_not_found_is_told_only_the_differences_that_count(tmp_path: Path) -> None:
    """Spacing that counts as none is no difference a message names: the ‰ for % is."""
    (tmp_path / "s.txt").write_text(
        "Il a dit : « oui », la règle est 20 % pour tous.\n", encoding="utf-8"
    )
    path = tmp_path / "m.yaml"
    path.write_text(
        "argmap: 1\ntitle: t\nlang: fr\nsource:\n  path: s.txt\npremises:\n  - id: c\n"
        "    text: c\n    quotes: ['Il a dit : \"oui\", la règle est 20‰ pour tous.']\n",
        encoding="utf-8",
    )
    (found,) = [d.message for d in check_file(path).diagnostics if d.code == "AM110"]
    assert found.endswith('the source has "20 %" where the quote has "20‰"')
    assert found.count("where the quote has") == 1  # not « oui » for "oui"
