"""A map + a column's width or a page → its figures, each readable there, drawn by Graphviz.

**The arithmetic.** Graphviz lays out in points and writes the SVG's viewBox in points. Shown in
a column ``C`` CSS px wide (``max-width: 100%``: never wider than its column, nor than its
natural size), one viewBox unit is ``min(C / W, 96 / 72)`` px, so text of size ``s`` comes out
``s · min(C / W, 4 / 3)`` px high. A figure is readable in the column when claim text is at
least 9 px and every other text at least 7 px; so the widest a figure may be is ``C · min(12 /
9, 10 / 7)`` = 960 pt for a 720-px column (:func:`widest`). A printed page is the same sum in
points: a figure is scaled to fit the page's box within its margins, and its text must stay at
least 9 pt (claims) and 7 pt (the rest).

**The loop** (:func:`fit`): every node is measured once, as Graphviz sizes it (:func:`measure`);
a map estimated a little too big is drawn whole first, and kept so when it fits;
the map is split to fit (:func:`argmap.analysis.figures.split`); every figure is drawn;
a figure that came out too big is carved again with a smaller budget, until all fit. A figure
is laid out with its figure numbers as placeholders, so that its layout survives a round that
numbers the others anew; the numbers are filled into its SVG.
"""

from __future__ import annotations

from typing import Any

import attrs

from argmap.analysis.carve import Budget, Sizes
from argmap.analysis.evaluate import Evaluation
from argmap.analysis.figures import Carvings, Figure, split
from argmap.analysis.shape import Shape
from argmap.draw import engine
from argmap.draw.boxes import estimate, node_sizes
from argmap.draw.graph import Look, figure_graph, sizes_graph, whole_shape
from argmap.draw.layout import LEGEND_SLACK, centring, placed, viewbox, widths
from argmap.draw.numbering import Graphs, fill_numbers
from argmap.draw.scale import legibility
from argmap.draw.style import (
    CSS_PX_PER_PT,
    NARROWEST,
    PAD,
    TARGETS,
    Measures,
    measures_for,
    targets,
)
from argmap.draw.themes import themed_dot
from argmap.model import ArgumentMap

#: Page sizes in points, portrait, and the margin on every side.
PAGES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0), "a3": (841.89, 1190.55),
         "a2": (1190.55, 1683.78), "a1": (1683.78, 2383.94), "a0": (2383.94, 3370.39)}  # fmt: skip
MARGIN = 36.0
#: Points a figure's heading (title, number, legend) takes, as the split reckons.
HEADING = 72.0
#: ... and a figure's number alone (on printed pages, whose heads have the title and legend).
NUMBERED = 18.0
MAX_ROUNDS = 6
#: Inches between the nodes of a rank in a figure that no cut made fit (else NODESEP).
TIGHT_NODESEP = 0.1
#: A map the split estimates at most this many times too big for one figure is laid out
#: whole first, and kept whole if it fits (:func:`_whole_if_it_fits`).
TRY_WHOLE = 2.0
INF = float("inf")


def px_per_unit(viewbox_width: float, column: float) -> float:
    """CSS px per viewBox unit when an SVG ``viewbox_width`` wide is shown in ``column`` px.

    >>> px_per_unit(2434, 720) * 12  # the seed map's claim text in a column, as it was
    3.5497...
    """
    return min(column / viewbox_width, CSS_PX_PER_PT) if viewbox_width > 0 else CSS_PX_PER_PT


def widest(column: float, least: float | None = None) -> float:
    """The widest viewBox (points) whose every text is readable in a ``column`` px wide; for
    paper, the widest figure (points) that a box ``column`` points wide takes; ``least``: the
    least claim text readable (:func:`~argmap.draw.style.targets`; None: 9).

    >>> widest(720), widest(720, 8)
    (960.0, 1080.0)
    """
    return min(column * size / floor for size, floor in targets(least).values())


def common_scale(widths: list[float], column: float) -> float:
    """CSS px per viewBox unit for all figures of a map: that of the widest in the column, so
    that text is the same size in every figure (the narrow ones are narrower, not larger)."""
    return px_per_unit(max(widths, default=0.0), column)


def page_box(page: str, landscape: bool = False) -> tuple[float, float, float, float]:
    """A page's width and height, and the width and height inside its margins, in points."""
    width, height = PAGES[page]
    if landscape:
        width, height = height, width
    return width, height, width - 2 * MARGIN, height - 2 * MARGIN


def budget_for(
    column: float | None = None,
    page: str | None = None,
    landscape: bool = False,
    height: float | None = None,
    least: float | None = None,
) -> Budget:
    """The budget of figures for a column (CSS px, or points of paper) or a page: as wide as
    :func:`widest` (claim text at least ``least``); as tall as the page, or the column's
    ``height``, takes (no limit in a column without one, which scrolls)."""
    if page is not None:
        _, _, inner_w, inner_h = page_box(page, landscape)
        return Budget(widest(inner_w, least), widest(inner_h, least))
    assert column is not None
    return Budget(widest(column, least), None if height is None else widest(height, least))


def print_scale(
    widths: list[float], column: float, height: float | None, size: tuple[float, float]
) -> float:
    """Points of paper a point of a figure of ``size`` (width, height), of a map whose
    figures are ``widths`` wide (as the budget allowed them), printed in a ``column`` points
    wide and at most ``height`` high: the widest fills the column (text the same size in
    all, never enlarged); a figure wider or taller than the column allows is made smaller to
    fit it, so that no document shrinks it.

    >>> print_scale([624, 400], 468, None, (400, 900)), print_scale([300], 468, 450, (300, 900))
    (0.75, 0.5)
    """
    scale = min(column / max(widths, default=column), 1.0, column / max(size[0], 1.0))
    if height is not None and size[1] * scale > height:
        scale = height / size[1]
    return scale


@attrs.frozen
class Drawn:
    """A figure as drawn: Graphviz's SVG of it (the figure numbers filled in), and the SVG's
    size in points."""

    figure: Figure
    svg: bytes
    width: float
    height: float
    laid_out: str = ""
    """The DOT as laid out (every position), for drawing it again in another format."""
    look: Look | None = None
    """How this figure was drawn, when not as the others (a narrower text measure)."""


@attrs.frozen
class Fitted:
    """A map's figures, each drawn to fit ``budget``, and how they were made."""

    amap: ArgumentMap
    shape: Shape
    look: Look
    budget: Budget
    drawn: tuple[Drawn, ...]
    rounds: int

    def final_dot(self, drawn: Drawn) -> str:
        """A figure's DOT with its real figure numbers (for PNG and PDF)."""
        look = attrs.evolve(drawn.look or self.look, total=len(self.drawn), placeholder=False)
        return figure_graph(self.amap, self.shape, drawn.figure, look)[0].source

    def draw(self, drawn: Drawn, fmt: str, dpi: float | None = None, theme: str = "light") -> bytes:
        """A figure drawn as ``fmt`` in ``theme`` with its real figure numbers, where the
        layout of its SVG put everything (another layout could come out bigger)."""
        dot = themed_dot(self.final_dot(drawn), theme)
        return engine.render(dot, fmt, adjust=placed(drawn.laid_out), dpi=dpi)


def measure(shape: Shape, look: Look) -> Sizes:
    """Every node's size as Graphviz draws it: worked out from the shipped font's metrics
    (:func:`argmap.draw.boxes.estimate`, the same numbers) when Graphviz lays out in that font
    and it draws every text; else measured by Graphviz (:func:`argmap.draw.engine.node_sizes`),
    in the fonts the drawing uses."""
    if engine.font_ready():
        estimated = estimate(shape, look.measures, look.evaluation, look.outside, look.words)
        if estimated is not None:
            return estimated
    found = engine.node_sizes(sizes_graph(shape, look).source)
    return node_sizes(
        {name: found["full:" + name] for name in shape.claims},
        {name: found["ref:" + name] for name in shape.claims},
        found["stub:"],
        found["stub:3"],
    )


def fit(
    amap: ArgumentMap,
    budget: Budget,
    *,
    legend: bool = True,
    evaluation: Evaluation | None = None,
    keep: bool = False,
    titled: bool = True,
) -> Fitted:
    """The map's figures, each at most as big as ``budget`` (points), in reading order; with
    ``keep``, each one's layout too, to draw it again in another format (:meth:`Fitted.draw`);
    not ``titled``, headed without the title and source (by their numbers alone, and the
    ``legend`` when drawn)."""
    shape = whole_shape(amap)
    look = Look.of(amap, legend=legend, evaluation=evaluation, titled=titled,
                   measures=measures_for(budget.width), room=budget.width)  # fmt: skip
    sizes = measure(shape, look)
    heading = 2 * PAD * 72 + (HEADING if titled or legend else NUMBERED)
    inner = Budget(budget.width - 2 * PAD * 72,
                   None if budget.height is None else budget.height - heading)  # fmt: skip
    graphs = Graphs(amap, shape, look)
    whole = _whole_if_it_fits(shape, sizes, inner, budget, graphs, keep)
    if whole is not None:
        drawn, rounds = (whole,), 1
    else:
        drawn, rounds = _rounds(shape, sizes, inner, budget, graphs, keep)
    larger = _whole_if_larger(shape, sizes, budget, graphs, drawn, keep)
    return Fitted(amap, shape, look, budget, drawn if larger is None else (larger,), rounds)


def _rounds(
    shape: Shape, sizes: Sizes, inner: Budget, budget: Budget, graphs: Graphs, keep: bool
) -> tuple[tuple[Drawn, ...], int]:
    """The map split (``inner``: the budget less a figure's padding and heading) and every
    figure drawn, a figure that came out too big carved again, until all fit (or no cut makes
    them smaller); and the number of rounds that took."""
    look = graphs.look
    squeeze: dict[str, Budget] = {}
    drawings: dict[str, tuple[bytes, str]] = {}  # DOT with placeholders → SVG, laid-out DOT
    carvings: Carvings = {}
    previous: list[str] = []
    rounds = 0
    while True:
        rounds += 1
        figures = split(shape, sizes, inner, squeeze, carvings)
        made = [graphs.made(figure, len(figures)) for figure in figures]
        sources = [source for source, _ in made]
        sizes_drawn = []
        for source in sources:
            if source not in drawings:
                kept: list[str] = []
                adjust = centring(shape.thesis, kept if keep else None)
                svg = engine.render(source, "svg", adjust=adjust)
                drawings[source] = (svg, kept[0] if kept else "")
            sizes_drawn.append(viewbox(drawings[source][0]))
        fits = [budget.holds_size(w, h) for w, h in sizes_drawn]
        if all(fits) or rounds == MAX_ROUNDS or sources == previous:
            break  # all fit; or squeezing changed nothing (a single step too big to split)
        previous = sources
        for figure, (w, h), ok in zip(figures, sizes_drawn, fits, strict=True):
            if not ok:
                # What the split estimated, shrunk by how much Graphviz's drawing overshot,
                # in the dimension it overshot (a figure only too tall is not made narrower).
                est_w, est_h = figure.estimate
                tighter = Budget(
                    est_w * budget.width / w * 0.97 if w > budget.width + 0.01 else inner.width,
                    None if budget.height is None
                    else est_h * budget.height / h * 0.97 if h > budget.height + 0.01
                    else inner.height,
                )  # fmt: skip
                for top in figure.tops:
                    current = squeeze.get(top, inner)
                    squeeze[top] = Budget(
                        min(current.width, tighter.width),
                        None
                        if tighter.height is None
                        else min(current.height or tighter.height, tighter.height),
                    )
    drawn = []
    for figure, source, (_, fills), (w, h) in zip(figures, sources, made, sizes_drawn, strict=True):
        svg, laid_out = drawings[source]
        drawn.append(Drawn(figure, fill_numbers(svg, fills, look.words), w, h, laid_out))
    final = tuple(
        d if budget.holds_size(d.width, d.height) else _narrower(d, graphs, keep) for d in drawn
    )
    return final, rounds


def _whole_if_it_fits(
    shape: Shape, sizes: Sizes, inner: Budget, budget: Budget, graphs: Graphs, keep: bool
) -> Drawn | None:
    """The map as one figure, when the split estimates it a little too big (at most
    :data:`TRY_WHOLE` times) but Graphviz draws it within ``budget``: the estimate lays the
    claims out as a tree, wider than Graphviz draws a claim that several others rest on."""
    figures = split(shape, sizes, Budget(float("inf")))
    if len(figures) != 1:
        return None
    wide, high = figures[0].estimate
    if inner.holds_size(wide, high) or not inner.holds_size(wide / TRY_WHOLE, high / TRY_WHOLE):
        return None  # the split makes it one figure itself; or it is far too big
    source, fills = graphs.made(figures[0], 1)
    kept: list[str] = []
    svg = engine.render(source, "svg", adjust=centring(shape.thesis, kept if keep else None))
    width, height = viewbox(svg)
    if not budget.holds_size(width, height):
        return None
    filled = fill_numbers(svg, fills, graphs.look.words)
    return Drawn(figures[0], filled, width, height, kept[0] if kept else "")


def _whole_if_larger(
    shape: Shape, sizes: Sizes, budget: Budget, graphs: Graphs, drawn: tuple[Drawn, ...], keep: bool
) -> Drawn | None:
    """The whole map as one figure, when ``drawn`` has text below the least readable in the
    box of ``budget`` and the whole's comes out larger there (:func:`legibility`), or as large
    when ``drawn`` is a split: a split that draws no text larger only repeats its heading and
    the claims it continues. The whole is drawn in the fit's look (too big, also with the
    narrowest measure), and as ``argmap render`` draws a whole map, wider and lower: in a short
    box the larger. Each is tried only when estimated within :data:`TRY_WHOLE` of ``drawn``."""
    against = legibility([(d.width, d.height) for d in drawn], budget)
    if against >= 1.0:
        return None
    split_up = len(drawn) > 1
    looks = [graphs.look] if split_up else []  # else drawn is the whole in the fit's look
    looks.append(attrs.evolve(graphs.look, measures=Measures(), room=None))
    best, most = None, against
    for look in looks:
        mine = graphs if look is graphs.look else Graphs(graphs.amap, shape, look)
        (figure,) = split(shape, sizes if mine is graphs else measure(shape, look), Budget(INF))
        wide, high = figure.estimate
        heading = 2 * PAD * 72
        reckoned = legibility([(wide + heading, high + heading + HEADING)], budget)
        if reckoned * TRY_WHOLE < against:
            continue
        whole = _drawn_whole(figure, mine, keep, None if mine is graphs else look)
        tries = [whole]
        if not budget.holds_size(whole.width, whole.height):
            tries.append(_narrower(whole, mine, keep))
        for tried in tries:
            found = legibility([(tried.width, tried.height)], budget)
            if found > most or (best is None and split_up and found >= against):
                best, most = tried, found
    return best


def _drawn_whole(figure: Figure, graphs: Graphs, keep: bool, look: Look | None) -> Drawn:
    """The whole map (``figure``) as one figure drawn in ``graphs``' look, its legend set
    again in rows as wide as its claims when it would be wider (as a whole map's is,
    :func:`argmap.draw.figures.whole_drawing`); ``look``: the Drawn's, when not the fit's."""
    found: list[tuple[float, float]] = []
    for _ in range(2):
        source, fills = graphs.made(figure, 1)
        kept: list[str] = []
        centred = centring(graphs.shape.thesis, kept if keep else None)

        def adjust(graph: Any, centred: Any = centred) -> None:
            centred(graph)
            found.append(widths(graph))

        svg = engine.render(source, "svg", adjust=adjust)
        claims, heading = found[-1]
        if not graphs.look.legend or heading <= claims + LEGEND_SLACK:
            break
        look = attrs.evolve(look or graphs.look, legend_room=claims)
        graphs = Graphs(graphs.amap, graphs.shape, look)
    width, height = viewbox(svg)
    filled = fill_numbers(svg, fills, graphs.look.words)
    return Drawn(figure, filled, width, height, kept[0] if kept else "", look)


def _narrower(d: Drawn, graphs: Graphs, keep: bool) -> Drawn:
    """A figure that no cut made fit (a step with more claims side by side than the column
    holds) drawn again with the narrowest text measure and the nodes of a rank closer
    together; kept if it came out narrower."""
    measures = Measures(NARROWEST, NARROWEST + 4, NARROWEST - 4)
    narrow = attrs.evolve(graphs.look, measures=measures, placeholder=True, nodesep=TIGHT_NODESEP)
    source, fills = Graphs(graphs.amap, graphs.shape, narrow).made(d.figure, graphs.total)
    kept: list[str] = []
    thesis = graphs.shape.thesis
    svg = engine.render(source, "svg", adjust=centring(thesis, kept if keep else None))
    width, height = viewbox(svg)
    if width >= d.width:
        return d
    filled = fill_numbers(svg, fills, narrow.words)
    return Drawn(d.figure, filled, width, height, kept[0] if kept else "", narrow)


__all__ = [
    "MARGIN",
    "PAGES",
    "TARGETS",
    "Drawn",
    "Fitted",
    "budget_for",
    "common_scale",
    "fit",
    "measure",
    "page_box",
    "print_scale",
    "px_per_unit",
    "widest",
]
