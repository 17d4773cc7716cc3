"""The fit's other tries (:mod:`argmap.draw.fit`): the whole map as one figure, where the
split is estimated a little too big but Graphviz draws it within the budget
(:func:`whole_if_it_fits`) or where its text comes out larger than the split's
(:func:`whole_if_larger`); a figure that no cut made fit drawn narrower (:func:`narrower`).
And what they share with the fit: a figure as drawn (:class:`Drawn`), every node measured
(:func:`measure`).
"""

from __future__ import annotations

from typing import Any

import attrs

from argmap.analysis.carve import Budget, Sizes
from argmap.analysis.figures import Figure, split
from argmap.analysis.shape import Shape
from argmap.draw import engine
from argmap.draw.boxes import estimate, node_sizes
from argmap.draw.graph import Look, sizes_graph
from argmap.draw.layout import LEGEND_SLACK, centring, viewbox, widths
from argmap.draw.numbering import Graphs, fill_numbers
from argmap.draw.scale import legibility
from argmap.draw.style import NARROWEST, PAD, SHORTER, Measures, one_box, shorter_measures
from argmap.draw.tops import PLACES

#: Points a figure's heading (title, number, legend) takes, as the split reckons.
HEADING = 72.0
#: Inches between the nodes of a rank in a figure that no cut made fit (else NODESEP).
TIGHT_NODESEP = 0.1
#: A map the split estimates at most this many times too big for one figure is laid out
#: whole first, and kept whole if it fits (:func:`whole_if_it_fits`).
TRY_WHOLE = 2.0
INF = float("inf")


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


def measure(shape: Shape, look: Look) -> Sizes:
    """Every node's size as Graphviz draws it: worked out from the shipped font's metrics
    (:func:`argmap.draw.boxes.estimate`, the same numbers) when Graphviz lays out in that font
    and it draws every text; else measured by Graphviz (:func:`argmap.draw.engine.node_sizes`),
    in the fonts the drawing uses."""
    if engine.font_ready():
        estimated = estimate(
            shape, look.measures, look.evaluation, look.outside, look.words, look.own
        )
        if estimated is not None:
            return estimated
    found = engine.node_sizes(sizes_graph(shape, look).source)
    return node_sizes(
        {name: found["full:" + name] for name in shape.claims},
        {name: found["ref:" + name] for name in shape.claims},
        found["stub:"],
        found["stub:3"],
    )


def whole_if_it_fits(
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


def whole_if_larger(
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
        whole = drawn_whole(figure, mine, keep, None if mine is graphs else look)
        tries = [whole]
        if not budget.holds_size(whole.width, whole.height):
            tries.append(narrower(whole, mine, keep))
        for tried in tries:
            found = legibility([(tried.width, tried.height)], budget)
            if found > most or (best is None and split_up and found >= against):
                best, most = tried, found
    return best


def drawn_whole(figure: Figure, graphs: Graphs, keep: bool, look: Look | None) -> Drawn:
    """The whole map (``figure``) as one figure drawn in ``graphs``' look, its legend and title
    set again as wide as its claims when they would be wider (as a whole map's are,
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
        if not (graphs.look.legend or graphs.look.titled) or heading <= claims + LEGEND_SLACK:
            break
        look = attrs.evolve(look or graphs.look, legend_room=claims)
        graphs = Graphs(graphs.amap, graphs.shape, look)
    width, height = viewbox(svg)
    filled = fill_numbers(svg, fills, graphs.look.words)
    return Drawn(figure, filled, width, height, kept[0] if kept else "", look)


def relined(d: Drawn, graphs: Graphs, keep: bool, budget: Budget, slide: bool = False) -> Drawn:
    """A figure too tall for ``budget`` but not too wide (on a slide) drawn again with claims
    in longer lines, each as long as one box of them still fits the budget's width (the
    measures of :func:`~argmap.draw.style.shorter_measures`, and the longest that fits):
    kept in the lines that show it largest there, or as it was. On a ``slide`` (a box wider
    than tall) each measure is also tried with the top's stub beside it or said in the
    heading, and with the top claims in the longest lines (:mod:`argmap.draw.tops`)."""
    height = budget.height
    if height is None or d.height <= height + 0.01 or d.width > budget.width + 0.01:
        return d
    look = d.look or graphs.look
    longer = [m.claim for m in shorter_measures(budget.width)]
    longer.append(min(one_box(budget.width), max(SHORTER)))
    best, shown = d, min(budget.width / d.width, height / d.height)
    tries = sorted({c for c in longer if c > look.measures.claim} | {look.measures.claim})
    places = PLACES if slide else PLACES[:1]
    most = max(tries) if slide else 0  # the top claims in the longest lines, on a slide
    ways = [(c, p, t) for c in tries for p in places for t in (0, most)[: 1 + (most > c)]]
    ways.remove((look.measures.claim, "above", 0))  # as it is drawn
    for claim, stubs, top in ways:
        measures = attrs.evolve(Measures.of(claim), top=top)
        lined = attrs.evolve(look, measures=measures, stubs=stubs, placeholder=True)
        source, fills = Graphs(graphs.amap, graphs.shape, lined).made(d.figure, graphs.total)
        kept: list[str] = []
        svg = engine.render(
            source, "svg", adjust=centring(graphs.shape.thesis, kept if keep else None)
        )
        width, tall = viewbox(svg)
        if min(budget.width / width, height / tall) > shown * 1.01:
            filled = fill_numbers(svg, fills, lined.words)
            best = Drawn(d.figure, filled, width, tall, kept[0] if kept else "", lined)
            shown = min(budget.width / width, height / tall)
    return best


def narrower(d: Drawn, graphs: Graphs, keep: bool) -> Drawn:
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
    "HEADING",
    "INF",
    "Drawn",
    "drawn_whole",
    "measure",
    "narrower",
    "relined",
    "whole_if_it_fits",
    "whole_if_larger",
]
