"""Diagnostics for programs rather than people: as JSON, or as GitHub Actions annotations
(which GitHub shows on the lines of a pull request's diff)."""

from __future__ import annotations

import json
from collections.abc import Iterable

from argmap.diagnostics import Diagnostic

#: The formats ``argmap check --output-format`` writes.
FORMATS = ("text", "json", "github")


def as_json(diagnostics: Iterable[Diagnostic]) -> str:
    r"""Every diagnostic as a JSON object in one array, in ASCII (any other character escaped,
    so nothing a map holds reaches a terminal or a log as itself).

    >>> from argmap.diagnostics import Span
    >>> print(as_json([Diagnostic("m.yaml", Span(3, 9), "AM103", "reason 'x' is no claim")]))
    [{"path": "m.yaml", "line": 3, "column": 9, "severity": "error", "code": "AM103", "message": "reason 'x' is no claim"}]
    """  # noqa: E501
    return json.dumps([_object(diagnostic) for diagnostic in diagnostics])


def _object(d: Diagnostic) -> dict[str, object]:
    return {"path": d.path, "line": d.span.line, "column": d.span.column,
            "severity": d.severity.value, "code": d.code, "message": d.message}  # fmt: skip


def _escaped(text: str, *, property_: bool = False) -> str:
    """Text as a workflow command holds it: ``%``, CR and LF escaped (and in a property, ``:``
    and ``,`` too), as GitHub's toolkit escapes them."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_ else text


def as_github(diagnostic: Diagnostic) -> str:
    """One diagnostic as a GitHub Actions workflow command (``::error file=...::message``).

    >>> from argmap.diagnostics import Span
    >>> print(as_github(Diagnostic("maps/a,b.yaml", Span(3, 9), "AM204", "50% quoted")))
    ::warning file=maps/a%2Cb.yaml,line=3,col=9,title=argmap AM204::50%25 quoted
    """
    where = (f"file={_escaped(diagnostic.path, property_=True)},line={diagnostic.span.line},"
             f"col={diagnostic.span.column},title=argmap {diagnostic.code}")  # fmt: skip
    return f"::{diagnostic.severity.value} {where}::{_escaped(diagnostic.message)}"


__all__ = ["FORMATS", "as_github", "as_json"]
