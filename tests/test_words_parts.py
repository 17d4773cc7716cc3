"""A part of a map drawn in the map's language: the title of a debate's handout for one side
(``render --side``) and of the claims around one (``render --focus``) said the part in English
whatever the map's ``lang`` (a French handout was headed ``Débat (the proponent's side, and
the opponent's claims it clashes with)``)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from argmap.api import check_bytes, draw
from argmap.draw.options import DrawOptions, Fit
from argmap.draw.style import TITLE_SIZE
from argmap.words import LANGUAGES, WORDS

from .test_sides import MAP

SVG = "{http://www.w3.org/2000/svg}"


def checked(lang: str | None, title: str = "Debate"):
    text = MAP.replace("title: Debate\n", f"title: {title}\n" + (f"lang: {lang}\n" if lang else ""))
    found = check_bytes(text.encode(), "debate.yaml")
    assert found.ok, found.diagnostics
    return found.map


def heading(svg: bytes) -> tuple[str, str]:
    """The drawing's ``<title>``, and its heading's title as drawn (its lines, each but a
    hyphen that breaks a word at its end, run together), with no spaces at all: where a line
    breaks, and which spaces are no-break ones, is the drawing's business."""
    root = ET.fromstring(svg)
    title = root.find(f"{SVG}title")
    assert title is not None
    lines = [text.text or "" for text in root.iter(f"{SVG}text")
             if text.get("font-size") == f"{TITLE_SIZE:.2f}"]  # fmt: skip
    drawn = "".join(line.removesuffix("-") if line[-2:-1].isalpha() else line for line in lines)
    return (title.text or ""), unspaced(drawn)


def unspaced(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "Débat (le camp du proposant et les énoncés de l’opposant avec lesquels il est en"
               " conflit)"),
        ("de", "Debatte (die Seite des Proponenten und die Aussagen des Opponenten, mit denen sie"
               " in Konflikt steht)"),
        ("ru", "Дебаты (сторона пропонента и утверждения оппонента, с которыми она"
               " сталкивается)"),
    ],
)  # fmt: skip
def test_a_sides_handout_is_titled_in_the_maps_language(lang: str, expected: str) -> None:
    title = expected.split(" (")[0]
    (svg,) = draw(checked(lang, title), "debate.yaml", "svg", DrawOptions(side="proponent"))
    assert heading(svg) == (expected, unspaced(expected))


def test_the_opponents_handout_names_the_opponents_side_first() -> None:
    (svg,) = draw(checked("fr", "Débat"), "debate.yaml", "svg", DrawOptions(side="opponent"))
    assert heading(svg)[0] == (
        "Débat (le camp de l’opposant et les énoncés du proposant avec lesquels il est en conflit)"
    )


@pytest.mark.parametrize(
    ("lang", "depth", "expected"),
    [
        ("de", 1, "Debatte (rund um „C“, 1 Schritt)"),
        ("de", 2, "Debatte (rund um „C“, 2 Schritte)"),
        ("fr", 0, "Débat (autour de « C », 0 étape)"),
        ("fr", 2, "Débat (autour de « C », 2 étapes)"),
        ("es", 1, "Debate (en torno a «C», 1 paso)"),
        ("pt", 2, "Debate (em torno de «C», 2 passos)"),
        ("it", 2, "Dibattito (intorno a «C», 2 passi)"),
        ("ru", 1, "Дебаты (вокруг «C», 1 шаг)"),
        ("ru", 2, "Дебаты (вокруг «C», 2 шага)"),
        ("ru", 5, "Дебаты (вокруг «C», 5 шагов)"),
    ],
)
def test_a_focus_is_titled_in_the_maps_language(lang: str, depth: int, expected: str) -> None:
    title = expected.split(" (")[0]
    options = DrawOptions(focus="c", depth=depth)
    (svg,) = draw(checked(lang, title), "debate.yaml", "svg", options)
    assert heading(svg) == (expected, unspaced(expected))


def test_a_fitted_handouts_figures_are_titled_in_the_maps_language() -> None:
    options = DrawOptions(side="opponent", fit=Fit.parse("300"))
    figures = draw(checked("de", "Debatte"), "debate.yaml", "svg", options)
    assert len(figures) > 1
    for n, svg in enumerate(figures, 1):
        assert heading(svg)[0] == (
            "Debatte (die Seite des Opponenten und die Aussagen des Proponenten, mit denen sie"
            f" in Konflikt steht) (Abbildung {n} von {len(figures)})"
        )


def test_a_part_of_a_map_in_another_language_or_none_is_titled_in_english() -> None:
    for lang in (None, "nl", "en-GB"):
        (svg,) = draw(checked(lang), "debate.yaml", "svg", DrawOptions(side="proponent"))
        assert heading(svg)[0] == (
            "Debate (the proponent's side, and the opponent's claims it clashes with)"
        )
        (svg,) = draw(checked(lang), "debate.yaml", "svg", DrawOptions(focus="c", depth=1))
        assert heading(svg)[0] == "Debate (around “C”, 1 step)"


def test_no_language_titles_a_part_with_the_english_words() -> None:
    """Every language says each part's title in words of its own (no English left in them)."""
    english = {"side", "clashes", "around", "step", "steps"}
    for key in ("proponent side", "opponent side", "around", "steps.one", "steps.many"):
        for lang in LANGUAGES[1:]:
            assert not english & set(WORDS[key][lang].replace("(", " ").split()), (key, lang)
