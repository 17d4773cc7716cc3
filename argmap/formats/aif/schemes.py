"""The scheme ids (AIFdb's ``schemeID``) of the RA, CA and MA nodes an AIF export makes: those
the map's own nodes of the same scheme carry, as they came from the graph imported.

AIFdb numbers its schemes (``Default Inference`` 72, ``Default Conflict`` 71, ...), and argmap
does not keep a table of those numbers: a node argmap makes takes the id of the map's carried
nodes of its type and scheme (``Argument From Expert Opinion`` and ``Expert Opinion`` are one
scheme), when they agree on one; otherwise it has none, and the export's losses say so for
the RA-nodes, naming their schemes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from argmap.analysis.schemes import key
from argmap.model import ArgumentMap, Link, walk

#: The AIF node type of each kind of relation that has a node of its own.
_TYPES = {Link.SUPPORT: "RA", Link.REBUT: "CA", Link.UNDERCUT: "CA", Link.RESTATE: "MA"}
_AMBIGUOUS = object()


def _name(data: dict[str, Any]) -> str | None:
    """A carried node's scheme: its ``scheme``, else a placeholder text (``Default
    Inference``) or one that names a scheme."""
    scheme, text = data.get("scheme"), data.get("text")
    if isinstance(scheme, str) and scheme.strip():
        return scheme
    return text if isinstance(text, str) and text.strip() and text not in ("RA", "CA") else None


class SchemeIds:
    """The scheme ids the map's own nodes carry, by node type and scheme, and the schemes of
    the RA-nodes made without one."""

    def __init__(self, amap: ArgumentMap, top: Iterable[Any]) -> None:
        self._ids: dict[tuple[str, str], object] = {}
        self.missing: list[str] = []  # the scheme of each RA-node made without an id
        found: list[tuple[str, dict[str, Any]]] = []
        for claim in amap.claims:
            for relation in walk(claim):
                if relation.aif is not None and relation.link in _TYPES:
                    found.append((_TYPES[relation.link], relation.aif.value))
        found += [(n.get("type"), n) for n in top if isinstance(n, dict)]
        for kind, data in found:
            name, given = _name(data), data.get("schemeID")
            if name is None or given is None or isinstance(given, (dict, list, bool)):
                continue
            known = self._ids.setdefault((str(kind), key(name)), given)
            if known != given:
                self._ids[str(kind), key(name)] = _AMBIGUOUS

    def of(self, kind: str, scheme: str, *, made: bool = True) -> object | None:
        """The id of ``scheme`` for a node of type ``kind``, or None; an RA-node argmap
        ``made`` without one is counted."""
        found = self._ids.get((kind, key(scheme)))
        if found is _AMBIGUOUS:
            found = None
        if found is None and kind == "RA" and made:
            self.missing.append(scheme)
        return found

    def losses(self) -> list[str]:
        """The RA-nodes made without a scheme id, in words."""
        if not self.missing:
            return []
        count, names = len(self.missing), ", ".join(sorted(set(self.missing)))
        made = "RA node argmap made has" if count == 1 else "RA nodes argmap made have"
        return [f"{count} {made} no scheme id ('schemeID', as AIFdb numbers its schemes): "
                "argmap takes one only from the map's own nodes of the same scheme, and none "
                f"has {names}"]  # fmt: skip


__all__ = ["SchemeIds"]
