"""Text offsets ↔ LSP positions (0-based lines as editors count them, in UTF-16 code units);
argmap's spans (1-based lines, columns in code points) → offsets is
:func:`argmap.diagnostics.span_offset`, used here.

Editors and the Language Server Protocol end a line at ``\\n``, ``\\r\\n`` or ``\\r`` only,
and so does every :class:`argmap.diagnostics.Span`: argmap's YAML reader keeps U+0085, U+2028
and U+2029, which libyaml alone would count as line breaks, inside their line
(:mod:`argmap.read.yamltree`), and its JSON reader ends lines at a lone ``\\r`` too.
"""

from __future__ import annotations

import bisect
import re
from typing import Literal

from lsprotocol import types

from argmap.diagnostics import line_starts, span_offset

#: How a client counts the characters of a line (LSP 3.17 ``positionEncoding``).
Encoding = Literal["utf-16", "utf-8", "utf-32"]

_ASTRAL = re.compile(r"[\U00010000-\U0010ffff]")


def units(text: str, encoding: Encoding = "utf-16") -> int:
    """The length of ``text`` in the code units of ``encoding``.

    >>> units("a😀"), units("a😀", "utf-8"), units("a😀", "utf-32")
    (3, 5, 2)
    """
    if encoding == "utf-32" or text.isascii():
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + len(_ASTRAL.findall(text))


def _index(text: str, count: int, encoding: Encoding) -> int:
    """How many code points of ``text`` fit in ``count`` code units (a position inside a
    character counts as that character's start)."""
    if encoding == "utf-32" or text.isascii():
        return min(count, len(text))
    used = 0
    for i, char in enumerate(text):
        used += units(char, encoding)
        if used > count:
            return i
    return len(text)


class Lines:
    """A text's lines as an editor counts them, for converting offsets and positions.

    Offsets are indexes into the text (code points). Positions past the end of a line or of
    the text are clamped to it, as the protocol asks.
    """

    def __init__(self, text: str, encoding: Encoding = "utf-16") -> None:
        self.text = text
        self.encoding: Encoding = encoding
        self.starts = line_starts(text)

    def line_of(self, offset: int) -> int:
        """The 0-based line of the character at ``offset``."""
        return bisect.bisect_right(self.starts, offset) - 1

    def line_end(self, line: int) -> int:
        """The offset where ``line``'s text ends (before its line break)."""
        if line + 1 >= len(self.starts):
            return len(self.text)
        end = self.starts[line + 1]
        if self.text[end - 2 : end] == "\r\n":
            return end - 2
        return end - 1

    def position(self, offset: int) -> types.Position:
        """The LSP position of ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = self.line_of(offset)
        start = self.starts[line]
        return types.Position(line, units(self.text[start:offset], self.encoding))

    def offset(self, position: types.Position) -> int:
        """The offset of an LSP position, clamped to its line and to the text."""
        if position.line < 0:
            return 0
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[position.line]
        end = self.line_end(position.line)
        return start + _index(self.text[start:end], max(position.character, 0), self.encoding)

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))


def apply_change(lines: Lines, change: types.TextDocumentContentChangeEvent) -> str:
    """The text after one change sent by the client: a range replaced, or the whole text."""
    if isinstance(change, types.TextDocumentContentChangePartial):
        start = lines.offset(change.range.start)
        end = max(start, lines.offset(change.range.end))
        return lines.text[:start] + change.text + lines.text[end:]
    return change.text


__all__ = ["Encoding", "Lines", "apply_change", "span_offset", "units"]
