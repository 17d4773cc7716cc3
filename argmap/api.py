"""The Python API: files in, maps, diagnostics and drawings out. All of argmap's file reading."""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from argmap.check import check
from argmap.diagnostics import Diagnostic, MapError, UsageError, has_errors
from argmap.load import load as load_bytes
from argmap.model import ArgumentMap
from argmap.quotes import SourceText
from argmap.yamlnodes import decode

#: Output formats of ``render``, by name and file extension.
FORMATS = ("svg", "png", "pdf", "dot")


@attrs.frozen
class Checked:
    """The outcome of reading and checking one map file."""

    path: str
    map: ArgumentMap | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        """True when the map has no errors (warnings allowed)."""
        return self.map is not None and not has_errors(self.diagnostics)


def read_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file, or a UsageError that says plainly why not."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise UsageError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{name}: is a directory, not a map file") from None
    except PermissionError:
        raise UsageError(f"{name}: permission denied") from None
    except OSError as exc:
        raise UsageError(f"{name}: cannot read ({exc.strerror or exc})") from None


def _read_source(amap: ArgumentMap, path: str) -> tuple[SourceText | None, list[Diagnostic]]:
    """The map's source text, or an AM109 at its ``path`` key when it cannot be read."""
    if amap.source is None:
        return None, []
    where = amap.source.where("path")
    location = Path(path).parent / amap.source.path
    try:
        data = location.read_bytes()
    except FileNotFoundError:
        problem = f"source file '{amap.source.path}' not found (looked for {location})"
    except IsADirectoryError:
        problem = f"source '{amap.source.path}' is a directory, not a text file"
    except OSError as exc:
        problem = f"source file '{amap.source.path}' cannot be read ({exc.strerror or exc})"
    else:
        text, errors = decode(data, str(location))
        if text is not None:
            return SourceText(text), []
        problem = f"source file '{amap.source.path}' is not valid UTF-8 (at {errors[0].span})"
    return None, [Diagnostic(path, where, "AM109", problem)]


def check_bytes(data: bytes, path: str) -> Checked:
    """Load and check a map given as bytes; ``path`` locates its source and names it in messages."""
    amap, diagnostics = load_bytes(data, path)
    if amap is None:
        return Checked(path, None, tuple(diagnostics))
    source, problems = _read_source(amap, path)
    found = sorted([*diagnostics, *problems, *check(amap, path, source)])
    return Checked(path, amap, tuple(found))


def check_file(path: str | os.PathLike[str]) -> Checked:
    """Read, load and check a map file. Raises UsageError when the file cannot be read."""
    return check_bytes(read_file(path), os.fspath(path))


def load(path: str | os.PathLike[str]) -> ArgumentMap:
    """The map in a file, checked. Raises MapError (with ``.diagnostics``) if it has errors."""
    checked = check_file(path)
    if not checked.ok:
        raise MapError(list(checked.diagnostics))
    assert checked.map is not None
    return checked.map


def render_map(amap: ArgumentMap, fmt: str = "svg") -> bytes:
    """A map drawn as ``fmt`` (svg, png, pdf or dot) by the bundled Graphviz."""
    from argmap.dot import to_dot
    from argmap.render import render

    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    return render(to_dot(amap), fmt)
