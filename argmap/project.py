"""A file's path → the project it belongs to, and whether another path lies inside it: where
argmap lets a map read its source texts from.

A map's *project* is the nearest folder above it (its own folder first) that holds
``.git``, ``pyproject.toml`` or ``mkdocs.yml``, or else the map's own folder. Paths are
compared as real paths, every link resolved, so no link leads out unnoticed. The project's
hidden files and folders (``.git``, ``.env``, ``.netrc``, ...) hold its settings and
credentials (a CI checkout keeps its token in ``.git/config``), not texts: they are not
part of it, unless the file that names the path is in that hidden folder itself.
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


def marked(folder: str | os.PathLike[str]) -> bool:
    """Whether ``folder`` or a folder above it holds one of :data:`PROJECT_MARKERS` (else the
    files in ``folder`` are a project of their own)."""
    here = os.path.realpath(folder)
    return any(os.path.lexists(os.path.join(here, marker)) for marker in PROJECT_MARKERS) or (
        os.path.dirname(here) != here and marked(os.path.dirname(here))
    )


def how_to_mark(path: str | os.PathLike[str], location: str | os.PathLike[str]) -> str:
    """For a map at ``path`` whose source at ``location`` lies outside its project: what
    marks a project that holds both, when the map's folder is a project only for want of a
    marker above it and the two meet below the file system's top; else ``""``. Names
    folders only, nothing of the source."""
    folder = os.path.dirname(os.path.abspath(path))
    if marked(folder):
        return ""
    try:
        common = os.path.commonpath([os.path.realpath(folder), os.path.realpath(location)])
    except ValueError:  # on two drives (Windows)
        return ""
    parent = os.path.dirname(common)
    if os.path.dirname(parent) == parent:
        return ""  # they meet only at / or at /tmp, /home: no project to make there
    return (
        "; the map's folder is its project as no folder above it holds "
        f"{', '.join(PROJECT_MARKERS[:-1])} or {PROJECT_MARKERS[-1]}: one in {common} "
        "(git init, or an empty pyproject.toml) makes that folder the project"
    )


def roots(path: str | os.PathLike[str], source_root: str | os.PathLike[str] | None) -> list[str]:
    """The folders a file may read from: its project, and ``source_root`` when given."""
    found = [project_of(path)]
    if source_root is not None and os.path.realpath(source_root) not in found:
        found.append(os.path.realpath(source_root))
    return found


def confine(
    path: str | os.PathLike[str],
    folders: Iterable[str],
    near: str | os.PathLike[str] | None = None,
) -> str | None:
    """The real path of ``path`` (links resolved) when it lies in one of ``folders`` (real
    paths) and not in a hidden file or folder of it (:func:`hidden_part`), else None. The
    file need not exist. ``near`` is the folder of the file that names ``path``: a hidden
    folder that holds it too is no hidden part (a map in ``.maps/`` reads ``.maps/text.txt``).
    A path holding a NUL character names no file: None."""
    if "\0" in os.fsdecode(path):
        return None
    real = os.path.realpath(path)
    for folder in folders:
        if _inside(real, folder) and hidden_part(real, folder, near) is None:
            return real
    return None


def hidden_part(real: str, folder: str, near: str | os.PathLike[str] | None = None) -> str | None:
    """The first hidden name (``.git``, ``.env``) on the way from ``folder`` down to the real
    path ``real`` (inside it), None when there is none; counted from where ``real`` and
    ``near`` (the folder of the file that names the path) part, when that is inside
    ``folder``: a file may name what lies beside it in its own hidden folder."""
    base = folder
    if near is not None:
        try:
            common = os.path.commonpath([real, os.path.realpath(near)])
        except ValueError:  # on two drives (Windows)
            common = folder
        base = common if _inside(common, folder) else folder
    relative = os.path.relpath(real, base)
    if relative == os.curdir:
        return None
    return next((part for part in relative.split(os.sep) if part.startswith(".")), None)


#: Said after a path refused for lying in a hidden file or folder of its project.
HIDDEN_WHY = ("argmap reads no hidden file or folder of a project (.git, .env, ...), which hold "
              "its settings and credentials")  # fmt: skip


def refusal(
    path: str | os.PathLike[str],
    folders: list[str],
    near: str | os.PathLike[str] | None = None,
    whose: str = "the map's project",
) -> tuple[str, bool]:
    """Why :func:`confine` refuses ``path``, in words that say where it lies (``whose``
    names the project) and nothing of what it holds: ``is outside the map's project (...)``,
    ``is in the hidden folder '.git' of ...``, ``is a hidden file of ...``; and whether it is
    for being hidden (then :data:`HIDDEN_WHY` says why)."""
    real = os.path.realpath(path)
    for folder in folders:
        part = hidden_part(real, folder, near) if _inside(real, folder) else None
        if part is not None and os.path.basename(real) == part:
            return f"is a hidden file of {whose} ({folder})", True
        if part is not None:
            return f"is in the hidden folder '{part}' of {whose} ({folder})", True
    return f"is outside {whose} ({' or '.join(folders)})", False


#: Where a command-line user widens what argmap reads (integrations name their own setting).
SOURCE_ROOT_HINT = "(see --source-root)"


def refused(
    path: str | os.PathLike[str],
    folders: list[str],
    near: str | os.PathLike[str] | None = None,
    whose: str = "the map's project",
    *,
    only: str,
) -> str:
    """:func:`refusal` as a message: where ``path`` lies, then why argmap refuses it,
    :data:`HIDDEN_WHY` for a hidden file, else ``only`` (e.g. ``argmap reads source texts only
    there (see --source-root)``)."""
    where, hidden = refusal(path, folders, near, whose)
    return f"{where}; {HIDDEN_WHY if hidden else only}"


def _inside(real: str, folder: str) -> bool:
    key, inside = os.path.normcase(real), os.path.normcase(folder)
    return key == inside or key.startswith(inside.rstrip(os.sep) + os.sep)


__all__ = [
    "HIDDEN_WHY",
    "PROJECT_MARKERS",
    "SOURCE_ROOT_HINT",
    "confine",
    "hidden_part",
    "how_to_mark",
    "marked",
    "project_of",
    "project_of_folder",
    "refusal",
    "refused",
    "roots",
]
