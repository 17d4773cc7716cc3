"""Files in other formats → maps, and maps → text in other formats: the API of import and export.

Reads the files the format modules (:mod:`argmap.formats`) need; they themselves are pure.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from argmap.diagnostics import UsageError
from argmap.formats.argdown.lex import INCLUDED_AGAIN
from argmap.formats.base import Exported, FormatError, Imported
from argmap.formats.registry import EXPORTS, IMPORTS
from argmap.io import read_file
from argmap.model import ArgumentMap
from argmap.read.yamltree import decode


def import_file(
    fmt: str, path: str | os.PathLike[str], output: str | os.PathLike[str] | None = None
) -> Imported:
    """A map read from a file in another format (see :data:`IMPORTS`).

    ``output`` is where the map will be written (None: the current folder); a microtext's
    source, the ``.txt`` beside its XML, is named relative to it. Raises UsageError when a file
    cannot be read, FormatError when it is not in the format (not XML, not JSON, not Argdown),
    MapError when a JSON map has errors of shape.
    """
    importer = IMPORTS.get(fmt)
    if importer is None:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(IMPORTS)}")
    data, name = read_file(path), os.fspath(path)
    if importer.includes is not None:
        return importer.read(included_text(path, importer.includes, data), path=name)
    if importer.companion is None:
        return importer.read(data, path=name)
    if importer.recognise is not None:
        importer.recognise(data)  # not XML: say so before looking for its text
    beside = Path(path).with_suffix(importer.companion)
    text, problems = decode(read_file(beside), str(beside))
    if text is None:
        raise UsageError(problems[0].message)
    folder = Path(output).parent if output is not None else Path()
    try:
        relative = Path(os.path.relpath(beside, folder)).as_posix()
    except ValueError:  # another drive (Windows)
        relative = beside.resolve().as_posix()
    return importer.read(data, text, path=name, source_path=relative)


def included_text(
    path: str | os.PathLike[str], includes: re.Pattern[str], data: bytes | None = None
) -> str:
    """A file's text with every include (``includes``' group 1: a path relative to the
    including file) replaced by that file's text, as Argdown's command line does: each file
    included once, again only a comment saying so. ``data`` is the file's bytes if already
    read. Raises UsageError when a file cannot be read, FormatError when one is not UTF-8."""
    included: list[Path] = []

    def text_of(data: bytes, path: Path) -> str:
        text, problems = decode(data, os.fspath(path))
        if text is None:
            raise FormatError(f"not Argdown: {problems[0].span}: {problems[0].message}")

        def include(found: re.Match[str]) -> str:
            other = (path.parent / found.group(1)).resolve()
            if other in included:
                return INCLUDED_AGAIN.format(other)
            included.append(other)
            return text_of(read_file(other), other)

        return includes.sub(include, text)

    return text_of(read_file(path) if data is None else data, Path(path))


def export_map(amap: ArgumentMap, fmt: str) -> Exported:
    """A map in another format (see :data:`EXPORTS`), with what the format lost."""
    exporter = EXPORTS.get(fmt)
    if exporter is None:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(EXPORTS)}")
    return exporter.write(amap)


__all__ = ["export_map", "import_file", "included_text"]
