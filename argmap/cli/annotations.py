"""Diagnostics for programs rather than people: as JSON, or as GitHub Actions annotations
(which GitHub shows on the lines of a pull request's diff)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import NamedTuple

from argmap.diagnostics import Diagnostic
from argmap.results import diagnostic_result, stamped

#: The formats ``argmap check --output-format`` writes.
FORMATS = ("text", "json", "github", "sarif")


class Unreadable(NamedTuple):
    """A map file that could not be read (missing, too big, ...), and why: an error that has
    no place in the file and no code."""

    path: str
    message: str


def as_json(diagnostics: Iterable[Diagnostic | Unreadable]) -> str:
    r"""Every diagnostic as a JSON object in one array, in ASCII (any other character escaped,
    so nothing a map holds reaches a terminal or a log as itself), each saying what it is
    (``format`` and ``version``: :mod:`argmap.results`); a file that could not be read as
    an error whose ``line``, ``column`` and ``code`` are null.

    >>> from argmap.diagnostics import Span
    >>> print(as_json([Diagnostic("m.yaml", Span(3, 9), "AM103", "reason 'x' is no claim")]))
    [{"format": "argmap-check", "version": 1, "path": "m.yaml", "line": 3, "column": 9, "severity": "error", "code": "AM103", "message": "reason 'x' is no claim"}]
    """  # noqa: E501
    return json.dumps([_object(diagnostic) for diagnostic in diagnostics])


def _object(d: Diagnostic | Unreadable) -> dict[str, object]:
    if isinstance(d, Unreadable):
        found = {"path": d.path, "line": None, "column": None, "severity": "error",
                 "code": None, "message": d.message}  # fmt: skip
        return stamped("check", found)
    return diagnostic_result(d)


def _escaped(text: str, *, property_: bool = False) -> str:
    """Text as a workflow command holds it: ``%``, CR and LF escaped (and in a property, ``:``
    and ``,`` too), as GitHub's toolkit escapes them."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_ else text


def _file(path: str) -> str:
    """A file as GitHub places annotations on a pull request's diff: its path from the
    repository's root (:func:`from_workspace`); a file outside it as given.

    >>> _file("./maps/a.yaml")
    'maps/a.yaml'
    """
    relative = from_workspace(path)
    return path if relative is None else relative


def workspace() -> str:
    """The folder paths are given from on GitHub: the repository's root in a GitHub Actions
    job (``GITHUB_WORKSPACE``), else the current folder."""
    return os.environ.get("GITHUB_WORKSPACE") or os.curdir


def from_workspace(path: str) -> str | None:
    """A file's path from :func:`workspace`, with ``/``; None for a file outside it."""
    try:
        relative = os.path.relpath(path, workspace())
    except ValueError:  # another drive, on Windows
        return None
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return None
    return relative.replace(os.sep, "/")


def as_github(diagnostic: Diagnostic | Unreadable) -> str:
    """One diagnostic as a GitHub Actions workflow command (``::error file=...::message``);
    a file that could not be read as an error on the file, without a line.

    >>> from argmap.diagnostics import Span
    >>> print(as_github(Diagnostic("maps/a,b.yaml", Span(3, 9), "AM204", "50% quoted")))
    ::warning file=maps/a%2Cb.yaml,line=3,col=9,title=argmap AM204::50%25 quoted
    """
    if isinstance(diagnostic, Unreadable):
        where = f"file={_escaped(_file(diagnostic.path), property_=True)},title=argmap"
        return f"::error {where}::{_escaped(diagnostic.message)}"
    where = (f"file={_escaped(_file(diagnostic.path), property_=True)},"
             f"line={diagnostic.span.line},"
             f"col={diagnostic.span.column},title=argmap {diagnostic.code}")  # fmt: skip
    return f"::{diagnostic.severity.value} {where}::{_escaped(diagnostic.message)}"


def github_notices(diagnostic: Diagnostic | Unreadable) -> list[str]:
    """The other places a diagnostic is about (the closest passage to a quote in the source
    text), each as a notice there: a pull request that changes only the source shows it in its
    diff, where it shows no line of the map.

    >>> from argmap.diagnostics import Related, Span
    >>> d = Diagnostic("m.yaml", Span(3, 9), "AM110", "...", (Related("a.txt", Span(2, 1), "x"),))
    >>> print(*github_notices(d))
    ::notice file=a.txt,line=2,col=1,title=argmap AM110::m.yaml:3:9: x
    """
    if isinstance(diagnostic, Unreadable):
        return []
    return [f"::notice file={_escaped(_file(other.path), property_=True)},line={other.span.line},"
            f"col={other.span.column},title=argmap {diagnostic.code}::"
            + _escaped(f"{diagnostic.path}:{diagnostic.span}: {other.message}")
            for other in diagnostic.related]  # fmt: skip


def github_warning(message: str) -> str:
    """A warning on the run rather than on a file, as a GitHub Actions workflow command.

    >>> print(github_warning("maps/: no maps under it"))
    ::warning title=argmap::maps/: no maps under it
    """
    return f"::warning title=argmap::{_escaped(message)}"


__all__ = [
    "FORMATS",
    "Unreadable",
    "as_github",
    "as_json",
    "from_workspace",
    "github_notices",
    "github_warning",
    "workspace",
]
