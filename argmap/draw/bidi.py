"""Graphviz's SVG → the same, each line of text that reads right to left marked so.

A browser lays out an SVG ``<text>`` left to right unless it is told otherwise, whatever
script it holds: an Arabic or Hebrew line then had its closing stop, its commas and the
numbers in it at the wrong end (``.الوسطى منذ عام 2022`` for ``الوسطى منذ عام 2022.``), where
the PNG and PDF, which Graphviz draws through Pango, set each line in the direction of its
first letter that has one. Each such line gets ``direction="rtl"``, and its anchor swapped
(``start`` is the right end of a right-to-left line), so that it stays where the layout put
it and reads as it does in the PNG and PDF.
"""

from __future__ import annotations

import html
import re

from argmap.draw.text import right_to_left

_TEXT = re.compile(rb"<text\b([^>]*)>([^<]*)</text>")
_ANCHOR = re.compile(rb' text-anchor="(start|end)"')
_SWAPPED = {b"start": b"end", b"end": b"start"}


def _marked(found: re.Match[bytes]) -> bytes:
    attributes, body = found.group(1), found.group(2)
    if body.isascii() or b"direction=" in attributes:
        return found.group()
    text = body.decode("utf-8")
    if not right_to_left(html.unescape(text) if "&" in text else text):
        return found.group()
    attributes = _ANCHOR.sub(lambda m: b' text-anchor="%s"' % _SWAPPED[m[1]], attributes, 1)
    return b'<text%s direction="rtl">%s</text>' % (attributes, body)


def mark_right_to_left(svg: bytes) -> bytes:
    """``svg`` with ``direction="rtl"`` on each text that reads right to left.

    >>> mark_right_to_left('<text text-anchor="start" x="5">שלום.</text>'.encode()).decode()
    '<text text-anchor="end" x="5" direction="rtl">שלום.</text>'
    >>> mark_right_to_left(b'<text text-anchor="start" x="5">Hello.</text>').decode()
    '<text text-anchor="start" x="5">Hello.</text>'
    """
    return _TEXT.sub(_marked, svg) if not svg.isascii() else svg


__all__ = ["mark_right_to_left"]
