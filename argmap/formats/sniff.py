"""Which format argmap imports a file that did not read as a map is in: so that a user who
gives ``check`` or ``render`` an AIF graph, an Argdown file or a microtext is told to import
it, not the keys a map lacks. Cheap and strict, by content where the format has a mark of its
own (AIF's ``nodes`` and ``edges``, a microtext's ``<arggraph>``), by name where it has none
(Argdown). Imports none of the importers: ``check`` stays quick."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import PurePath

from argmap.diagnostics import Diagnostic, Span

#: What each format is called in a message.
NAMES = {"aif": "an AIF graph", "argdown": "an Argdown file", "microtext": "a microtext graph"}

#: Argdown's own file extensions (its editor and its CLI read these).
ARGDOWN_SUFFIXES = (".argdown", ".ad")

#: The suffixes of imported files, left off the name of the map a hint suggests.
_SUFFIXES = (".json", ".aif", ".xml", *ARGDOWN_SUFFIXES)
_ARGGRAPH = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<arggraph[\s>/]", re.S
)


def sniff(data: bytes, path: str) -> str | None:
    """The import format (a key of ``formats.registry.IMPORTS``) ``data`` is in, or None."""
    if PurePath(path).suffix.lower() in ARGDOWN_SUFFIXES:
        return "argdown"
    if _ARGGRAPH.match(data[:4096]):
        return "microtext"
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if isinstance(document, dict) and "nodes" in document and "edges" in document:
        return None if "argmap" in document else "aif"
    return None


def import_hint(format_: str, path: str) -> str:
    """What a file in ``format_`` is, and the command that imports it into a map beside it."""
    target = PurePath(path)
    while target.suffix.lower() in _SUFFIXES and target.stem:
        target = target.with_suffix("")
    target = target.with_name(f"{target.name}.yaml")
    return (
        f"this is {NAMES[format_]}, not an argmap map; import it into one: "
        f"argmap import {format_} {shlex.quote(path)} -o {shlex.quote(str(target))}"
    )


def foreign(data: bytes, path: str) -> Diagnostic | None:
    """AM017 at the top of a file that did not read as a map, when it is in a format argmap
    imports: what it is, and the command that imports it."""
    format_ = sniff(data, path)
    return (
        None
        if format_ is None
        else Diagnostic(path, Span(1, 1), "AM017", import_hint(format_, path))
    )


__all__ = ["ARGDOWN_SUFFIXES", "NAMES", "foreign", "import_hint", "sniff"]
