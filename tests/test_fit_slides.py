"""A slide: a box short for its width (a PowerPoint picture box is 648 x 227 pt). Claims set in
a column's narrow measure are tall boxes, so only a level or two fits: the seed map on such a
slide was 15 figures, 14 of them with claim text under 9 pt (12 without the map's title over
each). The fit now also sets claims in longer lines when a figure comes out too tall, and a
figure too tall for its box is no longer drawn narrower (which made it taller still)."""

from __future__ import annotations

import pytest

from argmap.api import load
from argmap.draw import fit as fitting
from argmap.draw.fit import Fitted, budget_for, fit
from argmap.draw.scale import legibility
from argmap.draw.style import NARROWEST, measures_for, shorter_measures
from argmap.model import ArgumentMap

from .conftest import SEED_MAP

PPTX = (648, 227)  # Pandoc's picture box on a 16:9 PowerPoint slide, in points


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    return load(SEED_MAP)


def too_big(fitted: Fitted) -> int:
    return sum(not fitted.budget.holds_size(d.width, d.height) for d in fitted.drawn)


def least(fitted: Fitted) -> float:
    return legibility([(d.width, d.height) for d in fitted.drawn], fitted.budget)


def test_longer_lines_are_tried_only_where_one_claim_box_of_them_fits() -> None:
    assert [m.claim for m in shorter_measures(864)] == [34, 44, 58]
    assert [m.claim for m in shorter_measures(300)] == [34]
    assert shorter_measures(200) == []
    assert all(m.claim > measures_for(960).claim for m in shorter_measures(960))


@pytest.mark.parametrize("titled", [True, False])
def test_a_slide_sets_claims_in_longer_lines_and_more_figures_are_readable(
    seed: ArgumentMap, titled: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    budget = budget_for(PPTX[0], height=PPTX[1])
    found = fit(seed, budget, titled=titled)
    monkeypatch.setattr(fitting, "shorter_measures", lambda width: [])
    monkeypatch.setattr(fitting, "relined", lambda d, graphs, keep, budget, slide=False: d)
    column_only = fit(seed, budget, titled=titled)
    assert found.look.measures.claim > column_only.look.measures.claim
    assert too_big(found) < too_big(column_only)
    assert least(found) > least(column_only)


def test_without_title_and_legend_on_a_slide_nearly_every_figure_of_the_seed_map_is_readable(
    seed: ArgumentMap,
) -> None:
    found = fit(seed, budget_for(PPTX[0], height=PPTX[1]), titled=False, legend=False)
    assert too_big(found) <= 2 < len(found.drawn)
    assert least(found) * 12 >= 7.0  # claim text of the smallest figure, in points


def test_a_figure_too_tall_for_its_box_is_not_drawn_narrower(seed: ArgumentMap) -> None:
    budget = budget_for(PPTX[0], height=PPTX[1])
    found = fit(seed, budget, titled=False)
    for d in found.drawn:
        if d.width <= budget.width and d.height > (budget.height or 0):
            assert d.look is None or d.look.measures.claim != NARROWEST


def test_a_column_without_a_height_keeps_its_measure(seed: ArgumentMap) -> None:
    found = fit(seed, budget_for(720))
    assert found.look.measures == measures_for(960)


#: A Beamer frame at its default size (4:3), below a frame title, in points.
BEAMER = (306.14, 189.29)


def test_where_no_measure_fits_every_figure_the_one_drawing_the_smallest_largest_is_kept(
    seed: ArgumentMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a Beamer frame no measure makes every figure of the seed map readable; the fit kept
    the one with the fewest figures too big (claims in lines of 18 characters: 20 figures, the
    smallest at 3.6 pt) rather than the one whose figures are all drawn larger."""
    budget = budget_for(BEAMER[0], height=BEAMER[1])
    # as chosen
    monkeypatch.setattr(fitting, "relined", lambda d, graphs, keep, budget, slide=False: d)
    found = fit(seed, budget)
    leasts = []
    for measures in [measures_for(budget.width), *shorter_measures(budget.width)]:
        monkeypatch.setattr(fitting, "measures_for", lambda width, m=measures: m)
        monkeypatch.setattr(fitting, "shorter_measures", lambda width: [])
        monkeypatch.setattr(fitting, "relined", lambda d, graphs, keep, budget, slide=False: d)
        leasts.append(least(fit(seed, budget)))
    assert len(set(leasts)) > 1
    assert least(found) == max(leasts)
    assert least(found) * 9 > 4.0  # claim text of the smallest figure, in points


def _scales(fitted: Fitted) -> list[float]:
    """Each figure's claim text where its box shows it, as a share of 9 (pt or px)."""
    budget = fitted.budget
    assert budget.height is not None
    return sorted(min(1.0, budget.width / d.width, budget.height / d.height)
                  for d in fitted.drawn)  # fmt: skip


@pytest.mark.parametrize("headed", [True, False])
def test_a_figure_too_tall_for_a_slide_is_set_in_the_lines_that_draw_it_largest(
    seed: ArgumentMap, headed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One measure serves every figure of a fit; on a Beamer frame most figures are too tall
    in it, though narrow: each is drawn again in longer lines, as long as one box of them fits
    the frame's width, and kept in the lines that draw it largest. The seed map's median
    figure came out at 6.3 pt (7.8 without title and legend), now 7.0 (8.9); without title
    and legend 14 of its 25 figures are too small, not 22."""
    budget = budget_for(BEAMER[0], height=BEAMER[1])
    found = fit(seed, budget, titled=headed, legend=headed)
    monkeypatch.setattr(fitting, "relined", lambda d, graphs, keep, budget, slide=False: d)
    before = fit(seed, budget, titled=headed, legend=headed)
    assert len(found.drawn) == len(before.drawn)
    after, was = _scales(found), _scales(before)
    assert all(a >= b - 1e-9 for a, b in zip(after, was, strict=True)), (after, was)
    # The median, in 9ths: up by a twentieth, or readable (a slide's finer split alone draws
    # it at 8.6 pt without title and legend; relined, at 9 or more).
    assert after[len(after) // 2] >= min(1.0, was[len(was) // 2] + 0.05)
    assert headed or too_big(found) < too_big(before)
