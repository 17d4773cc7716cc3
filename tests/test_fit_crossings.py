"""Fitted figures draw each claim's reasons in the order the split arranged them, so that no
two lines between the same ranks cross: a reader follows each premise to its own claim."""

from __future__ import annotations

import itertools
import re

from argmap.api import load
from argmap.draw.fit import budget_for, fit

from .conftest import SEED_MAP

Point = tuple[float, float]


def lines(svg: str) -> list[tuple[str, Point, Point]]:
    """Each support or attack line of a drawing: its id, where it starts and where it ends."""
    found = []
    svg = svg.replace("&#45;", "-")
    for edge in re.finditer(r'<g id="((?:support|attack)--[^"]+)" class="edge[^"]*">(.*?)</g>',
                            svg, re.S):  # fmt: skip
        path = re.search(r'<path[^>]*\sd="([^"]+)"', edge.group(2))
        assert path, edge.group(1)
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path.group(1))]
        points = list(zip(numbers[0::2], numbers[1::2], strict=True))
        found.append((edge.group(1), points[0], points[-1]))
    return found


def crossing(svg: str) -> list[tuple[str, str]]:
    """Pairs of lines that leave one rank and reach another in opposite orders."""
    return [
        (a, b)
        for (a, (ax, ay), (az, aw)), (b, (bx, by), (bz, bw)) in itertools.combinations(
            lines(svg), 2
        )
        if abs(ay - by) < 25
        and abs(aw - bw) < 25
        and (ax - bx) * (az - bz) < 0
        and abs(az - bz) > 5
    ]


def test_no_two_lines_of_a_fitted_figure_cross() -> None:
    # The README's first figure crossed 'russian-expansionism' and 'scholz-speech' on their way
    # to the two claims they support: the claims were handed to Graphviz in the order written,
    # not in the order the split laid them out, and its ordering of the top's reasons then
    # kept the crossing.
    fitted = fit(load(SEED_MAP), budget_for(720))
    found = {d.figure.number: crossing(d.svg.decode()) for d in fitted.drawn}
    assert {number: pairs for number, pairs in found.items() if pairs} == {}
