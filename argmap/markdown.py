"""Python-Markdown extension: fenced ``argmap`` blocks → the map's inline SVG, at build time.

A block holds a map's YAML, or names a map file::

    ```argmap file=maps/europe-central-asia.yaml
    ```

    ```argmap theme=dark
    argmap: 1
    title: ...
    ```

Options on the fence line: ``file=PATH``, ``theme=light|dark|print|auto``, ``width=LENGTH``
and ``id-prefix=PREFIX`` (values may be quoted). Paths (``file=``, and an inline map's
``source: path:``) are relative to the extension's ``base_path`` (default: the current
folder; in MkDocs set it to your docs folder). A map with errors stops the conversion with
:class:`MapBlockError`, listing every diagnostic at its place in the page or the map file;
under MkDocs it is a ``BuildError``, so ``mkdocs build`` reports it and exits with status 1.

Pages may come from other people (a pull request to the documentation), so files are read
only inside the documentation project: ``file=`` and every source text must lie, links
resolved, under the extension's ``source_root`` (default: the project of ``base_path``, the
nearest folder above it holding ``.git``, ``pyproject.toml`` or ``mkdocs.yml``) or, for a
map's source, in the map's own project. What is logged or raised is escaped for terminals.

Use ``markdown.markdown(text, extensions=["argmap.markdown"])``, or in ``mkdocs.yml``::

    markdown_extensions:
      - argmap.markdown:
          base_path: docs
"""

from __future__ import annotations

import logging
import os
import re
import shlex
from pathlib import Path
from typing import Any

import attrs
from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from argmap.api import check_bytes, check_file, render_map
from argmap.diagnostics import ArgmapError, Diagnostic, Span, UsageError, printable
from argmap.draw.svg import inline
from argmap.io import confine, project_of

try:  # Under MkDocs, a BuildError is reported as a message and stops the build (status 1).
    from mkdocs.exceptions import BuildError as _Reported
except ImportError:  # pragma: no cover - without MkDocs installed
    _Reported = Exception  # type: ignore[assignment,misc]

# MkDocs shows (and in strict mode counts) what is logged under "mkdocs"; elsewhere this is
# an ordinary logger.
log = logging.getLogger("mkdocs.plugins.argmap")

_OPEN = re.compile(r"(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w.+-]*)(?P<rest>.*)")
_OPTIONS = ("file", "theme", "width", "id-prefix")
_ID = re.compile(r'\bid="([^"]+)"')


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


@attrs.frozen
class Block:
    """One ``argmap`` fence: where it opens in the page (0-based line), its options and body."""

    line: int
    indent: int
    options: dict[str, str]
    body: str


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


def _dedent(line: str, indent: int) -> str:
    """A line of a fenced block less the fence's indent (at most, and only spaces)."""
    return line[min(indent, len(line) - len(line.lstrip(" "))) :]


def _options(text: str, where: str) -> dict[str, str]:
    try:
        words = shlex.split(text)
    except ValueError as exc:
        raise MapBlockError(f"{where}: argmap block options cannot be read: {exc}") from None
    options: dict[str, str] = {}
    for word in words:
        key, equals, value = word.partition("=")
        if not equals or key not in _OPTIONS:
            raise MapBlockError(
                f"{where}: unknown argmap block option '{word}'; use "
                + ", ".join(f"{option}=..." for option in _OPTIONS)
            )
        options[key] = value
    return options


class ArgmapPreprocessor(Preprocessor):
    """Replaces each ``argmap`` fence by its drawing, stashed as raw HTML."""

    def __init__(self, md: Markdown, extension: ArgmapExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(lines):
            opening = _OPEN.fullmatch(lines[i])
            if opening is None:
                out.append(lines[i])
                i += 1
                continue
            end = self._closing(lines, i, opening.group("fence"))
            if opening.group("lang") != "argmap":  # another fence: pass it on untouched
                out.extend(lines[i : end + 1])
                i = end + 1
                continue
            where = f"{_page_name(self.md)}:{i + 1}"
            indent = len(opening.group("indent"))
            body = "\n".join(_dedent(line, indent) for line in lines[i + 1 : end])
            block = Block(i, indent, _options(opening.group("rest"), where), body)
            placeholder = self.md.htmlStash.store(self.extension.draw(block, self.md))
            out.extend(["", placeholder, ""])
            i = end + 1
        return out

    @staticmethod
    def _closing(lines: list[str], start: int, fence: str) -> int:
        """Index of the line closing the fence opened at ``start`` (the last line if none)."""
        closing = re.compile(rf" {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*")
        for j in range(start + 1, len(lines)):
            if closing.fullmatch(lines[j]):
                return j
        return len(lines) - 1


class ArgmapExtension(Extension):
    """The ``argmap`` fenced block. Options: ``base_path``, ``theme``."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "base_path": [".", "Folder that map files and sources are relative to."],
            "theme": ["light", "Default theme: light, dark, print or auto."],
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
        self.ids: set[str] = set()
        self.count = 0

    def draw(self, block: Block, md: Markdown) -> str:
        """The HTML of one block: its map's SVG in a ``<div class="argmap">``."""
        self.count += 1
        page = _page_name(md)
        base = Path(self.getConfig("base_path"))
        root = self.getConfig("source_root") or project_of(base / "inline-map.yaml")
        options = block.options
        if "file" in options:
            if block.body.strip():
                raise MapBlockError(
                    f"{page}:{block.line + 1}: an argmap block names a file= or holds a map, "
                    "not both"
                )
            name = base / options["file"]
            if confine(name, [os.path.realpath(root)]) is None:
                raise MapBlockError(
                    f"{page}:{block.line + 1}: file={options['file']} is outside the "
                    f"documentation project ({os.path.realpath(root)}); argmap reads maps only "
                    "there (see the extension's source_root)"
                )
            try:
                checked = check_file(name, source_root=root)
            except UsageError as exc:
                raise MapBlockError(f"{page}:{block.line + 1}: {exc}") from None
            what = f"map {checked.path} (from {page}:{block.line + 1})"
        else:
            inline_map = str(base / "inline-map.yaml")
            checked = check_bytes(block.body.encode("utf-8"), inline_map, source_root=root)
            checked = attrs.evolve(
                checked,
                diagnostics=tuple(self._in_page(d, block, page) for d in checked.diagnostics),
            )
            what = f"map in {page}:{block.line + 1}"
        if not checked.ok:
            shown = "\n".join(str(d) for d in checked.diagnostics)
            raise MapBlockError(f"argmap: the {what} has errors:\n{shown}", checked.diagnostics)
        assert checked.map is not None
        for diagnostic in checked.diagnostics:  # only warnings are left
            log.warning("%s", printable(str(diagnostic)))
        prefix = options.get("id-prefix", "")
        try:
            svg = self._svg(checked.map, options, prefix)
            ids = set(_ID.findall(svg))
            if not prefix and ids & self.ids:  # another map on the page has these ids
                svg = self._svg(checked.map, options, f"argmap{self.count}-")
                ids = set(_ID.findall(svg))
        except ArgmapError as exc:
            raise MapBlockError(f"{page}:{block.line + 1}: {exc}") from None
        self.ids |= ids
        return f'<div class="argmap">\n{svg}\n</div>'

    def _svg(self, amap: Any, options: dict[str, str], prefix: str) -> str:
        data = render_map(
            amap,
            "svg",
            theme=options.get("theme", self.getConfig("theme")),
            width=options.get("width") or None,
            id_prefix=prefix,
        )
        return inline(data)

    @staticmethod
    def _in_page(diagnostic: Diagnostic, block: Block, page: str) -> Diagnostic:
        """A diagnostic of an inline map, placed in the page: past the fence, re-indented."""
        span = diagnostic.span
        if span.line <= 0:
            return attrs.evolve(diagnostic, path=page, span=Span(block.line + 1, 1))
        return attrs.evolve(
            diagnostic,
            path=page,
            span=Span(block.line + 1 + span.line, span.column + block.indent),
        )


def makeExtension(**kwargs: Any) -> ArgmapExtension:  # Python-Markdown's name
    """Python-Markdown's entry point for ``extensions=["argmap.markdown"]``."""
    return ArgmapExtension(**kwargs)


__all__ = ["ArgmapExtension", "MapBlockError", "makeExtension"]
