"""The numbers LaTeX gives a document's figures, counted as a filter meets them: the
document's own figures and a map's, in order, in each chapter of a book (``2.3``), so that a
map's drawings name each other by LaTeX's numbers (``continued in figure 8`` is the figure
LaTeX captions ``Figure 8``), not by the map's own count.

What is counted is what LaTeX numbers: a figure with a caption (an image in a paragraph of
its own, with a caption; a figure block), and a ``figure`` environment with a ``\\caption`` in
raw LaTeX. An unnumbered chapter (``{.unnumbered}``, ``{-}``) starts no new count.
"""

from __future__ import annotations

import re

import attrs

#: Document classes whose figures LaTeX numbers by chapter (Pandoc's chapters for them).
CHAPTERED = ("book", "report", "memoir", "scrbook", "scrreprt")
_FIGURE = re.compile(r"\\begin\{figure\*?\}(.*?)\\end\{figure\*?\}", re.S)


@attrs.define
class Numbers:
    """The figures LaTeX numbered so far (in this chapter, when ``chaptered``)."""

    chaptered: bool = False
    chapter: int = 0
    count: int = 0

    def next(self) -> str:
        """The number LaTeX gives the next figure: ``7``, or ``2.3`` in a book's chapter 2.

        >>> numbers = Numbers(chaptered=True)
        >>> numbers.chapter_starts(); numbers.count += 2; numbers.next()
        '1.3'
        """
        number = str(self.count + 1)
        return f"{self.chapter}.{number}" if self.chaptered else number

    def chapter_starts(self) -> None:
        """A numbered chapter starts: its figures are counted from 1 (in a book)."""
        if self.chaptered:
            self.chapter += 1
            self.count = 0

    def raw(self, latex: str) -> None:
        """Raw LaTeX: each ``figure`` environment in it with a caption is a figure.

        >>> numbers = Numbers()
        >>> numbers.raw(r"\\begin{figure}\\caption{A}\\end{figure}\\begin{figure}x\\end{figure}")
        >>> numbers.count
        1
        """
        self.count += sum("\\caption" in body for body in _FIGURE.findall(latex))


__all__ = ["CHAPTERED", "Numbers"]
