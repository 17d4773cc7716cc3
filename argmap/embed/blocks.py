"""A map block of a document (a fence, a directive, a code block) → its checked map, with every
diagnostic placed in the document (a map written in the block) or in the map's file.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from argmap.api import check_map_bytes, check_map_file
from argmap.diagnostics import ArgmapError, Diagnostic, Span, UsageError
from argmap.embed.options import BlockOptions
from argmap.model import ArgumentMap
from argmap.project import SOURCE_ROOT_HINT, confine, project_of_folder, refused
from argmap.settings import settings_files

#: The name an inline map's path gets (in its block's folder): its ``source: path:`` is read
#: relative to it.
INLINE_NAME = "inline-map.yaml"


@attrs.frozen
class Place:
    """Where a block is: its ``document`` as messages name it, the 1-based ``line`` it starts
    on, and where the map written in it starts: ``body_line`` (1-based; 0 for the line after
    ``line``) and ``column``, the number of characters before each of its lines."""

    document: str
    line: int
    body_line: int = 0
    column: int = 0

    def __str__(self) -> str:
        return f"{self.document}:{self.line}"

    def laid_out(self, body: str) -> str:
        """The map written in the block as the document has it: after as many blank lines as
        precede it, each line indented by ``column`` (YAML reads a map indented throughout as
        it reads it unindented). Read so, every position, those inside messages too (``first
        at 12:5``), counts from the document."""
        first = self.body_line or self.line + 1
        margin = " " * self.column
        lines = [margin + line if line.strip() and margin else line for line in body.split("\n")]
        return "\n" * (first - 1) + "\n".join(lines)

    def of(self, diagnostic: Diagnostic) -> Diagnostic:
        """A diagnostic of the block's own map read as :meth:`laid_out` lays it out, named by
        the document; one about the map as a whole (placed before its first line) goes to
        the block's first line."""
        first = self.body_line or self.line + 1
        if diagnostic.span.line < first:
            return attrs.evolve(diagnostic, path=self.document, span=Span(self.line, 1))
        return attrs.evolve(diagnostic, path=self.document)


class BlockError(ArgmapError):
    """A block that cannot be drawn: its map has errors, its file is missing, an option is
    wrong. ``place`` is the block, ``problem`` says what is wrong in a few words, and
    ``diagnostics`` are the map's (empty for other problems); the message has them all."""

    def __init__(
        self, place: Place, problem: str, diagnostics: tuple[Diagnostic, ...] = ()
    ) -> None:
        self.place = place
        self.problem = problem
        self.diagnostics = diagnostics
        if diagnostics:
            shown = "\n".join(str(d) for d in diagnostics)
            super().__init__(f"argmap: {problem}:\n{shown}")
        else:
            super().__init__(f"{place}: {problem}")


@attrs.frozen
class Block:
    """One block: where it is, what it asks for, and the map written in it ('' for none)."""

    place: Place
    options: BlockOptions
    body: str = ""


@attrs.frozen
class BlockMap:
    """A block's checked map: the ``map``, the ``path`` its source is read relative to, the
    ``warnings`` left (placed), and the ``files`` read to make it (the map's file, its
    source text, its project's pyproject.toml with the codes it silences), which a build
    that tracks dependencies rebuilds the page on."""

    map: ArgumentMap
    path: str
    warnings: tuple[Diagnostic, ...]
    files: tuple[str, ...]


def read_block(
    block: Block,
    base: str | os.PathLike[str],
    source_root: str | os.PathLike[str] | None = None,
    setting: str = "source_root",
) -> BlockMap:
    """The checked map of ``block``, its files relative to the folder ``base``.

    Documents come from other people (a pull request), so files are read only under
    ``source_root``, by default the documentation's project (the project of ``base``,
    :func:`argmap.io.project_of_folder`): the map a block names, and every source text (which
    may also lie in its map's own project). ``setting`` names where the documentation system
    sets ``source_root`` (``argmap_source_root in conf.py``), in the messages that refuse a
    file outside.

    Raises BlockError with every diagnostic when the map has errors, or when the block
    names a map outside the project.
    """
    place, file = block.place, block.options.file
    root = os.path.realpath(source_root) if source_root is not None else project_of_folder(base)
    if file is not None:
        if block.body.strip():
            raise BlockError(place, "an argmap block names a file or holds a map, not both")
        if confine(Path(base, file), [root], near=base) is None:
            only = f"argmap reads maps only there (see {setting})"
            said = refused(Path(base, file), [root], base, "the documentation project", only=only)
            raise BlockError(place, f"file={file} {said}")
        try:
            checked = check_map_file(Path(base, file), source_root=root)
        except UsageError as exc:
            raise BlockError(place, str(exc)) from None
        what = f"map {checked.path} (from {place})"
        files = [checked.path]
    elif not block.body.strip():
        raise BlockError(place, "an argmap block names a map file or holds a map; this is empty")
    else:
        text = place.laid_out(block.body)
        inline = str(Path(base, INLINE_NAME))
        checked = check_map_bytes(text.encode("utf-8"), inline, source_root=root)
        checked = attrs.evolve(checked, diagnostics=tuple(map(place.of, checked.diagnostics)))
        what = f"map in {place}"
        files = []
    hint = f"(see {setting})"
    checked = attrs.evolve(
        checked, diagnostics=tuple(_hinted(d, hint) for d in checked.diagnostics)
    )
    if not checked.ok:
        raise BlockError(place, f"the {what} has errors", checked.diagnostics)
    assert checked.map is not None
    if checked.map.source is not None:
        files.append(os.path.normpath(Path(checked.path).parent / checked.map.source.path))
    files += settings_files(checked.path)  # the codes its project silences
    return BlockMap(checked.map, checked.path, checked.diagnostics, tuple(files))


def _hinted(diagnostic: Diagnostic, hint: str) -> Diagnostic:
    """A source refused outside the project (AM117) names the documentation's own setting,
    ``hint``, where the command line's option is named."""
    if diagnostic.code != "AM117":
        return diagnostic
    return attrs.evolve(diagnostic, message=diagnostic.message.replace(SOURCE_ROOT_HINT, hint))


__all__ = ["INLINE_NAME", "Block", "BlockError", "BlockMap", "Place", "read_block"]
