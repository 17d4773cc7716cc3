"""Graphviz's SVG lines as argmap draws them: without the ``<title>`` Graphviz names each
edge and junction by, and dotted lines in round dots."""

from __future__ import annotations

import re

_DOTTED = b'stroke-dasharray="1,5"'  # Graphviz's style=dotted

# Graphviz's name for an edge, by its ends and ports ("co2->reason--klima--1:s"), or for a
# junction of a linked reason or an undercut step ("reason--klima--1"), in its group.
_EDGE_TITLE = re.compile(
    rb'(<g id="[^"]*" class="(?:edge|node reason|node objection)\b[^"]*">)\n<title>[^<]*</title>'
)


def edge_titles_out(body: bytes) -> bytes:
    """Graphviz's edges and junctions without its ``<title>`` naming them (a claim keeps its
    id, a stub its name): a browser would show that name as a line's hover text where the link
    carrying argmap's tooltip is lost (a page's sanitiser drops links), and Chromium names an
    accessibility node after it, ``role="img"`` or not; the drawing's own ``<title>`` and
    ``<desc>`` tell a screen reader what it shows.

    >>> edge_titles_out(b'<g id="e" class="edge support">\\n<title>a-&gt;b</title>\\n<g')
    b'<g id="e" class="edge support">\\n<g'
    """
    return _EDGE_TITLE.sub(rb"\1", body)


def round_dots(body: bytes) -> bytes:
    """Graphviz's dotted lines with round ends: its dots are dashes a point long and as wide
    as the line, which across a short horizontal line (the legend's undercut) stand up like
    apostrophes; rounded, each is a dot whichever way its line runs.

    >>> round_dots(b'<path stroke-dasharray="1,5" d="M0,0 L9,0"/>')
    b'<path stroke-dasharray="1,5" stroke-linecap="round" d="M0,0 L9,0"/>'
    """
    return body.replace(_DOTTED, _DOTTED + b' stroke-linecap="round"')


__all__ = ["edge_titles_out", "round_dots"]
