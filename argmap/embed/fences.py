"""Markdown text → its fenced code blocks (``` or ~~~), with where each is and what it says.

The scan follows CommonMark's fences: an opening of three or more backticks or tildes indented
by at most three spaces, closed by a line of at least as many of the same character; a fence
left open runs to the end of the text. Blocks inside a fence stay its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

_OPEN = re.compile(r"(?P<indent> *)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>.*)")
_LANG = re.compile(r"[\w.+-]*")
_CLASS = re.compile(r"(?:^|\s)\.([\w-]+)")


@attrs.frozen
class Fence:
    """One fenced block: its opening and closing lines (0-based), the opening's ``indent``,
    its ``info`` string (all after the fence characters) and its ``body`` (the lines between,
    less the opening's indent)."""

    start: int
    end: int
    indent: int
    info: str
    body: str

    @property
    def lang(self) -> str:
        """The language word that starts the info string (``argmap``), or ''."""
        return _LANG.match(self.info).group()  # type: ignore[union-attr]

    @property
    def classes(self) -> tuple[str, ...]:
        """The language and, in Pandoc's attribute syntax (``{.argmap #id k=v}``), the
        classes: what Pandoc reads as the code block's classes."""
        info = self.info.strip()
        if info.startswith("{") and info.endswith("}"):
            return tuple(_CLASS.findall(info[1:-1]))
        return (self.lang,) if self.lang else ()

    @property
    def rest(self) -> str:
        """The info string after the language word (Python-Markdown's options)."""
        return self.info[len(self.lang) :]


def _dedent(line: str, indent: int) -> str:
    """A line of a fenced block less the fence's indent (at most, and only spaces)."""
    return line[min(indent, len(line) - len(line.lstrip(" "))) :]


def _closing(lines: list[str], start: int, fence: str, max_indent: int) -> int:
    """Index of the line closing the fence opened at ``start`` (the last line if none)."""
    closing = re.compile(rf" {{0,{max_indent}}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*")
    for j in range(start + 1, len(lines)):
        if closing.fullmatch(lines[j]):
            return j
    return len(lines) - 1


def fences(lines: list[str], max_indent: int = 3) -> Iterator[Fence]:
    """Every top-level fenced block of ``lines``, in order; ``max_indent`` more than 3 finds
    those nested in list items too.

    >>> [(f.start, f.end, f.lang, f.body) for f in fences(["a", "```argmap x=1", "b", "```"])]
    [(1, 3, 'argmap', 'b')]
    """
    i = 0
    while i < len(lines):
        opening = _OPEN.fullmatch(lines[i])
        if opening is None or len(opening.group("indent")) > max_indent:
            i += 1
            continue
        end = _closing(lines, i, opening.group("fence"), max_indent)
        indent = len(opening.group("indent"))
        body = "\n".join(_dedent(line, indent) for line in lines[i + 1 : end])
        yield Fence(i, end, indent, opening.group("info"), body)
        i = end + 1


__all__ = ["Fence", "fences"]
