"""A drawing in a box that scrolls sideways (a phone's column): the least width it keeps there,
the one at which its text is still readable, worked out from the sizes it is drawn in.

The document integrations put each fitted figure in such a box
(:func:`argmap.draw.svg.scroll_box`); the drawing's own stylesheet holds the width
(:func:`argmap.draw.svg.stylesheet`), so that a page needs no number of its own.
"""

from __future__ import annotations

import re

from argmap.draw.options import PRINT_UNITS
from argmap.draw.style import CSS_PX_PER_PT, TARGETS

_WIDTH = re.compile(r"(\d+(?:\.\d+)?)(px|pt|pc|cm|mm|in|em|rem|%)?")

#: The class of a box that scrolls sideways (:func:`argmap.draw.svg.scroll_box`): a drawing
#: in one shrinks to its column no further than :func:`least_width` (on screens: printed, it
#: shrinks to the page), and the box scrolls.
SCROLL_BOX = "argmap-scroll"
#: CSS px in an absolute length unit, for a drawing's natural width.
_CSS_PX = {"px": 1.0, "pc": 12 * CSS_PX_PER_PT} | {
    unit: points * CSS_PX_PER_PT for unit, points in PRINT_UNITS.items()
}


def readable_width(viewbox_width: float) -> float:
    """The least width (CSS px) at which a drawing ``viewbox_width`` points wide shows its
    claim text at least 9 px high and every other text at least 7 px (the sizes a figure is
    fitted for, :mod:`argmap.draw.fit`).

    >>> readable_width(889)  # the seed map's widest figure for a 720-px column
    666.75
    """
    return viewbox_width * max(least / size for size, least in TARGETS.values())


def least_width(width: str, viewbox_width: float) -> float | None:
    """The width (CSS px) a drawing ``width`` wide (its root's) keeps in a scroll box:
    :func:`readable_width`, but never more than its natural width; None for a width relative
    to its column (``100%``, ``em``).

    >>> least_width("1723pt", 1723), least_width("399.28px", 493), least_width("100%", 500)
    (1292.25, 369.75, None)
    """
    match = _WIDTH.fullmatch(width)
    unit = match.group(2) if match else None
    if match is None or unit not in _CSS_PX:
        return None
    return round(min(float(match.group(1)) * _CSS_PX[unit], readable_width(viewbox_width)), 2)


__all__ = ["SCROLL_BOX", "least_width", "readable_width"]
