"""A PNG's letters stand where the text was laid out, at any resolution.

Graphviz lays text out in whole pixels at 96 dpi; its cairo draws each glyph at a whole pixel
of the PNG. At 144 dpi a 7-pixel advance is 10.5 pixels, and the glyphs came out 10 and 11
pixels apart by turns: words looked broken up ("RECOM MENDATION"). Measured here on a row of
one letter, each glyph's centre of ink: the steps between them must be even.
"""

from __future__ import annotations

import io
import itertools

import pytest

from argmap.draw.engine import render
from argmap.draw.font import FAMILY

image = pytest.importorskip("PIL.Image")

#: 14-point "l" is 5 pixels wide at 96 dpi (an odd number: half a pixel off at 144 dpi).
ROW = "l" * 16


def centres(png: bytes) -> list[float]:
    """The centre of ink of each glyph in a one-line drawing, left to right, in pixels."""
    grey = image.open(io.BytesIO(png)).convert("L")
    wide, high = grey.size
    pixels = grey.load()
    ink = [sum(255 - pixels[x, y] for y in range(high)) for x in range(wide)]
    found, start = [], None
    for x, amount in enumerate([*ink, 0]):
        if amount and start is None:
            start = x
        elif not amount and start is not None:
            found.append(sum(c * ink[c] for c in range(start, x)) / sum(ink[start:x]))
            start = None
    return found


@pytest.mark.parametrize("dpi", [96, 120, 144, 150, 192])
def test_a_row_of_one_letter_is_evenly_spaced_in_a_png(dpi: float) -> None:
    dot = (
        f'digraph{{bgcolor=white node[shape=plaintext margin=0 fontname="{FAMILY}" '
        f'fontsize=14] a[label="{ROW}"]}}'
    )
    found = centres(render(dot, "png", dpi=dpi))
    assert len(found) == len(ROW)
    steps = [b - a for a, b in itertools.pairwise(found)]
    assert max(steps) - min(steps) < 0.25, [round(s, 2) for s in steps]
    assert sum(steps) / len(steps) == pytest.approx(5 * dpi / 96, abs=0.05)
