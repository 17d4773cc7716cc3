"""A block's checked map → its figures, in reading order, as the document's format wants them
(SVG for HTML, PDF for LaTeX, PNG for word processors), with ids unique on their page.
"""

from __future__ import annotations

import re

import attrs

from argmap.api import draw
from argmap.draw.options import DEFAULT_THEME, DrawOptions
from argmap.embed.blocks import BlockMap

_ID = re.compile(r'\bid="([^"]+)"')


@attrs.frozen
class Figure:
    """One drawing of a map: its ``data`` in ``fmt`` (UTF-8 for svg), and what it shows as a
    ``caption`` ('' when it is the whole map)."""

    data: bytes
    fmt: str
    caption: str = ""


def draw_figures(block: BlockMap, fmt: str, options: DrawOptions) -> tuple[Figure, ...]:
    """The figures of a block's map drawn as ``fmt`` (svg, pdf or png), in reading order.

    THE one place where integrations meet drawing. A map is drawn as the render command draws
    it (:func:`argmap.api.draw`, so ``focus``, ``status`` and the rest apply): whole, or with
    ``fit`` as the figures that make it readable in a column that wide, each captioned with
    its number. Theme, width and id prefix apply to SVG alone (as
    :func:`argmap.api.render_map` has it).
    """
    if fmt != "svg":
        options = attrs.evolve(options, theme=DEFAULT_THEME, width=None, id_prefix="")
    drawings = draw(block.map, block.path, fmt, options)
    total = len(drawings)
    return tuple(
        Figure(data, fmt, f"figure {number} of {total}" if total > 1 else "")
        for number, data in enumerate(drawings, 1)
    )


def captions(caption: str | None, figures: tuple[Figure, ...]) -> list[tuple[Figure, str]]:
    """Each figure with its caption: the block's own for a map drawn whole; for a map drawn
    as several figures, the block's followed by what each shows.

    >>> parts = (Figure(b"", "svg", "overview"), Figure(b"", "svg", "part 2"))
    >>> [text for _, text in captions("Energy", parts)]
    ['Energy: overview', 'Energy: part 2']
    """
    if len(figures) == 1:
        return [(figures[0], caption or "")]
    return [
        (figure, ": ".join(part for part in (caption, figure.caption) if part))
        for figure in figures
    ]


class Page:
    """The SVG figures of one page, whose ids must differ from map to map."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.maps = 0

    def svg(self, block: BlockMap, options: DrawOptions) -> tuple[Figure, ...]:
        """A block's figures as SVG; drawn again with the prefix ``argmapN-`` (the N-th map of
        the page) when ids clash with another map's on the page and no prefix was chosen."""
        self.maps += 1
        figures = draw_figures(block, "svg", options)
        ids = [set(_ID.findall(figure.data.decode("utf-8"))) for figure in figures]
        if not options.id_prefix and self._clash(ids):
            prefixed = attrs.evolve(options, id_prefix=f"argmap{self.maps}-")
            figures = draw_figures(block, "svg", prefixed)
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


__all__ = ["Figure", "Page", "captions", "draw_figures"]
