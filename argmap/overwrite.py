"""Which files a command may write over: the one rule of ``render``, ``export`` and
``coverage --html`` (drawings, figures, pages, exports; folders and ``--watch`` too).

* The map itself and the source text it quotes are never written over, not even with
  ``--force``: no drawing or export can take their place, and a map whose source was replaced
  is checked, and "fixed", against the drawing.
* Any other file that exists is written over only when it already holds what the command
  writes (:data:`KINDS`, judged by what the file holds, not its name): an SVG drawing by an
  SVG drawing, argmap's Argdown by argmap's Argdown, ... So running a command again replaces
  its own output, and a map, a text, notes or a page of one's own are left as they were
  unless ``--force`` is given.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable

from argmap.api import refuse_own_files
from argmap.diagnostics import UsageError
from argmap.formats.sniff import ARGDOWN_MARK, sniff
from argmap.io import Unreadable, read_file
from argmap.model import ArgumentMap

#: The bytes of a file looked at to tell its kind, but for JSON (read whole).
HEAD = 1 << 16

_BOM = rb"(?:\xef\xbb\xbf)?"
_SVG = re.compile(
    _BOM + rb"\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*<svg[\s>]",
    re.S | re.I,
)
_DOT = re.compile(_BOM + rb"\s*digraph\s+argmap\s*\{")
#: argmap's pages say their generator in their head (pages/templates); a coverage page that
#: an argmap before this one wrote, its legend's first sample.
_PAGE = re.compile(
    _BOM + rb'\s*<!DOCTYPE html>(?:(?!</head>).)*?<meta name="generator" content="argmap">'
    rb"|" + _BOM + rb'\s*<!DOCTYPE html>.*?<li><mark class="quote sample">quoted</mark> by the',
    re.S | re.I,
)
#: Argdown's front matter, the lines up to its closing ``===``.
_MATTER = re.compile(_BOM + rb"===[ \t]*\r?\n((?:(?!===)[^\r\n]*\r?\n)*)===")
_MARKED = re.compile(rb"^" + ARGDOWN_MARK.encode() + rb":[ \t]*1[ \t]*\r?$", re.M)
#: Mermaid as export writes it, alone or as the one block of a Markdown file (nothing after
#: its closing fence but white space).
_FLOWCHART = rb"(?:---\r?\n.*?\r?\n---\r?\n)?flowchart\s(?:(?!```).)*"
_MERMAID = re.compile(
    rb"%s\s*%s|%s\s*```mermaid\r?\n%s```\s*" % (_BOM, _FLOWCHART, _BOM, _FLOWCHART), re.S
)


def _json_map(data: bytes) -> bool:
    """Whether ``data`` is a map in argmap's JSON: an object saying its ``argmap`` version."""
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        return False
    return isinstance(document, dict) and "argmap" in document


def _argdown(data: bytes) -> bool:
    """Whether ``data`` is Argdown that argmap wrote: its front matter says so."""
    matter = _MATTER.match(data[:HEAD])
    return matter is not None and _MARKED.search(matter.group(1)) is not None


#: Each kind of output (a format of render or export, or html), in words, and how to tell a
#: file that holds it from its bytes.
KINDS: dict[str, tuple[str, Callable[[bytes], bool]]] = {
    "svg": ("an SVG drawing", lambda data: _SVG.match(data[:HEAD]) is not None),
    "png": ("a PNG image", lambda data: data.startswith(b"\x89PNG\r\n\x1a\n")),
    "pdf": ("a PDF", lambda data: data.startswith(b"%PDF-")),
    "dot": ("a DOT graph argmap wrote", lambda data: _DOT.match(data[:HEAD]) is not None),
    "html": ("an HTML page argmap wrote", lambda data: _PAGE.match(data[:HEAD]) is not None),
    "json": ("a map in argmap's JSON", _json_map),
    "aif": ("an AIF graph", lambda data: sniff(data, "") == "aif"),
    "sadface": ("a SADFace document", lambda data: sniff(data, "") == "sadface"),
    "kialo": ("a Kialo discussion", lambda data: sniff(data[:HEAD], "") == "kialo"),
    "argdown": ("Argdown argmap wrote", _argdown),
    "mermaid": ("a Mermaid flowchart", lambda data: _MERMAID.fullmatch(data) is not None),
}
_WHOLE = ("json", "aif", "sadface", "mermaid")


def holds(target: str | os.PathLike[str], kind: str) -> bool | None:
    """Whether the file ``target`` holds output of ``kind``; None when there is no regular
    file there to judge (nothing, or a folder or device, which writing refuses)."""
    try:
        if not stat.S_ISREG(os.stat(target).st_mode):
            return None
    except OSError:
        return None
    try:
        if kind in _WHOLE:
            data = read_file(target, what="file")
        else:
            with open(target, "rb") as file:
                data = file.read(HEAD)
    except (OSError, Unreadable):
        return False
    return KINDS[kind][1](data)


def guard(
    amap: ArgumentMap,
    path: str | os.PathLike[str],
    target: str | os.PathLike[str] | None,
    kind: str,
    *,
    force: bool = False,
    option: str = "-o",
) -> None:
    """A UsageError, before anything is written, when the output of kind ``kind`` of the map
    at ``path`` may not go to ``target`` (None: stdout, always fine): see the module. The
    message says what to do, ``option`` naming the option that gave ``target``."""
    if target is None:
        return
    refuse_own_files(amap, path, target, f"; give another {option}")
    if not force and holds(target, kind) is False:
        raise UsageError(
            f"{target}: exists and is not {KINDS[kind][0]}; argmap overwrites only a file of "
            f"the kind it writes: give --force to overwrite it, or another {option}"
        )


__all__ = ["KINDS", "guard", "holds"]
