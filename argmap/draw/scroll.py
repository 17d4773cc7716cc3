"""A drawing in a box that scrolls sideways (a phone's column): the least width it keeps there,
the one at which its text is still readable, worked out from the sizes it is drawn in.

The document integrations put each fitted figure in such a box
(:func:`argmap.draw.svg.scroll_box`); the drawing's own stylesheet holds the width
(:func:`argmap.draw.svg.stylesheet`), so that a page needs no number of its own, and what the
box shows a reader on a phone (:func:`box_rules`): its edges fade where there is more to
scroll to, and it opens with the thesis in the middle. Both are CSS only (documents carry no
script), and a browser without the features they use shows the box as before.
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


#: How wide (CSS px) a box's edge fades out where there is more of the drawing beyond it.
FADE = 40


def _fading(scope: str) -> list[str]:
    """The rules that fade a box's edges, for the drawing ``scope`` (its root's id, which
    names the custom properties and animations, so that drawings of another version on the
    same page keep their own).

    They need a scroll-driven animation (Chromium 115+, Safari 26+), which runs only while
    its box can scroll (its timeline is inactive otherwise): a figure that fits its column
    has no mask at all. The mask is one gradient, opaque but for a fade at each end,
    stretched past the box on a side with nothing more to scroll to, its fade there out of
    sight; two lengths, animated, say how far each fade has come in (as far as there is
    more to scroll to, at most :data:`FADE`)."""
    name = scope.lstrip("#")
    start, end, box = f"--{name}-fade-start", f"--{name}-fade-end", f".{SCROLL_BOX}:has(> {scope})"
    gradient = (
        f"linear-gradient(to right,transparent,#000 {FADE}px,#000 calc(100% - {FADE}px),"
        "transparent)"
    )
    fading = (
        f"animation:{name}-fade-start linear both,{name}-fade-end linear both,"
        f"{name}-fade linear both;animation-timeline:scroll(self x);"
        f"animation-range:0px {FADE}px,calc(100% - {FADE}px) 100%,normal;"
        f"mask-size:calc(100% + {2 * FADE}px - var({start}) - var({end})) 100%;"
        f"mask-position:calc(var({start}) - {FADE}px) 0;mask-repeat:no-repeat"
    )
    return [
        *(
            f'@property {p}{{syntax:"<length>";inherits:false;initial-value:0px}}'
            for p in (start, end)
        ),
        f"@keyframes {name}-fade-start{{from{{{start}:0px}}to{{{start}:{FADE}px}}}}",
        f"@keyframes {name}-fade-end{{from{{{end}:{FADE}px}}to{{{end}:0px}}}}",
        f"@keyframes {name}-fade{{from,to{{mask-image:{gradient}}}}}",
        # Not while the box has the keyboard focus: the mask would hide the focus ring.
        f"@supports (animation-timeline:scroll()){{@media screen{{:where({box}){{{fading}}}"
        f":where({box}:focus-visible){{animation:none}}}}}}",
    ]


# The centre of a claim's box: its group (the node Graphviz drew, with the class the thesis
# is drawn with), and the points of its outline (a polygon's, or a rounded box's path).
_THESIS = re.compile(rb'<g id="[^"]*" class="node claim\b[^"]*\bthesis\b[^"]*">')
_OUTLINE = re.compile(rb'<(?:polygon|path)\b[^>]*?\s(?:points|d)="([^"]*)"')
_SHIFT = re.compile(rb'<g id="[^"]*" class="graph[^"]*" transform="[^"]*translate\((-?[\d.]+) ')
_X = re.compile(rb"(-?\d+(?:\.\d+)?),-?\d")


def thesis_middle(svg: bytes) -> float | None:
    """Where the middle of the thesis's box is, in the drawing (Graphviz's SVG, in points of its
    viewBox from its left edge); None where it draws no thesis."""
    thesis = _THESIS.search(svg)
    shift = _SHIFT.search(svg)
    outline = _OUTLINE.search(svg, thesis.end()) if thesis else None
    xs = [float(x) for x in _X.findall(outline.group(1))] if outline else []
    if not xs or shift is None:
        return None
    return float(shift.group(1)) + (min(xs) + max(xs)) / 2


def box_rules(scope: str, least: float, middle: float | None) -> str:
    """The rules for a drawing ``scope`` (its root's id) in a box that scrolls, on a screen
    (none apply in print): the drawing keeps ``least`` CSS px; the box's edge fades out on a
    side where there is more to scroll to (not while it has the keyboard focus, so that the
    browser's focus ring shows whole); and where the drawing has a thesis, ``middle`` (its
    fraction of the drawing's width), the box opens with it in the middle: the drawing is the
    box's initial scroll target (``scroll-initial-target``, Chromium 133+), centred
    (``scroll-snap-align``; the box does not snap, so scrolling stays free), with the box's
    ``scroll-padding`` on one side moving the centre it is aligned to under the thesis (the
    target's own ``scroll-margin`` would say the same, but Chromium 156 leaves it out of the
    initial scroll). A padding moves that centre by half its width, and must leave some of
    the box: a thesis more than half a box from the drawing's centre is brought half a box
    nearer the box's middle than the drawing's centre is, not all the way.

    >>> box_rules("#m", 600, 0.6).split("{")[-1]  # the thesis at 60 %: 120 px more on the right
    'scroll-padding-right:min(120px,100% - 2px)}}'
    """
    rules = [
        f"@media screen{{:where(.{SCROLL_BOX} {scope}){{min-width:{_px(least)}px}}}}",
        *_fading(scope),
    ]
    if middle is not None:
        side, padding = "right" if middle >= 0.5 else "left", abs(2 * middle - 1) * least
        rules.append(
            f"@media screen{{:where(.{SCROLL_BOX} {scope}){{scroll-initial-target:nearest;"
            f"scroll-snap-align:center}}:where(.{SCROLL_BOX}:has(> {scope}))"
            f"{{scroll-padding-{side}:min({_px(padding)}px,100% - 2px)}}}}"
        )
    return "\n".join(rules)


def _px(value: float) -> str:
    """A length in CSS px to two places, without trailing zeros: 120.0 → '120'."""
    return f"{round(value, 2):.2f}".rstrip("0").rstrip(".")


__all__ = ["FADE", "SCROLL_BOX", "box_rules", "least_width", "readable_width", "thesis_middle"]
