"""Markdown source files and a block's text → where the block is in them, for systems that
hand an integration the parsed document without positions (Pandoc's AST has none).

A code block is found by its text: the first ``argmap`` fence not yet found whose body is
the block's text, in the files in the order given. An image is found by its target: the
next image of that target not yet found.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from argmap.embed.blocks import Place
from argmap.embed.fences import Fence, fences

#: Fences nested in lists are indented further than a top-level one's 3 spaces.
_ANY_INDENT = 1000


def _shown(path: str) -> str:
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative


class Sources:
    """The ``argmap`` fences of some Markdown files, found once, handed out in order."""

    def __init__(self, paths: Iterable[str]) -> None:
        self.texts: list[tuple[str, list[str]]] = []
        self.fences: list[tuple[str, Fence]] = []
        for path in paths:
            try:
                with open(path, encoding="utf-8") as file:
                    lines = file.read().splitlines()
            except (OSError, UnicodeDecodeError):
                continue
            self.texts.append((_shown(path), lines))
            for fence in fences(lines, max_indent=_ANY_INDENT):
                if "argmap" in fence.classes:
                    self.fences.append((_shown(path), fence))
        self.found = 0
        self.blocks = 0
        self.images: dict[str, int] = {}  # target → images of it found so far

    def block(self, text: str) -> Place:
        """Where the next code block with the map ``text`` is; a place counted from the
        block's own first line when no source has it."""
        self.blocks += 1
        wanted = text.rstrip("\n")
        for index in range(self.found, len(self.fences)):
            path, fence = self.fences[index]
            if fence.body.rstrip("\n") == wanted:
                self.found = index + 1
                return Place(path, fence.start + 1, column=fence.indent)
        return Place(f"<argmap block {self.blocks}>", 0)

    def image(self, target: str) -> Place:
        """Where the next image of ``target`` (``![...](target)``) is written: the first, then
        the second...; the first again when there are fewer in the sources than asked for."""
        needle = f"]({target}"
        found = [(path, number) for path, lines in self.texts
                 for number, line in enumerate(lines, 1) if needle in line]  # fmt: skip
        seen = self.images.get(target, 0)
        self.images[target] = seen + 1
        if not found:
            return Place(f"<image {target}>", 0)
        return Place(*found[seen if seen < len(found) else 0])


__all__ = ["Sources"]
