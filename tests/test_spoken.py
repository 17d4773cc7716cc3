"""A claim's button in the HTML view is named by the words drawn over its text, written as a
sentence writes them: German keeps its nouns' capitals ("Hauptthese · Empfehlung"), which
lower-casing the drawn tag lost ("Hauptthese · empfehlung")."""

from __future__ import annotations

import pytest

from argmap.draw.stops import label
from argmap.model import Claim, Kind, Role
from argmap.words import LANGUAGES, vocabulary
from argmap.words.spoken import spoken


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", list(Kind), ids=lambda kind: kind.value)
def test_a_kind_is_spoken_as_the_coverage_page_writes_it(lang: str, kind: Kind) -> None:
    words = vocabulary(lang)
    assert spoken(words(kind.value), words) == words(f"kind {kind.value}")


def test_a_german_button_keeps_its_nouns_capitalised() -> None:
    words = vocabulary("de")
    thesis = Claim("t", Kind.RECOMMENDATION, "Handeln.", implicit=True)
    assert label(thesis, words, ("thesis", "defeated")) == (
        "Hauptthese · implizite Empfehlung, widerlegt: Handeln."
    )
    other = Claim("o", Kind.PREMISE, "Nein.", role=Role.OPPONENT)
    assert label(other, words) == "Opponent, Prämisse: Nein."
    assert label(other, words, own=True) == "Einwand des Analysten: Nein."
    assert label(other, words, own=False) == "Prämisse des Analysten: Nein."
