"""A path that names no file → the file probably meant: a slip in a name or a folder's name,
a path written from the project's root instead of the map's folder, a name without its
extension, a file in another folder of the project; among files alike, the one that holds the
map's quotes. Only files argmap would read (:mod:`argmap.project`) are ever offered.
"""

from __future__ import annotations

import difflib
import heapq
import itertools
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath

from argmap.project import SOURCE_ROOT_HINT, confine, refused

#: Where argmap reads a source text, said of a Windows path that leads elsewhere.
READ_ONLY = f"source texts only there {SOURCE_ROOT_HINT}"

#: How many names of a folder are compared with a missing file's: a folder of thousands of files
#: is searched no further (a slip is then told by no hint, not by a slow check).
MOST_NAMES = 1000
#: With this many names or fewer in its folder, a missing file's name is compared with each
#: (difflib's ratio); among more, with the CANDIDATES that share most runs of letters with it.
FEW, CANDIDATES = 64, 12


def _runs(name: str) -> set[tuple[str, str, str]]:
    """The runs of three characters in a name, its ends marked (``zip`` makes them at C
    speed)."""
    marked = f"\0{name}\0"
    return set(zip(marked, marked[1:], marked[2:], strict=False))


def closest_names(name: str, names: list[str], most: int = 1) -> list[str]:
    """The ``most`` of ``names`` most like ``name`` (difflib's ratio, at least 0.6), best first.

    Among more than :data:`FEW` names, only the :data:`CANDIDATES` sharing the largest part
    of their runs of three characters with ``name`` are compared in full: 1,000 long names
    alike cost a few milliseconds, not a full comparison each (a second and more), and an
    ordinary slip leaves most runs as they were (as :class:`argmap.read.suggest.Names` finds
    the id meant).

    When none is alike as written, names are compared in any case (Windows and macOS read
    names so; ``TEXTS/WAST.TXT`` was typed in capitals), the names alike in all but case
    given together (which of them was meant, the caller tells, or none).

    >>> closest_names("speach.txt", ["budget.txt", "speech.txt"])
    ['speech.txt']
    >>> closest_names("SPEACH.TXT", ["budget.txt", "speech.txt", "Speech.txt"], most=1)
    ['speech.txt', 'Speech.txt']
    """
    close = _close(name, names, most)
    if close:
        return close
    folded: dict[str, list[str]] = {}  # each name in any case, and the names it stands for
    for other in names:
        folded.setdefault(_folded(other), []).append(other)
    return [other for alike in _close(_folded(name), list(folded), most) for other in folded[alike]]


def _close(name: str, names: list[str], most: int) -> list[str]:
    """Of :func:`closest_names`, the names alike as written."""
    candidates = names
    if len(names) > FEW:
        runs = _runs(name)
        shared = [len(runs & other) / (len(runs) + len(other)) for other in map(_runs, names)]
        best = heapq.nlargest(CANDIDATES, range(len(names)), key=shared.__getitem__)
        candidates = [names[number] for number in sorted(best)]
    return difflib.get_close_matches(name, candidates, n=most, cutoff=0.6)


def closest_name(name: str, names: list[str]) -> str | None:
    """The one of ``names`` most like ``name`` (:func:`closest_names`), or None (and for
    names alike in all but case, which may each be the one)."""
    close = closest_names(name, names)
    return close[0] if len(close) == 1 else None


def nearby(path: str) -> str:
    """For a file ``path`` that is not there: ``; did you mean 'wage.yaml'?`` naming the file
    beside it whose name is most like its own, names and extensions compared apart
    (``wage.yml`` and ``wage.yaml`` are alike; ``gone.yaml`` and ``a.yaml``, or ``a.json`` and
    ``a.yaml``, are not); else ''.
    """
    folder, name = os.path.split(path)
    stem, suffix = os.path.splitext(name)
    try:
        with os.scandir(folder or ".") as entries:
            listed = list(itertools.islice(entries, MOST_NAMES))
            names = [e.name for e in listed if not e.name.startswith(".") and e.is_file()]
    except OSError:
        return ""

    def alike(other: str) -> float:  # how like the extension asked for is ``other``'s
        return difflib.SequenceMatcher(None, suffix, os.path.splitext(other)[1]).ratio()

    stems: dict[str, str] = {}  # each name, by its stem: the one of the likest extension
    for other in sorted(names, key=lambda other: (-alike(other), other)):
        if alike(other) >= 0.6:
            stems.setdefault(os.path.splitext(other)[0], other)
    close = closest_name(stem, list(stems)) if stem and not stem.startswith(".") else None
    return "" if close is None else f"; did you mean '{os.path.join(folder, stems[close])}'?"


#: How many of a map's quotes a file holds: what tells, among files alike, the one meant.
Holds = Callable[[Path], int]
#: The extensions of texts, preferred among names alike (a microtext's .txt, not its .xml).
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".rst")
#: Names alike compared for the quotes they hold, at most; files named alike found elsewhere.
ALIKE, ELSEWHERE = 5, 20


def meant(
    written: str, location: Path, near: Path, folders: list[str], holds: Holds | None = None
) -> str | None:
    """The path a map in folder ``near`` probably meant by ``written``, a source path naming no
    file at ``location``: the same path from the project's root or the current folder, when a
    file is there, written from ``near`` (a path is relative to the map's folder, not to
    where argmap runs); else of the names most like the missing one in its folder, the one
    that ``holds`` most of the map's quotes (a text's extension first on a tie), or the most
    alike when none holds any; else a file of that name in another folder (:func:`elsewhere`).
    Only a file that argmap would read (inside ``folders``, not hidden) is offered; None when
    none is near (and for a path holding a NUL, which names no file). Paths are written with
    '/', which every system reads."""
    if "\0" in written or "\0" in os.fsdecode(location):
        return None
    if "\\" in written:  # a Windows path: what it names as every system reads it
        written = written.replace("\\", "/")
        location = Path(os.path.normpath(near / written))
    rooted = _rooted(written, near, folders)
    return rooted if rooted is not None else _alike(written, location, near, folders, holds)


def _alike(
    written: str, location: Path, near: Path, folders: list[str], holds: Holds | None
) -> str | None:
    """Of :func:`meant`, the file named like ``written``: beside it, else elsewhere."""
    beside = _beside(written, location, near, folders, holds)
    if beside is not None and (holds is None or beside[1] > 0):
        return beside[0]
    other = elsewhere(location.name, near, folders, holds) if holds is not None else None
    return other if other is not None else (beside[0] if beside is not None else None)


def _rooted(written: str, near: Path, folders: list[str]) -> str | None:
    """``written`` counted from the project's root or the current folder, where a file is,
    written from ``near``; None when no file is there."""
    try:
        here = [os.getcwd()]
    except OSError:  # the current folder was removed
        here = []
    for base in [*folders, *here]:
        candidate = Path(base) / written
        real = confine(candidate, folders, near=near)
        if real is not None and os.path.isfile(real):  # counted from where near really is
            return _from(candidate, near)
    return None


def _from(path: Path, near: Path) -> str:
    """``path`` written from the folder ``near`` (as its real path counts), with '/'."""
    return os.path.relpath(path, os.path.realpath(near)).replace(os.sep, "/")


def _beside(
    written: str, location: Path, near: Path, folders: list[str], holds: Holds | None
) -> tuple[str, int] | None:
    """The name most like the missing one in its folder (or in the folder most like its
    folder's name), written as ``written`` was, and how many quotes it holds."""
    if confine(location.parent, folders, near=near) is None:
        return None  # a folder argmap does not read is not listed either
    folder, shown = location.parent, PurePosixPath(written)
    if not os.path.isdir(folder) and shown.parent.name not in ("", ".", ".."):  # (no OSError)
        close = closest_name(folder.name, _listed(folder.parent, folders=True))
        if close is None:  # a slip in the folder's name: the folder most like it beside it
            return None
        folder, shown = folder.with_name(close), shown.parent.with_name(close) / shown.name
    alike = [name for name in closest_names(location.name, _listed(folder), ALIKE)
             if confine(folder / name, folders, near=near) is not None]  # fmt: skip
    if not alike:
        return None
    held = {name: holds(folder / name) if holds is not None else 0 for name in alike}
    rank = {name: n for n, name in enumerate(alike)}
    best = min(alike, key=lambda name: (-held[name], _not_text(name), rank[name]))
    twins = [name for name in alike if _folded(name) == _folded(best) and held[name] == held[best]]
    if len(twins) > 1 and not _close(location.name, alike, len(alike)):
        return None  # alike in any case only, 'waste.txt' and 'Waste.txt' as much: which one?
    return str(shown.with_name(best)), held[best]


def _not_text(name: str) -> bool:
    return os.path.splitext(name)[1].lower() not in TEXT_SUFFIXES


def elsewhere(name: str, near: Path, folders: list[str], holds: Holds | None) -> str | None:
    """A file named ``name`` (or, for a name without an extension, that name with a text's)
    in another folder of the project or the source root, the one holding most of the map's
    quotes (with ``holds``; any with none held is not offered), written from ``near``; None
    when there is none. Hidden folders are not searched, and the search stops after
    :data:`MOST_NAMES` folders."""
    if holds is None or not name or name.startswith("."):
        return None
    wanted = {name} if os.path.splitext(name)[1] else {name + s for s in TEXT_SUFFIXES}
    found: list[Path] = []
    for folder in _folders(folders):
        found += [Path(folder) / n for n in wanted if os.path.isfile(os.path.join(folder, n))]
        if len(found) >= ELSEWHERE:
            break
    held = [(holds(path), path) for path in found if confine(path, folders, near=near)]
    best = max(((n, path) for n, path in held if n > 0), key=lambda pair: pair[0], default=None)
    return None if best is None else _from(best[1], near)


def _folders(roots: list[str]) -> Iterator[str]:
    """The folders under ``roots``, hidden ones and links to folders left out (a link may lead
    out of the project), breadth first and sorted, as many as :data:`MOST_NAMES`."""
    queue, seen = list(roots), 0
    while queue and seen < MOST_NAMES:
        folder = queue.pop(0)
        seen += 1
        yield folder
        below = _listed(Path(folder), folders=True, links=False)  # no link leads out of it
        queue += [os.path.join(folder, name) for name in sorted(below)]


def _listed(folder: Path, *, folders: bool = False, links: bool = True) -> list[str]:
    """The names of the files (or ``folders``) in ``folder`` that are not hidden, as many as
    :data:`MOST_NAMES` (without ``links``, no folder that is a symbolic link); none when it
    cannot be listed."""
    try:
        with os.scandir(folder) as entries:
            listed = list(itertools.islice(entries, MOST_NAMES))
            kept = [e for e in listed if not e.name.startswith(".")]
            return [e.name for e in kept
                    if (e.is_dir(follow_symlinks=links) if folders else e.is_file())]  # fmt: skip
    except OSError:
        return []


def with_slashes(written: str) -> str:
    """A Windows path written with '/', a run of '\\' (``..\\\\texts``, from a JSON or C
    string) as one, as Windows reads it; a path's leading '\\\\' (a network share) kept."""
    return re.sub(r"(?<=[^/])/{2,}", "/", written.replace("\\", "/"))


def slashed(written: str, near: Path, folders: list[str]) -> str | None:
    """A Windows path (``..\\texts\\a.txt``) written with '/', as every system reads it, when
    that names a file argmap reads from folder ``near``; else None (a path without '\\' too)."""
    if "\\" not in written or "\0" in written:
        return None
    path = with_slashes(written)
    real = confine(near / path, folders, near=near)
    return path if real is not None and os.path.isfile(real) else None


def _folded(name: str) -> str:
    """A name as Windows and macOS compare names: in any case, and (macOS) in any Unicode
    form (``é`` one character, or ``e`` and an accent)."""
    return unicodedata.normalize("NFC", name).casefold()


def cased(written: str, near: Path, folders: list[str]) -> str | None:
    """``written`` (a Windows path's '\\' read as '/') with each name as the file or folder is
    named, when a system that matches names in any case and Unicode form (Windows, macOS)
    reads it as that one file, and argmap reads the file from folder ``near``; else None (no
    such file, or two names alike in all but case)."""
    if "\0" in written or os.path.isabs(written.replace("\\", "/")):
        return None
    parts, folder = [], near
    for name in PurePosixPath(written.replace("\\", "/")).parts:
        if name not in (".", "..") and not os.path.lexists(folder / name):
            alike = _twins(folder, name)
            if len(alike) != 1:
                return None
            name = alike[0]
        parts.append(name)
        folder = folder / name
    path = "/".join(parts)
    real = confine(near / path, folders, near=near)
    return path if real is not None and os.path.isfile(real) else None


def _twins(folder: Path, name: str) -> list[str]:
    """The names of the files and folders in ``folder`` that Windows and macOS read as
    ``name``: every one, not only the :data:`MOST_NAMES` first (two names alike past them would
    make one look alone, and a safe fix of a guess)."""
    try:
        with os.scandir(folder) as entries:
            folded = _folded(name)
            alike = [e for e in entries if _folded(e.name) == folded]
            return [
                e.name for e in alike if not e.name.startswith(".") and (e.is_file() or e.is_dir())
            ]
    except OSError:
        return []


def not_found(
    written: str,
    location: Path,
    near: Path,
    folders: list[str],
    holds: Holds | None = None,
    *,
    escaped: str | None = None,
) -> str:
    """Why a source path ``written`` in a map in folder ``near`` gives no text: no file at
    ``location``; and what was probably meant (:func:`meant`), or, for a Windows path, how to
    write it so that every system reads it; or, when the map's reader says so, why the path is
    not what was ``escaped`` (backslashes in double quotes read as escapes: '\\t' a tab)."""
    problem = f"source file '{written}' not found (looked for {location})"
    if escaped is not None:
        return problem + escaped

    if "\\" in written:  # a Windows path, which only Windows reads
        slashed = with_slashes(written)
        if "\0" not in written and confine(near / slashed, folders, near=near) is None:
            said = refused(near / slashed, folders, near, only=f"argmap reads {READ_ONLY}")
            other = meant(written, location, near, folders, holds)
            return (
                problem
                + f"; written with '/', '{slashed}', {said}"
                + ("" if other is None else f"; did you mean '{other}'?")
            )
        problem += f"; write it with '/', which every system reads: '{slashed}'"
        if "\0" in written or os.path.lexists(near / slashed):
            return problem
        other = meant(written, location, near, folders, holds)
        return problem + ("" if other is None else
                          f"; no file is there either: did you mean '{other}'?")  # fmt: skip
    if "\0" in written or "\0" in os.fsdecode(location):
        return problem  # names no file, and nothing near it
    rooted = _rooted(written, near, folders)
    if rooted is not None:
        return (
            problem + f"; a source path is relative to the map's folder: did you mean '{rooted}'?"
        )
    path = _alike(written, location, near, folders, holds)
    if path is None and re.match(r"https?://", written, re.I):  # an article's address
        return problem + (
            "; it is a web address, and argmap reads a source text from a file: save the text "
            "(UTF-8) in the project, write its path here, and the address as the source's url"
        )
    if path is None:
        return problem
    if unicodedata.normalize("NFC", path) == unicodedata.normalize("NFC", written):
        return problem + (f"; did you mean '{path}'? (the same letters, its accents stored "
                          "otherwise, as macOS stores them: check --fix writes them as the "
                          "folder has them)")  # fmt: skip
    return problem + f"; did you mean '{path}'?"


__all__ = [
    "ALIKE", "CANDIDATES", "ELSEWHERE", "FEW", "MOST_NAMES", "TEXT_SUFFIXES", "Holds",
    "cased", "closest_name", "closest_names", "elsewhere", "meant", "nearby", "not_found",
    "slashed",
]  # fmt: skip
