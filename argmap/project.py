"""A file's path → the project it belongs to, and whether another path lies inside it: where
argmap lets a map read its source texts from.

A map's *project* is the nearest folder above it (its own folder first) that holds
``.git``, ``pyproject.toml`` or ``mkdocs.yml``, or else the map's own folder. Paths are
compared as real paths, every link resolved, so no link leads out unnoticed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

#: What marks a folder as a project's root: the nearest one above a map holding one of these.
PROJECT_MARKERS = (".git", "pyproject.toml", "mkdocs.yml")


def project_of(path: str | os.PathLike[str]) -> str:
    """The project of a file: the nearest folder above it, its own folder first, that holds
    one of :data:`PROJECT_MARKERS`, else its own folder; as a real path (links resolved)."""
    return project_of_folder(os.path.dirname(os.path.abspath(path)))


def project_of_folder(folder: str | os.PathLike[str]) -> str:
    """The project of the files in ``folder`` (see :func:`project_of`)."""
    folder = os.path.realpath(folder)
    here = folder
    while True:
        if any(os.path.lexists(os.path.join(here, marker)) for marker in PROJECT_MARKERS):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return folder
        here = parent


def roots(path: str | os.PathLike[str], source_root: str | os.PathLike[str] | None) -> list[str]:
    """The folders a file may read from: its project, and ``source_root`` when given."""
    found = [project_of(path)]
    if source_root is not None and os.path.realpath(source_root) not in found:
        found.append(os.path.realpath(source_root))
    return found


def confine(path: str | os.PathLike[str], folders: Iterable[str]) -> str | None:
    """The real path of ``path`` (links resolved) when it lies in one of ``folders`` (real
    paths), else None. The file need not exist."""
    real = os.path.realpath(path)
    key = os.path.normcase(real)
    for folder in folders:
        inside = os.path.normcase(folder)
        if key == inside or key.startswith(inside.rstrip(os.sep) + os.sep):
            return real
    return None


__all__ = ["PROJECT_MARKERS", "confine", "project_of", "project_of_folder", "roots"]
