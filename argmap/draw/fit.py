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
from argmap.analysis.regroup import pages_of
from argmap.analysis.shape import Shape
from argmap.draw import engine
from argmap.draw.graph import Look, figure_graph, whole_shape
from argmap.draw.layout import LEGEND_SLACK, centring, placed, viewbox, widths
from argmap.draw.numbering import Graphs, fill_numbers
from argmap.draw.retries import (
    HEADING,
    INF,
    Drawn,
    drawn_whole,
    measure,
    narrower,
    relined,
    whole_if_it_fits,
    whole_if_larger,
)
from argmap.draw.scale import legibility
from argmap.draw.style import (
    CSS_PX_PER_PT,
    PAD,
    TARGETS,
    measures_for,
    shorter_measures,
    targets,
)
from argmap.draw.themes import themed_dot
from argmap.model import ArgumentMap

#: Page sizes in points, portrait, and the margin on every side.
PAGES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0), "a3": (841.89, 1190.55),
         "a2": (1190.55, 1683.78), "a1": (1683.78, 2383.94), "a0": (2383.94, 3370.39)}  # fmt: skip
MARGIN = 36.0
#: ... and a figure's number alone (on printed pages, whose heads have the title and legend).
NUMBERED = 18.0
MAX_ROUNDS = 6


def px_per_unit(viewbox_width: float, column: float, most: float = CSS_PX_PER_PT) -> float:
    """CSS px per viewBox unit when an SVG ``viewbox_width`` wide is shown in ``column`` px:
    at most ``most`` (its natural size, unless a least text size asks for more).

    >>> px_per_unit(2434, 720) * 12  # the seed map's claim text in a column, as it was
    3.5497...
    """
    return min(column / viewbox_width, most) if viewbox_width > 0 else most


def widest(column: float, least: float | None = None) -> float:
    """The widest viewBox (points) whose every text is readable in a ``column`` px wide; for
    paper, the widest figure (points) that a box ``column`` points wide takes; ``least``: the
    least claim text readable (:func:`~argmap.draw.style.targets`; None: 9).

    >>> widest(720), widest(720, 8)
    (960.0, 1080.0)
    """
    return min(column * size / floor for size, floor in targets(least).values())


def common_scale(widths: list[float], column: float, most: float = CSS_PX_PER_PT) -> float:
    """CSS px per viewBox unit for all figures of a map: that of the widest in the column, so
    that text is the same size in every figure (the narrow ones are narrower, not larger)."""
    return px_per_unit(max(widths, default=0.0), column, most)


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
class Fitted:
    """A map's figures, each drawn to fit ``budget``, and how they were made."""

    amap: ArgumentMap
    shape: Shape
    look: Look
    budget: Budget
    drawn: tuple[Drawn, ...]
    rounds: int
    first: str | None = None
    """The number a document gives the first figure, when not 1 (:attr:`Look.first`)."""

    def final_dot(self, drawn: Drawn) -> str:
        """A figure's DOT with its real figure numbers (for PNG and PDF), or the document's."""
        look = attrs.evolve(drawn.look or self.look, total=len(self.drawn), placeholder=False,
                            first=self.first)  # fmt: skip
        return figure_graph(self.amap, self.shape, drawn.figure, look)[0].source

    def draw(
        self,
        drawn: Drawn,
        fmt: str,
        dpi: float | None = None,
        theme: str = "light",
        most: tuple[int, int] | None = None,
    ) -> bytes:
        """A figure drawn as ``fmt`` in ``theme`` with its real figure numbers, where the
        layout of its SVG put everything (another layout could come out bigger); a PNG at
        ``dpi``, at most ``most`` pixels (:func:`argmap.draw.engine.render`)."""
        dot = themed_dot(self.final_dot(drawn), theme)
        return engine.render(dot, fmt, adjust=placed(drawn.laid_out), dpi=dpi, most=most)


def fit(
    amap: ArgumentMap,
    budget: Budget,
    *,
    legend: bool = True,
    evaluation: Evaluation | None = None,
    keep: bool = False,
    titled: bool = True,
    alone: bool = True,
    handout: bool = False,
) -> Fitted:
    """The map's figures, each at most as big as ``budget`` (points), in reading order; with
    ``keep``, each one's layout too, to draw it again in another format (:meth:`Fitted.draw`);
    not ``titled``, headed without the title and source (by their numbers alone, and the
    ``legend`` when drawn). Claims are set in the measure of the budget's width
    (:func:`measures_for`). A figure shown ``alone`` in a box
    of the budget (a column, a slide; not set beside others on a page, as in a handout) that
    comes out too tall is not drawn narrower (and taller still), and the claims are set in
    wider measures in turn too (:func:`shorter_measures`): the fit kept is the one whose
    smallest text comes out largest (:func:`~argmap.draw.scale.legibility`; any that fits
    every figure is as good as another), then that leaves the fewest figures too big, then
    makes the fewest figures."""
    shape = whole_shape(amap)
    slide = alone and budget.height is not None and budget.height < budget.width
    options = {"legend": legend, "evaluation": evaluation, "titled": titled, "handout": handout}
    score, fitted = _tried(amap, shape, budget, options, keep, alone, slide, fine=False)
    if not slide or score[1] == 0:
        return fitted  # a page's; or a slide's, every figure of it fitting as a page's split
    return _tried(amap, shape, budget, options, keep, alone, slide, fine=True)[1]


def _score(drawn: tuple[Drawn, ...], budget: Budget) -> tuple[float, int, int]:
    """How good a fit is, the least the best: its smallest text (any readable as good as
    another), then how many figures are too big, then how many figures it makes."""
    sizes = [(d.width, d.height) for d in drawn]
    too_big = sum(not budget.holds_size(w, h) for w, h in sizes)
    return -min(legibility(sizes, budget), 1.0), too_big, len(sizes)


def _tried(
    amap: ArgumentMap,
    shape: Shape,
    budget: Budget,
    options: dict[str, Any],
    keep: bool,
    alone: bool,
    slide: bool,
    fine: bool,
) -> tuple[tuple[float, int, int], Fitted]:
    """:func:`fit` with the split ``fine`` for a slide (:attr:`Sizes.slide`) or not, and its
    score; a slide's split as a page's is not drawn again in longer lines (:func:`relined`):
    unless it all fits, the finer split is drawn instead."""
    best, most = None, (INF, INF, INF)
    wider = shorter_measures(budget.width) if alone else []
    for measures in [measures_for(budget.width), *wider]:
        look = Look.of(amap, measures=measures, room=budget.width, **options)
        fitted = _fit(amap, shape, budget, look, keep, alone, fine)
        score = _score(fitted.drawn, budget)
        if score < most:
            best, most = fitted, score
        if score[1] == 0 or all(d.height <= (budget.height or INF) + 0.01 for d in fitted.drawn):
            break  # all fit; or none is too tall, which wider lines would only make wider
    assert best is not None
    if alone and budget.height is not None and most[1] > 0 and fine == slide:  # in longer lines
        graphs = Graphs(amap, shape, best.look)
        graphs.total = len(best.drawn)
        drawn = tuple(relined(d, graphs, keep, budget, slide) for d in best.drawn)
        best = attrs.evolve(best, drawn=drawn)
        most = _score(drawn, budget)
    return most, best


def _fit(
    amap: ArgumentMap,
    shape: Shape,
    budget: Budget,
    look: Look,
    keep: bool,
    alone: bool,
    slide: bool = False,
) -> Fitted:
    """The map's figures fitted to ``budget`` in ``look`` (:func:`fit`); on a ``slide``, every
    page of a claim no taller than it (:attr:`~argmap.analysis.carve.Sizes.slide`)."""
    sizes = attrs.evolve(measure(shape, look), slide=slide)
    heading = 2 * PAD * 72 + (HEADING if look.titled or look.legend else NUMBERED)
    inner = Budget(budget.width - 2 * PAD * 72,
                   None if budget.height is None else budget.height - heading)  # fmt: skip
    graphs = Graphs(amap, shape, look)
    whole = whole_if_it_fits(shape, sizes, inner, budget, graphs, keep)
    if whole is not None:
        drawn, rounds = (whole,), 1
    else:
        drawn, rounds = _rounds(shape, sizes, inner, budget, graphs, keep, alone)
    larger = whole_if_larger(shape, sizes, budget, graphs, drawn, keep)
    return Fitted(amap, shape, look, budget, drawn if larger is None else (larger,), rounds)


def _rounds(
    shape: Shape,
    sizes: Sizes,
    inner: Budget,
    budget: Budget,
    graphs: Graphs,
    keep: bool,
    alone: bool,
) -> tuple[tuple[Drawn, ...], int]:
    """The map split (``inner``: the budget less a figure's padding and heading) and every
    figure drawn, a figure that came out too big carved again, until all fit (or no cut makes
    them smaller); and the number of rounds that took."""
    look = graphs.look
    squeeze: dict[str, Budget] = {}
    drawings: dict[str, tuple[bytes, str]] = {}  # DOT with placeholders → SVG, laid-out DOT
    claims_wide: dict[str, float] = {}  # ... → how wide its claims and lines spread
    headed: dict[str, float] = {}  # ... → how wide its heading is
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
                spread: list[tuple[float, float]] = []
                svg = engine.render(source, "svg", adjust=_spreading(shape, kept, keep, spread))
                drawings[source] = (svg, kept[0] if kept else "")
                claims_wide[source], headed[source] = spread[-1] if spread else (INF, 0.0)
            sizes_drawn.append(viewbox(drawings[source][0]))
        fits = [budget.holds_size(w, h) for w, h in sizes_drawn]
        if all(fits) or rounds == MAX_ROUNDS or sources == previous:
            break  # all fit; or squeezing changed nothing (a single step too big to split)
        previous = sources
        for figure, source, (w, h), ok in zip(figures, sources, sizes_drawn, fits, strict=True):
            heading_only = claims_wide[source] <= inner.width + 0.01 and (
                budget.height is None or h <= budget.height + 0.01
            )  # too wide for its heading alone: carving its claims again cannot help
            if not ok and not heading_only:
                # What the split estimated, shrunk by how much Graphviz's drawing overshot,
                # in the dimension it overshot (a figure only too tall is not made narrower).
                est_w, est_h = figure.estimate
                tighter = Budget(
                    est_w * budget.width / w * 0.97 if w > budget.width + 0.01 else inner.width,
                    None if budget.height is None
                    else est_h * budget.height / h * 0.97 if h > budget.height + 0.01
                    else inner.height,
                )  # fmt: skip
                for top in _squeezable(figure):
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
    if len(figures) == 1 and headed[sources[0]] > claims_wide[sources[0]] + LEGEND_SLACK:
        # The map in one figure under a heading wider than its claims (a long title): its
        # heading set again as wide as they are, as a whole map's is.
        drawn = [drawn_whole(figures[0], graphs, keep, None)]
    final = tuple(
        d if budget.holds_size(d.width, d.height) or (alone and d.width <= budget.width + 0.01)
        else narrower(d, graphs, keep) for d in drawn
    )  # fmt: skip
    return final, rounds


def _squeezable(figure: Figure) -> list[str]:
    """What to carve again for a figure too big: its tops; for a page in rows after the
    overview, that claim's pages alone (:func:`~argmap.analysis.regroup.pages_of`), the
    overview as it was."""
    return [
        pages_of(top) if figure.rows and top in figure.continued_from else top
        for top in figure.tops
    ]


def _spreading(shape: Shape, kept: list[str], keep: bool, spread: list[tuple[float, float]]) -> Any:
    """:func:`~argmap.draw.layout.centring`, which also appends how wide the claims and the
    heading of the laid-out figure spread (:func:`~argmap.draw.layout.widths`) to ``spread``:
    a figure too wide only for its heading (at 16 cm an op-ed's page of one objection, a
    point too wide for its legend) was carved again with its claim, and so every page of the
    thesis, each of its reasons then on a page of its own: 12 figures, not 9."""
    centred = centring(shape.thesis, kept if keep else None)

    def adjust(graph: Any) -> None:
        centred(graph)
        spread.append(widths(graph))

    return adjust


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
