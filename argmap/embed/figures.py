"""A block's checked map + the output a document is built for → the map's figures, in reading
order, as that output wants them (SVG for HTML, PDF for LaTeX, PNG for word processors),
fitted to its column, with captions, names and ids unique on their page.
"""

from __future__ import annotations

import contextlib
import re
import warnings
from collections.abc import Callable, Iterator

import attrs

from argmap.api import draw
from argmap.diagnostics import FitWarning, drawing_notes
from argmap.draw.fit import TARGETS, px_per_unit
from argmap.draw.layout import viewbox
from argmap.draw.options import DrawOptions, Fit
from argmap.draw.svg import inline, scroll_box
from argmap.embed.blocks import BlockMap
from argmap.embed.options import AUTO, BlockOptions
from argmap.words import ENGLISH, Words

_ID = re.compile(r'\bid="([^"]+)"')


@attrs.frozen
class Target:
    """What a document's output shows a map's figures as: ``fmt`` (svg, pdf or png), the
    column a block's figures are fitted to unless it says otherwise (``fit``; None: drawn
    whole), and a PNG's resolution (``dpi``).

    >>> str(Target("pdf", Fit.parse("345x550pt")))
    'pdf fitted to 345x550pt'
    """

    fmt: str
    fit: Fit | None
    dpi: int | None = None

    def __str__(self) -> str:
        return f"{self.fmt} fitted to {self.fit}" if self.fit else f"{self.fmt}, whole"


@attrs.frozen
class Figure:
    """One drawing of a map: its ``data`` in ``fmt`` (UTF-8 for svg), which of the map's
    figures it is (``number`` of ``total``), and whether it was ``fitted`` to a column (else
    drawn whole)."""

    data: bytes
    fmt: str
    number: int = 1
    total: int = 1
    fitted: bool = False

    def html(self, *, scroll: bool = True) -> str:
        """An SVG figure as markup for an HTML page. A fitted one is in a box that scrolls
        sideways (:func:`argmap.draw.svg.scroll_box`; not with ``scroll`` false): on a
        phone it keeps the width at which its text is readable; in a column as wide as the
        one it was fitted to it shows as before. A map drawn whole shrinks to its column, as
        it always did."""
        if self.fitted and scroll:
            return scroll_box(self.data)
        return inline(self.data)


def drawing_options(target: Target, options: BlockOptions) -> DrawOptions:
    """How a block is drawn for ``target``: fitted to the block's column, or the target's
    (``fit=auto``, unless the block sets a ``width`` or a ``page``: then it is drawn whole);
    width and id prefix only in SVG, a resolution only in PNG (the target's by default)."""
    chosen = options.draw
    fit = options.fit
    if fit == AUTO:
        fit = None if chosen.width or chosen.page else target.fit
    assert not isinstance(fit, str)
    dpi = None
    if target.fmt == "png":
        dpi = chosen.dpi if chosen.dpi is not None else target.dpi
    if target.fmt == "svg":
        return attrs.evolve(chosen, fit=fit, dpi=dpi)
    return attrs.evolve(chosen, fit=fit, dpi=dpi, width=None, id_prefix="")


@contextlib.contextmanager
def noted(report: Callable[[str], None]) -> Iterator[None]:
    """Draw inside this block, and what argmap has to say about the drawing (a figure too big
    to keep its text readable, text its font lacks: :class:`~argmap.diagnostics.DrawingNote`)
    goes to ``report``, once each, as the integration shows problems, not as Python warnings."""
    with drawing_notes() as said:
        yield
    for note in dict.fromkeys(map(str, said)):
        report(note)


def draw_figures(block: BlockMap, target: Target, options: BlockOptions) -> tuple[Figure, ...]:
    """The figures of a block's map for ``target``, in reading order.

    THE one place where integrations meet drawing. A map is drawn as the render command draws
    it (:func:`argmap.api.draw`, so ``focus``, ``status`` and the rest apply), with
    :func:`drawing_options`: as the figures that make it readable in its column, or whole.
    """
    chosen = drawing_options(target, options)
    if target.fit is not None and target.fit.printed and chosen.fit and not chosen.fit.printed:
        warnings.warn(FitWarning(
            f"fit {chosen.fit} is a screen's column, and this output is printed: figures laid "
            "out for a screen may be shrunk to the text, below the 7 pt aimed at on paper; "
            f"give a width on paper (this output's is {target.fit}) or leave fit out"),
            stacklevel=2)  # fmt: skip
    drawings = draw(block.map, block.path, target.fmt, chosen)
    total = len(drawings)
    fitted = chosen.fit is not None
    column = target.fit
    if not fitted and column and not column.printed and target.fmt == "svg" and not chosen.width:
        _say_if_unreadable(drawings[0], column.width)
    return tuple(
        Figure(data, target.fmt, number, total, fitted) for number, data in enumerate(drawings, 1)
    )


def _say_if_unreadable(svg: bytes, column: float) -> None:
    """Warn (:class:`~argmap.diagnostics.FitWarning`) when a map drawn whole (``fit=none``)
    shrinks to a ``column`` CSS px wide so far that its claim text is under 9 px there. (A
    map of more claims than :data:`~argmap.draw.svg.SHRINK_MAX_CLAIMS` keeps its size.)"""
    if b"max-width:100%" not in svg:
        return
    size, least = TARGETS["claim"]
    shown = size * px_per_unit(viewbox(svg)[0], column)
    if shown >= least - 0.005:
        return
    said = f"{shown:.2f}".rstrip("0").rstrip(".")
    warnings.warn(FitWarning(
        f"the map drawn whole is too big for a column {column:g} px wide: its claim text "
        f"comes out at {said} px, not {least:g}; leave fit out to split it into figures that "
        "can be read there, or draw a part of it (focus=)"), stacklevel=3)  # fmt: skip


def captions(
    caption: str | None,
    title: str,
    figures: tuple[Figure, ...],
    words: Words = ENGLISH,
    *,
    part: bool = False,
) -> list[str]:
    """Each figure's caption: the block's for a map drawn as one figure; for a map drawn as
    several, the block's (or the map's ``title``) and which figure it is, in the map's
    ``words``, as the figures' own headings and stubs count them ("continued in figure 3");
    with ``part``, where the document numbers the figures itself, which part of the map it
    shows ("part 2 of 3").

    >>> parts = (Figure(b"", "svg", 1, 2), Figure(b"", "svg", 2, 2))
    >>> captions("Energy.", "T", parts)
    ['Energy (figure 1 of 2).', 'Energy (figure 2 of 2).']
    >>> captions(None, "Energy", parts[:1] + ())[0], captions(None, "Energy", parts)[1]
    ('', 'Energy (figure 2 of 2)')
    """
    if len(figures) == 1:
        return [caption or ""]
    text = (caption or title).rstrip()
    stop = text[-1] if text and text[-1] in ".!?" else ""
    text = text[: len(text) - len(stop)] if stop else text
    key = "part of" if part else "titled"
    return [words(key, title=text, n=f.number, total=f.total) + stop for f in figures]


def names(name: str, figures: tuple[Figure, ...]) -> list[str]:
    """The name (id, label) of each figure: the block's for the first, ``NAME-2``... for the
    others, so that each can be referred to; none when the block has none.

    >>> three = tuple(Figure(b"", "svg", n, 3) for n in (1, 2, 3))
    >>> names("fig-map", three), names("", three[:1])
    (['fig-map', 'fig-map-2', 'fig-map-3'], [''])
    """
    if not name:
        return ["" for _ in figures]
    return [name if f.number == 1 else f"{name}-{f.number}" for f in figures]


class Page:
    """The SVG figures of one page, whose ids must differ from map to map."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.maps = 0

    def svg(self, block: BlockMap, target: Target, options: BlockOptions) -> tuple[Figure, ...]:
        """A block's figures as SVG; drawn again with the prefix ``argmapN-`` (the N-th map of
        the page) when ids clash with another map's on the page and no prefix was chosen."""
        self.maps += 1
        figures = draw_figures(block, target, options)
        ids = [set(_ID.findall(figure.data.decode("utf-8"))) for figure in figures]
        if not options.draw.id_prefix and self._clash(ids):
            prefixed = attrs.evolve(
                options, draw=attrs.evolve(options.draw, id_prefix=f"argmap{self.maps}-")
            )
            figures = draw_figures(block, target, prefixed)
            ids = [set(_ID.findall(figure.data.decode("utf-8"))) for figure in figures]
        for found in ids:
            self.ids |= found
        return figures

    def _clash(self, ids: list[set[str]]) -> bool:
        seen = set(self.ids)
        for found in ids:
            if found & seen:
                return True
            seen |= found
        return False


__all__ = ["Figure", "Page", "Target", "captions", "draw_figures", "drawing_options", "names"]
