"""The ids of an exported SADFace document: those the map carries (``sadface:``, as the import
keeps a document's), else made from the claims' ids (uuid5), so that the same map gives the
same bytes; no two nodes or edges get the same one.

A claim carries its atom's id (``{id: a1}``), a reason, objection or restatement its scheme
node's and the ids of that node's edges, by the id of the node at their other end (``{id: s1,
from: {a2: e1}, to: {a1: e2}}``), the map its text resource's id (``resource``). A carried id
that is not text, or that a node or edge before it took, is made anew. A claim of a map
imported before the ids had that place names its atom in its note (``SADFace atom a1``): that
id is taken when the claim carries none.
"""

from __future__ import annotations

import uuid
from typing import Any

from argmap.formats.sadface.document import atom_id
from argmap.model import Carried, Claim

#: The UUID namespace of the ids argmap derives (uuid5 of it and a claim's id, ...).
IDS = uuid.uuid5(uuid.NAMESPACE_URL, "https://pypi.org/project/argmap/#sadface")


def made(*parts: str) -> str:
    """An id derived from ``parts``: the same parts, the same id."""
    return str(uuid.uuid5(IDS, "\x1f".join(parts)))


def carried(data: Carried | None, key: str = "id", end: str | None = None) -> object:
    """What ``data`` carries under ``key`` (with ``end``: the id under ``key`` for that end,
    ``from`` or ``to``), or None."""
    value: Any = data.value.get(key) if data is not None else None
    if end is not None:
        value = value.get(end) if isinstance(value, dict) else None
    return value


class Ids:
    """The ids given so far, and the next."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.named = 0  # atoms whose id a claim's note names

    def take(self, wanted: object, *parts: str) -> str:
        """``wanted`` when it is text no node or edge has yet, else one made of ``parts``."""
        if isinstance(wanted, str) and wanted and wanted not in self.taken:
            self.taken.add(wanted)
            return wanted
        found, number = made(*parts), 1
        while found in self.taken:  # a carried id that happens to be one argmap makes
            number += 1
            found = made(*parts, str(number))
        self.taken.add(found)
        return found

    def atoms(self, claims: list[Claim]) -> dict[str, str]:
        """Each claim's atom id: the one it carries, else the one its note names, else one made
        from its id; carried ones first, so that a note does not take one."""
        out: dict[str, str] = {}
        for claim in claims:
            wanted = carried(claim.sadface)
            if isinstance(wanted, str) and wanted and wanted not in self.taken:
                out[claim.id] = self.take(wanted)
        for claim in claims:
            named = atom_id(claim.note) if claim.id not in out else None
            if named is not None and named not in self.taken:
                out[claim.id] = self.take(named)
                self.named += 1
        for claim in claims:
            if claim.id not in out:
                out[claim.id] = self.take(None, "claim", claim.id)
        return {claim.id: out[claim.id] for claim in claims}


__all__ = ["IDS", "Ids", "carried", "made"]
