"""What a reader of a drawing relies on, measured in the SVG: every line reaches its arrowhead
and runs through no claim it does not join, struck-through text keeps its line spacing, small
words have the contrast WCAG asks of text, the legend does not make a map smaller and its arrow
is one shape, and a map that fits its column is not cut into figures."""

from __future__ import annotations

import itertools
import math
import re
import struct

import pytest

from argmap.analysis.evaluate import evaluate
from argmap.api import check_bytes, load, render_figures, render_map
from argmap.draw.figures import whole_svg
from argmap.model import ArgumentMap

from .conftest import SEED_MAP

_NUMBER = r"(-?\d+(?:\.\d+)?)"
_POINT = re.compile(_NUMBER + "," + _NUMBER)
_EDGE = re.compile(r'<g id="([^"]*)" class="edge[^"]*">(.*?)</g>\n(?=<!--|<g|</g>)', re.S)


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    return load(SEED_MAP)


def loaded(text: str) -> ArgumentMap:
    checked = check_bytes(text.encode(), "map.yaml")
    assert checked.map is not None, checked.diagnostics
    return checked.map


def gaps(svg: bytes) -> dict[str, float]:
    """Edge id → how far (points) its line ends from the nearest corner of its arrowhead."""
    found = {}
    for edge in _EDGE.finditer(svg.decode()):
        line = re.search(r'<path[^>]* d="([^"]+)"', edge.group(2))
        head = re.search(r'<polygon[^>]* points="([^"]+)"', edge.group(2))
        if line is None or head is None:
            continue
        end = [float(v) for v in _POINT.findall(line.group(1))[-1]]
        corners = [(float(x), float(y)) for x, y in _POINT.findall(head.group(1))]
        found[edge.group(1)] = min(math.dist(end, corner) for corner in corners)
    return found


# A thesis far to one side of what supports it: the layout moves it to the middle.
LOPSIDED = """\
argmap: 1
title: A thesis moved to the middle
conclusions:
  - id: top
    text: The thesis, which the drawing puts in the middle of the figure.
    reasons:
      - [left, middle]
      - right
  - id: right
    text: A conclusion far to the right, with reasons of its own below it.
    reasons: [r1, r2, r3]
premises:
  - {id: left, text: A premise on the left.}
  - {id: middle, text: A premise in the middle.}
  - {id: r1, text: The first reason of the conclusion on the right.}
  - {id: r2, text: The second reason of the conclusion on the right.}
  - {id: r3, text: The third reason of the conclusion on the right.}
"""


def test_every_line_reaches_its_arrowhead_when_the_thesis_is_moved(seed: ArgumentMap) -> None:
    drawings = [render_map(seed, "svg"), render_map(loaded(LOPSIDED), "svg")]
    drawings += render_figures(seed, "svg", fit=720)
    for svg in drawings:
        far = {edge: round(gap, 1) for edge, gap in gaps(svg).items() if gap > 8}
        assert not far, far  # an arrowhead is about 8 points long


STATUSES = """\
argmap: 1
title: A rebutted conclusion
conclusions:
  - id: claim
    text: A conclusion whose text is long enough to be set on three or four lines of its box.
    reasons: [ground]
    objections: [rebuttal]
premises:
  - {id: ground, text: The ground of the conclusion.}
  - {id: rebuttal, text: A rebuttal of the conclusion that stands.}
  - {id: one, text: One side of a quarrel nothing settles., objections: [other], role: opponent}
  - {id: other, text: The other side of it., objections: [one], implicit: true}
"""


# A microtext (micro_d10, shortened): a small map whose legend takes several rows.
MICROTEXT = """\
argmap: 1
title: micro_d10
conclusions:
  - id: a1
    text: In a few decades our society will have a disproportionate number of old people.
    reasons:
      - [a2, a3]
premises:
  - {id: a2, text: Life expectancy is constantly rising., role: proponent}
  - id: a3
    text: At the same time birth rates are declining.
    objections:
      - claims: a4
        objections: [a5]
  - {id: a4, text: Having children has become more fashionable again., role: opponent}
  - {id: a5, text: These short-term fluctuations don't change the general trend.}
"""


def line_tops(svg: bytes, claim: str) -> list[tuple[float, float]]:
    """The baseline and size of each line of a claim's text, top to bottom."""
    group = re.search(rf'<g id="{claim}" class="node[^"]*">(.*?)</g>\n</g>', svg.decode(), re.S)
    assert group is not None, claim
    found = re.findall(r'<text[^>]* y="([-\d.]+)"[^>]*font-size="([\d.]+)"', group.group(1))
    return [(float(y), float(size)) for y, size in found if float(size) >= 12]  # not the kind


def test_struck_through_text_keeps_the_line_spacing_of_plain_text() -> None:
    amap = loaded(STATUSES)
    plain = line_tops(render_map(amap, "svg"), "claim")
    struck_svg = render_map(amap, "svg", status=True)
    struck = line_tops(struck_svg, "claim")
    assert re.search(rb'<g id="claim" class="[^"]*defeated', struck_svg)
    assert len(struck) == len(plain) >= 3
    spacing = [round(b[0] - a[0], 2) for a, b in itertools.pairwise(plain)]
    assert [round(b[0] - a[0], 2) for a, b in itertools.pairwise(struck)] == spacing
    assert min(spacing) >= 1.3 * plain[0][1]  # apart as the font sets lines, not touching
    assert struck_svg.count(b'text-decoration="line-through"') == len(struck)


def luminance(colour: str) -> float:
    """WCAG 2's relative luminance of ``#rrggbb`` (or white)."""
    colour = {"white": "#ffffff", "black": "#000000"}.get(colour, colour)
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_ratio_of_wcag() -> None:
    assert round(contrast("#000000", "white"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54  # the lightest grey that passes


_NODE = re.compile(r'<g id="[^"]*" class="node[^"]*">(.*?)</g>\n</g>', re.S)
_TEXT = re.compile(r'<text[^>]* fill="([^"]+)"[^>]*>([^<]*)</text>')


def text_on_fills(svg: bytes) -> list[tuple[str, str, str]]:
    """(text, its colour, the colour behind it) for every text of a drawing: in a claim on
    the claim's fill, elsewhere (title, legend, labels) on the drawing's background."""
    text = svg.decode()
    background = re.search(r'<polygon fill="([^"]+)" stroke="none"', text)
    assert background is not None
    found = []
    for node in _NODE.finditer(text):
        shape = re.search(r'<(?:path|polygon) fill="([^"]+)"', node.group(1))
        behind = shape.group(1) if shape and shape.group(1) != "none" else background.group(1)
        found += [(words, colour, behind) for colour, words in _TEXT.findall(node.group(1))]
    outside = _NODE.sub("", text)
    found += [(words, colour, background.group(1)) for colour, words in _TEXT.findall(outside)]
    return [item for item in found if item[0].strip()]


@pytest.mark.parametrize("theme", ["light", "dark", "print"])
def test_every_word_has_the_contrast_wcag_asks_of_small_text(theme: str) -> None:
    amap = loaded(STATUSES)
    for svg in (render_map(amap, "svg", theme=theme), render_map(amap, "svg", theme=theme,
                                                                  status=True)):  # fmt: skip
        low = {
            (words, colour, behind, round(contrast(colour, behind), 2))
            for words, colour, behind in text_on_fills(svg)
            if contrast(colour, behind) < 4.5
        }
        assert not low, low


def claims_width(svg: bytes) -> float:
    """How wide the claims of a drawing spread, from the leftmost to the rightmost, points."""
    xs = [
        float(x)
        for node in _NODE.finditer(svg.decode())
        for x, _ in _POINT.findall(" ".join(re.findall(r' (?:d|points)="([^"]+)"', node.group(1))))
    ]
    return max(xs) - min(xs)


def viewbox_width(svg: bytes) -> float:
    found = re.search(rb'viewBox="0 0 ([\d.]+) ', svg)
    assert found is not None
    return float(found.group(1))


@pytest.mark.parametrize("text", [STATUSES, MICROTEXT])
@pytest.mark.parametrize("status", [False, True])
def test_the_legend_of_a_whole_map_goes_in_rows_no_wider_than_its_claims(
    text: str, status: bool
) -> None:
    """A legend in one long row would make the drawing wider than its claims, and so shrink
    every text of it in a column."""
    svg = render_map(loaded(text), "svg", status=status)
    assert viewbox_width(svg) <= claims_width(svg) + 30  # the drawing's margins
    png = render_map(loaded(text), "png", status=status)  # 144 dpi: 2 pixels a point
    assert struct.unpack(">I", png[16:20])[0] <= 2 * (claims_width(svg) + 30)


def combs(svg: bytes) -> int:
    """How many cells of a legend's arrowhead an SVG still draws apart (a point wide each)."""
    found = 0
    for points in re.findall(rb'<polygon fill="[^"]+" stroke="none" points="([^"]+)"', svg):
        xs = {round(float(x), 2) for x, _ in _POINT.findall(points.decode())}
        found += len(xs) == 2 and round(max(xs) - min(xs), 2) == 1
    return found


@pytest.mark.parametrize("text", [STATUSES, MICROTEXT])
@pytest.mark.parametrize("status", [False, True])
def test_the_legends_arrow_is_one_triangle_in_every_row(text: str, status: bool) -> None:
    svg = render_map(loaded(text), "svg", status=status)
    assert b">supports<" in svg
    assert combs(svg) == 0


# Fourteen claims, several resting on the same claim: the split's estimate (a tree of the
# claims) is half again as wide as Graphviz draws it.
SHARED = """\
argmap: 1
title: A map whose claims share reasons
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
  - {id: p11, text: Rewards can be designed for every kind of commute., objections: [p10]}
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
    reasons: [[c1, p8]]
    objections: [p10]
recommendations:
  - {id: r1, text: The city should pay for a bike-to-work scheme., thesis: true, reasons: [c2, c1]}
"""


@pytest.mark.parametrize("column", [640, 720])  # Pandoc's HTML, a report's column
@pytest.mark.parametrize("status", [False, True])
def test_a_map_that_graphviz_draws_within_the_column_is_one_figure(
    column: int, status: bool
) -> None:
    """Not four, the last of them one premise: the reader sees the argument whole."""
    amap = loaded(SHARED)
    (svg,) = render_figures(amap, "svg", fit=column, status=status)
    assert viewbox_width(svg) <= column * 12 / 9  # claim text at least 9 px in the column
    assert len(re.findall(rb'class="node claim', svg)) == len(amap.claims)
    assert b"continued in" not in svg and b"in full in" not in svg


def _near(box: tuple[float, ...], *points: tuple[float, float], by: float = 14) -> bool:
    """Whether one of ``points`` is within ``by`` of ``box`` (shrunk by 2): a line's end."""
    left, top, right, bottom = box
    return any(left - by < x < right + by and top - by < y < bottom + by for x, y in points)


def crossings(svg: bytes) -> list[tuple[str, str]]:
    """(edge, claim) for each edge whose line runs through a claim's box (2 points inside
    its outline) that is not one of its ends."""
    text = svg.decode().replace("&#45;", "-")
    boxes = {}
    for node in re.finditer(r'<g id="[^"]*" class="node claim[^"]*">(.*?)</g>\n</g>', text, re.S):
        outline = " ".join(re.findall(r' (?:d|points)="([^"]+)"', node.group(1)))
        xs, ys = zip(*((float(x), float(y)) for x, y in _POINT.findall(outline)), strict=True)
        name = re.search(r"<title>([^<]*)</title>", node.group(1))[1]  # as the edges name it
        boxes[name] = (min(xs) + 2, min(ys) + 2, max(xs) - 2, max(ys) - 2)
    found = []
    for edge in _EDGE.finditer(text):
        line = re.search(r'<path[^>]* d="M([^"]+)"', edge.group(2))
        if line is None:
            continue
        points = [(float(x), float(y)) for x, y in _POINT.findall(line.group(1))]
        ends = set(edge.group(1).split("--"))  # <kind>--<tail>--<head>, as argmap names them
        if "--" not in edge.group(1):  # a stub's line (Graphviz's id): the claim it leads to
            ends = {name for name, box in boxes.items() if _near(box, points[0], points[-1])}
        along = []
        for n in range(0, len(points) - 3, 3):
            (ax, ay), (bx, by), (cx, cy), (dx, dy) = points[n : n + 4]
            for t in (i / 16 for i in range(17)):
                u = 1 - t
                a, b, c, d = u**3, 3 * u * u * t, 3 * u * t * t, t**3
                along.append((a * ax + b * bx + c * cx + d * dx, a * ay + b * by + c * cy + d * dy))
        for name, (left, top, right, bottom) in boxes.items():
            if name not in ends and any(left < x < right and top < y < bottom for x, y in along):
                found.append((edge.group(1), name))
    return found


def test_no_line_runs_through_a_claim_it_does_not_join(seed: ArgumentMap) -> None:
    """Moving the thesis to the middle bends the lines into it; not through other claims."""
    drawings = render_figures(loaded(SHARED), "svg", fit=720)
    drawings += [render_map(loaded(SHARED), "svg"), render_map(loaded(LOPSIDED), "svg")]
    drawings += render_figures(seed, "svg", fit=720) + render_figures(seed, "svg", fit=480)
    assert [found for svg in drawings if (found := crossings(svg))] == []


def step_gaps(svg: bytes) -> list[float]:
    """The gaps (points) between the cells of each legend arrowhead in Graphviz's drawing,
    as PNG and PDF draw it (the SVG joins the cells into one triangle)."""
    gaps = []
    for run in re.finditer(rb'(?:<polygon fill="[^"]+" stroke="none" points="[^"]+"/>\n){9}', svg):
        lefts = [float(x) for x in re.findall(rb'points="([-\d.]+),', run.group())]
        gaps += [round(b - a - 1, 3) for a, b in itertools.pairwise(lefts)]
    return gaps


@pytest.mark.parametrize("text", [STATUSES, MICROTEXT])
@pytest.mark.parametrize("status", [False, True])
def test_the_legends_arrow_is_drawn_whole_in_png_and_pdf(text: str, status: bool) -> None:
    amap = loaded(text)
    drawn = whole_svg(amap, evaluation=evaluate(amap) if status else None)
    gaps = step_gaps(drawn)
    assert len(gaps) == 8 and set(gaps) == {0.0}  # nine steps side by side, no comb


@pytest.mark.parametrize("fit", [None, 720])
def test_dotted_lines_are_drawn_in_round_dots(fit: int | None) -> None:
    """Graphviz dots a line with dashes a point long and as wide as the line: across a short
    horizontal line (the legend's undercut) they stand up like apostrophes. Round ends make
    each a dot, whichever way its line runs."""
    amap = loaded(MICROTEXT)
    svg = render_map(amap, "svg") if fit is None else render_figures(amap, "svg", fit=fit)[0]
    dotted = re.findall(rb'<[a-z]+ [^>]*stroke-dasharray="1,5"[^>]*>', svg)
    assert len(dotted) >= 2  # the undercut and its sample in the legend
    assert all(b'stroke-linecap="round"' in element for element in dotted), dotted


# A reason's scheme is drawn by its line: Graphviz sets an edge's label just right of it.
SCHEMES = """\
argmap: 1
title: Is the vaccine safe?
conclusions:
  - id: safe
    text: The vaccine is safe.
    reasons:
      - {claims: doctor, scheme: Argument from Expert Opinion}
      - {claims: [trial, big], scheme: Example}
      - {claims: friends, scheme: Gut feeling}
premises:
  - {id: doctor, text: Dr Smith says the vaccine is safe.}
  - {id: trial, text: No one in the trial fell ill.}
  - {id: big, text: The trial had 30000 people.}
  - {id: friends, text: My friends took it and are fine.}
"""


def label_clearance(svg: bytes) -> dict[str, float]:
    """Each line of a scheme's label → how near (points) any edge's line comes to it sideways,
    on its height (negative: a line crosses it)."""
    from argmap.draw.layout import _curve
    from argmap.draw.metrics import text_width

    along = []  # points every half point or so along every edge's line
    for edge in _EDGE.finditer(svg.decode()):
        path = re.search(r'<path[^>]* d="([^"]+)"', edge.group(2))
        if path is not None:
            points = [(float(x), float(y)) for x, y in _POINT.findall(path.group(1))]
            along += _curve(points, 200)
    found: dict[str, float] = {}
    for edge in _EDGE.finditer(svg.decode()):
        for anchor, x, y, size, words in re.findall(
            r'<text[^>]* text-anchor="(start|middle)" x="([-\d.]+)" y="([-\d.]+)"[^>]*'
            r'font-size="([\d.]+)"[^>]*>([^<]+)</text>',
            edge.group(2),
        ):
            wide = text_width(words, float(size))
            left = float(x) - (wide / 2 if anchor == "middle" else 0)
            right, top, bottom = left + wide, float(y) - float(size) * 0.75, float(y)
            found[words] = min(
                [max(left - px, px - right) for px, py in along if top <= py <= bottom] + [math.inf]
            )
    return found


@pytest.mark.parametrize("fit", [None, 720])
def test_a_schemes_label_keeps_clear_of_every_line(fit: int | None) -> None:
    amap = loaded(SCHEMES)
    svg = render_map(amap, "svg") if fit is None else render_figures(amap, "svg", fit=fit)[0]
    clearance = label_clearance(svg)
    assert {"Gut feeling", "Example"} <= set(clearance), clearance
    assert min(clearance.values()) >= 2, clearance


# A map of several parts (an imported corpus, a handout whose objections answer one another
# apart from the thesis) is laid out part by part and the parts packed; Graphviz's packing
# drops the room and the place of every edge's label, so argmap packs such a map itself.
PARTS = (
    SCHEMES
    + """\
  - {id: cold, text: It is cold outside., objections: [sunny]}
  - {id: sunny, text: The sun is out.}
  - {id: forecast, text: The forecast says rain.}
  - {id: wrong, text: Forecasts are often wrong.}
recommendations:
  - id: coat
    text: Take a coat.
    reasons:
      - {claims: cold, scheme: Cause to Effect}
      - claims: forecast
        objections: [{claims: wrong, question: 2}]
        scheme: Expert Opinion
  - id: walk
    text: Go for a walk.
    reasons: [{claims: sunny, scheme: Practical Reasoning}]
"""
)


def label_distances(svg: bytes) -> dict[str, float]:
    """Each line of an edge's label → how far (points) the nearest line of that label is from
    its own edge's line."""
    from argmap.draw.layout import _curve
    from argmap.draw.metrics import text_width

    found: dict[str, float] = {}
    for edge in _EDGE.finditer(svg.decode()):
        path = re.search(r'<path[^>]* d="([^"]+)"', edge.group(2))
        texts = re.findall(
            r'<text[^>]* x="([-\d.]+)" y="([-\d.]+)"[^>]*font-size="([\d.]+)"[^>]*>([^<]+)</text>',
            edge.group(2),
        )
        if path is None or not texts:
            continue
        line = _curve([(float(x), float(y)) for x, y in _POINT.findall(path.group(1))], 50)
        nearest = math.inf
        for x, y, size, words in texts:
            left, bottom = float(x), float(y)
            right, top = left + text_width(words, float(size)), bottom - float(size)
            for px, py in line:
                off = math.hypot(max(left - px, 0, px - right), max(top - py, 0, py - bottom))
                nearest = min(nearest, off)
        found.update({words: nearest for *_, words in texts})
    return found


def test_a_map_of_several_parts_draws_each_label_by_its_line() -> None:
    from argmap.draw.graph import whole_shape
    from argmap.draw.pack import parts

    amap = loaded(PARTS)
    assert len(set(parts(whole_shape(amap)).values())) == 2
    svg = render_map(amap, "svg")
    distances = label_distances(svg)
    assert set(distances) == {
        "Argument from Expert", "Opinion", "Example", "Gut feeling", "Cause to Effect",
        "Expert Opinion", "question 2", "Practical Reasoning",
    }, distances  # fmt: skip
    assert max(distances.values()) <= 12, distances
    assert min(label_clearance(svg).values()) >= 2, label_clearance(svg)


def test_a_legend_in_two_rows_keeps_each_sample_by_its_words() -> None:
    """Rows of a legend are as wide as the widest: the others end in an empty cell. Made
    wider than the widest really is (its words measured too wide), that cell made Graphviz
    spread the widest row, an arrow drifting away from its 'supports'."""
    from .test_raised_questions import MAP

    svg = render_figures(loaded(MAP), "svg", fit=720)[0].decode()
    assert "claims that support only together" in svg  # the legend's second row
    word = re.search(r'text-anchor="start" x="([-\d.]+)" y="([-\d.]+)"[^>]*>supports<', svg)
    assert word is not None
    x, y = float(word.group(1)), float(word.group(2))
    tips = [  # the right ends of the triangles beside the word, on its line
        max(float(px) for px, _ in _POINT.findall(points))
        for points in re.findall(r'<polygon fill="[^"]+" stroke="none" points="([^"]+)"', svg)
        if all(abs(float(py) - y) < 12 for _, py in _POINT.findall(points))
    ]
    tip = max(t for t in tips if t < x)
    assert x - tip < 8  # a no-break space and the cells' spacing
