"""argmap's words around the drawing follow the map's ``lang`` as the drawing's do: the HTML
view's headings, buttons, labels, help and live region, and the SVG's ``<desc>`` (the map's
account and a fitted figure's), in the languages argmap draws in; English in any other."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import attrs
import pytest

from argmap.api import load, render_figures, render_map, source_text
from argmap.model import ArgumentMap
from argmap.words import LANGUAGES, WORDS, vocabulary
from argmap.words.glue import glued

from .conftest import SEED_MAP

SVG = "{http://www.w3.org/2000/svg}"

#: English words of the page and the description, none of which a French or German page says.
ENGLISH = [
    "Source:", "Hover", "focus a claim", "Tap a claim", "quoted passage", "Source text",
    "Argument map", "Zoom out", "Zoom in", "Fit the whole map", ">Fit<", "no quote",
    "Main thesis", "Recommendation", "premises", "Figure 1 of", " of 4", "used in",
    "Continued in", "Also here", "reasons and objections", 'lang="en"',
]  # fmt: skip

#: Words each language says on the page (the view's) and in the description (the SVG's).
SAID = {
    "fr": (
        ['<html lang="fr">', "Source\u00a0:", "Survolez un énoncé ou placez-y le focus",
         'aria-label="Texte source"', 'aria-label="Carte argumentative"',
         'aria-label="Zoom arrière"', ">Ajuster<", 'data-none="aucune citation"'],
        ["Carte argumentative\u00a0:", "prémisses", "Thèse principale\u00a0:", "Source\u00a0:"],
        ["Figure 1 sur 4\u00a0: la thèse principale", "Suite dans la figure"],
    ),
    "de": (
        ['<html lang="de">', "Quelle:", "Fahren Sie über eine Aussage",
         'aria-label="Text der Quelle"', 'aria-label="Argumentkarte"',
         'aria-label="Verkleinern"', ">Einpassen<", 'data-none="kein Zitat"'],
        ["Argumentkarte:", "Prämissen", "Hauptthese:", "Quelle:"],
        ["Abbildung 1 von 4: die Hauptthese", "Weiter in Abbildung"],
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    return load(SEED_MAP)


def desc(svg: bytes) -> str:
    return ET.fromstring(svg).find(f"{SVG}desc").text or ""  # type: ignore[union-attr]


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text]


@pytest.mark.parametrize("lang", sorted(SAID))
def test_the_html_view_speaks_the_maps_language(seed: ArgumentMap, lang: str) -> None:
    amap = attrs.evolve(seed, lang=lang)
    page = render_map(amap, "html", source=source_text(amap, SEED_MAP)).decode()
    # the page's own words, outside the drawing (whose words test_words.py checks)
    own = re.sub(r"<svg.*</svg>", "", page, flags=re.S)
    own = re.sub(r"<article.*</article>", "", own, flags=re.S)
    own = re.sub(r"<script>.*</script>", "", own, flags=re.S)
    for word in SAID[lang][0]:
        assert word in page, word
    assert english_in(own) == []


@pytest.mark.parametrize("lang", sorted(SAID))
def test_the_svg_describes_the_map_in_its_language(seed: ArgumentMap, lang: str) -> None:
    said = desc(render_map(attrs.evolve(seed, lang=lang), "svg"))
    for word in SAID[lang][1]:
        assert word in said, word
    assert english_in(said) == []


@pytest.mark.parametrize("lang", sorted(SAID))
def test_a_fitted_figure_describes_itself_in_its_language(seed: ArgumentMap, lang: str) -> None:
    figures = render_figures(attrs.evolve(seed, lang=lang), "svg", fit=720)
    assert len(figures) == 4
    said = [desc(figure) for figure in figures]
    for word in SAID[lang][2]:
        assert any(word in text for text in said), word
    assert [english_in(text) for text in said] == [[]] * 4


def test_a_language_argmap_does_not_speak_keeps_the_english_marked_english(
    seed: ArgumentMap,
) -> None:
    amap = attrs.evolve(seed, lang="nl")
    page = render_map(amap, "html", source=source_text(amap, SEED_MAP)).decode()
    assert '<html lang="nl">' in page and "Source:" in page and "Zoom out" in page
    assert 'aria-label="Argument map" lang="en"' in page
    assert desc(render_map(amap, "svg")).startswith("Argument map: ")


def test_the_statuses_are_described_in_the_maps_language(seed: ArgumentMap) -> None:
    said = desc(render_map(attrs.evolve(seed, lang="de"), "svg", status=True))
    assert re.search(r"^Status: \d+ Aussagen halten stand", said, re.M), said
    assert "claims stand" not in said


def test_english_words_are_typeset_as_typed() -> None:
    """English is said as before, to the byte: no space of its words is made no-break."""
    for key, said in WORDS.items():
        assert glued(said["en"]) == said["en"], key
    assert vocabulary("fr").typeset("source", source="Le Monde") == "Source\u00a0: Le Monde"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_every_language_argmap_draws_in_says_the_page_and_description_in_it(
    seed: ArgumentMap, lang: str
) -> None:
    amap = attrs.evolve(seed, lang=lang)
    page = render_map(amap, "html", source=source_text(amap, SEED_MAP)).decode()
    own = re.sub(r"<(svg|article|script)\b.*</\1>", "", page, flags=re.S)
    assert english_in(own) == [] and english_in(desc(render_map(amap, "svg", status=True))) == []
    said = vocabulary(lang)
    for key in ("argument map", "zoom out", "fit map", "source text"):
        assert f'aria-label="{said.typeset(key)}"' in page, key
    assert f'data-none="{said.typeset("no quote")}"' in page
