"""A split must help: no figure that only repeats what another shows, and never smaller text
than the whole map drawn in the same box (found by a new user: a 3-claim map fitted to a box
300 x 153 pt came out as 3 figures, two of them a lone premise repeated, the first with claim
text of 5.02 pt where the whole map gives 6.7 pt)."""

from __future__ import annotations

import warnings
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis.carve import Budget, Plan
from argmap.analysis.figures import Figure, How
from argmap.analysis.shape import shape as shape_of
from argmap.analysis.tall import even_cuts
from argmap.api import check_bytes
from argmap.draw.figures import whole_svg
from argmap.draw.fit import budget_for, fit
from argmap.draw.layout import viewbox
from argmap.draw.scale import legibility
from argmap.model import ArgumentMap, Claim, Kind, Reason, Ref

from .conftest import ENERGY_UNDERCUT, run
from .test_fit import promises
from .test_fit_chains import boxes, chain

SMALL = ENERGY_UNDERCUT


def small() -> ArgumentMap:
    amap = check_bytes(SMALL.encode(), "small.yaml").map
    assert amap is not None
    return amap


def repeats(figure: Figure, figures: list[Figure]) -> bool:
    """Whether ``figure`` adds nothing: it draws no relation (each claim it has in full has
    nothing beneath it), no contradiction or restatement, and every claim it has in full is
    drawn in full (not compact) in another figure too."""
    if figure.contradictions or figure.restatements:
        return False
    if any(s.how is not How.FULL for s in figure.shown):
        return False  # a reference or a continued claim: a relation drawn to it
    elsewhere = set()
    for other in figures:
        if other.number != figure.number:
            elsewhere |= set(other.full())
            elsewhere |= {s.claim for s in other.shown if s.how is How.CONTINUED and not s.compact}
    return set(figure.full()) <= elsewhere


def whole_factor(amap: ArgumentMap, budget: Budget) -> float:
    """How large the text of the whole map, drawn as ``argmap render`` draws it, comes out
    in the box of ``budget`` (1: the least readable)."""
    return legibility([viewbox(whole_svg(amap))], budget)


def test_a_claim_with_nothing_beneath_it_is_never_cut_off_for_height() -> None:
    # A thesis over one premise, 100 points each, on a page of 150: cutting the premise off
    # would draw it twice (in full over its stub, and alone) and make the first figure taller.
    assert even_cuts("c0", shape_of(chain(1), "c0"), boxes(2), 150, Plan()) == []
    # Three claims: the foot of the chain stays with the claim above it.
    assert even_cuts("c0", shape_of(chain(2), "c0"), boxes(3), 150, Plan()) == ["c1"]


def test_a_three_claim_map_in_a_short_box_is_drawn_whole_and_larger() -> None:
    amap, budget = small(), budget_for(300, height=153)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitted = fit(amap, budget)
    assert len(fitted.drawn) == 1
    sizes = [(d.width, d.height) for d in fitted.drawn]
    assert legibility(sizes, budget) >= whole_factor(amap, budget) - 1e-6


def test_render_fit_to_a_short_box_writes_one_pdf_and_says_how_small(tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    out = tmp_path / "out"
    result = run("render", str(path), "--fit", "300x153pt", "-f", "pdf", "-o", f"{out}/")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["small.pdf"]
    assert "note: the map is too big for a column of 300x153pt: its claim text comes out at" in (
        result.output
    )


WORDS = [
    "energy",
    "trade",
    "security",
    "water",
    "transport",
    "health",
    "the",
    "region",
    "depends",
    "on",
    "its",
]


@st.composite
def tree_maps(draw: st.DrawFn) -> ArgumentMap:
    """A map of 2 to 9 claims as a tree under one thesis: each further claim a reason or an
    objection of an earlier one, or an undercut of an earlier reason; texts of 3 to 24 words."""
    count = draw(st.integers(2, 9))
    texts = [
        " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=24))) + f" {n}."
        for n in range(count)
    ]
    reasons: dict[int, list[list[int]]] = {n: [] for n in range(count)}  # [supporter, *undercuts]
    objections: dict[int, list[int]] = {n: [] for n in range(count)}
    for n in range(1, count):
        parent = draw(st.integers(0, n - 1))
        how = draw(st.sampled_from(["reason", "reason", "objection", "undercut"]))
        if how == "undercut" and reasons[parent]:
            reasons[parent][draw(st.integers(0, len(reasons[parent]) - 1))].append(n)
        elif how == "objection":
            objections[parent].append(n)
        else:
            reasons[parent].append([n])
    claims = []
    for n in range(count):
        below = reasons[n] or objections[n]
        kind = Kind.CONCLUSION if below else Kind.PREMISE
        made = tuple(
            Reason((Ref(f"c{r[0]}"),), objections=tuple(Ref(f"c{u}") for u in r[1:]))
            for r in reasons[n]
        )
        against = tuple(Ref(f"c{o}") for o in objections[n])
        claims.append(Claim(f"c{n}", kind, texts[n], reasons=made, objections=against))
    return ArgumentMap("A map drawn for a test", tuple(claims))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tree_maps(),
    st.floats(150, 700),
    st.one_of(st.none(), st.floats(90, 900)),
)
def test_a_fit_repeats_nothing_and_never_draws_smaller_than_the_whole(
    amap: ArgumentMap, wide: float, high: float | None
) -> None:
    budget = budget_for(wide, height=high)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitted = fit(amap, budget)
    figures = [d.figure for d in fitted.drawn]
    promises(fitted.shape, figures)
    assert not [f.number for f in figures if len(figures) > 1 and repeats(f, figures)]
    sizes = [(d.width, d.height) for d in fitted.drawn]
    # Readable, or no smaller than the whole map drawn as argmap render draws it.
    assert legibility(sizes, budget) >= min(whole_factor(amap, budget), 1.0) - 1e-6, sizes
