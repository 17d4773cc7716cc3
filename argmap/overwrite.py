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

import os
import re
import stat
from collections.abc import Callable

from argmap.api import refuse_own_files
from argmap.diagnostics import UsageError
from argmap.formats.written import BOM, HEAD, WRITTEN
from argmap.io import Unreadable, read_file
from argmap.model import ArgumentMap

_SVG = re.compile(
    BOM + rb"\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*<svg[\s>]",
    re.S | re.I,
)
_DOT = re.compile(BOM + rb"\s*digraph\s+argmap\s*\{")
#: argmap's pages say their generator in their head (pages/templates); a coverage page that
#: an argmap before this one wrote, its legend's first sample.
_PAGE = re.compile(
    BOM + rb'\s*<!DOCTYPE html>(?:(?!</head>).)*?<meta name="generator" content="argmap">'
    rb"|" + BOM + rb'\s*<!DOCTYPE html>.*?<li><mark class="quote sample">quoted</mark> by the',
    re.S | re.I,
)

#: Each kind of output (a format of render or export, or html), in words, and how to tell a
#: file that holds it from its first HEAD bytes; an export's from the format's own judge, from
#: all its bytes if the format says so (formats.written.WRITTEN).
KINDS: dict[str, tuple[str, Callable[[bytes], bool]]] = {
    "svg": ("an SVG drawing", lambda data: _SVG.match(data) is not None),
    "png": ("a PNG image", lambda data: data.startswith(b"\x89PNG\r\n\x1a\n")),
    "pdf": ("a PDF", lambda data: data.startswith(b"%PDF-")),
    "dot": ("a DOT graph argmap wrote", lambda data: _DOT.match(data) is not None),
    "html": ("an HTML page argmap wrote", lambda data: _PAGE.match(data) is not None),
    **{name: (written.describes, written.holds) for name, written in WRITTEN.items()},
}
_WHOLE = frozenset(name for name, written in WRITTEN.items() if written.whole)


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
