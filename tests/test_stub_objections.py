"""A "continued in" stub that leads only to objections is drawn as an attack comes in: its
line ends in a bar (⊣), as the legend's attacks do, not in an arrow like a reason's.

A fact-checker's figure 2 of an op-ed showed "continued in / figure 3: Supporters say shoppers
will…" with the arrow of a support into "The lane has hurt Harbor Street's shops", which that
claim attacks: a reader of the figure took the op-ed's opponents for its supporters.
"""

from __future__ import annotations

import re

from argmap.api import render_figures
from argmap.read.loader import load

HARBOR = b"""argmap: 1
title: Harbor Street
premises:
  - {id: foot, text: Foot traffic around the lane fell 23% from April to September.}
  - {id: source, text: "The 23% figure comes from the merchants' association, an interested party."}
  - {id: closed, text: Four independent stores have closed since the summer.}
  - {id: cause, text: The closures are not shown to be caused by the lane.}
  - {id: adapt, text: Supporters say shoppers will adapt.}
  - {id: no-time, text: Small businesses cannot wait years.}
conclusions:
  - id: hurt
    text: The lane has hurt Harbor Street's shops.
    reasons:
      - {claims: foot, objections: [source]}
      - {claims: closed, objections: [cause]}
    objections:
      - {claims: adapt, objections: [no-time]}
"""


def stubs(fit: int) -> list[tuple[str, str, bool]]:
    """Each "continued in" stub's line in the figures fitted to ``fit`` px: the figures it
    names, its arrowhead (Graphviz's default, normal, when unsaid), and whether the legend of
    its figure explains attacks."""
    amap, _ = load(HARBOR, "harbor.yaml")
    assert amap is not None
    found = []
    for figure in render_figures(amap, "dot", fit=fit):
        dot = figure.decode()
        for edge in re.findall(r'^\t"more--hurt" -> hurt \[(.*)\]$', dot, re.M):
            head = re.search(r"arrowhead=(\w+)", edge)
            (label,) = re.findall(r'"more--hurt" \[label=<(.*?)> ', dot)
            named = ", ".join(re.findall(r"figure (\d): ", label))
            found.append((named, head.group(1) if head else "normal", ">attacks<" in dot))
    return found


def test_a_stub_leading_only_to_an_objection_ends_in_a_bar() -> None:
    # At 680 px the first figure holds both reasons; the objection, and its answer, go on in
    # figure 2.
    assert stubs(680) == [("2", "tee", True)]


def test_a_stub_leading_to_a_reason_keeps_its_arrow() -> None:
    # At 390 px the stub names a reason (figure 2) and the objection (figure 3): a reason
    # comes in there, so the arrow stays, as it was drawn before.
    assert stubs(390) == [("2, 3", "normal", False)]
