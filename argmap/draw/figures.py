"""A map + the drawing options → its drawings: the whole map, the figures that fit a column
(SVG, PNG, DOT), or a PDF of printed pages."""

from __future__ import annotations

import struct
import warnings

import attrs

from argmap.analysis.carve import Budget
from argmap.analysis.evaluate import Evaluation
from argmap.analysis.figures import split, whole
from argmap.analysis.shape import shape as shape_of
from argmap.analysis.summary import statuses, summary, thesis
from argmap.diagnostics import FitWarning, joined
from argmap.draw import engine, pdf
from argmap.draw.describe import figure_summary
from argmap.draw.fit import (
    Drawn,
    Fitted,
    common_scale,
    measure,
    print_scale,
)
from argmap.draw.floors import fewest
from argmap.draw.graph import Look, figure_graph, to_dot, whole_shape
from argmap.draw.handout import handout
from argmap.draw.layout import LEGEND_SLACK, centring, measuring
from argmap.draw.options import DEFAULT_DPI, Fit
from argmap.draw.poster import POSTERS, poster, readable_on
from argmap.draw.style import targets
from argmap.draw.svg import embed
from argmap.draw.themes import recolours, themed_dot
from argmap.draw.words import vocabulary
from argmap.model import ArgumentMap


def _poster_remedy(sizes: list[tuple[float, float]], least: float | None) -> str:
    """What draws a poster's map readable: the smallest poster page that does, else a part."""
    found = readable_on(sizes, targets(least)["claim"][1])
    if found is None:
        return "--focus on a part draws it larger"
    page, landscape = found
    return f"--page {page}{' --landscape' if landscape else ''} prints it readable"


#: Maps of at most this many claims are measured before they are drawn whole, so that the
#: thesis's reasons can be ordered to put it in the middle (measuring costs about half a
#: layout); bigger ones keep Graphviz's order and their thesis stays where it falls, on top.
ORDERED_MAX_CLAIMS = 300


def whole_dot(
    amap: ArgumentMap,
    *,
    legend: bool = True,
    evaluation: Evaluation | None = None,
    legend_room: float | None = None,
    titled: bool = True,
) -> tuple[str, str | None]:
    """The DOT of the whole map as it is drawn (``titled``: with its title and source), and
    the thesis to centre (None: none).

    With a thesis, the map is measured and each claim's reasons and objections put in the
    order that draws the thesis nearest the middle (:func:`argmap.analysis.contour.arranged`);
    what is left of its distance from the middle is closed after the layout
    (:func:`argmap.draw.layout.centre`)."""
    top = thesis(amap)
    if top is None or len(amap.claims) > ORDERED_MAX_CLAIMS:
        dot = to_dot(amap, legend=legend, evaluation=evaluation, legend_room=legend_room,
                     titled=titled)  # fmt: skip
        return dot, None
    shape = shape_of(amap, top.id)  # what whole_shape gives, the thesis found once
    look = Look.of(amap, legend=legend, evaluation=evaluation, legend_room=legend_room,
                   titled=titled)  # fmt: skip
    (figure,) = split(shape, measure(shape, look), Budget(float("inf")))
    return figure_graph(amap, shape, attrs.evolve(figure, number=1), look)[0].source, top.id


def whole_drawing(
    amap: ArgumentMap,
    fmt: str,
    *,
    legend: bool = True,
    evaluation: Evaluation | None = None,
    theme: str = "light",
    dpi: int | None = None,
    titled: bool = True,
) -> bytes:
    """Graphviz's drawing of the whole map as ``fmt`` (svg, png or pdf), its thesis centred on
    top (``titled``: under its title and source). A legend that would make the drawing wider
    than its claims (a small map that uses many kinds of link, or statuses) is set again in
    rows as wide as the claims: in one row it would shrink the whole drawing in a column."""
    dot, top = whole_dot(amap, legend=legend, evaluation=evaluation, titled=titled)
    found: list[tuple[float, float]] = []
    drawn = engine.render(themed_dot(dot, theme), fmt, adjust=measuring(top, found), dpi=dpi)
    if legend and found and found[-1][1] > found[-1][0] + LEGEND_SLACK:
        dot, top = whole_dot(amap, legend=legend, evaluation=evaluation,
                             legend_room=found[-1][0], titled=titled)  # fmt: skip
        drawn = engine.render(themed_dot(dot, theme), fmt, adjust=centring(top), dpi=dpi)
    return drawn


def whole_svg(
    amap: ArgumentMap,
    *,
    legend: bool = True,
    evaluation: Evaluation | None = None,
    theme: str = "light",
    titled: bool = True,
) -> bytes:
    """Graphviz's SVG of the whole map (its thesis centred on top), for :func:`embed`."""
    return whole_drawing(amap, "svg", legend=legend, evaluation=evaluation, theme=theme,
                         titled=titled)  # fmt: skip


def titled(amap: ArgumentMap, number: int, total: int) -> ArgumentMap:
    """The map with its title saying which figure this is (for the SVG's ``<title>``), in
    the map's language."""
    if total == 1:
        return amap
    said = vocabulary(amap.lang)("titled", title=amap.title, n=number, total=total)
    return attrs.evolve(amap, title=said)


def _widths(fitted: Fitted) -> list[float]:
    """Each figure's width as its budget allowed it (a wider one is shrunk to fit)."""
    return [min(d.width, fitted.budget.width) for d in fitted.drawn]


def _printed_scales(fitted: Fitted, width: float, height: float | None) -> list[float]:
    """Points of paper a point of each figure printed in a column ``width`` points wide and
    at most ``height`` high (:func:`argmap.draw.fit.print_scale`)."""
    widths = _widths(fitted)
    return [print_scale(widths, width, height, (d.width, d.height)) for d in fitted.drawn]


def _column(
    fitted: Fitted,
    fmt: str,
    column: int,
    theme: str,
    id_prefix: str,
    dpi: int | None,
    desc: str,
    least: float | None = None,
) -> list[bytes]:
    """The figures fitted to a column as SVG (at one scale: text is the same size in all),
    PNG (at that scale, for screens of 1.5 device pixels a CSS pixel), PDF (a document each,
    at its own size) or DOT; ``desc`` is the map's description."""
    amap, total = fitted.amap, len(fitted.drawn)
    scale = common_scale(_widths(fitted), column)  # CSS px a point
    out = []
    small = []
    for d in fitted.drawn:
        shown = scale * min(1.0, column / (d.width * scale))  # a wider one is shrunk to fit
        small += [(d, shown)] if _small(shown, least) else []
        if fmt == "svg":
            size = f"{d.width * scale:.2f}px"
            drawing = embed(_svg(fitted, d, theme), titled(amap, d.figure.number, total),
                            theme=theme, width=size, id_prefix=id_prefix,
                            desc=_described(fitted, d, desc))  # fmt: skip
        elif fmt == "png":  # at the scale of the SVG, on a screen of dpi / 96 pixels a px
            resolution = 72 * scale * (dpi or engine.PNG_DPI) / 96
            drawing = fitted.draw(d, "png", dpi=resolution, theme=theme)
        elif fmt == "pdf":  # at its own size: a document scales it to its column
            title = titled(amap, d.figure.number, total).title
            drawing = pdf.document([fitted.draw(d, "pdf", theme=theme)], title)
        else:
            drawing = themed_dot(fitted.final_dot(d), theme).encode("utf-8")
        out.append(drawing)
    _say_small(small, total, "px", f"a column {column} px wide", least=least)
    return out


def _printed(
    fitted: Fitted,
    fmt: str,
    column: Fit,
    theme: str,
    id_prefix: str,
    dpi: int | None,
    desc: str,
    least: float | None = None,
) -> list[bytes]:
    """The figures fitted to a column on paper, each at the size it is printed (the widest
    as wide as the column, none taller than its height; :func:`argmap.draw.fit.print_scale`),
    so that a document places it as it is: SVG (its size in points), PNG (``dpi`` pixels an
    inch, recorded), PDF, or DOT; ``desc`` is the map's description."""
    amap, total = fitted.amap, len(fitted.drawn)
    out, small = [], []
    for d, scale in zip(fitted.drawn, _printed_scales(fitted, column.width, column.height),
                        strict=True):  # fmt: skip
        small += [(d, scale)] if _small(scale, least) else []
        if fmt == "svg":
            size = f"{d.width * scale:.2f}pt"
            drawing = embed(_svg(fitted, d, theme), titled(amap, d.figure.number, total),
                            theme=theme, width=size, id_prefix=id_prefix,
                            desc=_described(fitted, d, desc))  # fmt: skip
        elif fmt == "png":
            drawing = _printed_png(fitted, d, scale, dpi or DEFAULT_DPI, theme)
        elif fmt == "pdf":
            title = titled(amap, d.figure.number, total).title
            drawing = pdf.document([fitted.draw(d, "pdf", theme=theme)], title, scale=scale)
        else:
            drawing = themed_dot(fitted.final_dot(d), theme).encode("utf-8")
        out.append(drawing)
    _say_small(small, total, "pt", f"a column of {column}", least=least)
    return out


def _described(fitted: Fitted, d: Drawn, whole: str) -> str:
    """A figure's ``<desc>``: what it shows (:func:`argmap.draw.describe.figure_summary`),
    then ``whole``, the map's summary; one figure alone is the map, and says only that."""
    total = len(fitted.drawn)
    if total == 1:
        return whole
    return figure_summary(fitted.amap, d.figure, total) + "\n" + whole


def _svg(fitted: Fitted, d: Drawn, theme: str) -> bytes:
    """A figure's SVG in ``theme``: as the fit drew it (light), or drawn again in the theme's
    colours where its layout put everything."""
    return fitted.draw(d, "svg", theme=theme) if recolours(theme) else d.svg


def _small(scale: float, least: float | None = None) -> bool:
    """Whether a figure shown at ``scale`` has text below the sizes aimed at (claim text
    ``least``: :func:`~argmap.draw.style.targets`)."""
    return any(size * scale < floor - 0.005 for size, floor in targets(least).values())


def _turned(
    amap: ArgumentMap,
    page: str,
    landscape: bool,
    legend: bool,
    evaluation: Evaluation | None,
    least: float | None = None,
) -> str:
    """What to do when a handout has figures too big for its pages: the pages turned the other
    way, when every figure's text is readable on them; else a part of the map."""
    scales = handout(amap, page, not landscape, legend=legend, evaluation=evaluation,
                     least=least)[1]  # fmt: skip
    if any(_small(scale, least) for scale in scales):
        return "--focus on a part draws it larger"
    turned = "upright (without --landscape)" if landscape else "in landscape (--landscape)"
    return f"printed {turned}, every figure's text is readable"


def _say_small(
    small: list[tuple[Drawn, float]],
    total: int,
    unit: str,
    where: str,
    remedy: str = "a wider column, or --focus on a part, draws it larger",
    least: float | None = None,
    why: str = " (a step with more claims side by side, or a branch with more levels, than "
    "that holds)",
) -> None:
    """Warn once (:class:`~argmap.diagnostics.FitWarning`) of the figures shown at scales
    (units of ``unit`` a point) that make their text smaller than the sizes aimed at: the fit
    could cut them no smaller. ``remedy``: what draws them larger."""
    if not small:
        return
    size, least = targets(least)["claim"]

    def said(scale: float) -> str:
        return f"{size * scale:.2f}".rstrip("0").rstrip(".")  # 8.96, not a rounded 9.0

    if total == 1:
        name, comes = "the map is", f"its claim text comes out at {said(small[0][1])}"
    elif len(small) == 1:
        name = f"figure {small[0][0].figure.number} of {total} is"
        comes = f"its claim text comes out at {said(small[0][1])}"
    else:
        numbers = joined([str(d.figure.number) for d, _ in small])
        scales = sorted(scale for _, scale in small)
        name = (
            f"all {total} figures are"
            if len(small) == total
            else f"figures {numbers} of {total} are"
        )
        comes = f"their claim text comes out at {said(scales[0])} to {said(scales[-1])}"
    warnings.warn(FitWarning(
        f"{name} too big for {where}: {comes} {unit}, not {least:g}{why}; {remedy}"),
        stacklevel=2)  # fmt: skip


def _printed_png(fitted: Fitted, d: Drawn, scale: float, dpi: int, theme: str) -> bytes:
    """A figure as a PNG of ``dpi`` pixels an inch that prints ``scale`` times its size: drawn
    with that many pixels, its resolution recorded so that it prints that size (exactly, as
    many pixels as Graphviz gave it)."""
    png = fitted.draw(d, "png", dpi=dpi * scale, theme=theme)
    pixels = struct.unpack(">I", png[16:20])[0]  # the width, in IHDR
    return engine.with_resolution(png, pixels * 72 / (d.width * scale))


def draw_figures(
    amap: ArgumentMap,
    fmt: str,
    *,
    evaluation: Evaluation | None = None,
    theme: str = "light",
    width: str | None = None,
    id_prefix: str = "",
    dpi: int | None = None,
    fit_to: Fit | None = None,
    page: str | None = None,
    landscape: bool = False,
    legend: bool = True,
    title: bool = True,
    least: float | None = None,
) -> list[bytes]:
    """The drawings of a map as ``fmt`` (svg, png, pdf or dot; options checked by the API):
    with ``fit_to`` the figures that fit that column (CSS px, or on paper); with ``page`` a
    PDF of that paper, the figures in rows (side by side where they fit), as many on a page as
    fit, their text the same size (as in a column on paper), or on a poster's paper the whole
    map as large as the page holds; else the whole map. ``title``: the map's title and source
    drawn; ``least``: the least claim text (px, pt) a figure is made for (None: 9)."""
    desc = summary(amap)  # a screen reader's account of it, with the statuses drawn
    if evaluation is not None:
        desc += "\n" + statuses(amap, evaluation)
    where = f"a page of {page}" + (" in landscape" if landscape else "")
    if page in POSTERS:  # the whole map on one page, as large as it holds
        scale, drawing, sizes = poster(
            amap, page, landscape, legend=legend, evaluation=evaluation, theme=theme, titled=title
        )
        if _small(scale, least):
            _say_small([(Drawn(whole(whole_shape(amap)), b"", 0, 0), scale)], 1, "pt", where,
                       _poster_remedy(sizes, least), least, why="")  # fmt: skip
        return [drawing]
    if page is not None:  # printed pages to hand out, each headed once
        fitted, scales, drawing = handout(amap, page, landscape, legend=legend,
                                          evaluation=evaluation, theme=theme, titled=title,
                                          least=least)  # fmt: skip
        small = [(d, scale) for d, scale in zip(fitted.drawn, scales, strict=True)
                 if _small(scale, least)]  # fmt: skip
        if small:
            remedy = _turned(amap, page, landscape, legend, evaluation, least)
            _say_small(small, len(fitted.drawn), "pt", where, remedy, least)
        return [drawing]
    if fit_to is not None:
        fitted = fewest(amap, fit_to, least, legend=legend, evaluation=evaluation, titled=title,
                        keep=fmt in ("png", "pdf") or recolours(theme))  # fmt: skip
        if fit_to.printed:
            return _printed(fitted, fmt, fit_to, theme, id_prefix, dpi, desc, least)
        return _column(fitted, fmt, round(fit_to.width), theme, id_prefix, dpi, desc, least)
    if fmt == "dot":
        dot = to_dot(amap, legend=legend, evaluation=evaluation, titled=title)
        return [themed_dot(dot, theme).encode("utf-8")]
    if fmt == "svg":
        drawn = whole_svg(amap, legend=legend, evaluation=evaluation, theme=theme, titled=title)
        return [embed(drawn, amap, theme=theme, width=width, id_prefix=id_prefix, desc=desc)]
    drawn = whole_drawing(amap, fmt, legend=legend, evaluation=evaluation, theme=theme, dpi=dpi,
                          titled=title)  # fmt: skip
    if fmt == "pdf":
        return [pdf.document([drawn], amap.title)]
    return [drawn]


__all__ = [
    "LEGEND_SLACK",
    "ORDERED_MAX_CLAIMS",
    "draw_figures",
    "titled",
    "whole_dot",
    "whole_drawing",
    "whole_svg",
]
