"""What every format module returns: the map imported or the text exported, with notes."""

from __future__ import annotations

import attrs

from argmap.diagnostics import ArgmapError
from argmap.model import ArgumentMap


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


__all__ = ["MAX_NESTED_ATTACKS", "Exported", "FormatError", "Imported"]
