"""Map files and bytes → the map and its diagnostics: read, loaded, checked against its source,
less what its analyst silenced. Every front end (the command line, the editor, the document
integrations, the Python API) checks a map here, so that each gives the same result."""

from __future__ import annotations

import os

import attrs

from argmap.checks import check
from argmap.checks.silence import silenced
from argmap.diagnostics import Diagnostic, Severity, has_errors
from argmap.formats.sniff import foreign
from argmap.io import read_file
from argmap.model import ArgumentMap
from argmap.project import SOURCE_ROOT_HINT
from argmap.read.loader import load as load_bytes
from argmap.sources import Root, read_source


@attrs.frozen
class Checked:
    """The outcome of reading and checking one map file: with ``source``, the path of the
    source text read (as the map's path leads to it), None when the map names none or it
    could not be read."""

    path: str
    map: ArgumentMap | None
    diagnostics: tuple[Diagnostic, ...]
    source: str | None = None

    @property
    def ok(self) -> bool:
        """True when the map has no errors (warnings allowed)."""
        return self.map is not None and not has_errors(self.diagnostics)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The findings that keep the map from loading (``argmap check`` exits 1)."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """The findings worth a look that do not stop the map (AM2xx)."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.WARNING)


Place = str | os.PathLike[str]  # a file, by its path
#: AM117's hint to a Python caller (the command line's: SOURCE_ROOT_HINT, ``--source-root``).
PYTHON_HINT = "(see source_root=)"


def check_bytes(data: bytes, path: str, *, source_root: Root = None) -> Checked:
    """Load and check a map given as bytes; ``path`` locates its source and names it in
    messages. The source is read only inside the map's project or ``source_root``."""
    return _for_python(check_map_bytes(data, path, source_root=source_root))


def _for_python(found: Checked) -> Checked:
    """``found`` with AM117 naming the argument, ``source_root=``, not the command's option."""
    hint = SOURCE_ROOT_HINT, PYTHON_HINT
    said = tuple(attrs.evolve(d, message=d.message.replace(*hint)) for d in found.diagnostics)
    return attrs.evolve(found, diagnostics=said)


def check_map_bytes(
    data: bytes, path: str, *, source_root: Root = None, ignore: tuple[str, ...] = ()
) -> Checked:
    """:func:`check_bytes` as the command line and the editor say it (``--source-root``);
    ``ignore``: codes silenced besides those the map and its project silence
    (:mod:`argmap.checks.silence`), each one :func:`~argmap.checks.silence.problem` allows."""
    if isinstance(data, str):  # bytes: the loader tells encodings apart (UTF-16, a BOM, ...)
        raise TypeError("check_bytes takes the map's bytes, not str: pass text.encode()")
    amap, diagnostics = load_bytes(data, path)
    if has_errors(diagnostics) and (other := foreign(data, path)) is not None:
        return Checked(path, None, (other,))  # not a map: what it is, how to import it
    if amap is None:
        return Checked(path, None, tuple(diagnostics))
    source, problems = read_source(amap, path, source_root)
    found = sorted([*diagnostics, *problems, *check(amap, path, source, data)])
    read = None
    if source is not None and amap.source is not None:
        read = os.path.normpath(os.path.join(os.path.dirname(path), amap.source.path))
    return Checked(path, amap, tuple(silenced(found, data, path, ignore)), read)


def check_file(path: str | os.PathLike[str], *, source_root: Root = None) -> Checked:
    """Read, load and check a map file (its source read only inside the map's project or
    ``source_root``). Raises UsageError when the file cannot be read."""
    return _for_python(check_map_file(path, source_root=source_root))


def check_map_file(
    path: str | os.PathLike[str], *, source_root: Root = None, ignore: tuple[str, ...] = ()
) -> Checked:
    """:func:`check_file` as the command line says it (``--source-root``, ``--ignore``)."""
    return check_map_bytes(read_file(path), os.fspath(path), source_root=source_root, ignore=ignore)


__all__ = [
    "PYTHON_HINT", "Checked", "check_bytes", "check_file", "check_map_bytes", "check_map_file"
]  # fmt: skip
