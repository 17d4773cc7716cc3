"""Printed pages as a handout (``render -f pdf --page a4``): the map's title and legend once a
page, not over every figure; figures packed by the heights they print at, on as few pages as
the floor (claim text 9 pt, the rest 7 pt) allows. Found by a teacher: a 17-claim map took 3
A4 pages for 6 figures, each repeating the title and the legend."""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path

import pdfplumber
import pytest

from argmap.api import check_bytes, load, render_map
from argmap.diagnostics import FitWarning
from argmap.draw.sheets import fewest

from .conftest import SEED_MAP

HANDOUT = """\
argmap: 1
title: Should our school require uniforms?
recommendations:
  - id: uniforms
    text: Our school should require students to wear uniforms.
    reasons:
      - claims: [equality]
      - claims: [focus]
      - claims: [safety]
    objections: [cost, expression]
conclusions:
  - id: equality
    text: Uniforms reduce visible differences in family income between students.
    reasons:
      - claims: [brands]
      - claims: [bullying]
  - id: focus
    text: Uniforms help students focus on learning rather than on appearance.
    reasons:
      - claims: [morning, survey]
  - id: safety
    text: Uniforms make it easier to recognise who belongs on school grounds.
    reasons:
      - claims: [visitors]
    objections: [badges]
  - id: cost
    text: Uniforms are an extra cost that poorer families can least afford.
    reasons:
      - claims: [price]
      - claims: [growing]
    objections: [secondhand]
  - id: expression
    text: Uniforms take away a way for students to express who they are.
    reasons:
      - claims: [identity]
    objections: [other-ways]
premises:
  - id: brands
    text: Without uniforms, expensive brands show at a glance who is rich and who is not.
  - id: bullying
    text: Teasing about clothes is one of the most common forms of bullying reported.
  - id: morning
    text: Choosing what to wear takes time and worry every morning.
  - id: survey
    text: In a survey of our students, most said clothes matter too much at school.
  - id: visitors
    text: Staff can spot a stranger in the corridor at once.
  - id: badges
    text: Visitor badges and locked doors already keep strangers out.
  - id: price
    text: A full set of uniform costs about 150 euros a year.
  - id: secondhand
    text: The parents' association runs a second-hand uniform shop.
  - id: other-ways
    text: Students can still express themselves through hair, bags and what they say and do.
  - id: identity
    text: Teenagers are working out who they are, and clothes are part of that.
  - id: growing
    text: Children grow out of blazers and shoes every year, and they must be bought new.
"""


def lines(data: bytes) -> list[list[str]]:
    """Each page's lines of text."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [[line["text"] for line in page.extract_text_lines()] for page in pdf.pages]


def sizes(data: bytes) -> list[tuple[float, float]]:
    """Each page's least text size, and its largest regular (claim) text size (points)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [
            (min(c["size"] for c in page.chars),
             max(c["size"] for c in page.chars if not c["fontname"].endswith("Bold")))
            for page in pdf.pages
        ]  # fmt: skip


@pytest.fixture(scope="module")
def handout() -> bytes:
    amap = check_bytes(HANDOUT.encode(), "handout.yaml").map
    assert amap is not None and len(amap.claims) == 17
    return render_map(amap, "pdf", page="a4")


@pytest.fixture(scope="module")
def seed_a4() -> bytes:
    return render_map(load(SEED_MAP), "pdf", page="a4")


@pytest.mark.parametrize("which", ["handout", "seed_a4"])
def test_the_title_and_the_legend_are_printed_once_a_page(which: str, request) -> None:  # type: ignore[no-untyped-def]
    data = request.getfixturevalue(which)
    title = load(SEED_MAP).title if which == "seed_a4" else "Should our school require uniforms?"
    found = lines(data)
    figures = [line for page in found for line in page if re.fullmatch(r"FIGURE \d+ OF \d+", line)]
    assert len(figures) > len(found)  # pages that hold several figures
    for page in found:
        assert sum(line.startswith(title[:20]) for line in page) == 1, page
        assert sum(bool(re.search(r"\bsupports\b", line)) for line in page) == 1, page


def test_the_handout_takes_fewer_pages_its_text_at_least_the_floor(handout: bytes) -> None:
    found = sizes(handout)
    assert len(found) <= 2  # it took 3 pages, each figure under its own title and legend
    for least, claim in found:
        assert least >= 7.0 - 0.01 and claim >= 9.0 - 0.01


def test_fewest_takes_the_largest_scale_that_gives_the_fewest_sheets() -> None:
    # Four figures 400 x 300 points on a sheet 500 x 700 inside its margins (none): at their
    # own size two a sheet (2 sheets); at 0.75 each is 225 high, three a sheet with two gaps
    # of 24 (723 > 700), so still 2; the floor cannot make them 1 sheet: the largest scale.
    assert fewest([(400, 300)] * 4, [1.0] * 4, (500, 700), 0, floor=0.75) == 1.0
    # On a sheet 760 high, three take 2 sheets at their own size (3 x 300 + 2 x 24 > 760) and
    # 1 from 0.79 down (3 x 300 x 0.79 + 48 = 759): the largest scale that gives 1 sheet.
    assert fewest([(400, 300)] * 3, [1.0] * 3, (500, 760), 0, floor=0.75) == pytest.approx(
        0.79, abs=0.005
    )
    # A head 40 high (as printed) over each sheet, 24 over the figures: 1 sheet would take
    # 0.72, under the floor.
    assert fewest([(400, 300)] * 3, [1.0] * 3, (500, 760), 0, floor=0.75, heads=[40]) == 1.0


GERMAN = Path(__file__).parent / "handouts" / "zentralasien.yaml"


def test_a_handout_too_big_for_landscape_pages_says_that_upright_ones_hold_it() -> None:
    """A lecturer's 19-claim map (lang: de) printed on A4 in landscape had two figures at
    7.77 and 6.85 pt, and the note advised 'a wider column', which a page has not; upright,
    every figure is readable: the note now says so."""
    amap = load(GERMAN)
    with pytest.warns(FitWarning) as said:
        render_map(amap, "pdf", page="a4", landscape=True)
    notes = [str(note.message) for note in said]
    assert notes and all("too big for a page of a4 in landscape" in note for note in notes)
    assert all(note.endswith("printed upright (without --landscape), every figure's text is "
                             "readable") for note in notes)  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("error", FitWarning)
        render_map(amap, "pdf", page="a4")  # upright: no note
