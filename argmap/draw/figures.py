"""A map + the drawing options → its drawings: the whole map, the figures that fit a column
(SVG, PNG, DOT), or a PDF of printed pages."""

from __future__ import annotations

import struct

import attrs

from argmap.analysis.draft import Draft
from argmap.analysis.evaluate import Evaluation
from argmap.analysis.figures import whole
from argmap.draw import engine, pdf
from argmap.draw.describe import figure_summary, statuses, summary
from argmap.draw.fit import (
    Drawn,
    Fitted,
    common_scale,
    print_scale,
)
from argmap.draw.floors import fewest
from argmap.draw.frame import within
from argmap.draw.graph import Look, to_dot, whole_shape
from argmap.draw.handout import handout
from argmap.draw.layout import LEGEND_SLACK
from argmap.draw.options import DEFAULT_DPI, Fit
from argmap.draw.poster import POSTERS, poster
from argmap.draw.style import CLAIM_SIZE, CSS_PX_PER_PT
from argmap.draw.svg import embed
from argmap.draw.themes import recolours, themed_dot
from argmap.draw.toosmall import poster_remedy, say_small, too_small, turned
from argmap.draw.whole import ORDERED_MAX_CLAIMS, drawing, look_dot
from argmap.model import ArgumentMap
from argmap.words import vocabulary


def whole_dot(
    amap: ArgumentMap,
    *,
    legend: bool = True,
    evaluation: Evaluation | None = None,
    legend_room: float | None = None,
    titled: bool = True,
    draft: Draft | None = None,
) -> tuple[str, str | None]:
    """The DOT of the whole map as it is drawn (``titled``: with its title and source), and
    the thesis to centre (None: none): :func:`argmap.draw.whole.look_dot`."""
    look = Look.of(amap, legend=legend, evaluation=evaluation, legend_room=legend_room,
                   titled=titled, draft=draft)  # fmt: skip
    return look_dot(amap, look)


def whole_drawing(
    amap: ArgumentMap,
    fmt: str,
    *,
    legend: bool = True,
    evaluation: Evaluation | None = None,
    theme: str = "light",
    dpi: int | None = None,
    titled: bool = True,
    draft: Draft | None = None,
) -> bytes:
    """Graphviz's drawing of the whole map as ``fmt`` (svg, png or pdf), its thesis centred on
    top (``titled``: under its title and source): :func:`argmap.draw.whole.drawing`."""
    look = Look.of(amap, legend=legend, evaluation=evaluation, titled=titled, draft=draft)
    return drawing(amap, look, fmt, theme, dpi)


def whole_svg(
    amap: ArgumentMap,
    *,
    legend: bool = True,
    evaluation: Evaluation | None = None,
    theme: str = "light",
    titled: bool = True,
    draft: Draft | None = None,
) -> bytes:
    """Graphviz's SVG of the whole map (its thesis centred on top), for :func:`embed`."""
    return whole_drawing(amap, "svg", legend=legend, evaluation=evaluation, theme=theme,
                         titled=titled, draft=draft)  # fmt: skip


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
    fit_to: Fit,
    theme: str,
    id_prefix: str,
    dpi: int | None,
    desc: str,
    least: float | None = None,
) -> list[bytes]:
    """The figures fitted to a column (or a screen: a height too) as SVG (at one scale: text
    is the same size in all), PNG (at that scale, for screens of 1.5 device pixels a CSS
    pixel), PDF (a document each, at its own size) or DOT; ``desc`` is the map's description."""
    amap, total = fitted.amap, len(fitted.drawn)
    column, high = round(fit_to.width), fit_to.height
    # CSS px a point: figures are shown at their natural size at most, or larger on a
    # screen for claim text larger than that (--min-text-size 18: a projector).
    most = max(CSS_PX_PER_PT, (least or 0) / CLAIM_SIZE)
    scale = common_scale(_widths(fitted), column, most)
    out = []
    small = []
    for d in fitted.drawn:
        shown = scale * min(1.0, column / (d.width * scale))  # a wider one is shrunk to fit
        if high is not None:  # and a taller one, to be seen whole
            shown = min(shown, high / d.height)
        small += [(d, shown)] if too_small(shown, least) else []
        if fmt == "svg":
            size = f"{d.width * (scale if high is None else shown):.2f}px"
            drawing = embed(_svg(fitted, d, theme), titled(amap, d.figure.number, total),
                            theme=theme, width=size, id_prefix=id_prefix,
                            desc=_described(fitted, d, desc))  # fmt: skip
        elif fmt == "png":  # at the size it is shown, on a screen of dpi / 96 pixels a px
            screen = dpi or engine.PNG_DPI
            most = within((d.width, d.height), shown * screen / 96)  # never past it
            png = fitted.draw(d, "png", dpi=72 * shown * screen / 96, theme=theme, most=most)
            drawing = engine.with_resolution(png, screen)  # so that it is placed that size
        elif fmt == "pdf":  # at its own size: a document scales it to its column
            title = titled(amap, d.figure.number, total).title
            drawing = pdf.document([fitted.draw(d, "pdf", theme=theme)], title)
        else:
            drawing = themed_dot(fitted.final_dot(d), theme).encode("utf-8")
        out.append(drawing)
    where = f"a column {column} px wide" if high is None else f"a screen of {fit_to}"
    say_small(small, total, "px", where, least=least)
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
        small += [(d, scale)] if too_small(scale, least) else []
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
    say_small(small, total, "pt", f"a column of {column}", least=least)
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


def _printed_png(fitted: Fitted, d: Drawn, scale: float, dpi: int, theme: str) -> bytes:
    """A figure as a PNG of ``dpi`` pixels an inch that prints ``scale`` times its size: drawn
    with that many pixels, its resolution recorded so that it prints that size (exactly, as
    many pixels as Graphviz gave it)."""
    most = within((d.width, d.height), scale * dpi / 72)  # never wider than printed
    png = fitted.draw(d, "png", dpi=dpi * scale, theme=theme, most=most)
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
    draft: Draft | None = None,
    first: str | None = None,
) -> list[bytes]:
    """The drawings of a map as ``fmt`` (svg, png, pdf or dot; options checked by the API):
    with ``fit_to`` the figures that fit that column (CSS px, or on paper); with ``page`` a
    PDF of that paper, the figures in rows (side by side where they fit), as many on a page as
    fit, their text the same size (as in a column on paper), or on a poster's paper the whole
    map as large as the page holds; else the whole map (with ``draft``, drawn as a draft:
    :func:`drafted`). ``title``: the map's title and source drawn; ``least``: the least claim
    text (px, pt) a figure is made for (None: 9); ``first``: the number a document gives the
    first of the fitted figures (LaTeX's), by which PNG, PDF and DOT figures name each other."""
    if draft is not None:
        return drafted(amap, fmt, draft, evaluation=evaluation, theme=theme, width=width,
                       id_prefix=id_prefix, dpi=dpi, legend=legend)  # fmt: skip
    desc = summary(amap)  # a screen reader's account of it, with the statuses drawn
    if evaluation is not None:
        desc += "\n" + statuses(amap, evaluation)
    where = f"a page of {page}" + (" in landscape" if landscape else "")
    if page in POSTERS:  # the whole map on one page, as large as it holds
        scale, drawing, sizes = poster(
            amap, page, landscape, legend=legend, evaluation=evaluation, theme=theme, titled=title
        )
        if too_small(scale, least):
            say_small([(Drawn(whole(whole_shape(amap)), b"", 0, 0), scale)], 1, "pt", where,
                       poster_remedy(sizes, least), least, why="")  # fmt: skip
        return [drawing]
    if page is not None:  # printed pages to hand out, each headed once
        fitted, scales, drawing = handout(amap, page, landscape, legend=legend,
                                          evaluation=evaluation, theme=theme, titled=title,
                                          least=least)  # fmt: skip
        small = [(d, scale) for d, scale in zip(fitted.drawn, scales, strict=True)
                 if too_small(scale, least)]  # fmt: skip
        if small:
            remedy = turned(amap, page, landscape, legend, evaluation, least)
            say_small(small, len(fitted.drawn), "pt", where, remedy, least)
        return [drawing]
    if fit_to is not None:
        fitted = fewest(amap, fit_to, least, legend=legend, evaluation=evaluation, titled=title,
                        keep=fmt in ("png", "pdf") or recolours(theme))  # fmt: skip
        fitted = attrs.evolve(fitted, first=first) if len(fitted.drawn) > 1 else fitted
        if fit_to.printed:
            return _printed(fitted, fmt, fit_to, theme, id_prefix, dpi, desc, least)
        return _column(fitted, fmt, fit_to, theme, id_prefix, dpi, desc, least)
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


def drafted(
    amap: ArgumentMap,
    fmt: str,
    draft: Draft,
    *,
    evaluation: Evaluation | None,
    theme: str,
    width: str | None,
    id_prefix: str,
    dpi: int | None,
    legend: bool,
) -> list[bytes]:
    """The whole map drawn as a draft (``render --draft``): its heading says so and how many
    errors it has, its claims with errors are marked; an SVG's and a PDF's title and an SVG's
    description start with it too, so that no reader takes it for a finished map."""
    words = vocabulary(amap.lang)
    said = words("draft title", errors=words.counted("errors", draft.errors), title=amap.title)
    if fmt == "dot":
        dot = to_dot(amap, legend=legend, evaluation=evaluation, draft=draft)
        return [themed_dot(dot, theme).encode("utf-8")]
    drawn = whole_drawing(amap, fmt, legend=legend, evaluation=evaluation, theme=theme,
                          dpi=dpi, draft=draft)  # fmt: skip
    if fmt == "svg":
        desc = "\n".join(
            [said + ".", summary(amap)]
            + ([statuses(amap, evaluation)] if evaluation is not None else [])
        )
        return [embed(drawn, attrs.evolve(amap, title=said), theme=theme, width=width,
                      id_prefix=id_prefix, desc=desc)]  # fmt: skip
    return [pdf.document([drawn], said)] if fmt == "pdf" else [drawn]


__all__ = [
    "LEGEND_SLACK",
    "ORDERED_MAX_CLAIMS",
    "drafted",
    "draw_figures",
    "titled",
    "whole_dot",
    "whole_drawing",
    "whole_svg",
]
