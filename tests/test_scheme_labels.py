"""A reason's scheme is written beside its line, tied to it: underlined, and the underline led
to the nearest point of the line (Graphviz's ``decorate``), so that where lines meet at a claim
a reader sees which name is whose."""

from __future__ import annotations

import re

from argmap.api import render_map
from argmap.read.loader import load

# Four reasons of one recommendation, three with a scheme: their lines meet under it.
MAP = """\
argmap: 1
title: Parking
premises:
  - {id: reeve, text: A retail economist says free parking is what keeps a market town alive.}
  - {id: everyone, text: Shop owners and shoppers know the charges drove footfall away.}
  - {id: millbrook, text: Millbrook scrapped its charges and its high street boomed.}
  - {id: fell, text: Footfall has fallen by a third since the charges came in.}
  - {id: rail, text: Millbrook got a new rail station the same year.}
recommendations:
  - id: scrap
    text: The council must scrap the parking charges.
    reasons:
      - {claims: reeve, scheme: Expert Opinion}
      - {claims: everyone, scheme: Popular Opinion}
      - {claims: millbrook, scheme: Example, objections: [rail]}
      - fell
"""

_NUMBER = r"-?[\d.]+"


def _points(text: str) -> list[tuple[float, float]]:
    found = re.findall(rf"({_NUMBER}),({_NUMBER})", text)
    return [(float(x), float(y)) for x, y in found]


def _curve(d: str) -> list[tuple[float, float]]:
    """Points along an SVG path of cubic Béziers, as Graphviz writes edges (M, then C)."""
    points = _points(d)
    along = [points[0]]
    for i in range(1, len(points) - 2, 3):
        p0, p1, p2, p3 = points[i - 1], points[i], points[i + 1], points[i + 2]
        for step in range(1, 41):
            t = step / 40
            along.append(
                tuple(
                    (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t**2 * c + t**3 * e
                    for a, b, c, e in zip(p0, p1, p2, p3, strict=True)
                )
            )
    return along


def test_each_scheme_is_underlined_and_led_to_its_own_line() -> None:
    amap, _ = load(MAP.encode(), "m.yaml")
    assert amap is not None
    svg = render_map(amap, "svg").decode()
    labelled = 0
    for group in re.findall(r'<g id="[^"]*" class="edge support">.*?</g>\n.*?</g>', svg, re.S):
        name = re.search(r">([A-Z][a-z]+(?: Opinion)?)</text>", group)
        if name is None:
            continue
        labelled += 1
        # Before: the name alone, beside whichever line Graphviz put it nearest.
        tie = re.search(r'<polyline fill="none" stroke="[^"]+" points="([^"]+)"', group)
        assert tie is not None, f"{name.group(1)} is not tied to its line"
        first, corner, end = _points(tie.group(1))
        x, y = _points(re.search(r'<text[^>]* x="([^"]+)" y="([^"]+)"', group).expand(r"\1,\2"))[0]
        assert first[1] == corner[1] and y < first[1] <= y + 8  # a line under the name
        assert min(first[0], corner[0]) <= x + 4 and max(first[0], corner[0]) > x + 20
        line = _curve(re.search(r'<path fill="none"[^>]* d="([^"]+)"', group).group(1))
        nearest = min(((px - end[0]) ** 2 + (py - end[1]) ** 2) ** 0.5 for px, py in line)
        assert nearest < 1.5, f"{name.group(1)}'s tie ends {nearest:.1f} pt off its line"
    assert labelled == 3
