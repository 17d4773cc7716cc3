"""Text in the shipped font → its width and line height in points, as Graphviz measures them,
from the font's table of metrics (``fonts/ArgmapSans-metrics.json``), without Graphviz.

Graphviz measures text with pango at 96 dpi (12-point text is set 16 pixels high) and hinted
metrics: cairo gives each glyph's advance in whole pixels as FreeType scales it (26.6 fixed
point, rounded to the pixel), pango rounds each glyph's advance plus its kerning to the pixel,
and a line is as high as the font's ascender and descender, each rounded up to the pixel. A
span is that many pixels times 72/96 points. Done the same way here, a line's width is
Graphviz's to the bit (``tests/test_metrics.py`` compares them) for text the font draws, with
its f-ligatures and pair kerning. A character the font lacks is drawn in one of the machine's
fonts, which this table cannot know: :class:`Unmeasured`.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
from collections.abc import Callable, Mapping

from argmap.draw.font import FONT_DIR
from argmap.draw.scripts import runs

TABLE = FONT_DIR / "ArgmapSans-metrics.json"
#: Pango's resolution in Graphviz: a point is 96/72 pixels.
PIXELS_PER_POINT = 96 / 72


class Unmeasured(LookupError):
    """Text holds a character the shipped font does not draw."""


class Face:
    """One weight of the font: advances, ligatures and kerning classes, in font units."""

    def __init__(self, table: Mapping, units: int) -> None:
        self.units = units
        self.ascender: int = table["ascender"]
        self.descender: int = table["descender"]
        # Runs of advances, looked up by code point when a character is first met at a size.
        self._runs: list[list[int]] = table["advances"]
        self._starts = [run[0] for run in self._runs]
        self._ligature: dict[str, int] = {}
        self.left = {c: i for i, chars in enumerate(table["left"], 1) for c in chars}
        self.right = {c: i for i, chars in enumerate(table["right"], 1) for c in chars}
        self.ligatures: dict[str, list[str]] = {}  # first character → ligatures, longest first
        for text, (width, left, right) in table["ligatures"].items():
            self._ligature[text] = width
            if left:
                self.left[text] = left
            if right:
                self.right[text] = right
            self.ligatures.setdefault(text[0], []).append(text)
        for found in self.ligatures.values():
            found.sort(key=len, reverse=True)
        self.kerning = {(left, right): value for left, right, value in table["kerning"]}

    def advance(self, glyph: str) -> int | None:
        """A glyph's advance in font units (None: not in the table)."""
        if len(glyph) > 1:
            return self._ligature.get(glyph)
        point = ord(glyph)
        index = bisect.bisect_right(self._starts, point) - 1
        if index < 0:
            return None
        run = self._runs[index]
        return run[point - run[0] + 1] if point - run[0] + 1 < len(run) else None

    @property
    def script(self) -> Mapping[str, int]:
        """Each character's script (a number; none for characters of no script of their
        own), for lines that mix scripts."""
        return scripts()

    def glyphs(self, text: str) -> list[str]:
        """``text`` as the glyphs the font draws it with: characters, and ligatures where the
        font forms them (the longest first, as its ``liga`` lookup lists them)."""
        if not self.ligatures.keys() & set(text):
            return list(text)
        found: list[str] = []
        at = 0
        while at < len(text):
            for ligature in self.ligatures.get(text[at], ()):
                if text.startswith(ligature, at):
                    found.append(ligature)
                    at += len(ligature)
                    break
            else:
                found.append(text[at])
                at += 1
        return found


@functools.cache
def _table() -> dict:
    return json.loads(TABLE.read_text(encoding="ascii"))


@functools.cache
def faces() -> dict[int, Face]:
    """The font's weights (400, 700), read from the table once."""
    table = _table()
    return {int(w): Face(found, table["units_per_em"]) for w, found in table["weights"].items()}


@functools.cache
def scripts() -> dict[str, int]:
    """Each character of the font that has a script of its own → the script's number."""
    return {
        chr(point): number
        for number, ranges in enumerate(_table()["scripts"].values(), 1)
        for first, last in ranges
        for point in range(first, last + 1)
    }


def _times(value: int, scale: int) -> int:
    """FreeType's FT_MulFix: ``value`` times a 16.16 ``scale``, rounded (half away from 0)."""
    product = abs(value) * scale + 0x8000 >> 16
    return product if value >= 0 else -product


class _Widths(dict[str, int]):
    """The widths of texts met so far, in pixels, each measured by ``measure`` when first
    met (a map's texts repeat their words)."""

    def __init__(self, measure: Callable[[str], int]) -> None:
        super().__init__()
        self._measure = measure

    def __missing__(self, text: str) -> int:
        self[text] = found = self._measure(text)
        return found


class Sized:
    """One weight at one size: the widths of texts in pixels, kept as they are met."""

    def __init__(self, face: Face, size: float) -> None:
        self.face = face
        self.pixels = size * PIXELS_PER_POINT
        # cairo sets FreeType's character size in 26.6 points at 72 dpi, i.e. pixels; FreeType
        # scales font units by a 16.16 factor (FT_DivFix, rounded).
        char_size = int(self.pixels * 64 + 0.5)
        self.scale = (char_size * 65536 + face.units // 2) // face.units
        self._advance: dict[str, int] = {}
        self._pairs: dict[tuple[str, str], int] = {}
        # Words alone (at the end of a line) and with the space after them.
        self._alone = _Widths(self._pixels)
        self._spaced = _Widths(lambda word: self._pixels(word + " "))
        up = -(-_times(face.ascender, self.scale) // 64)  # each rounded up to the pixel
        down = -(-_times(face.descender, self.scale) // 64)
        self.line_height = (up + down) / PIXELS_PER_POINT

    def _glyph(self, glyph: str) -> int:
        """A glyph's advance in whole pixels (cairo's hinted metrics)."""
        found = self._advance.get(glyph)
        if found is None:
            units = self.face.advance(glyph)
            if units is None:
                raise Unmeasured(glyph)
            found = self._advance[glyph] = (_times(units, self.scale) + 32) // 64
        return found

    def _kerned(self, glyph: str, after: str) -> int:
        """A glyph's advance in whole pixels when ``after`` follows it in the same run: pango
        rounds the advance plus the kerning of the pair to the pixel."""
        width = self._glyph(glyph)
        face = self.face
        if after and glyph in face.left and after in face.right:
            kern = face.kerning.get((face.left[glyph], face.right[after]), 0)
            if kern:
                width = math.floor(width + kern * self.pixels / face.units + 0.5)
        return width

    def _pixels(self, text: str, scripts: list[int] | None = None) -> int:
        """The width of ``text`` (no line break) in pixels; ``scripts``: the script of the
        run each character is in, when there are several (pango kerns within a run only)."""
        glyphs = self.face.glyphs(text)
        pairs = self._pairs
        total = 0
        at = 0  # where the glyph starts in the text
        for index, glyph in enumerate(glyphs):
            after = glyphs[index + 1] if index + 1 < len(glyphs) else ""
            if scripts is not None and after and scripts[at] != scripts[at + len(glyph)]:
                after = ""  # the next glyph is in another run: no kerning across
            found = pairs.get((glyph, after))
            if found is None:
                found = pairs[glyph, after] = self._kerned(glyph, after)
            total += found
            at += len(glyph)
        return total

    def width(self, line: str) -> float:
        """The width of one line of text, in points."""
        if not line.isascii():
            script = self.face.script
            if len({script[c] for c in line if c in script}) > 1:  # several runs
                return self._pixels(line, runs(line, script)) / PIXELS_PER_POINT
        # Word by word, each with the space after it: in a line of one script the font kerns
        # nothing across a space.
        *words, last = line.split(" ")
        return (sum(map(self._spaced.__getitem__, words)) + self._alone[last]) / PIXELS_PER_POINT


@functools.cache
def sized(size: float, bold: bool = False) -> Sized:
    """The font at ``size`` points, regular or bold."""
    return Sized(faces()[700 if bold else 400], size)


def text_width(line: str, size: float, *, bold: bool = False) -> float:
    """How wide Graphviz measures one line of text at ``size`` points, in points.

    >>> text_width("PREMISE", 10, bold=True)
    42.0

    Raises:
        Unmeasured: the text has a character the shipped font does not draw.
    """
    return sized(size, bold).width(line)


def line_height(size: float, *, bold: bool = False) -> float:
    """How high Graphviz makes a line of text at ``size`` points, in points.

    >>> line_height(12)
    17.25
    """
    return sized(size, bold).line_height


__all__ = [
    "TABLE",
    "Face",
    "Sized",
    "Unmeasured",
    "faces",
    "line_height",
    "scripts",
    "sized",
    "text_width",
]
