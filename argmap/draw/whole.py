"""A map and how to draw it (a :class:`~argmap.draw.graph.Look`) → the whole map as one
drawing, its thesis centred on top: what ``argmap render`` draws (through
:func:`argmap.draw.figures.whole_drawing`) and what a poster enlarges
(:mod:`argmap.draw.poster`, which tries it in several measures)."""

from __future__ import annotations

import attrs

from argmap.analysis.carve import Budget
from argmap.analysis.figures import split
from argmap.analysis.shape import shape as shape_of
from argmap.analysis.summary import thesis
from argmap.draw import engine
from argmap.draw.fit import measure
from argmap.draw.graph import Look, figure_graph, to_dot
from argmap.draw.layout import LEGEND_SLACK, centring, measuring
from argmap.draw.themes import themed_dot
from argmap.model import ArgumentMap

#: Maps of at most this many claims are measured before they are drawn whole, so that the
#: thesis's reasons can be ordered to put it in the middle (measuring costs about half a
#: layout); bigger ones keep Graphviz's order and their thesis stays where it falls, on top.
ORDERED_MAX_CLAIMS = 300


def look_dot(amap: ArgumentMap, look: Look) -> tuple[str, str | None]:
    """The DOT of the whole map drawn in ``look``, and the thesis to centre (None: none).

    With a thesis, the map is measured and each claim's reasons and objections put in the
    order that draws the thesis nearest the middle (:func:`argmap.analysis.contour.arranged`);
    what is left of its distance from the middle is closed after the layout
    (:func:`argmap.draw.layout.centre`). A map without a thesis, or a big one, is drawn in
    file order with the default measures."""
    top = thesis(amap)
    if top is None or len(amap.claims) > ORDERED_MAX_CLAIMS:
        options = {"legend_room": look.legend_room, "titled": look.titled, "draft": look.draft}
        return to_dot(amap, legend=look.legend, evaluation=look.evaluation, **options), None
    shape = shape_of(amap, top.id)  # what whole_shape gives, the thesis found once
    (figure,) = split(shape, measure(shape, look), Budget(float("inf")))
    return figure_graph(amap, shape, attrs.evolve(figure, number=1), look)[0].source, top.id


def drawing(
    amap: ArgumentMap, look: Look, fmt: str, theme: str = "light", dpi: float | None = None
) -> bytes:
    """Graphviz's drawing of the whole map in ``look`` as ``fmt`` (svg, png or pdf), its
    thesis centred on top. A legend that would make the drawing wider than its claims (a
    small map that uses many kinds of link, or statuses) is set again in rows as wide as the
    claims: in one row it would shrink the whole drawing in a column. So are the title (a long
    one over a small map) and a worksheet's note, in lines as long as the claims are wide, down
    to their least measures (:mod:`argmap.draw.heading`)."""
    dot, top = look_dot(amap, look)
    found: list[tuple[float, float]] = []
    drawn = engine.render(themed_dot(dot, theme), fmt, adjust=measuring(top, found), dpi=dpi)
    if (look.legend or look.titled) and found and found[-1][1] > found[-1][0] + LEGEND_SLACK:
        dot, top = look_dot(amap, attrs.evolve(look, legend_room=found[-1][0]))
        drawn = engine.render(themed_dot(dot, theme), fmt, adjust=centring(top), dpi=dpi)
    return drawn


__all__ = ["ORDERED_MAX_CLAIMS", "drawing", "look_dot"]
