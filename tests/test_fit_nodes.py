"""Every line of a fitted figure ends at a box the figure draws: found by a teacher, whose
figure 2 had a plain black box named ``more--full-ban`` linked to the thesis (a thesis split
into pages under an overview, whose first page made room for a "continued in" stub that the
overview's own list of pages replaces: its edge was drawn, to a node never made)."""

from __future__ import annotations

import re
import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.api import check_bytes
from argmap.draw.fit import budget_for, fit
from argmap.model import ArgumentMap

from .test_fit_worth import tree_maps

THREE_BRANCHES = """\
argmap: 1
title: Stub leak
premises:
  - id: p1
    text: Premise one supports the first conclusion of this small map.
  - id: p2
    text: Premise two supports the second conclusion of this small map.
  - id: p3
    text: Premise three supports the third conclusion of this small map.
  - id: o1
    text: An objection to the thesis of this small map, raised by critics.
  - id: o2
    text: A second objection to the thesis of this small map, raised by others.
conclusions:
  - id: c1
    text: Conclusion one of the small map.
    reasons: [p1]
  - id: c2
    text: Conclusion two of the small map.
    reasons: [p2]
  - id: c3
    text: Conclusion three of the small map.
    reasons: [p3]
recommendations:
  - id: t
    text: The thesis of the small map.
    reasons: [c1, c2, c3]
    objections: [o1, o2]
"""

NAME = r'(?:"(?:[^"\\]|\\.)*"|[\w.-]+)'


def undeclared(dot: str) -> set[str]:
    """The names that an edge of ``dot`` ends at but no line of it declares as a node."""
    declared, ends = set(), set()
    for line in dot.splitlines():
        edge = re.match(rf"\t({NAME}) -> ({NAME})", line)
        if edge:
            ends |= {edge.group(1).strip('"'), edge.group(2).strip('"')}
        elif node := re.match(rf"\t({NAME}) \[", line):
            declared.add(node.group(1).strip('"'))
    return ends - declared - {"graph", "node", "edge"}


def loose_ends(amap: ArgumentMap, width: float, height: float | None = None) -> list[set[str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitted = fit(amap, budget_for(width, height=height))
    return [found for d in fitted.drawn if (found := undeclared(fitted.final_dot(d)))]


def test_a_thesis_in_pages_under_an_overview_has_no_stub_box_named_by_its_id() -> None:
    amap = check_bytes(THREE_BRANCHES.encode(), "stub.yaml").map
    assert amap is not None
    for width in (300, 500, 720):
        assert loose_ends(amap, width) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree_maps(), st.floats(150, 700), st.one_of(st.none(), st.floats(90, 900)))
def test_every_edge_of_a_figure_ends_at_a_node_it_draws(
    amap: ArgumentMap, wide: float, high: float | None
) -> None:
    assert loose_ends(amap, wide, high) == []
