"""A document's printed figures → how they come out on its page: notes for a map drawn whole
that the page shrinks below readable text, and LaTeX's float fractions that let tall figures
share a page with the text.

A fitted figure is drawn readable in its column, or said not to be by the fit itself
(:class:`~argmap.diagnostics.DrawingNote`); a map drawn whole (``fit=none``, or a ``width``)
keeps its natural size, 12-pt claims, and Pandoc shrinks it to the text or the slide: its
text may come out at a few points, which :func:`shrunk` says.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator

from argmap.draw.style import CLAIM_SIZE, TARGETS
from argmap.embed.figures import Figure, Target
from argmap.embed.options import BlockOptions

#: LaTeX's float fractions for documents with figures of maps. LaTeX's own (a float at most
#: 70 % of the text's height above text, 20 % of it left to text, a float page at least half
#: full) put each of a map's figures, most taller than 70 %, alone on a float page, with
#: the text after them all: a figure up to 90 % of the page now heads a page of text; a page
#: of floats alone is at least 85 % full. Measured on examples/pandoc with 18 paragraphs of
#: text around its 16 figures: 22 pages before, 19 after.
FLOATS = (
    "\\renewcommand{\\topfraction}{0.9}\n"
    "\\renewcommand{\\textfraction}{0.1}\n"
    "\\renewcommand{\\floatpagefraction}{0.85}"
)
#: The smallest claim text readable on paper and on a slide, in points.
LEAST_CLAIM = TARGETS["claim"][1]
_MEDIABOX = re.compile(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")


def natural_size(figure: Figure, dpi: float | None = None) -> tuple[float, float] | None:
    """A PDF or PNG figure's size in points (a PNG's at ``dpi``), or None (SVG, unread)."""
    if figure.fmt == "pdf":
        found = _MEDIABOX.search(figure.data)
        if found is None:
            return None
        left, bottom, right, top = map(float, found.groups())
        return right - left, top - bottom
    if figure.fmt == "png" and dpi and figure.data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", figure.data[16:24])
        return width / dpi * 72, height / dpi * 72
    return None


def shrunk(figures: tuple[Figure, ...], target: Target, options: BlockOptions) -> Iterator[str]:
    """Notes on the figures of a block drawn whole for a printed ``target`` whose claim text
    comes out below :data:`LEAST_CLAIM` once shrunk to the target's box."""
    box = target.fit
    if box is None or not box.printed:
        return
    dpi = options.draw.dpi if options.draw.dpi is not None else target.dpi
    for figure in figures:
        size = None if figure.fitted else natural_size(figure, dpi)
        if size is None:
            continue
        width, height = size
        scale = min(1.0, box.width / width, (box.height or height) / height)
        claims = CLAIM_SIZE * scale
        if claims < LEAST_CLAIM:
            yield (
                f"the map drawn whole is {width:.0f}x{height:.0f}pt, shrunk to {box}: its claim "
                f"text comes out at {claims:.1f} pt, below the {LEAST_CLAIM:g} pt readable; leave "
                "fit and width out to draw it as figures readable there, or draw a part "
                "(focus=, depth=)"
            )


__all__ = ["FLOATS", "LEAST_CLAIM", "natural_size", "shrunk"]
