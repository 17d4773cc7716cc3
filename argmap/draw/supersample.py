"""A PNG whose letters stand where Graphviz laid them out: drawn where they fall on whole
pixels, then reduced to the resolution asked for.

Graphviz lays text out with pango at 96 dpi and hinted metrics (:mod:`argmap.draw.metrics`):
every glyph starts on a whole pixel of 96 dpi, i.e. on a multiple of 0.75 point. Its PNG
renderer draws each glyph with the cairo bundled in pygraphviz's wheels (1.15), which puts
a glyph's image on a whole pixel of the PNG. At a resolution that is a whole multiple of 96
the two grids agree; at 144 dpi a 7-pixel advance is 10.5 pixels, and the glyphs land 10 and
11 pixels apart by turns: words look broken up, letters unevenly spaced. No font setting can
help (fontconfig's hinting and antialiasing change how a glyph is drawn, not where), and
Graphviz fixes the hinted metrics itself.

So a PNG at another resolution below 192 dpi (argmap's 144 among them) is drawn at
:func:`drawn_at` (the least multiple of 96 dpi not below it), where every glyph stands where it
was laid out, and reduced to the pixels asked for
(Pillow's bicubic filter, widened to the reduction so that nothing is lost between pixels): a
glyph at 10.5 pixels is then drawn half a pixel on, as it should be: the steps between the
glyphs of a row of one letter are even within a quarter of a pixel (``tests/test_png_spacing.py``;
they were a whole pixel apart). The same drawing gives the same bytes.

From 192 dpi up a PNG is drawn as asked: there a letter's gap is some 3 pixels or more, a
pixel more or less opens no gap in a word (at 300 dpi the letters look as even drawn either
way), and drawing at the next multiple and reducing took four times as long (the seed map at
300 dpi: 8 s rather than 2).
"""

from __future__ import annotations

import io
import math

#: The resolution at which Graphviz lays text out, in whole pixels.
GRID_DPI = 96
#: From this resolution up a PNG is drawn as asked: its letters' gaps are wide enough that a
#: glyph put on the next whole pixel opens none in a word.
EVEN_FROM = 192
#: The most pixels a side cairo draws without shrinking the drawing (Graphviz's limit).
CAIRO_MOST = 32767
#: Whole pixels drawn beyond the page on every side: more than the filter reaches past a
#: pixel of the page (two pixels of the PNG), so that what it averages at the edge is drawn.
BORDER = 5


def drawn_at(dpi: float) -> float:
    """The resolution a PNG of ``dpi`` is drawn at: below :data:`EVEN_FROM` the least multiple
    of 96 not below it, else ``dpi`` itself.

    >>> drawn_at(96), drawn_at(144), drawn_at(150), drawn_at(192), drawn_at(300), drawn_at(24)
    (96, 192, 192, 192, 300, 96)
    """
    if dpi >= EVEN_FROM:
        return dpi
    return GRID_DPI * max(1, math.ceil(dpi / GRID_DPI - 1e-9))


def larger(pixels: tuple[int, int], dpi: float, drawn: float) -> tuple[int, int] | None:
    """The whole pixels of the drawing at ``drawn`` dpi for a page of ``pixels`` at ``dpi``:
    the page and :data:`BORDER` on every side; None if cairo could not draw so many."""
    scale = drawn / dpi
    wide, high = (math.ceil(side * scale) + 2 * BORDER for side in pixels)
    if max(wide, high) >= CAIRO_MOST:
        return None
    return wide, high


def reduced(png: bytes, pixels: tuple[int, int], scale: float) -> bytes:
    """A PNG drawn ``scale`` times larger than ``pixels``, on a page centred in it, reduced to
    ``pixels`` (a PNG, as Graphviz writes it, with no resolution recorded)."""
    from PIL import Image  # only for PNGs drawn this way

    with Image.open(io.BytesIO(png)) as drawn:
        wide, high = drawn.size
        left, top = (wide - pixels[0] * scale) / 2, (high - pixels[1] * scale) / 2
        box = (left, top, left + pixels[0] * scale, top + pixels[1] * scale)
        small = drawn.resize(pixels, Image.Resampling.BICUBIC, box=box)
    out = io.BytesIO()
    small.save(out, format="PNG")
    return out.getvalue()


__all__ = ["EVEN_FROM", "drawn_at", "larger", "reduced"]
