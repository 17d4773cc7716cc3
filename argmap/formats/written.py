"""Whether a file's bytes hold what an export of argmap writes: how a second ``export`` knows
that it may replace the first one's file (:mod:`argmap.overwrite`), and leaves a hand-written
Argdown or AIF file alone. Each judge takes the file's first :data:`HEAD` bytes, or its whole
bytes where its :class:`~argmap.formats.registry.Exporter` says ``whole``."""

from __future__ import annotations

import json
import re

from argmap.formats.sniff import ARGDOWN_MARK, sniff

#: The bytes of a file looked at to tell its kind, but for a kind judged whole.
HEAD = 1 << 16

BOM = rb"(?:\xef\xbb\xbf)?"
#: Argdown's front matter, the lines up to its closing ``===``.
_MATTER = re.compile(BOM + rb"===[ \t]*\r?\n((?:(?!===)[^\r\n]*\r?\n)*)===")
_MARKED = re.compile(rb"^" + ARGDOWN_MARK.encode() + rb":[ \t]*1[ \t]*\r?$", re.M)
#: Mermaid as export writes it, alone or as the one block of a Markdown file (nothing after
#: its closing fence but white space).
_FLOWCHART = rb"(?:---\r?\n.*?\r?\n---\r?\n)?flowchart\s(?:(?!```).)*"
_MERMAID = re.compile(
    rb"%s\s*%s|%s\s*```mermaid\r?\n%s```\s*" % (BOM, _FLOWCHART, BOM, _FLOWCHART), re.S
)


def argmap_json(data: bytes) -> bool:
    """Whether ``data`` is a map in argmap's JSON: an object saying its ``argmap`` version."""
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        return False
    return isinstance(document, dict) and "argmap" in document


def argmap_argdown(data: bytes) -> bool:
    """Whether ``data`` is Argdown that argmap wrote: its front matter says so."""
    matter = _MATTER.match(data[:HEAD])
    return matter is not None and _MARKED.search(matter.group(1)) is not None


def mermaid(data: bytes) -> bool:
    """Whether ``data`` is a Mermaid flowchart, alone or as a Markdown file's one block."""
    return _MERMAID.fullmatch(data) is not None


def aif(data: bytes) -> bool:
    return sniff(data, "") == "aif"


def sadface(data: bytes) -> bool:
    return sniff(data, "") == "sadface"


def kialo(data: bytes) -> bool:
    return sniff(data[:HEAD], "") == "kialo"


__all__ = ["BOM", "HEAD", "aif", "argmap_argdown", "argmap_json", "kialo", "mermaid", "sadface"]
