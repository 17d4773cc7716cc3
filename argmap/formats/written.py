"""What an export of argmap writes, as its files show it (:data:`WRITTEN`): what such a file is
in words, and whether a file's bytes hold one, so that a second ``export`` knows that it may
replace the first one's file (:mod:`argmap.overwrite`) and leaves a hand-written Argdown or AIF
file alone. Each judge takes the file's first :data:`HEAD` bytes, or all of them where the
format says ``whole``. Kept apart from the writers (:mod:`argmap.formats.registry`), which
load every format: a drawing, which only needs to know whether it may overwrite, loads none."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import attrs

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


#: The columns of argmap's CSV, in order (:mod:`argmap.formats.spreadsheet`), and its first
#: line: how its files are told.
CSV_COLUMNS = ("id", "kind", "side", "text", "quotes", "supports", "attacks", "status", "why",
               "thesis", "implicit", "label", "url", "note")  # fmt: skip
CSV_HEADER = ",".join(CSV_COLUMNS) + "\r\n"
_CSV = re.compile(BOM + re.escape(CSV_HEADER.encode()))


def argmap_csv(data: bytes) -> bool:
    """Whether ``data`` is a CSV argmap wrote: its first line is argmap's header, exactly."""
    return _CSV.match(data) is not None


def aif(data: bytes) -> bool:
    return sniff(data, "") == "aif"


def sadface(data: bytes) -> bool:
    return sniff(data, "") == "sadface"


def kialo(data: bytes) -> bool:
    return sniff(data[:HEAD], "") == "kialo"


@attrs.frozen
class Written:
    """How a format's files are told: what one is in words (``describes``), and ``holds``,
    which tells one from its first bytes, or all of them if ``whole``. A format with a
    ``fence`` is written to a Markdown file (``.md``) as one fenced block of that language,
    which GitHub draws (Mermaid)."""

    describes: str
    holds: Callable[[bytes], bool]
    whole: bool = False
    fence: str | None = None


#: Each format argmap exports, by its name (as EXPORTS names it), as its files are told.
WRITTEN: dict[str, Written] = {
    "aif": Written("an AIF graph", aif, whole=True),
    "argdown": Written("Argdown argmap wrote", argmap_argdown),
    "mermaid": Written("a Mermaid flowchart", mermaid, whole=True, fence="mermaid"),
    "kialo": Written("a Kialo discussion", kialo),
    "sadface": Written("a SADFace document", sadface, whole=True),
    "json": Written("a map in argmap's JSON", argmap_json, whole=True),
    "csv": Written("a CSV argmap wrote", argmap_csv),
}


__all__ = ["BOM", "CSV_COLUMNS", "CSV_HEADER", "HEAD", "WRITTEN", "Written"]
