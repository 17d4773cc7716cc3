"""Python-Markdown extension: fenced ``argmap`` blocks → the map's inline SVG, at build time.

A block holds a map's YAML, or names a map file::

    ```argmap file=maps/europe-central-asia.yaml
    ```

    ```argmap theme=dark
    argmap: 1
    title: ...
    ```

Options on the fence line: ``file=PATH``, ``caption=TEXT`` and the drawing options of
``argmap render`` (``theme=light|dark|print|auto``, ``width=LENGTH``, ``id-prefix=PREFIX``,
``status``, ``focus=CLAIM``, ``depth=N``, ``side=proponent|opponent``, ``fit=WIDTH|none``;
:mod:`argmap.embed.options`); values may be quoted. A map is drawn as the figures that make
it readable in the column of MkDocs' own theme (831 CSS px; the extension's ``fit`` sets
another, or ``none`` for whole maps), in order, each with a caption saying which it is.
Paths (``file=``, and an inline map's ``source: path:``) are relative to the extension's
``base_path`` (default: the current folder; in MkDocs set it to your docs folder). A map
with errors stops the conversion with :class:`MapBlockError`, listing every diagnostic at
its place in the page or the map file; under MkDocs it is a ``BuildError``, so
``mkdocs build`` reports it and exits with status 1.

Pages may come from other people (a pull request to the documentation), so a map named by
``file=`` and every source text are read only under the extension's ``source_root``
(default: the project of ``base_path``, the nearest folder above it holding ``.git``,
``pyproject.toml`` or ``mkdocs.yml``; :func:`argmap.embed.read_block`), a source also in its
map's own project. What is logged or raised is escaped for terminals.

Use ``markdown.markdown(text, extensions=["argmap.markdown"])``, or in ``mkdocs.yml``::

    markdown_extensions:
      - argmap.markdown:
          base_path: docs
"""

from __future__ import annotations

import html
import logging
import os
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from argmap.diagnostics import ArgmapError, Diagnostic, printable
from argmap.draw.options import DrawOptions
from argmap.embed import (
    Block,
    BlockError,
    Page,
    Place,
    Target,
    captions,
    noted,
    parse,
    read_block,
    words,
)
from argmap.embed.fences import fences
from argmap.embed.targets import MKDOCS, configured
from argmap.words import vocabulary

try:  # Under MkDocs, a BuildError is reported as a message and stops the build (status 1).
    from mkdocs.exceptions import BuildError as _Reported
except ImportError:  # pragma: no cover - without MkDocs installed
    _Reported = Exception  # type: ignore[assignment,misc]

# MkDocs shows (and in strict mode counts) what is logged under "mkdocs"; elsewhere this is
# an ordinary logger.
log = logging.getLogger("mkdocs.plugins.argmap")


class MapBlockError(ArgmapError, _Reported):
    """An ``argmap`` block could not be drawn: its map has errors, or its file is missing.

    ``diagnostics`` holds the map's diagnostics (empty when the file could not be read).
    """

    def __init__(self, message: str, diagnostics: tuple[Diagnostic, ...] = ()) -> None:
        self.diagnostics = diagnostics
        # Shown on a terminal by MkDocs: each line escaped (printable), the lines kept apart.
        super().__init__("\n".join(map(printable, message.split("\n"))))

    def __str__(self) -> str:  # click's ClickException keeps it in .message
        return str(getattr(self, "message", None) or self.args[0])


def _page_name(md: Markdown) -> str:
    """The page being converted, as MkDocs knows it (else a placeholder), for messages."""
    try:
        page = md.treeprocessors["relpath"]
    except KeyError:
        page = None
    source = getattr(getattr(page, "file", None), "abs_src_path", None)
    if not source:
        return "<markdown>"
    try:
        return os.path.relpath(source)
    except ValueError:  # another drive on Windows
        return source


class ArgmapPreprocessor(Preprocessor):
    """Replaces each ``argmap`` fence by its drawing, stashed as raw HTML."""

    def __init__(self, md: Markdown, extension: ArgmapExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        done = 0
        for fence in fences(lines):
            if fence.lang != "argmap":  # another fence: passed on untouched
                continue
            place = Place(_page_name(self.md), fence.start + 1, column=fence.indent)
            try:
                block = Block(place, parse(words(fence.rest), self.extension.defaults), fence.body)
                drawn = self.extension.draw(block)
            except BlockError as exc:
                raise MapBlockError(str(exc), exc.diagnostics) from None
            except ArgmapError as exc:
                raise MapBlockError(f"{place}: {exc}") from None
            out.extend(lines[done : fence.start])
            out.extend(["", self.md.htmlStash.store(drawn), ""])
            done = fence.end + 1
        return out + lines[done:]


class ArgmapExtension(Extension):
    """The ``argmap`` fenced block. Options: ``base_path``, ``theme``, ``fit``, ``source_root``."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "base_path": [".", "Folder that map files and sources are relative to."],
            "theme": ["light", "Default theme: light, dark, print or auto."],
            "fit": [
                "auto",
                "The column figures are fitted to, in CSS px (or none: maps drawn whole). "
                f"Default: MkDocs' own theme's, {MKDOCS.fit}.",
            ],
            "source_root": [
                "",
                "Folder that map files and source texts may be read from. Default: the "
                "project of base_path (the nearest folder above it with .git, "
                "pyproject.toml or mkdocs.yml).",
            ],
        }
        super().__init__(**kwargs)
        self.reset()

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        md.registerExtension(self)
        # After whitespace normalizing (30), before fenced code (25) and raw HTML (20).
        md.preprocessors.register(ArgmapPreprocessor(md, self), "argmap", 27)

    def reset(self) -> None:
        """Forget the ids used on the page (Python-Markdown calls this between documents)."""
        self.page = Page()

    @property
    def defaults(self) -> DrawOptions:
        """How blocks are drawn unless they say otherwise: the extension's theme."""
        return DrawOptions(theme=self.getConfig("theme"))

    @property
    def target(self) -> Target:
        """What blocks are drawn as: inline SVG fitted to the extension's ``fit``."""
        return configured(MKDOCS, self.getConfig("fit"), "argmap.markdown's fit")

    def draw(self, block: Block) -> str:
        """The HTML of one block: each figure of its map, inline SVG in a ``div`` (or a
        ``figure`` with its caption) of class ``argmap``."""
        root = self.getConfig("source_root") or None
        base = Path(self.getConfig("base_path"))
        found = read_block(block, base, root, "the source_root of argmap.markdown")
        for diagnostic in found.warnings:  # only warnings are left
            log.warning("%s", printable(str(diagnostic)))
        try:
            with noted(lambda note: log.warning("%s: note: %s", block.place, printable(note))):
                figures = self.page.svg(found, self.target, block.options)
        except ArgmapError as exc:
            raise BlockError(block.place, str(exc)) from None
        shown = []
        words = vocabulary(found.map.lang)
        texts = captions(block.options.caption, found.map.title or "", figures, words)
        for figure, caption in zip(figures, texts, strict=True):
            svg = figure.html()
            if caption:
                text = html.escape(caption, quote=False)
                shown.append(
                    f'<figure class="argmap">\n{svg}\n<figcaption>{text}</figcaption>\n</figure>'
                )
            else:
                shown.append(f'<div class="argmap">\n{svg}\n</div>')
        return "\n".join(shown)


def makeExtension(**kwargs: Any) -> ArgmapExtension:  # Python-Markdown's name
    """Python-Markdown's entry point for ``extensions=["argmap.markdown"]``."""
    return ArgmapExtension(**kwargs)


__all__ = ["ArgmapExtension", "MapBlockError", "makeExtension"]
