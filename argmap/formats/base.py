"""What every format module returns (the map imported or the text exported, with notes), and
the text helpers importers share."""

from __future__ import annotations

import attrs

from argmap.diagnostics import ArgmapError
from argmap.model import ArgumentMap
from argmap.read.yamltree import bad_character


class FormatError(ArgmapError):
    """The input is not in the format at all (not XML, not JSON, no nodes): nothing to import."""


#: How deep attacks on attacks may nest in an imported map (an objection to an objection to ...
#: an objection): deeper ones are left out with a note, as the map file could not nest them.
MAX_NESTED_ATTACKS = 4


@attrs.frozen
class Imported:
    """An imported map and what the import had to change, leave out or guess, in words."""

    map: ArgumentMap
    notes: tuple[str, ...] = ()


@attrs.frozen
class Exported:
    """An exported map as text, and what of the map the format could not hold, in words."""

    text: str
    losses: tuple[str, ...] = ()


def clean_text(text: str) -> tuple[str, bool]:
    r"""Text without the characters argmap refuses (line-like ones become spaces); whether any
    were taken out.

    >>> clean_text("a\x00b\rc")
    ('ab c', True)
    """
    changed = False
    while (bad := bad_character(text)) is not None:
        index, _ = bad
        text = text[:index] + (" " if text[index] in "\r\x0b\x0c\x85" else "") + text[index + 1 :]
        changed = True
    return text, changed


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, ending in "…".

    >>> shorten("one two three", 10)
    'one two…'
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"


__all__ = ["MAX_NESTED_ATTACKS", "Exported", "FormatError", "Imported", "clean_text", "shorten"]
