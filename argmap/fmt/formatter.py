"""Map text → the same map in argmap's canonical layout, checked to mean exactly the same.

:func:`format_text` is the one entry point (``argmap fmt``, an editor's "format document"):
it refuses a map that does not load (its diagnostics say why), lays out the rest with
:mod:`argmap.fmt.layout`, then loads the result and compares: the formatted text must load
without errors to an equal map, or nothing is returned.
"""

from __future__ import annotations

from argmap.diagnostics import ArgmapError, MapError, has_errors
from argmap.fmt import cst
from argmap.fmt.layout import lay_out
from argmap.formats import json
from argmap.model import ArgumentMap
from argmap.read.jsontree import in_json
from argmap.read.loader import load_tree
from argmap.read.yamltree import parse


class LayoutError(ArgmapError):
    """The formatter could not lay out a map without changing it: a bug in argmap (the map is
    left as it was)."""


def _load(text: str, path: str) -> ArgumentMap:
    root, diagnostics = parse(text, path)
    amap = None
    if root is not None:
        amap, diagnostics = load_tree(root, path)
    if amap is None:
        raise MapError(diagnostics)
    return amap


def format_text(text: str, path: str = "<map>") -> str:
    """A map's text in the canonical layout (see :mod:`argmap.fmt.layout`), every comment kept.

    Formatting is idempotent and never changes what the map means: the result loads to an
    equal map (hence the same ``argmap export json``). A byte-order mark and CR LF line ends
    are kept as they were; a CR alone, which YAML reads as a line end, becomes one.

    Args:
        text: The map file's text.
        path: Names the file in diagnostics.

    Raises:
        MapError: The text is no well-formed map (YAML syntax, shape: AM0xx); ``diagnostics``
            says where. Maps with consistency errors (AM1xx) are formatted.
        LayoutError: The layout would have changed the map (a bug; please report it).

    >>> print(format_text("title: T\\nargmap: 1\\npremises: [{text: A, id: a}]\\n"), end="")
    argmap: 1
    title: T
    <BLANKLINE>
    premises:
      - id: a
        text: A
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    crlf = "\r\n" in body
    if crlf:
        body = body.replace("\r\n", "\n")
    body = body.replace("\r", "\n")  # a CR alone ends a line for YAML too: laid out as one
    before = _load(body, path)
    formatted = lay_out(cst.parse(body))
    try:
        after = _load(formatted, path)
    except MapError as exc:
        raise LayoutError(
            f"{path}: argmap fmt would break this map ({exc}); it was left as it was. "
            "Please report this bug with the map."
        ) from None
    if after != before:
        raise LayoutError(
            f"{path}: argmap fmt would change what this map means; it was left as it was. "
            "Please report this bug with the map."
        )
    if crlf:
        formatted = formatted.replace("\n", "\r\n")
    return bom + formatted


def format_json(text: str, path: str = "<map>") -> str:
    """A map written in JSON (a ``.json`` map), in canonical JSON: what ``argmap export json``
    writes of it, the same map. JSON holds no comments; a key the format does not have would
    be lost, so a map with any problem of shape is refused.

    Raises:
        MapError: The text is no well-formed map in JSON; ``diagnostics`` says where.
    """
    amap, diagnostics = json.loads(text.removeprefix("\ufeff"), path)
    if amap is None or has_errors(diagnostics):
        raise MapError(diagnostics)
    return json.write(amap).text


def format_map(text: str, path: str) -> str:
    """A map file's text laid out as its kind of file is: :func:`format_json` for a ``.json``
    map, :func:`format_text` for YAML (the same errors)."""
    return format_json(text, path) if in_json(path) else format_text(text, path)


__all__ = ["LayoutError", "format_json", "format_map", "format_text"]
