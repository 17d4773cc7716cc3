"""A line's hover text: the tooltip argmap gives it, never Graphviz's internal name for it.

Graphviz puts a ``<title>`` in each edge's group naming it by its ends and ports
(``co2->reason--klima--1:s``); a browser shows a ``<title>`` as the hover text wherever the
link around the line (with argmap's tooltip) is lost, as a page's sanitiser drops links, and
Chromium exposed each to screen readers though the drawing is ``role="img"``
(test_browser_edges.py). The drawing's own ``<title>`` and ``<desc>`` say what it shows: the
edge titles served no reader and are left out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from argmap.api import load, render_figures, render_map
from argmap.model import ArgumentMap

from .conftest import SEED_MAP

S = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    return load(SEED_MAP)


def edges(svg: bytes) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return [g for g in root.iter(f"{S}g") if "edge" in (g.get("class") or "").split()]


def check(svg: bytes) -> None:
    found = edges(svg)
    assert found
    for edge in found:
        assert edge.find(f"{S}title") is None, edge.get("id")
        tips = [a.get(f"{XLINK}title") for a in edge.iter(f"{S}a")]
        if "stub" in (edge.get("class") or "").split():
            continue  # a line on to another figure: its label says where, it has no tooltip
        assert tips and all(tips), edge.get("id")  # argmap's tooltip stays the hover text
        assert not any("->" in tip for tip in tips)


def test_the_maps_lines_carry_no_graphviz_names(seed: ArgumentMap) -> None:
    check(render_map(seed, "svg"))


def test_the_figures_lines_carry_no_graphviz_names(seed: ArgumentMap) -> None:
    for svg in render_figures(seed, "svg", fit=720):
        check(svg)


def junctions(svg: bytes) -> list[ET.Element]:
    """Where a linked reason's claims meet, or an undercut lands (a point, a short bar)."""
    root = ET.fromstring(svg)
    kinds = {"reason", "objection"}
    return [g for g in root.iter(f"{S}g") if kinds & set((g.get("class") or "").split()[1:2])]


@pytest.mark.parametrize("fit", [None, 720])
def test_junctions_carry_no_graphviz_names(seed: ArgumentMap, fit: int | None) -> None:
    drawings = [render_map(seed, "svg")] if fit is None else render_figures(seed, "svg", fit=fit)
    found = [g for svg in drawings for g in junctions(svg)]
    assert len(found) >= 4  # the seed's linked reasons and undercut steps
    for group in found:
        assert group.find(f"{S}title") is None, group.get("id")  # 'reason--thesis--1'
        tips = [a.get(f"{XLINK}title") for a in group.iter(f"{S}a")]
        assert tips and all(tips), group.get("id")


def test_claims_keep_their_titles_and_tooltips(seed: ArgumentMap) -> None:
    root = ET.fromstring(render_map(seed, "svg"))
    claims = [g for g in root.iter(f"{S}g") if "claim" in (g.get("class") or "").split()]
    assert len(claims) == len(seed.claims)
    for group in claims:
        assert group.findtext(f"{S}title") == group.get("id")
