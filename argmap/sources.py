"""A map's source path → the source's text, read only where the map may read it, or the
diagnostic saying why not (AM117 outside the project, AM109 unreadable)."""

from __future__ import annotations

import os
from pathlib import Path

from argmap.diagnostics import Diagnostic, UsageError
from argmap.io import Unreadable, read_file
from argmap.meant import Holds, elsewhere, not_found
from argmap.model import ArgumentMap
from argmap.project import SOURCE_ROOT_HINT, confine, how_to_mark, refused, roots
from argmap.read.escapes import misread
from argmap.read.source import SourceText
from argmap.read.sourcefile import text_of
from argmap.read.syntax import Syntax

#: What the API's functions take as ``source_root``: a folder, or None for the map's project.
Root = str | os.PathLike[str] | None


def read_source(
    amap: ArgumentMap, path: str, source_root: Root = None
) -> tuple[SourceText | None, list[Diagnostic]]:
    """The map's source text, or a diagnostic at its ``path`` key: AM117 when the file lies
    outside the map's project (:func:`argmap.io.project_of`) and outside ``source_root``,
    AM109 when it cannot be read (missing, not a regular file, too large, not UTF-8).

    Nothing of a refused file is read, nor said but its path.
    """
    if amap.source is None:
        return None, []
    where = amap.source.where("path")
    escaped = misread(amap.source.path, Syntax.of(path).json)  # "C:\\texts": a tab in it
    location = Path(path).parent / amap.source.path
    folders = roots(path, source_root)
    real = confine(location, folders, near=Path(path).parent)
    if os.sep == "/" and "\\" in amap.source.path and not os.path.lexists(location):
        # A Windows path names no file here: say so, and how to write it, not that a name
        # starting '..\\texts' is hidden (AM117).
        near = Path(path).parent
        problem = not_found(
            amap.source.path, location, near, folders, holding(_quotes(amap)), escaped=escaped
        )
        return None, [Diagnostic(path, where, "AM109", problem)]
    if real is None:
        only = f"argmap reads source texts only there {SOURCE_ROOT_HINT}"
        said = refused(location, folders, Path(path).parent, only=only)
        problem = f"source '{amap.source.path}' {said}"
        if said.endswith(only):
            problem += how_to_mark(path, location)
            other = elsewhere(location.name, Path(path).parent, folders, holding(_quotes(amap)))
            problem += "" if other is None else f"; did you mean '{other}'?"
        return None, [Diagnostic(path, where, "AM117", problem)]
    try:
        data = read_file(real, what="text file")
    except Unreadable as exc:
        if exc.reason == "no such file":
            near = Path(path).parent
            problem = not_found(
                amap.source.path, location, near, folders, holding(_quotes(amap)), escaped=escaped
            )
        else:
            problem = f"source '{amap.source.path}' {exc.reason}"
    else:
        text, problem = text_of(data, amap.source.path)
        if text is not None:
            return SourceText(text), []
    return None, [Diagnostic(path, where, "AM109", problem)]


def _quotes(amap: ArgumentMap) -> list[str]:
    return [quote.text for claim in amap.claims for quote in claim.quotes]


def holding(quotes: list[str]) -> Holds | None:
    """How many of a map's ``quotes`` a file holds (read as a source would be: a file that
    cannot be, none); None for a map that quotes nothing."""
    if not quotes:
        return None

    def holds(path: Path) -> int:
        try:
            text, _ = text_of(read_file(path, what="text file"), str(path))
        except Unreadable:
            return 0
        found = SourceText(text) if text is not None else None
        return 0 if found is None else sum(found.contains(quote) for quote in quotes)

    return holds


def source_of(
    amap: ArgumentMap, path: str | os.PathLike[str], source_root: Root = None
) -> str | None:
    """The text of a map's source (:func:`read_source`); None when the map has none, and a
    UsageError saying why, as the command line says it, when it cannot be read."""
    source, problems = read_source(amap, os.fspath(path), source_root)
    if problems:
        raise UsageError(problems[0].message)
    return None if source is None else source.text


__all__ = ["Root", "holding", "read_source", "source_of"]
