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
from .test_legibility import SHARED

# The map whose claims share reasons (tests/test_legibility.py): p8 (under c2) restates p9,
# and p9 supports and attacks nothing, a top with no reasons and no objections of its own.
ZOO = SHARED.encode("utf-8")


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
