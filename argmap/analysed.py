"""The text analysed that an imported file holds (a SADFace resource) → the name of the file
beside the map that is to hold it: never one that holds another text.

The name asked for (the map's, with ``.txt``) unless a file there holds another text; then the
first name free of one, ``lanes-2.txt``, ``lanes-3.txt``, ... A file that holds the same text
is the map's source as it is. Another text is replaced only when it is the import's own: the
source of the map that the import replaces (``import --force``), and of no other map in its
folder (another map there quotes it, or the user's article would be lost). Importers that read
their text from beside the file (a microtext's ``.txt``) write none.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import attrs

from argmap.diagnostics import ArgmapError
from argmap.io import read_file
from argmap.read.loader import load_partial

#: The files of a folder that may be maps naming a text beside them as their source.
_MAP_SUFFIXES = (".yaml", ".yml", ".json")


@attrs.frozen
class Placed:
    """Where the text goes: ``name``, beside the map, and, when that is not the name asked
    for, a note saying why (else None)."""

    name: str
    note: str | None = None


def place(
    text: str,
    wanted: Path,
    target: Path,
    *,
    replace: bool = False,
    avoid: tuple[Path, ...] = (),
) -> Placed:
    """Where to write ``text``, asked for at ``wanted`` (beside the map ``target``); with
    ``replace``, the map at ``target`` is being replaced, and so may be its own text. The
    files ``avoid`` (the file imported) are never taken.

    >>> place("x", Path("/nonexistent/lanes.txt"), Path("/nonexistent/lanes.yaml")).name
    'lanes.txt'
    """
    data = text.encode("utf-8")
    source = _source_of(target) if replace else None  # the text the map replaced quotes
    others: list[Path] = []  # the other maps that quote it, looked for only when it matters
    candidate = wanted
    for n in itertools.count(2):
        held = _holds(candidate, data, (target, *avoid))
        if held is None and source is not None and _same(candidate, source):
            others = _naming(candidate, target, avoid)
            held = not others and os.path.isfile(candidate)  # the import's own
        if held:
            break
        candidate = wanted.with_name(f"{wanted.stem}-{n}{wanted.suffix}")
    if candidate == wanted:
        return Placed(wanted.name)
    mine = source is not None and _same(source, wanted)
    also = f", the source of {_listed(others)} too" if mine and others else ""
    note = (f"{wanted} holds another text{also}: the text analysed is written beside it as "
            f"{candidate.name}, the map's source ({wanted.name} is left as it is)")  # fmt: skip
    return Placed(candidate.name, note)


def _holds(candidate: Path, data: bytes, taken: tuple[Path, ...]) -> bool | None:
    """Whether ``data`` may be written at ``candidate``: True when nothing is there or the
    same bytes are, False when it is one of ``taken`` or holds what no text replaces (a
    folder, a device, a file too large to read), None when it holds another text."""
    if any(_same(candidate, path) for path in taken):
        return False
    if not os.path.lexists(candidate):
        return True
    try:
        return True if read_file(candidate, what="text file") == data else None
    except (ArgmapError, OSError):
        return False


def _naming(text: Path, target: Path, avoid: tuple[Path, ...]) -> list[Path]:
    """The maps in the folder of ``text`` (but ``target`` and ``avoid``) whose source it is,
    sorted. A map is read only when its bytes hold the text's name, as a source path must."""
    try:
        entries = sorted(os.scandir(text.parent), key=lambda entry: entry.name)
    except OSError:
        return []
    name = text.name.encode("utf-8")
    plain = text.name.isascii() and " " not in text.name  # not escaped or folded in a map
    found = []
    for entry in entries:
        path = Path(entry.path)
        if not entry.name.lower().endswith(_MAP_SUFFIXES) or entry.name.startswith("."):
            continue
        if any(_same(path, other) for other in (target, *avoid)):
            continue
        source = _source_of(path, name if plain else None)
        if source is not None and _same(source, text):
            found.append(path)
    return found


def _source_of(path: Path, needle: bytes | None = None) -> Path | None:
    """The source the map at ``path`` names (even a map with errors), or None: no map there,
    no source, or (``needle`` given) its bytes do not hold ``needle``."""
    try:
        data = read_file(path, what="map file")
    except (ArgmapError, OSError):
        return None
    if needle is not None and needle not in data and b"\\" not in data:
        return None
    amap = load_partial(data, str(path))[0]
    if amap is None or amap.source is None:
        return None
    return path.parent / amap.source.path


def _same(one: Path, other: Path) -> bool:
    """Whether two paths name one file (links resolved; neither need exist)."""
    return os.path.normcase(os.path.realpath(one)) == os.path.normcase(os.path.realpath(other))


def _listed(paths: list[Path]) -> str:
    """``a.yaml``, ``a.yaml and b.yaml``, ``a.yaml and 2 more maps``."""
    if len(paths) <= 2:
        return " and ".join(str(path) for path in paths)
    return f"{paths[0]} and {len(paths) - 1} more maps"


__all__ = ["Placed", "place"]
