"""Which format argmap imports a file that did not read as a map is in: so that a user who
gives ``check`` or ``render`` an AIF graph, an Argdown file or a microtext is told to import
it, not the keys a map lacks. Cheap and strict, by content where the format has a mark of its
own (AIF's ``nodes`` and ``edges``, a microtext's ``<arggraph>``), by name where it has none
(Argdown). Imports none of the importers: ``check`` stays quick."""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Any

from argmap.diagnostics import Diagnostic, Span, shell_word

#: The key under which an xAIF document (OVA3, ARG-tech's mining pipelines) holds its AIF graph,
#: beside its layout ("OVA") and the text analysed ("text").
XAIF = "AIF"
#: What each format is called in a message.
NAMES = {"aif": "an AIF graph", "argdown": "an Argdown file", "kialo": "a Kialo discussion",
         "microtext": "a microtext graph", "sadface": "a SADFace document"}  # fmt: skip

#: Argdown's own file extensions (its editor and its CLI read these).
ARGDOWN_SUFFIXES = (".argdown", ".ad")
#: The key of Argdown's front matter that says argmap wrote the text (``argmap: 1``).
ARGDOWN_MARK = "argmap"

#: The suffixes of imported files, left off the name of the map a hint suggests.
_SUFFIXES = (".json", ".aif", ".sadface", ".xml", ".txt", ".kialo", *ARGDOWN_SUFFIXES)
_XML_DECLARATION = re.compile(rb"<\?xml[^>]*\?>")
_ARGGRAPH = re.compile(rb"<arggraph[\s>/]")
_SPACE = re.compile(rb"\s*")
#: A Kialo export opens with its title line, or with its thesis and, soon after, a claim with a
#: stance on it (as :mod:`argmap.formats.kialo.parse` reads them).
_KIALO_TITLE = re.compile(rb"(?:\xef\xbb\xbf)?\s*Discussion Title:[^\r\n]*(?:\r\n?|\n)")
_KIALO_THESIS = re.compile(rb"(?:\xef\xbb\xbf)?\s*1\.[ \t]+\S")  # (after any blank lines)
#: (A line starts after a lone "\r" too, as the import reads lines.)
_KIALO_STANCE = re.compile(rb"(?:^|(?<=\r))[ \t]*1\.(?:\d+\.)+[ \t]+(?:Pro|Con):", re.M)


def _arggraph(head: bytes) -> bool:
    """Whether ``head`` (a file's first bytes) opens a microtext: ``<arggraph`` after any BOM,
    XML declaration, comments and white space. Read once from left to right (one pattern
    with the comments repeated tried every way of grouping them: minutes for two dozen)."""
    bom = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    at = _SPACE.match(head, bom).end()  # type: ignore[union-attr]
    declaration = _XML_DECLARATION.match(head, at)
    if declaration is not None:
        at = _SPACE.match(head, declaration.end()).end()  # type: ignore[union-attr]
    while head.startswith(b"<!--", at):
        end = head.find(b"-->", at + 4)
        if end < 0:
            return False
        at = _SPACE.match(head, end + 3).end()  # type: ignore[union-attr]
    return _ARGGRAPH.match(head, at) is not None


def sniff(data: bytes, path: str) -> str | None:
    """The import format (a key of ``formats.registry.IMPORTS``) ``data`` is in, or None."""
    if PurePath(path).suffix.lower() in ARGDOWN_SUFFIXES:
        return "argdown"
    if _arggraph(data[:4096]):
        return "microtext"
    if _KIALO_TITLE.match(data) or (
        _KIALO_THESIS.match(data) and _KIALO_STANCE.search(data[:4096])
    ):
        return "kialo"
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        return None
    graph = xaif_graph(document) if isinstance(document, dict) else None
    if graph is not None:
        document = {**graph, "argmap": document.get("argmap", {})}
    if isinstance(document, dict) and "nodes" in document and "edges" in document:
        if not isinstance(document.get("argmap", {}), dict):
            return None  # a map's version: a map with stray keys (argmap's AIF keeps a mapping)
        return "sadface" if _sadface(document) else "aif"
    return None


def map_json(data: bytes) -> bool:
    """Whether ``data`` is a map in argmap's JSON (an object whose ``argmap`` is its version, with
    no graph of nodes and edges): what ``argmap import json`` reads, given to another import."""
    try:
        document = json.loads(data)
    except (ValueError, RecursionError, UnicodeDecodeError):
        return False
    return (isinstance(document, dict) and "argmap" in document
            and not isinstance(document["argmap"], dict | list)
            and not ("nodes" in document and "edges" in document))  # fmt: skip


def xaif_graph(document: dict[str, Any]) -> dict[str, Any] | None:
    """The AIF graph an xAIF document (as OVA3 and ARG-tech's pipelines write one) holds under
    ``"AIF"``, or None: a document with nodes of its own is a graph, whatever its keys (one
    may be named "AIF"). The one rule by which ``check`` hints at an import and the import
    reads the file."""
    inner = document.get(XAIF)
    if "nodes" not in document and isinstance(inner, dict) and isinstance(inner.get("nodes"), list):
        return inner
    return None


def _sadface(document: dict[str, object]) -> bool:
    """Whether a graph of nodes and edges is SADFace's (atoms and schemes with ``id``, edges
    with ``source_id``, a ``core`` block of metadata), not AIF's (``nodeID``, ``fromID``)."""
    metadata, nodes, edges = (document.get(k) for k in ("metadata", "nodes", "edges"))
    if isinstance(metadata, dict) and isinstance(metadata.get("core"), dict):
        return True
    items = [
        *(nodes if isinstance(nodes, list) else []),
        *(edges if isinstance(edges, list) else []),
    ]
    return any(isinstance(item, dict) and ("source_id" in item or item.get("type") in
                                           ("atom", "scheme")) for item in items)  # fmt: skip


def import_hint(format_: str, path: str, *, python: bool = False) -> str:
    """What a file in ``format_`` is, and the command that imports it into a map beside it
    (for input named no file, such as ``<stdin>``: the command for the file it is in); with
    ``python``, the call of the Python API that imports it."""
    if python:
        return (
            f"this is {NAMES[format_]}, not an argmap map; import it into one: "
            f"argmap.convert.import_file({format_!r}, {path!r})"
        )
    source = PurePath(path)
    if not source.name or (path.startswith("<") and path.endswith(">")):
        return (
            f"this is {NAMES[format_]}, not an argmap map; import it into one from its file: "
            f"argmap import {format_} FILE -o map.yaml"
        )
    target = source
    while target.suffix.lower() in _SUFFIXES and target.stem:
        target = target.with_suffix("")
    target = target.with_name(f"{target.name}.yaml")
    return (
        f"this is {NAMES[format_]}, not an argmap map; import it into one: "
        f"argmap import {format_} {shell_word(str(source))} -o {shell_word(str(target))}"
    )


def foreign(data: bytes, path: str, *, python: bool = False) -> Diagnostic | None:
    """AM017 at the top of a file that did not read as a map, when it is in a format argmap
    imports: what it is, and the command (or with ``python``, the call) that imports it."""
    format_ = sniff(data, path)
    if format_ is None:
        return None
    return Diagnostic(path, Span(1, 1), "AM017", import_hint(format_, path, python=python))


__all__ = [
    "ARGDOWN_MARK",
    "ARGDOWN_SUFFIXES",
    "NAMES",
    "XAIF",
    "foreign",
    "import_hint",
    "map_json",
    "sniff",
    "xaif_graph",
]
