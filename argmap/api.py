"""The Python API: files in, maps, diagnostics and drawings out. All of argmap's file reading."""

from __future__ import annotations

import functools
import gc
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import attrs

from argmap.check import check
from argmap.diagnostics import Diagnostic, MapError, UsageError, has_errors
from argmap.loader import load as load_bytes
from argmap.model import ArgumentMap
from argmap.names import EXPORT_FORMATS, FORMATS, IMPORT_FORMATS
from argmap.quotes import SourceText
from argmap.yamlnodes import decode

if TYPE_CHECKING:
    from argmap.formats import Exported, Imported

P = ParamSpec("P")
R = TypeVar("R")


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


def _gc_paused(function: Callable[P, R]) -> Callable[P, R]:
    """``function`` run with Python's cyclic garbage collector paused (then resumed).

    Loading a map allocates hundreds of thousands of small objects that all live on (the YAML
    tree, the model) and form no cycles; the collector would only walk them again and again,
    which took half the time of checking a map of 20,000 claims.
    """

    @functools.wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return paused


@_gc_paused
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


def render_map(
    amap: ArgumentMap,
    fmt: str = "svg",
    *,
    theme: str = "light",
    width: str | None = None,
    id_prefix: str = "",
    source: str | None = None,
    status: bool = False,
) -> bytes:
    """A map drawn as ``fmt`` (svg, png, pdf, dot or html) by the bundled Graphviz.

    With ``status``, each claim shows whether it stands, is defeated or is undecided
    (:func:`argmap.evaluate.evaluate`).

    SVG is made for documents (:mod:`argmap.svg`); HTML is the map beside its source text
    (:mod:`argmap.htmlview`). ``theme`` (light, dark, print, auto) and ``id_prefix`` apply
    to those two, ``width`` (a CSS length) to SVG; ``source`` is the source's text, for HTML
    (see :func:`source_text`; without it the page shows the map alone).
    """
    from argmap.dot import LEGEND_MAX_CLAIMS, to_dot
    from argmap.evaluate import evaluate
    from argmap.render import render

    if fmt not in FORMATS:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    if fmt not in ("svg", "html") and (theme != "light" or id_prefix):
        raise UsageError("a theme or id prefix applies to svg and html only")
    if fmt != "svg" and width:
        raise UsageError("a width applies to svg only")
    # The legend is left out of big maps: as a separate part of the graph it made Graphviz's
    # layout of a 1,000-claim map three times slower, and it is lost in such a drawing anyway.
    legend = len(amap.claims) <= LEGEND_MAX_CLAIMS
    dot = to_dot(amap, legend=legend, evaluation=evaluate(amap) if status else None)
    if fmt == "html":
        from argmap.htmlview import page

        drawn = render(dot, "svg")
        return page(amap, drawn, source, theme=theme, id_prefix=id_prefix)
    if fmt == "svg":
        from argmap.svg import embed

        drawn = render(dot, "svg")
        return embed(drawn, amap, theme=theme, width=width, id_prefix=id_prefix)
    return render(dot, fmt)


def save_map(
    amap: ArgumentMap,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    **options: Any,
) -> None:
    """Draw a map into the file ``path``, whole or not at all.

    ``fmt`` defaults to the extension of ``path`` (svg when it has none of :data:`FORMATS`);
    ``options`` are those of :func:`render_map`.
    """
    from argmap.render import write_atomic

    if fmt is None:
        suffix = Path(path).suffix.lstrip(".").lower()
        fmt = suffix if suffix in FORMATS else "svg"
    write_atomic(path, render_map(amap, fmt, **options))


def source_text(amap: ArgumentMap, path: str | os.PathLike[str]) -> str | None:
    """The text of a map's source, read relative to the map file at ``path``.

    None when the map has no source; UsageError when it cannot be read.
    """
    source, problems = _read_source(amap, os.fspath(path))
    if problems:
        raise UsageError(problems[0].message)
    return None if source is None else source.text


def import_file(
    fmt: str, path: str | os.PathLike[str], output: str | os.PathLike[str] | None = None
) -> Imported:
    """A map read from a file in another format (see :data:`IMPORT_FORMATS`).

    ``output`` is where the map will be written (None: the current folder); a microtext's
    source, the ``.txt`` beside its XML, is named relative to it. Raises UsageError when a file
    cannot be read, FormatError when it is not in the format, MapError when a JSON map has
    errors of shape.
    """
    from argmap.formats import Imported, aif, jsonfmt, microtext

    data, name = read_file(path), Path(path).name
    if fmt == "microtext":
        text_path = Path(path).with_suffix(".txt")
        text, problems = decode(read_file(text_path), str(text_path))
        if text is None:
            raise UsageError(problems[0].message)
        folder = Path(output).parent if output is not None else Path()
        try:
            relative = os.path.relpath(text_path, folder)
        except ValueError:  # another drive (Windows)
            relative = str(text_path.resolve())
        return microtext.read(data, text, name=name, source_path=Path(relative).as_posix())
    if fmt == "aif":
        return aif.read(data, name=name)
    if fmt == "json":
        text, problems = decode(data, os.fspath(path))
        amap, problems = (None, problems) if text is None else jsonfmt.loads(text, os.fspath(path))
        if amap is None:
            raise MapError(problems)
        return Imported(amap)
    raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(IMPORT_FORMATS)}")


def export_map(amap: ArgumentMap, fmt: str) -> Exported:
    """A map in another format (see :data:`EXPORT_FORMATS`), with what the format lost."""
    from argmap.formats import aif, argdown, jsonfmt, mermaid

    writers = {"aif": aif.write, "argdown": argdown.write, "mermaid": mermaid.write,
               "json": jsonfmt.write}  # fmt: skip
    if fmt not in writers:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(EXPORT_FORMATS)}")
    return writers[fmt](amap)
