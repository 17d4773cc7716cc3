"""Files in other formats → maps, and maps → text in other formats: the API of import and export.

Reads the files the format modules (:mod:`argmap.formats`) need; they themselves are pure.
"""

from __future__ import annotations

import os
from pathlib import Path

from argmap.diagnostics import UsageError
from argmap.formats.base import Exported, Imported
from argmap.formats.registry import EXPORTS, IMPORTS
from argmap.io import Unreadable, read_file
from argmap.model import ArgumentMap
from argmap.project import confine, roots
from argmap.read.yamltree import decode


def import_file(
    fmt: str,
    path: str | os.PathLike[str],
    output: str | os.PathLike[str] | None = None,
    *,
    source_root: str | os.PathLike[str] | None = None,
) -> Imported:
    """A map read from a file in another format (see :data:`IMPORTS`).

    ``output`` is where the map will be written (None: the current folder); a microtext's
    source, the ``.txt`` beside its XML, is named relative to it, and read only inside the
    XML's project or ``source_root``, as a map's source would be. Raises UsageError when a
    file cannot be read, FormatError when it is not in the format, MapError when a JSON map
    has errors of shape.
    """
    importer = IMPORTS.get(fmt)
    if importer is None:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(IMPORTS)}")
    data, name = read_file(path, what="regular file"), os.fspath(path)
    if importer.companion is None:
        return importer.read(data, path=name)
    beside = Path(path).with_suffix(importer.companion)
    folders = roots(path, source_root)
    real = confine(beside, folders)
    if real is None:
        raise UsageError(f"{beside}: outside the project of {name} ({' or '.join(folders)}); "
                         "argmap reads source texts only there (see --source-root)")  # fmt: skip
    try:
        companion = read_file(real, what="text file")  # as resolved: no link followed again
    except Unreadable as exc:
        raise Unreadable(str(beside), exc.reason) from None
    text, problems = decode(companion, str(beside))
    if text is None:
        raise UsageError(problems[0].message)
    folder = Path(output).parent if output is not None else Path()
    try:
        relative = Path(os.path.relpath(beside, folder)).as_posix()
    except ValueError:  # another drive (Windows)
        relative = beside.resolve().as_posix()
    return importer.read(data, text, path=name, source_path=relative)


def export_map(amap: ArgumentMap, fmt: str) -> Exported:
    """A map in another format (see :data:`EXPORTS`), with what the format lost."""
    exporter = EXPORTS.get(fmt)
    if exporter is None:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(EXPORTS)}")
    return exporter.write(amap)


__all__ = ["export_map", "import_file"]
