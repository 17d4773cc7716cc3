"""A long chain of reasons on pages of some height (the LaTeX and Word columns of the document
integrations): its figures come out even, none a lone claim over a stub, and an edit beside
the chain moves none of its cuts."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from argmap.analysis.carve import Plan, Sizes
from argmap.analysis.figures import split
from argmap.analysis.shape import shape as shape_of
from argmap.analysis.summary import thesis
from argmap.analysis.tall import even_cuts
from argmap.api import load
from argmap.draw.fit import budget_for, fit, measure
from argmap.draw.graph import Look, whole_shape
from argmap.model import ArgumentMap, Claim, Kind, Reason, Ref

from .conftest import SEED_MAP
from .test_fit import promises, signature, with_premise

WORDS = ("energy", "trade", "security", "transport", "water", "education", "health", "finance")


def chain(steps: int) -> ArgumentMap:
    """A chain of ``steps`` reasons: each claim supported by the next, down to one premise."""
    claims = []
    for n in range(steps + 1):
        word = WORDS[n % len(WORDS)]
        text = f"Step {n}: the region's {word} policy follows from the step below it on {word}."
        if n == steps:
            claims.append(Claim(f"c{n}", Kind.PREMISE, text))
        else:
            claims.append(
                Claim(f"c{n}", Kind.CONCLUSION, text, reasons=(Reason((Ref(f"c{n + 1}"),)),))
            )
    return ArgumentMap(f"A chain of {steps} steps", tuple(claims))


#: Columns with a height (points on paper): Sphinx's LaTeX on letter paper, less a caption's
#: room and without it; Pandoc's LaTeX less a caption's room; pages that take 3 to 8 claims.
COLUMNS = [(468, 611.14), (468, 648), (343.71, 511.09), (540, 412.5), (540, 562.5), (540, 862.5)]


@pytest.mark.parametrize("steps", [8, 16, 24, 40])
@pytest.mark.parametrize(("wide", "high"), COLUMNS)
def test_a_chains_figures_are_even(steps: int, wide: float, high: float) -> None:
    amap = chain(steps)
    fitted = fit(amap, budget_for(wide, height=high))
    heights = [d.height for d in fitted.drawn]
    claims = [len(d.figure.full()) for d in fitted.drawn]
    assert all(h <= fitted.budget.height + 0.01 for h in heights)  # type: ignore[operator]
    assert len(heights) > 1 or steps == 8  # 9 claims fit the tallest page whole
    assert max(heights) / min(heights) <= 1.4, (claims, heights)
    assert max(claims) - min(claims) <= 2, claims
    assert min(claims) >= 2, claims  # never a lone claim over a "continued" stub
    promises(fitted.shape, [d.figure for d in fitted.drawn])


def test_the_overview_of_a_chain_is_not_its_smallest_figure() -> None:
    """Cut from the bottom, the leftover went to the top: the overview, a claim and a stub."""
    fitted = fit(chain(16), budget_for(540, height=525))
    claims = [len(d.figure.full()) for d in fitted.drawn]
    assert claims[0] >= max(claims) - 1, claims


def boxes(count: int, tall: float = 100.0) -> Sizes:
    names = [f"c{n}" for n in range(count)]
    full = {n: (150.0, tall) for n in names}
    return Sizes(full, {n: (100.0, 60.0) for n in names}, (120.0, 20.0), 20.0, 30.0)


@pytest.mark.parametrize("steps", range(2, 30))
def test_a_chain_of_equal_claims_is_cut_into_the_fewest_figures_evenly(steps: int) -> None:
    # Claims 100 high, 30 between ranks, stubs 20: a page of 490 takes 4 claims alone; the
    # first figure 2 over the claim continued and its stub, a further one (its "used in" stub
    # on top) 2 in between and 3 at the foot of the chain.
    cuts = even_cuts("c0", shape_of(chain(steps), "c0"), boxes(steps + 1), 490, Plan())
    starts = [0, *(int(c[1:]) for c in cuts), steps + 1]
    claims = [b - a for a, b in itertools.pairwise(starts)]
    fewest = 1 if steps + 1 <= 4 else math.ceil(steps / 2)
    assert len(claims) == fewest, claims
    assert max(claims) - min(claims) <= 1, claims


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    return load(SEED_MAP)


def page_split(amap: ArgumentMap, wide: float = 468, high: float = 611.14) -> list:  # type: ignore[type-arg]
    shape = whole_shape(amap)
    budget = budget_for(wide, height=high)
    sizes = measure(shape, Look(room=budget.width))
    return split(shape, sizes, budget)


def test_one_more_premise_beside_a_chain_moves_none_of_its_cuts() -> None:
    amap = chain(24)
    before = signature(page_split(amap))
    for target in ("c0", "c5", "c12", "c23"):
        assert signature(page_split(with_premise(amap, target))) == before, target


def test_one_more_premise_reshuffles_no_page_of_the_seed(seed: ArgumentMap) -> None:
    """On a page, as in a column, an edit changes the figures on its way to the top, not
    every figure (a page makes more cuts for height than a column, so a few more change)."""
    before = signature(page_split(seed))
    targets = [c.id for c in seed.claims if c.kind is not Kind.PREMISE]
    changed = []
    for target in random.Random(5).sample(targets, min(12, len(targets))):
        changed.append(len(signature(page_split(with_premise(seed, target))) - before))
    assert max(changed) <= len(before) // 2 + 1, changed
    assert sorted(changed)[len(changed) // 2] <= 2, changed


def test_the_split_on_a_page_is_deterministic(seed: ArgumentMap) -> None:
    assert page_split(chain(40)) == page_split(chain(40))
    assert page_split(seed) == page_split(seed)
    assert thesis(seed) is not None
