"""A long word of a map in a declared language is broken between its syllables."""

from __future__ import annotations

from pathlib import Path

import pyphen
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.api import load
from argmap.draw.hyphens import points
from argmap.draw.text import wrap

WORDS = {
    "de": [
        "Kraftfahrzeughaftpflichtversicherung",
        "Rechtsschutzversicherungsgesellschaften",
        "Donaudampfschifffahrtsgesellschaftskapitänsmütze",
        "Energieversorgungssicherheit",
        "Bundesverfassungsgericht",
    ],
    "de-CH": ["Strassenverkehrsamt", "Energieversorgungssicherheit"],
    "ru": ["достопримечательность", "Энергетическаябезопасность", "взаимовыгодного"],
    "en": ["counterrevolutionaries", "internationalization", "incomprehensibilities"],
    "fr": ["anticonstitutionnellement", "intergouvernementalisation"],
    "nl": ["arbeidsongeschiktheidsverzekering", "ontwikkelingssamenwerking"],
    "pt-BR": ["inconstitucionalissimamente", "desenvolvimentismo"],
}


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_breaks_are_pyphens(lang: str) -> None:
    """argmap reads pyphen's dictionaries itself (pyphen's reader takes 1.2 s for German's
    patterns, argmap's 0.1 s): the breaks must be the ones pyphen finds."""
    dictionary = pyphen.Pyphen(lang=lang.replace("-", "_"))
    for word in WORDS[lang]:
        assert points(word, lang) == tuple(dictionary.positions(word)), word


def test_a_language_without_a_dictionary_or_none_gives_no_breaks() -> None:
    assert points("Kraftfahrzeughaftpflichtversicherung", None) == ()
    assert points("Kraftfahrzeughaftpflichtversicherung", "tlh") == ()  # Klingon: none
    assert points("İstanbulluların", "tr") == ()  # İ lowers to two characters; no tr either


def test_a_long_word_breaks_between_syllables_and_starts_on_the_line_before() -> None:
    """A German map's long compound was cut where the line ended ("Kraftfahrzeughaftpfli-" /
    "chtversicherung") after a line holding "Die" alone; with lang: de it is broken as a
    typesetter breaks it, and starts on the line before where a syllable fits there."""
    text = "Die Kraftfahrzeughaftpflichtversicherung muss abgeschlossen werden."
    assert wrap(text, 30) == [
        "Die",
        "Kraftfahrzeughaftpflichtversi-",
        "cherung muss abgeschlossen",
        "werden.",
    ]
    assert wrap(text, 30, "de") == [
        "Die Kraftfahrzeughaftpflicht-",
        "versicherung muss",
        "abgeschlossen werden.",
    ]
    assert wrap("Пока нефть идёт через достопримечательность", 16, "ru") == [
        "Пока нефть идёт",
        "через достопри-",
        "мечательность",
    ]
    # A word that fits its line is never broken, whatever its syllables.
    assert wrap("Die Versicherung muss abgeschlossen werden.", 30, "de") == [
        "Die Versicherung muss",
        "abgeschlossen werden.",
    ]


def test_the_writers_soft_hyphens_also_let_a_word_start_on_the_line_before() -> None:
    soft = "Die Wasser\xadstoff\xadproduktions\xadanlagen in der Steppe"
    assert wrap(soft, 26) == ["Die Wasser\xadstoff-", "produktions\xadanlagen in der", "Steppe"]
    # After a hyphen of the text itself, the rest of the compound stays on its line.
    assert wrap("Die Energie-Versorgungssicherheitsgesetzgebung", 26, "de")[0] == "Die Energie-"


syllables = st.sampled_from(["ver", "si", "che", "rung", "kraft", "fahr", "zeug", "schaft"])
german_words = st.lists(syllables, min_size=1, max_size=14).map("".join)


@given(st.lists(german_words, min_size=1, max_size=8), st.integers(8, 34))
def test_wrapped_lines_fit_and_keep_every_letter(words: list[str], width: int) -> None:
    text = " ".join(words)
    lines = wrap(text, width, "de")
    assert all(len(line) <= width for line in lines)
    joined = "".join(line.removesuffix("-") if line.endswith("-") else line + " " for line in lines)
    assert joined.split() == words


def test_a_german_map_is_drawn_with_its_words_broken_between_syllables(tmp_path: Path) -> None:
    path = tmp_path / "de.yaml"
    path.write_text(
        "argmap: 1\ntitle: Versicherung\nlang: de\npremises:\n  - id: a\n"
        "    text: Die Kraftfahrzeughaftpflichtversicherung ist Pflicht.\n"
        "conclusions:\n  - id: c\n    text: Man muss sie abschließen.\n    reasons: [a]\n",
        encoding="utf-8",
    )
    svg = load(path).render("svg").decode()
    assert ">Die Kraftfahrzeughaft-<" in svg or ">Die Kraftfahrzeug-<" in svg
    assert "pfli-" not in svg and ">chtversicherung" not in svg
