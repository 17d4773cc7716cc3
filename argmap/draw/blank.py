"""A worksheet's blanks and instructions → what the drawing shows of them: an empty box with
room to write two or three lines by hand, and the map's note under its title.

A blank (:func:`argmap.model.blank.is_blank`) is drawn as lines of no-break spaces, so that
Graphviz and argmap's own measure (:mod:`argmap.draw.boxes`) size its box alike: as wide as
a line of a claim's text and then some, and :data:`WRITING_LINES` lines of text high (4 cm at the
drawing's own size, three handwritten lines 9 mm apart under the claim's kind).
"""

from __future__ import annotations

from argmap.draw.text import html_text, wrap
from argmap.model import ArgumentMap
from argmap.model.blank import is_blank

#: How many lines of a claim's text a blank is as high as.
WRITING_LINES = 5
#: No-break spaces a line of a blank holds for each character a claim's line wraps at.
SPACES_PER_CHARACTER = 2.6


def lines_of(text: str, width: int, lang: str | None = None) -> list[str]:
    """A claim's text in lines of about ``width`` characters, as drawn (:func:`wrap`); for a
    blank, :data:`WRITING_LINES` lines of blank space a little wider than that.

    >>> [len(line) for line in lines_of("___", 10)], lines_of("Two short lines.", 10)
    ([26, 26, 26, 26, 26], ['Two short', 'lines.'])
    """
    if not is_blank(text):
        return wrap(text, width, lang)
    return ["\xa0" * round(width * SPACES_PER_CHARACTER)] * WRITING_LINES


def html_lines_of(text: str, width: int, lang: str | None = None) -> str:
    """:func:`lines_of`, escaped, joined by ``<BR/>`` (as :func:`.text.html_lines`); a
    blank's spaces as entities (escaping would clean them away).

    >>> html_lines_of("___", 1).split("<BR/>")[0]
    '&#160;&#160;&#160;'
    """
    lines = lines_of(text, width, lang)
    if is_blank(text):
        return "<BR/>".join(line.replace("\xa0", "&#160;") for line in lines)
    return "<BR/>".join(html_text(line) for line in lines)


def instructions(amap: ArgumentMap) -> str | None:
    """The note of a map that has blanks (a worksheet: the teacher's instructions), to draw
    under its title; None for any other map, whose note the drawing leaves out."""
    if amap.note and amap.note.strip() and any(is_blank(claim.text) for claim in amap.claims):
        return amap.note.strip()
    return None


__all__ = ["SPACES_PER_CHARACTER", "WRITING_LINES", "html_lines_of", "instructions", "lines_of"]
