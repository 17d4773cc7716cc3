"""Other formats in and out: one module per format, pure functions between text and maps.

Importers return an :class:`Imported` (the map and notes on what changed on the way in);
exporters an :class:`Exported` (the text and notes on what the format could not hold). Files
are read and written by :mod:`argmap.api` only.
"""

from __future__ import annotations

import re

import attrs

from argmap.diagnostics import ArgmapError
from argmap.model import ArgumentMap, Kind


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


#: Wording that makes a claim with reasons a recommendation rather than a conclusion: it says
#: what should (or must not) be done. A heuristic, used only where the source has no kinds.
RECOMMENDATION_WORDING = re.compile(
    r"\b(should|shouldn['’]?t|ought(n['’]?t)? to|must|mustn['’]?t|need(s)? to|"
    r"(have|has) to|had better|let['’]?s|let us|it is (high )?time)\b",
    re.IGNORECASE,
)


def kind_of(text: str, *, has_reasons: bool) -> Kind:
    """The kind of an imported claim: a premise without reasons; with reasons, a
    recommendation when its wording says what should be done, else a conclusion.

    >>> kind_of("We should ban it.", has_reasons=True).value
    'recommendation'
    >>> kind_of("We should ban it.", has_reasons=False).value
    'premise'
    >>> kind_of("It is banned.", has_reasons=True).value
    'conclusion'
    """
    if not has_reasons:
        return Kind.PREMISE
    return Kind.RECOMMENDATION if RECOMMENDATION_WORDING.search(text) else Kind.CONCLUSION
