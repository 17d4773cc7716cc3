"""A laid-out graph + a resolution → the page Graphviz draws it on as a PNG: whole pixels, its
background painted to every edge, no larger than asked.

Graphviz makes a PNG ``ROUND(size · dpi / 72)`` pixels wide and high, ``size`` being the
drawing's bounding box and its pad in points, but paints the background over ``size`` alone.
When that rounds up, the last row and column are covered in part, and come out partly
transparent (a faint line on a dark slide); a figure fitted to a screen, its size in points
rounded to the whole points of its SVG, came out a pixel larger than the screen. The page is
set here (Graphviz's ``viewport``, centred on the drawing) a fraction of a pixel larger than
the whole pixels it is to have, so that Graphviz rounds it down to them and the background
covers every one: the pad loses that fraction, and nothing drawn moves.
"""

from __future__ import annotations

import math
from typing import Any

#: Pixels the page is set larger than its whole pixels: more than cairo's rounding of the
#: background's corners, less than the half that Graphviz would round up.
SLACK = 0.25
#: Graphviz's pad when a graph sets none, in points.
DEFAULT_PAD = 4.0


def pixels(
    size: tuple[float, float], dpi: float, most: tuple[int, int] | None = None
) -> tuple[int, int]:
    """The pixels of a PNG of a drawing ``size`` points (width, height) at ``dpi``: as Graphviz
    rounds them (a half up), at most ``most``.

    >>> pixels((604.42, 851.11), 144), pixels((889.31, 724.23), 300, (2762, 2250))
    ((1209, 1702), (2762, 2250))
    """
    wide, high = (math.floor(side * dpi / 72 + 0.5) for side in size)
    if most is not None:
        wide, high = min(wide, most[0]), min(high, most[1])
    return max(wide, 1), max(high, 1)


def within(size: tuple[float, float], per_point: float) -> tuple[int, int]:
    """The whole pixels within a figure of ``size`` (points, as its SVG says) shown at
    ``per_point`` pixels a point: a PNG of it may have no more (its drawing is a fraction of
    a point larger, which Graphviz would round up past a screen's edge).

    >>> within((889.0, 724.0), 2250 / 724)
    (2762, 2250)
    """
    return math.floor(size[0] * per_point + 1e-6), math.floor(size[1] * per_point + 1e-6)


def page(graph: Any) -> tuple[float, float]:
    """The size in points of the page Graphviz draws a laid-out graph on: its bounding box
    (``bb``) and its pad on every side (PNG has no margin)."""
    left, bottom, right, top = (float(v) for v in graph.graph_attr["bb"].split(","))
    said = (graph.graph_attr.get("pad") or "").split(",")
    pad = [float(v) * 72 for v in said if v.strip()] or [DEFAULT_PAD]  # inches; "x,y" or one
    return right - left + 2 * pad[0], top - bottom + 2 * pad[-1]


def frame(graph: Any, dpi: str, most: tuple[int, int] | None = None) -> tuple[int, int]:
    """Set the page of a laid-out graph (its ``bb`` as Graphviz will draw it: laid out by
    ``nop2``) for a PNG at ``dpi`` (as Graphviz is given it) to whole pixels, at most
    ``most``, the background covering each; the pixels it will have."""
    resolution = float(dpi)
    wide, high = pixels(page(graph), resolution, most)
    unit = 72 / resolution  # points a pixel
    graph.graph_attr["viewport"] = f"{(wide + SLACK) * unit:.6f},{(high + SLACK) * unit:.6f},1"
    return wide, high


__all__ = ["frame", "page", "pixels", "within"]
