"""argmap's pages in the map's language: the coverage page (``argmap coverage --html``) said
its headings, summary, legend and notes in English whatever the map's ``lang``, and the preview
(``argmap preview``) its panel and its page before a drawing. Now both say them in the map's
language where argmap speaks it, English (marked so) in any other, as the HTML view does."""

from __future__ import annotations

import html
import os
import re
import time
from pathlib import Path

import attrs
import pytest

from argmap.analysis.coverage import coverage
from argmap.model import ArgumentMap, Claim, Kind, Quote, Source
from argmap.pages.coverage import page as coverage_page
from argmap.preview.page import live_page, panel
from argmap.preview.state import Preview, Shown
from argmap.read.source import SourceText
from argmap.words import LANGUAGES

#: A source with a bit of each kind of line the page says something about: page furniture, a
#: headline, a line too short to count, a line the map ignores, a sentence no claim quotes.
TEXT = (
    "Von Anna Schmidt\n"
    "Energie aus dem Osten\n"
    "Kurz, das.\n"
    "Teilen Sie diesen Artikel.\n"
    "\n"
    "Zentralasien könnte Europa mit Energie versorgen. Niemand zitiert diesen Satz hier.\n"
)


def german(lang: str | None = "de") -> ArgumentMap:
    claims = (
        Claim("lieferant", Kind.PREMISE, "Zentralasien könnte Europa mit Energie versorgen.",
              quotes=(Quote("Zentralasien könnte Europa mit Energie versorgen."),)),
        Claim("verschollen", Kind.PREMISE, "Ein Zitat, das die Quelle nicht hat.",
              quotes=(Quote("Dieser Satz steht nirgends."),)),
        Claim("ohne", Kind.PREMISE, "Eine Aussage ohne Zitat."),
        Claim("stillschweigend", Kind.CONCLUSION, "Europa sollte das nutzen.", implicit=True),
    )  # fmt: skip
    source = Source("s.txt", title="Ein Artikel", ignore=("Teilen Sie diesen Artikel.",))
    return ArgumentMap("Energie aus Zentralasien", claims, source, lang=lang)


def page_of(amap: ArgumentMap) -> str:
    return coverage_page(amap, coverage(amap, SourceText(TEXT)))


def shown(page: str) -> str:
    """The page's words as a reader sees and hears them: its text, its titles (tooltips), with
    the map's own texts (the source, the claims, the title) taken out."""
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    said = " ".join(re.findall(r'title="([^"]*)"', page))
    text = html.unescape(re.sub(r"<[^>]+>", " ", page) + " " + said)
    for own in (*TEXT.splitlines(), "Energie aus Zentralasien", "Ein Artikel",
                *(claim.text for claim in german().claims),
                *(claim.id for claim in german().claims)):  # fmt: skip
        text = text.replace(own, " ") if own else text
    return " ".join(text.split())


def test_the_coverage_page_of_a_german_map_is_in_german() -> None:
    page = page_of(german())
    assert page.startswith('<!DOCTYPE html>\n<html lang="de">\n')
    assert 'lang="en"' not in page  # no English left to mark
    for said in (
        "<title>Abdeckung: Energie aus Zentralasien</title>",
        "<h2>Die Quelle</h2>",
        '<h2 id="argmap-claims">Die Aussagen</h2>',
        '<p class="meta">Quelle: Ein Artikel</p>',
        '<p class="summary"><strong>1\xa0von\xa02</strong>\xa0argumentativen Sätzen zitiert'
        " (<strong>50\xa0%</strong>)\xa0· 4\xa0Zeilen Beiwerk nicht gezählt\xa0· 1\xa0implizite"
        " Aussage</p>",
        '<span class="kind">Prämisse</span>',
        '<span class="kind">Schlussfolgerung, implizit</span>',
        '<span class="note">keine Zitate</span>',
        '<span class="note">ihre Zitate stehen nicht in der Quelle</span>',
        '<span class="note">implizit: nicht im Text ausgesprochen</span>',
        '<a class="note" href="#line-6">Zeile 6</a>',
        'title="Zeile 6: keine Aussage zitiert diesen Satz"',
        'title="nicht gezählt: Seitenbeiwerk"',
        '<span class="why">in der Liste „ignore“ der Karte genannt</span>',
        '<span class="why">kein Satzzeichen am Ende: eine Überschrift, Bildunterschrift oder'
        " ein Link</span>",
        '<span class="why">eine Zeile mit weniger als 4 Wörtern</span>',
    ):
        assert said in page


def test_the_coverage_page_of_a_french_map_sets_french_spaces() -> None:
    page = page_of(german("fr"))
    assert page.startswith('<!DOCTYPE html>\n<html lang="fr">\n')
    for said in (
        "<title>Couverture\xa0: Energie aus Zentralasien</title>",
        '<p class="meta">Source\xa0: Ein Artikel</p>',
        "<strong>1\xa0sur\xa02</strong>\xa0phrases argumentatives citées",
        "(<strong>50\xa0%</strong>)\xa0· 4\xa0lignes d’habillage non comptées\xa0·",
        "1\xa0énoncé implicite",
        '<span class="why">nommée dans la liste «\xa0ignore\xa0» de la carte</span>',
        '<span class="note">implicite\xa0: non énoncé dans le texte</span>',
        'title="lieferant\xa0: Zentralasien könnte Europa mit Energie versorgen."',
    ):
        assert said in page


#: Words of the English page that no page in another language argmap speaks may show.
ENGLISH = {"claims", "claim", "quoted", "sentences", "argumentative", "furniture", "counted",
           "line", "lines", "implicit", "quotes", "coverage", "tag", "named", "list", "headline",
           "caption", "fewer", "words", "not", "by", "the", "of", "any", "stated"}  # fmt: skip


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_no_coverage_page_in_another_language_says_english_words(lang: str) -> None:
    said = set(re.findall(r"\w+", shown(page_of(german(lang))).lower()))
    assert said & ENGLISH == set(), lang


def test_a_russian_coverage_page_counts_in_russian_forms() -> None:
    page = page_of(german("ru"))
    assert "<strong>1\xa0из\xa02</strong>\xa0аргументативных предложений процитировано" in page
    assert "4\xa0строки служебного текста не учтены\xa0· 1\xa0неявное утверждение" in page


def test_the_coverage_page_in_another_language_or_none_is_english_as_before() -> None:
    """English words, marked English on a page in a language argmap does not speak (Dutch)."""
    dutch = page_of(german("nl"))
    assert dutch.startswith('<!DOCTYPE html>\n<html lang="nl">\n')
    for said in ('<h2 lang="en">The source</h2>',
                 '<h2 id="argmap-claims" lang="en">The claims</h2>',
                 '<p class="summary" lang="en"><strong>1\xa0of\xa02</strong>\xa0argumentative'
                 " sentences quoted (<strong>50%</strong>)\xa0· 4\xa0lines of furniture not"
                 " counted\xa0· 1\xa0implicit"
                 " claim</p>",
                 '<p class="meta"><span lang="en">Source:</span> Ein Artikel</p>',
                 '<span class="kind" lang="en">conclusion, implicit</span>',
                 '<span class="why" lang="en">page furniture</span>'):  # fmt: skip
        assert said in dutch
    for lang in (None, "en-GB"):
        english = page_of(german(lang))
        assert english.count('lang="') == 1
        assert '<p class="meta">Source: Ein Artikel</p>' in english
        assert "<title>Coverage: Energie aus Zentralasien</title>" in english
        unmarked = dutch.replace('<span lang="en">Source:</span>', "Source:")
        unmarked = unmarked.replace(' lang="en"', "")
        unmarked = unmarked.replace(' lang="nl"', f' lang="{lang or "en"}"')
        assert english == unmarked


# --- the preview ----------------------------------------------------------------------------

GERMAN_MAP = "argmap: 1\ntitle: Karte\nlang: de\npremises:\n  - {id: a, text: Eine Prämisse.}\n"


def test_the_previews_panel_speaks_the_maps_language_and_marks_the_diagnostics_english() -> None:
    warned = Shown(2, 1, ("m.yaml:1:1: warning: one [AM201]", "m.yaml:2:1: warning: two [AM201]"),
                   False, "Karte", "de")  # fmt: skip
    said = panel(warned)
    assert "<summary>2 Warnungen</summary>" in said
    assert '<ul lang="en"><li>m.yaml:1:1: warning: one [AM201]</li>' in said  # argmap's, English
    # what the script says when new diagnostics come, in the same words
    for key, value in (("plural", "de"), ("one", "{n} Warnung"), ("many", "{n} Warnungen"),
                       ("errors", "Die Karte hat Fehler"),
                       ("kept", "Die Karte hat Fehler: Zu sehen ist die letzte fehlerfreie"
                                " Zeichnung")):  # fmt: skip
        assert f' data-{key}="{value}"' in said
    failed = attrs.evolve(warned, errors=True)
    assert (
        "<summary>Die Karte hat Fehler: Zu sehen ist die letzte fehlerfreie Zeichnung</summary>"
        in panel(failed)
    )
    russian = panel(attrs.evolve(warned, lang="ru"))
    assert "<summary>2 предупреждения</summary>" in russian
    assert ' data-few="{n} предупреждения" data-many="{n} предупреждений"' in russian
    french = panel(attrs.evolve(warned, lang="fr", errors=True))
    assert "<summary>La carte a des erreurs\xa0: voici le dernier dessin sans erreur</summary>" in (
        french
    )


def test_the_preview_before_a_drawing_is_in_the_maps_language() -> None:
    shown = Shown(1, 0, ("m.yaml:9:1: error: no such claim [AM103]",), True, "Karte", "de")
    page = live_page(None, shown).decode()
    assert page.startswith('<!DOCTYPE html>\n<html lang="de">\n')
    assert "<title>Karte (argmap-Vorschau)</title>" in page
    assert (
        "<p>Noch keine Zeichnung: Die Karte war seit dem Start der Vorschau nie fehlerfrei.</p>"
        in page
    )
    assert "<summary>Die Karte hat Fehler</summary>" in page


def test_the_preview_in_english_or_another_language_says_english_words() -> None:
    for lang in (None, "en", "nl"):
        shown = Shown(1, 0, ("m.yaml:9:1: error: no such claim [AM103]",), True, "Map", lang)
        page = live_page(None, shown).decode()
        assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n')
        assert "<title>Map (argmap preview)</title>" in page
        assert "No drawing yet: the map has not checked clean since the preview started." in page
        assert "<summary>The map has errors</summary>" in page
        assert 'lang="en"' not in page.split("<body", 1)[1]  # the page is English: no marks
        warned = panel(Shown(2, 1, ("w [AM201]",), False, "Map", lang))
        assert "<summary>1 warning</summary>" in warned and "<ul><li>" in warned


def test_the_preview_knows_the_maps_language_and_keeps_it_while_the_map_is_broken(
    tmp_path: Path,
) -> None:
    path = tmp_path / "karte.yaml"
    path.write_text(GERMAN_MAP, encoding="utf-8")
    preview = Preview(str(path))
    assert preview.refresh() and preview.shown.lang == "de"
    path.write_text(GERMAN_MAP + "  - {id: a, text: [unclosed\n", encoding="utf-8")
    os.utime(path, ns=(time.time_ns() + 10**9,) * 2)
    assert preview.refresh() and preview.shown.errors and preview.shown.lang == "de"
