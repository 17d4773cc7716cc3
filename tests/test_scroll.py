"""The width a drawing keeps in a box that scrolls (a phone's column): the one at which its own
text comes out at 9 px (claims) and 7 px (the rest), never more than its natural width, on
screens only; and the box the document integrations put a fitted figure in."""

from __future__ import annotations

import re
import warnings
import xml.etree.ElementTree as ET

import pytest

from argmap.api import load, render_figures, render_map
from argmap.diagnostics import FitWarning
from argmap.draw.svg import SHRINK_MAX_CLAIMS, embed, scroll_box
from argmap.model import ArgumentMap, Claim, Kind, Reason, Ref

from .conftest import SEED_MAP
from .docbuild import text_sizes

_RULE = re.compile(rb"@media screen\{:where\(\.argmap-scroll #([\w-]+)\)\{min-width:([\d.]+)px\}\}")
_PX = {"px": 1.0, "pt": 4 / 3}


def least(svg: bytes) -> tuple[str, float] | None:
    """The root id a drawing's rule names and the least width it keeps in a scroll box."""
    found = _RULE.findall(svg)
    assert len(found) <= 1
    return (found[0][0].decode(), float(found[0][1])) if found else None


def natural(svg: bytes) -> float:
    width = ET.fromstring(svg).get("width", "")
    number, unit = re.fullmatch(r"([\d.]+)(px|pt)", width).groups()  # type: ignore[union-attr]
    return float(number) * _PX[unit]


@pytest.fixture(scope="module")
def drawings() -> list[bytes]:
    seed = load(SEED_MAP)
    with warnings.catch_warnings():  # at 390 px one figure cannot be made readable: it is
        warnings.simplefilter("ignore", FitWarning)  # kept at its natural width
        narrow = render_figures(seed, "svg", fit=390)
    return [
        render_map(seed, "svg"),
        *render_figures(seed, "svg", fit=720),
        *narrow,
        *render_figures(seed, "svg", fit=1600),
    ]


def test_a_drawing_keeps_the_width_at_which_its_own_text_is_readable(drawings) -> None:  # type: ignore[no-untyped-def]
    for svg in drawings:
        box, claim, other = text_sizes(svg)
        found = least(svg)
        assert found is not None
        root, width = found
        assert ET.fromstring(svg).get("id") == root  # the rule is the drawing's own
        shown = width / box  # CSS px a point of the viewBox, at that width
        assert width <= natural(svg) + 0.01  # never larger than drawn
        if width < natural(svg) - 0.01:
            # readable there, and no wider than it must be for that: one kind of text is at
            # its least (to the 0.01 px the width is written to)
            assert claim * shown >= 9 - 1e-3 and other * shown >= 7 - 1e-3
            assert min(claim * shown - 9, other * shown - 7) <= 0.01 * max(claim, other) / box


def test_it_holds_on_screens_only_and_in_a_scroll_box_only(drawings) -> None:  # type: ignore[no-untyped-def]
    for svg in drawings:
        style = svg.split(b"<style>", 1)[1].split(b"</style>", 1)[0]
        rules = [rule for rule in style.split(b"\n") if b"min-width" in rule]
        assert len(rules) == 1 and rules[0].startswith(b"@media screen{:where(.argmap-scroll ")
        # So does what the box shows on a phone (its fading edges, where it opens): printed,
        # and in a page without the box, nothing changes.
        for rule in style.split(b"\n"):
            if b"argmap-scroll" in rule:
                assert rule.startswith(
                    (b"@media screen{", b"@supports (animation-timeline:scroll()){@media screen{")
                ), rule


def test_only_the_figure_holding_the_thesis_opens_on_it() -> None:
    seed = load(SEED_MAP)
    for svg in [render_map(seed, "svg"), *render_figures(seed, "svg", fit=720)]:
        opens = svg.count(b"scroll-initial-target:nearest")
        assert opens == svg.count(b'class="node claim recommendation thesis"') <= 1
    assert opens == 0  # the last figure has no thesis: it opens at its left edge, as before


def test_none_for_a_width_relative_to_the_column_or_a_map_that_never_shrinks() -> None:
    seed = load(SEED_MAP)
    assert least(render_map(seed, "svg", width="100%")) is None
    assert least(render_map(seed, "svg", width="16cm")) is not None  # an absolute length

    def big(claims: int) -> bytes:
        premises = [Claim(f"p{i}", Kind.PREMISE, f"P{i}") for i in range(claims - 1)]
        top = Claim(
            "top", Kind.CONCLUSION, "Top", reasons=tuple(Reason((Ref(p.id),)) for p in premises)
        )
        svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10pt" height="10pt" viewBox="0 0 10 10"><g/></svg>'  # noqa: E501
        return embed(svg, ArgumentMap("Big", (*premises, top)))

    assert least(big(SHRINK_MAX_CLAIMS)) is not None
    assert least(big(SHRINK_MAX_CLAIMS + 1)) is None  # kept at its natural size anyway


def test_the_box_is_a_region_named_by_the_figure_and_reached_with_tab() -> None:
    figures = render_figures(load(SEED_MAP), "svg", fit=720)
    box = scroll_box(figures[1])
    opening, rest = box.split("\n", 1)
    assert opening == (
        f'<div class="argmap-scroll" role="region" tabindex="0" '
        f'aria-labelledby="{least(figures[1])[0]}-title" style="overflow-x:auto">'  # type: ignore[index]
    )
    assert rest.startswith("<svg ") and rest.endswith("</svg>\n</div>")
    title = re.search(r'<title id="([^"]+)">([^<]*)</title>', rest)
    assert title is not None and opening.count(title.group(1)) == 1
    assert title.group(2).endswith("(figure 2 of 4)")
    assert scroll_box(figures[1]) == box  # the same bytes every time
