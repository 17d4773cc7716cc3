"""A map's shape + how its figures look → the size of every node the split weighs (each claim
in full and as a reference, a stub), computed as Graphviz computes it, without Graphviz.

A claim's node is a box around an HTML-like table (:func:`argmap.draw.labels.claim_label`)
of one cell a row: its kind in small bold capitals (and its status), its text in lines, and
for a reference where it is in full. Graphviz makes a line as wide as its spans' texts
(:mod:`argmap.draw.metrics`) and as high as the highest; a cell its lines plus its padding
on each side; the table its widest cell and its cells' heights; the node the table plus its
margins, at least the default node size, plus 4 points a side for each periphery after the
first (found by the arithmetic Graphviz uses for any polygon, in the same floating point, so
that even its last bits agree). It writes the size in inches to five significant digits, which
is what :func:`argmap.draw.engine.node_sizes` reads back: the same numbers come out here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import attrs

from argmap.analysis.carve import Sizes
from argmap.analysis.evaluate import Evaluation, Status
from argmap.analysis.shape import Shape
from argmap.draw.blank import lines_of
from argmap.draw.labels import kind_word, lead_text, short_text, unseen_note
from argmap.draw.metrics import Unmeasured, line_height, sized, text_width
from argmap.draw.style import (
    CLAIM_SIZE,
    JUNCTION_WIDTH,
    KIND_STYLES,
    NODE_MARGIN,
    NODESEP,
    RANKSEP,
    STATUS_STYLES,
    STUB_HEIGHT,
    STUB_MARGIN,
    THESIS_SIZE,
    UNDERCUT_SLOT,
    WORD_SIZE,
    Measures,
)
from argmap.model import Claim
from argmap.words import ENGLISH, Words

#: Graphviz's default node size (0.75 by 0.5 inches) and its gap between peripheries, points.
NODE_WIDTH, NODE_HEIGHT, GAP = 54.0, 36.0, 4.0
#: The claim label's cell padding, points on each side.
PADDING = 1.0
#: The figure number a stub or a reference is measured with (the widest written).
NUMBER = 999

Line = list[tuple[str, float, bool]]  # spans: text, size, bold


def _written(points: float) -> float:
    """A size as Graphviz writes it (inches, five significant digits), in points."""
    return float(f"{points / 72:.5g}") * 72


def _corner() -> tuple[float, float]:
    """The first corner of a square polygon of unit size, as ``poly_init`` finds it (its
    corners by trigonometry, walked as Graphviz walks them)."""
    sector = 2 * math.pi / 4
    side = math.sin(sector / 2)
    angle = (sector - math.pi) / 2
    x, y = 0.5 * math.cos(angle), 0.5 * math.sin(angle)
    angle += (math.pi - sector) / 2
    angle += sector
    x, y = x + side * math.cos(angle), y + side * math.sin(angle)
    turn = math.atan2(y, x)
    radius = math.hypot(x, y)
    return radius * math.cos(turn), radius * math.sin(turn)


_CORNER = _corner()


def _outline(wide: float, high: float, peripheries: int) -> tuple[float, float]:
    """The size of a box node around ``wide`` by ``high`` points (label and margins, at least
    the node's least size), as Graphviz's ``poly_init`` computes it for a square polygon
    (its corners by trigonometry, then each periphery 4 points out along their bisectors)."""
    x, y = _CORNER[0] * wide, _CORNER[1] * high
    x_max, y_max = 2 * abs(x), 2 * abs(y)
    wide, high = max(wide, x_max), max(high, y_max)
    x, y = x * (wide / x_max), y * (high / y_max)
    if peripheries > 1:
        corners = [(x, y), (-x, y), (-x, -y), (x, -y)]
        q, r = corners[3], corners[0]
        beta = math.atan2(r[1] - q[1], r[0] - q[0])
        for i in range(4):
            q, r = r, corners[(i + 1) % 4]
            alpha, beta = beta, math.atan2(r[1] - q[1], r[0] - q[0])
            gamma = (alpha + math.pi - beta) / 2
            step = GAP / math.sin(gamma)
            dx, dy = math.cos(alpha - gamma) * step, math.sin(alpha - gamma) * step
            px, py = q
            for _ in range(1, peripheries):
                px, py = px + dx, py + dy
            wide, high = max(2 * abs(px), wide), max(2 * abs(py), high)
    return wide, high


def _lines(lines: list[Line]) -> tuple[float, float]:
    """The width and height of lines of spans, as Graphviz sizes an HTML-like text: a line as
    high as pango sets it when every line is one plain span of one size, else as high as its
    largest font size (one line alone is always as pango sets it)."""
    first = lines[0][0][1]
    wide = high = 0.0
    if all(len(spans) == 1 and spans[0][1:] == (first, False) for spans in lines):
        font = sized(first)  # one plain span a line, all of one size (a claim's text, a stub)
        for ((text, _, _),) in lines:
            wide = max(wide, font.width(text))
            high += font.line_height
        return wide, high
    for spans in lines:
        wide = max(wide, sum(text_width(text, size, bold=bold) for text, size, bold in spans))
        if len(lines) == 1:
            high += max(line_height(size, bold=bold) for _, size, bold in spans)
        else:
            high += max(size for _, size, _ in spans)
    return wide, high


def _node(
    cells: list[list[Line]], margin: tuple[float, float], peripheries: int = 1
) -> tuple[float, float]:
    """A box around a table of one cell a row (or, with no padding, around text)."""
    wide = high = 0.0
    for cell in cells:
        w, h = _lines(cell)
        wide, high = max(wide, w + 2 * PADDING), high + h + 2 * PADDING
    wide = max(NODE_WIDTH, wide + 2 * (margin[0] * 72))
    high = max(NODE_HEIGHT, high + 2 * (margin[1] * 72))
    wide, high = _outline(wide, high, peripheries)
    return _written(wide), _written(high)


def claim_box(
    claim: Claim,
    text: str,
    width: int,
    *,
    status: Status | None = None,
    thesis: bool = False,
    note: str | None = None,
    full: bool = False,
    words: Words = ENGLISH,
    own: bool | None = None,
) -> tuple[float, float]:
    """The size of a claim's node showing ``text`` wrapped to ``width`` (as
    :func:`argmap.draw.labels.claim_label` draws it; ``note`` for a reference, drawn with
    one periphery, unless the claim is drawn in ``full``).

    Raises:
        Unmeasured: a text has a character the shipped font does not draw.
    """
    kind = kind_word(claim.kind, implicit=claim.implicit, thesis=thesis, words=words, own=own)
    tag: Line = [(kind, WORD_SIZE, True)]
    if status is not None and status in STATUS_STYLES:
        tag.append(("\xa0\xa0" + words(status.value), WORD_SIZE, True))
    size = THESIS_SIZE if thesis else CLAIM_SIZE
    # Struck text is drawn a line a cell (labels.struck_lines): as high and wide as plain.
    cells = [[tag], [[(line, size, False)] for line in lines_of(text, width, words.hyphens)]]
    if note:
        cells.append([[(note, WORD_SIZE, True)]])
    peripheries = 1 if note and not full else KIND_STYLES[claim.kind].peripheries
    return _node(cells, NODE_MARGIN, peripheries)


def stub_box(text: str) -> tuple[float, float]:
    """The size of a stub's node (:meth:`argmap.draw.graph._Figure.stub`): text alone."""
    wide, high = _lines([[(text, WORD_SIZE, False)]])
    wide = max(NODE_WIDTH, wide + 2 * (STUB_MARGIN[0] * 72))
    high = max(STUB_HEIGHT * 72, high + 2 * (STUB_MARGIN[1] * 72))
    wide, high = _outline(wide, high, 1)
    return _written(wide), _written(high)


def estimate(
    shape: Shape,
    measures: Measures,
    evaluation: Evaluation | None = None,
    outside: Mapping[str, tuple[int, int]] | None = None,
    words: Words = ENGLISH,
    own: Mapping[str, bool] | None = None,
) -> Sizes | None:
    """Every claim's node in full and as a reference, and a stub's, as Graphviz sizes them
    in the shipped font, with argmap's ``words`` (and ``own``: the analyst's claims, tagged so);
    None when a text has a character the font does not draw (the machine's fonts draw it: only
    Graphviz can tell how wide)."""
    full, ref, own = {}, {}, own or {}
    try:
        for name, claim in shape.claims.items():
            status = evaluation.status(name) if evaluation is not None else None
            thesis = name == shape.thesis
            full[name] = claim_box(
                claim, claim.text, measures.thesis if thesis else measures.claim,
                status=status, thesis=thesis, full=True, words=words, own=own.get(name),
                note=unseen_note(evaluation, name, outside, words),
            )  # fmt: skip
            ref[name] = claim_box(
                claim, short_text(claim, measures.ref), measures.ref, own=own.get(name),
                status=status, note=words("in full in", n=NUMBER), words=words,
            )  # fmt: skip
        stub = stub_box(words("continued in", n=NUMBER))
        stub3 = stub_box(words.figures("continued in", [NUMBER] * 3))
        lead = {
            name: stub_box(words("lead", n=NUMBER, lead=lead_text(claim)))[0]
            for name, claim in shape.claims.items()
        }
        line = sized(WORD_SIZE).line_height
    except Unmeasured:
        return None
    return attrs.evolve(node_sizes(full, ref, stub, stub3), lead=lead, line=line)


def node_sizes(
    full: Mapping[str, tuple[float, float]],
    ref: Mapping[str, tuple[float, float]],
    stub: tuple[float, float],
    stub3: tuple[float, float],
) -> Sizes:
    """The sizes of a map's nodes (each claim's full node and compact reference, a stub naming
    one figure and one naming three), with the gaps and widths the drawing's style puts
    between and beside them."""
    return Sizes(
        full=full,
        ref=ref,
        stub=stub,
        gap=NODESEP * 72,
        rank_gap=RANKSEP * 72,
        junction=JUNCTION_WIDTH * 72,
        slot=UNDERCUT_SLOT,
        per_figure=max(stub3[0] - stub[0], 0.0) / 2,
    )
