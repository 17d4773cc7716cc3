"""``argmap check --fix``, and an editor's quick fixes: a map's diagnostics → the edits that
mend them, worked out from the map's text as it is, its outline and its source.

:func:`fixes` gives every fix of one diagnostic, as the language server offers them, each
telling whether it is safe (:class:`~argmap.fix.context.Applicability`);
:mod:`argmap.fix.files` applies the safe ones to map files (with ``unsafe``, the likely ones
too). One family of mistakes a module:
:mod:`~argmap.fix.quotes` (AM110, AM204) and :mod:`~argmap.fix.names` (AM103, AM009, AM012, AM109).
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.fix.context import Applicability, Context, Edit, Fix, apply
from argmap.fix.names import escaped_path, source_meant, unknown_id, unknown_key
from argmap.fix.quotes import closest_quote, unquoted

#: The codes argmap knows fixes for, and what works them out (from the map and the place the
#: diagnostic points at).
FIXERS: dict[str, Callable[[Context, int], list[Fix]]] = {
    "AM009": unknown_key,
    "AM012": escaped_path,
    "AM103": unknown_id,
    "AM109": source_meant,
    "AM110": closest_quote,
    "AM204": unquoted,
}


#: The codes with fixes ``argmap check --fix`` may make (the others' are for an editor only).
APPLIED = frozenset({"AM009", "AM012", "AM103", "AM109", "AM110"})


def fixes(context: Context, code: str, offset: int) -> list[Fix]:
    """The fixes of a diagnostic of ``code`` at ``offset`` in the map, the preferred first;
    none for a code argmap has no fix for, or a place that no longer holds what it was about
    (a diagnostic of an older text)."""
    fixer = FIXERS.get(code)
    return fixer(context, offset) if fixer is not None else []


__all__ = ["APPLIED", "FIXERS", "Applicability", "Context", "Edit", "Fix", "apply", "fixes"]
