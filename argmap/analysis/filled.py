"""A student's worksheet, as ``argmap check`` checked it → how far each blank is filled in:
still blank, or filled in and whether its quotes are found in the source. Never a word of
the answer's: the student checks their own work before handing it in, and the teacher's
``argmap exercise --check`` scores it.

The blanks are those the worksheet's header names (``argmap exercise`` writes
:data:`BLANKS` under its first line, so that a blank filled in is still known for one), and
any claim still blank (a worksheet typed by hand, or one written before the header named
them). A map with neither is no worksheet: nothing is said of it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import NamedTuple

from argmap.diagnostics import Diagnostic, Severity, Span, span_at
from argmap.model import ArgumentMap, Claim
from argmap.model.blank import is_blank

#: The worksheet's second header line (a comment): its blanks, by id.
BLANKS = "The blanks: {ids} (argmap check says which are filled in)"

_NAMED = re.compile(r"#\s*The blanks: ([a-z0-9, -]+) \(argmap check says")


class Blank(NamedTuple):
    """A blank of a worksheet: its id, its claim now (None when the student removed it), and
    what it is now, in words."""

    name: str
    claim: Claim | None
    said: str


def named(data: bytes) -> list[str]:
    """The blanks a worksheet's header names (its leading comment lines, after any empty
    lines or a '---' put before them), in their order."""
    return _header(data)[1]


def header_line(data: bytes) -> int | None:
    """The 1-based line (as editors count lines) of the worksheet's header naming its
    blanks, or None when it has none."""
    return _header(data)[0]


def _header(data: bytes) -> tuple[int | None, list[str]]:
    text = data.decode("utf-8", "replace").lstrip("\ufeff")
    offset = 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        line = line.rstrip("\r\n")
        if not line.strip() or line.rstrip() == "---":
            continue
        if not line.startswith("#"):
            break
        if found := _NAMED.match(line):
            names = [name.strip() for name in found.group(1).split(",") if name.strip()]
            return span_at(text, start).line, names
    return None, []


def blanks(amap: ArgumentMap, data: bytes) -> list[str]:
    """The worksheet's blanks: those its header names, then any other claim still blank."""
    found = list(dict.fromkeys(named(data)))
    return found + [c.id for c in amap.claims if is_blank(c.text) and c.id not in found]


def told(
    amap: ArgumentMap,
    data: bytes,
    diagnostics: Sequence[Diagnostic],
    source_read: bool,
    above: str = " (above)",
) -> list[Blank]:
    """How ``amap`` (read from ``data``, checked with ``diagnostics``; its source text read or
    not) fills in each of its blanks: none for a map that is no worksheet. ``above`` ends the
    words of a blank whose problem is told elsewhere (a quote not found)."""
    claims = {claim.id: claim for claim in amap.claims}
    wrong = {d.span for d in diagnostics if d.severity is Severity.ERROR}
    return [
        Blank(name, claims.get(name), _told(claims.get(name), wrong, source_read, above))
        for name in blanks(amap, data)
    ]


def counted(found: Sequence[Blank]) -> str:
    """How many of a worksheet's blanks are filled in, in words.

    >>> counted([Blank("a", None, "")])
    'worksheet: 0 of 1 blank filled in'
    """
    done = sum(blank.claim is not None and not is_blank(blank.claim.text) for blank in found)
    return f"worksheet: {done} of {len(found)} blank{'s' * (len(found) != 1)} filled in"


def report(
    path: str,
    amap: ArgumentMap,
    data: bytes,
    diagnostics: Sequence[Diagnostic],
    source_read: bool,
) -> list[str]:
    """The lines saying how ``amap`` (read from ``data``, checked with ``diagnostics``; its
    source text read or not) fills in its blanks: none for a map that is no worksheet."""
    found = told(amap, data, diagnostics, source_read)
    if not found:
        return []
    wide = max(len(blank.name) for blank in found)
    return [
        f"{path}: {counted(found)}",
        *(f"  {blank.name:<{wide}}  {blank.said}" for blank in found),
    ]


def _told(claim: Claim | None, wrong: Collection[Span], source_read: bool, above: str) -> str:
    """What a blank's claim is now: still blank, or filled in and its quotes found or not
    (``wrong``: the places of the errors found)."""
    if claim is None:
        return "not in the worksheet any more: keep each blank's id as it was"
    quotes = claim.quotes
    if is_blank(claim.text):
        return "still blank: write the claim in place of ___ and quote its passage"
    if not quotes:
        if claim.implicit:
            return "filled in; implicit, so no quote"
        return "filled in; no quote yet: quote the passage it rests on"
    its = "its quote is" if len(quotes) == 1 else f"its {len(quotes)} quotes are"
    if not source_read:
        return f"filled in; {its} not checked: the source was not read{above}"
    missing = sum(quote.span in wrong for quote in quotes)
    if not missing:
        return f"filled in; {its} found in the source"
    if len(quotes) == 1:
        return f"filled in; its quote is not in the source{above}"
    return f"filled in; {missing} of its {len(quotes)} quotes not in the source{above}"


__all__ = ["BLANKS", "Blank", "blanks", "counted", "header_line", "named", "report", "told"]
