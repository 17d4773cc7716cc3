"""A map split into figures: a top with nothing beneath it that only restates or contradicts a
claim of another figure is drawn in full beside that claim, not alone in a figure of its own
that would only repeat what the other figure shows (as a reference)."""

from __future__ import annotations

import re
from pathlib import Path

from argmap.analysis.figures import split
from argmap.api import check_bytes, render_figures
from argmap.draw.fit import budget_for, measure
from argmap.draw.graph import Look, whole_shape
from argmap.model import ArgumentMap

from .test_fit import promises

# p8 (under c2) restates p9, and p9 supports and attacks nothing: a top with no reasons and no
# objections of its own.
ZOO = b"""\
argmap: 1
title: A zoo of everything argmap draws
premises:
  - {id: p1, text: Cycling to work is cheaper than driving.}
  - {id: p2, text: Most commutes in the city are under five kilometres.}
  - {id: p3, text: Bike lanes are dangerous at night., role: opponent, objections: [p4]}
  - {id: p4, text: The new lanes have lights all along them.}
  - {id: p5, text: Weather makes cycling impossible half the year., role: opponent}
  - {id: p6, text: Winters here are mild., objections: [p5]}
  - {id: p7, text: Cyclists are healthier., implicit: true}
  - {id: p8, text: Health matters to employers., restates: p9}
  - {id: p9, text: Employers care about their staff's health.}
  - {id: p10, text: Rewards for cycling are unfair to disabled staff., objections: [p11]}
  - {id: p11, text: Rewards can be designed for every kind of active commute., objections: [p10]}
conclusions:
  - id: c1
    text: Cycling is a practical way to get to work here.
    reasons:
      - claims: [p1, p2]
        scheme: practical reasoning
      - claims: p7
        objections: [p3]
    objections: [p5]
  - id: c2
    text: Employers should reward cycling.
    reasons:
      - [c1, p8]
    objections:
      - p10
recommendations:
  - id: r1
    text: The city should pay for a bike-to-work scheme.
    thesis: true
    reasons: [c2, c1]
"""


def zoo(tmp_path: Path) -> ArgumentMap:
    checked = check_bytes(ZOO, str(tmp_path / "zoo.yaml"))
    assert checked.map is not None, checked.diagnostics
    return checked.map


def drawn(svg: bytes) -> tuple[set[str], set[str]]:
    """The claims a figure draws in full, and those it draws otherwise: as a reference to
    another figure (``ref--``), a branch continued in another (``continued--``) or a further
    page of a claim (``page--``)."""
    full: set[str] = set()
    others: set[str] = set()
    for ident in re.findall(rb'<g id="([^"]+)" class="node claim', svg):
        how, _, name = ident.decode().rpartition("--")
        (others if how else full).add(name)
    return full, others


def test_a_top_that_only_restates_a_claim_of_another_figure_is_drawn_beside_it(
    tmp_path: Path,
) -> None:
    figures = [drawn(svg) for svg in render_figures(zoo(tmp_path), "svg", fit="468pt")]
    assert len(figures) > 1
    for number, (full, refs) in enumerate(figures):
        elsewhere = set().union(*(f | r for n, (f, r) in enumerate(figures) if n != number))
        assert not (full | refs) <= elsewhere, f"figure {number + 1} only repeats {full | refs}"
    (home,) = [full for full, _ in figures if "p8" in full]
    assert "p9" in home  # in full, beside the claim that restates it
    assert all("p9" not in refs for _, refs in figures)
    everything = set().union(*(full for full, _ in figures))
    assert everything == {f"p{n}" for n in range(1, 12)} | {"c1", "c2", "r1"}


def test_the_split_keeps_its_promises_with_tops_drawn_beside_others(tmp_path: Path) -> None:
    amap = zoo(tmp_path)
    shape = whole_shape(amap)
    budget = budget_for(468 * 4 / 3)
    figures = split(shape, measure(shape, Look(room=budget.width)), budget)
    promises(shape, figures)
    (beside,) = [f for f in figures if "p8" in f.full()]
    assert "p9" in beside.full() and ("p8", "p9") in beside.restatements
