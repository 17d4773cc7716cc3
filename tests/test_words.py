"""argmap's own words in a drawing follow the map's ``lang``: the table of words, a German map
drawn whole and fitted into figures, and languages argmap does not draw in (English then)."""

from __future__ import annotations

import re
import string
import xml.etree.ElementTree as ET

import attrs
import pytest

from argmap.api import check_bytes, load, render_figures, render_map
from argmap.draw.fit import budget_for, fit
from argmap.draw.labels import unseen_note
from argmap.draw.metrics import text_width
from argmap.model import ArgumentMap
from argmap.words import LANGUAGES, TAGS, WORDS, vocabulary

from .conftest import SEED_MAP

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    return load(SEED_MAP)


@pytest.fixture(scope="module")
def german(seed: ArgumentMap) -> ArgumentMap:
    return attrs.evolve(seed, lang="de")


def texts(svg: bytes) -> list[str]:
    """Every text the drawing shows, one a ``<text>``."""
    return [t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text")]


# --- the table ----------------------------------------------------------------------------


def test_every_language_has_every_word() -> None:

    assert set(LANGUAGES) == {"en", "de", "fr", "es", "pt", "it", "ru"}
    fields = string.Formatter()
    for key, said in WORDS.items():
        assert set(said) == set(LANGUAGES), key
        english = [f for _, f, _, _ in fields.parse(said["en"]) if f]
        for lang, text in said.items():
            assert text.strip(), (key, lang)
            assert [f for _, f, _, _ in fields.parse(text) if f] == english, (key, lang)


def test_tags_are_written_as_they_are_drawn_in_capitals() -> None:
    """A tag is drawn as written: "ß".upper() is "SS", so a tag written with ß, or in small
    letters, would be drawn otherwise than a translator reads it in the table."""

    for key in TAGS:
        for lang, text in WORDS[key].items():
            drawn = re.sub(r"\{\w+\}", "", text)  # its fields are filled in
            assert drawn == drawn.upper() and "ß" not in drawn, (key, lang)
    assert WORDS["premise"]["de"] == "PRÄMISSE"
    assert WORDS["premise"]["ru"] == "ПОСЫЛКА"


def test_the_shipped_font_draws_every_word() -> None:
    """A character the font lacks would be drawn in the machine's fonts, in widths the layout
    did not measure."""

    for said in WORDS.values():
        for text in said.values():
            assert text_width(text, 10, bold=True) > 0 and text_width(text, 10) > 0


def test_the_language_is_the_maps_primary_subtag_else_english() -> None:

    assert vocabulary("de").lang == vocabulary("de-AT").lang == vocabulary("DE-ch").lang == "de"
    assert vocabulary("pt-BR").lang == "pt"
    assert vocabulary("nl").lang == vocabulary(None).lang == vocabulary("en-GB").lang == "en"
    assert vocabulary("de").figures("continued in", [2, 3, 5]) == "weiter in Abbildungen 2, 3, 5"
    assert vocabulary("de").listed(["3", "5"]) == "3 und 5"


def test_russian_counts_take_their_three_forms() -> None:

    ru = vocabulary("ru")
    assert [ru.counted("reasons", n) for n in (1, 2, 5, 11, 21, 22)] == [
        "1 довод", "2 довода", "5 доводов", "11 доводов", "21 довод", "22 довода"
    ]  # fmt: skip
    assert vocabulary("de").counted("objections", 2) == "2 Einwände"


# --- a drawing ----------------------------------------------------------------------------


def test_a_german_map_is_drawn_with_german_words(german: ArgumentMap) -> None:
    shown = texts(render_map(german, "svg"))
    for tag in ("PRÄMISSE", "SCHLUSSFOLGERUNG", "EMPFEHLUNG", "HAUPTTHESE · EMPFEHLUNG"):
        assert tag in shown, tag
    for english in ("PREMISE", "CONCLUSION", "RECOMMENDATION", "MAIN THESIS · RECOMMENDATION"):
        assert english not in shown, english
    # the legend
    assert {"stützt", "greift an", "untergräbt einen Schluss"} <= set(shown)
    assert not {"supports", "attacks", "undercuts a step"} & set(shown)
    assert any(t.startswith("Quelle: ") for t in shown)
    assert not any(t.startswith("Source: ") for t in shown)


def test_statuses_and_implicit_claims_in_german() -> None:
    text = """\
argmap: 1
title: Zyklus
lang: de
premises:
  - id: a
    text: A gilt.
    objections: [b]
  - id: b
    text: B gilt.
    objections: [a]
  - id: c
    text: C gilt.
    implicit: true
  - id: d
    text: D gilt.
conclusions:
  - id: e
    text: E folgt.
    reasons: [c]
    objections: [d]
"""
    amap = check_bytes(text.encode(), "m.yaml").map
    assert amap is not None
    shown = texts(render_map(amap, "svg", status=True))
    assert "IMPLIZITE PRÄMISSE" in shown and "IMPLIZIT" in shown
    assert "\xa0\xa0WIDERLEGT" in shown and "\xa0\xa0UNENTSCHIEDEN" in shown
    assert "WIDERLEGT" in shown and "ein Einwand dagegen hält stand" in shown
    assert not any("DEFEATED" in t or "UNDECIDED" in t or "IMPLICIT" in t for t in shown)


def test_a_russian_map_is_drawn_in_russian(german: ArgumentMap) -> None:
    shown = texts(render_map(attrs.evolve(german, lang="ru"), "svg"))
    assert "ПОСЫЛКА" in shown and "ГЛАВНЫЙ ТЕЗИС · РЕКОМЕНДАЦИЯ" in shown


@pytest.mark.parametrize("lang", ["nl", "en-GB", "zh-Hans"])
def test_a_map_in_a_language_argmap_does_not_draw_in_keeps_english(
    seed: ArgumentMap, lang: str
) -> None:
    svg = render_map(attrs.evolve(seed, lang=lang), "svg")
    plain = render_map(seed, "svg")
    # the same drawing but for the root's lang and its id (a hash of the options)
    strip = re.compile(rb' (xml:)?lang="[^"]*"|argmap-[0-9a-f]{10}')
    assert strip.sub(b"", svg) == strip.sub(b"", plain)


def test_critical_questions_are_labelled_in_the_maps_language() -> None:
    from .test_raised_questions import MAP

    amap = check_bytes(MAP.encode(), "m.yaml").map
    assert amap is not None
    shown = texts(render_map(attrs.evolve(amap, lang="de"), "svg"))
    assert "Frage 4" in shown and "Fragen 3 und 5" in shown
    assert "question 4" not in shown


# --- fitted figures -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def german_fitted(german: ArgumentMap):  # type: ignore[no-untyped-def]
    return fit(german, budget_for(720))


def _inside(svg: bytes) -> list[str]:
    """The texts of a figure that run out of their node's box, as the shipped font sets them
    (the font the SVG carries and every browser draws in)."""
    outside = []
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        if "node" not in (group.get("class") or "").split():
            continue
        outlines = [shape.get("points") or shape.get("d") or "" for shape in group.iter()
                    if shape.tag in (f"{SVG}polygon", f"{SVG}path")]  # fmt: skip
        xs = [float(x) for outline in outlines for x in re.findall(r"(-?[\d.]+),", outline)]
        if not xs:
            continue
        for text in group.iter(f"{SVG}text"):
            size = float(text.get("font-size") or 12)
            bold = text.get("font-weight") == "bold"
            wide = text_width(text.text or "", size, bold=bold)
            x = float(text.get("x") or 0)
            left = {"start": x, "middle": x - wide / 2, "end": x - wide}[
                text.get("text-anchor") or "start"
            ]
            if left < min(xs) - 0.5 or left + wide > max(xs) + 0.5:
                outside.append(text.text or "")
    return outside


def test_a_german_map_fits_its_figures_numbered_in_german(german_fitted) -> None:  # type: ignore[no-untyped-def]
    drawn = german_fitted.drawn
    total = len(drawn)
    assert total > 1
    assert all(d.width <= german_fitted.budget.width for d in drawn)
    for d in drawn:
        shown = texts(d.svg)
        assert f"ABBILDUNG {d.figure.number} VON {total}" in shown
        assert not any("FIGURE" in t or "continued" in t or "in full" in t for t in shown)
        assert not any("999" in t for t in shown if not t.startswith("Abbildung "))
        # every figure named is another figure of the map
        ours = re.compile(r"(weiter|verwendet|siehe|Fortsetzung) |Abbildung \d+: ")
        named = [int(n) for t in shown if ours.match(t)
                 for n in re.findall(r"\d+", t.split(": ")[0])]  # fmt: skip
        assert set(named) <= set(range(1, total + 1)) - {d.figure.number}, shown
        assert _inside(d.svg) == [], d.figure.number
    stubs = [t for d in drawn for t in texts(d.svg)]
    assert any(t.startswith("weiter in Abbildung ") for t in stubs)
    assert any(t.startswith(("verwendet in ", "Fortsetzung von Abbildung ")) for t in stubs)


def test_german_figures_are_readable_in_a_720_px_column(german: ArgumentMap) -> None:
    figures = render_figures(german, "svg", fit=720)
    assert len(figures) > 1
    for number, svg in enumerate(figures, 1):
        root = ET.fromstring(svg)
        title = root.find(f"{SVG}title")
        assert title is not None and title.text is not None
        assert title.text.endswith(f"(Abbildung {number} von {len(figures)})")
        width = float(root.get("viewBox", "").split()[2])
        scale = min(720 / width, 4 / 3)
        sizes = [float(t.get("font-size") or 12) for t in root.iter(f"{SVG}text")]
        assert min(sizes) * scale >= 7 - 1e-6


def test_english_figures_are_measured_with_the_words_they_show(seed: ArgumentMap) -> None:
    """Without lang, and with lang: en, the figures are those of a map without it."""
    english = render_figures(attrs.evolve(seed, lang="en"), "svg", fit=720)
    plain = render_figures(seed, "svg", fit=720)
    strip = re.compile(rb' (xml:)?lang="[^"]*"|argmap-[0-9a-f]{10}')
    assert [strip.sub(b"", s) for s in english] == [strip.sub(b"", s) for s in plain]


def test_a_german_stub_names_each_further_figure_with_the_start_of_its_claim() -> None:
    """A claim whose reasons are spread over several figures: ``weiter in`` and a line a
    figure, ``Abbildung 6: ...``, each with that figure's number."""
    from .test_fit_overview import hub

    fitted = fit(attrs.evolve(hub(21), lang="de"), budget_for(720))
    first = next(d for d in fitted.drawn if "hub" in d.figure.more)
    pages = first.figure.more["hub"]
    svg = first.svg.decode().replace("&#45;", "-")
    stub = re.search(r'<g id="more--hub" class="node stub">(.*?)(?:<!--|</svg>)', svg, re.S)
    assert stub is not None
    lines = re.findall(r"<text[^>]*>([^<]*)</text>", stub.group(1))
    assert lines[0] == "weiter in"
    assert [int(re.match(r"Abbildung (\d+): ", line).group(1)) for line in lines[1:]] == list(  # type: ignore[union-attr]
        pages
    )
    assert all(d.width <= fitted.budget.width + 0.01 for d in fitted.drawn)
    for d in fitted.drawn:
        assert _inside(d.svg) == [], d.figure.number


def test_the_german_overview_names_the_figures_of_its_compact_reasons() -> None:
    from .test_fit_overview import leafy

    fitted = fit(attrs.evolve(leafy(21), lang="de"), budget_for(720))
    total = len(fitted.drawn)
    overview = texts(fitted.drawn[0].svg)
    named = [t for t in overview if t.startswith(("weiter in Abbildung ", "siehe Abbildung "))]
    assert len(named) >= 10
    numbers = {int(t.rsplit(" ", 1)[1]) for t in named}
    assert numbers <= set(range(2, total + 1))
    assert _inside(fitted.drawn[0].svg) == []


@pytest.mark.parametrize("lang", ["fr", "es", "pt", "it", "ru"])
def test_figures_in_every_language_get_their_numbers(lang: str) -> None:

    from .test_fit_overview import hub

    words = vocabulary(lang)
    fitted = fit(attrs.evolve(hub(21), lang=lang), budget_for(720))
    total = len(fitted.drawn)
    leads = 0
    for d in fitted.drawn:
        shown = texts(d.svg)
        assert words("figure of", n=d.figure.number, total=total) in shown
        assert not any("999" in t for t in shown), shown
        leads += sum(t.startswith(words("lead", n="", lead="").rstrip(": ")) for t in shown)
    assert leads > 1


def test_tooltips_and_notes_of_a_part_in_german() -> None:

    text = """\
argmap: 1
title: Tooltips
lang: de
premises:
  - id: a
    text: A gilt.
    note: Aus dem zweiten Absatz.
  - id: b
    text: B gilt.
    contradicts: c
  - id: c
    text: C gilt.
  - id: d
    text: D gilt.
    restates: a
conclusions:
  - id: e
    text: E folgt.
    reasons: [a]
    objections: [b]
"""
    checked = check_bytes(text.encode(), "m.yaml")
    assert checked.map is not None, checked.diagnostics
    svg = render_map(checked.map, "svg").decode()
    for german in ("a stützt e", "b greift e an", "b und c widersprechen einander",
                   "d besagt dasselbe wie a, in anderen Worten", "Anmerkung: Aus dem"):  # fmt: skip
        assert german in svg, german
    tips = " ".join(re.findall(r'xlink:title="([^"]*)"', svg))
    for english in ("supports", "attacks", "contradict", "restates", "Note:"):
        assert english not in tips, english
    de = vocabulary("de")
    assert (
        unseen_note(None, "a", {"a": (2, 1)}, de) == "2 Gründe und 1 Einwand außerhalb dieses Teils"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_word_naming_a_figure_starts_with_words_not_its_number(lang: str) -> None:
    """Figure numbers are filled in after the words that start such a text: a translation
    starting with its number ("{n}. ábra") would give an empty start, and the numbers would be
    filled into claim text."""
    starts, lead = vocabulary(lang).numbered(b"999")
    assert all(start.strip() for start in starts) and lead.strip()


@pytest.mark.parametrize("lang", ["fr", "es", "pt", "it"])
def test_a_status_agrees_with_the_kinds_it_stands_beside(lang: str) -> None:
    """Every kind is feminine in French, Spanish, Portuguese and Italian: 'PREMISA
    REFUTADO' was drawn."""
    feminine = {"fr": "E", "es": "A", "pt": "A", "it": "A"}[lang]
    for key in ("defeated", "undecided", "implicit"):
        assert WORDS[key][lang].endswith(feminine), (key, WORDS[key][lang])
