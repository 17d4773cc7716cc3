"""A worksheet's note (the teacher's instructions, under the title) in a fitted figure: it
was wrapped to the column, so that a figure of a few narrow claims took the column's width
for its note alone, lines of 60 characters under a title of 28 and over claims of 20. It is now
set no wider than the title over it, down to its least measure (40 characters)."""

from __future__ import annotations

import attrs
import pytest

from argmap.analysis.exercise import worksheet
from argmap.api import load
from argmap.draw.fit import budget_for, fit
from argmap.draw.heading import NOTE_LEAST, _widest
from argmap.draw.layout import LEGEND_SLACK
from argmap.draw.text import wrap
from argmap.model import ArgumentMap

from .conftest import SEED_MAP

NOTE = (
    "Fill in each empty box with the claim the article makes there, in your own words, in two "
    "or three lines; then check that each reason you wrote supports the claim above it, and "
    "that each objection attacks it."
)


@pytest.fixture(scope="module")
def sheet() -> ArgumentMap:
    return worksheet(load(SEED_MAP), ["energy-mutual-interest", "partnership-thesis"], NOTE)


def test_a_fitted_figures_note_is_no_wider_than_its_claims_allow(sheet: ArgumentMap) -> None:
    budget = budget_for(300)
    noted = fit(sheet, budget)
    plain = fit(attrs.evolve(sheet, note=None), budget)
    assert len(noted.drawn) == len(plain.drawn) > 1
    least = _widest(wrap(NOTE, NOTE_LEAST))  # the note can be no narrower than this
    wider = [
        (n, round(a.width), round(b.width))
        for n, (a, b) in enumerate(zip(noted.drawn, plain.drawn, strict=True), 1)
        if a.width > max(b.width, least) + 2 * LEGEND_SLACK
    ]
    assert not wider, wider  # (figure, with the note, without): its note set it wider
