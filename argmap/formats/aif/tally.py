"""Notes of one kind on many nodes, said once: for one node its own note, for several one line
with their count and the first ids (a graph of 20,000 long texts gave 20,000 lines)."""

from __future__ import annotations

from collections.abc import Callable

from argmap.formats.aif.graph import MAX_LISTED
from argmap.formats.base import some


def listed(what: str, ids: list[str]) -> str:
    """``I-nodes 1, 2, 3 and 5 more``: the first ids of ``what`` (a plural) and a count of the
    rest."""
    return f"{what} {some(ids, MAX_LISTED)}"


class Tally:
    """Notes by kind, each with its node id; :meth:`notes` says them."""

    def __init__(self) -> None:
        self.kinds: dict[str, list[tuple[str, str]]] = {}
        self.many: dict[str, Callable[[list[str]], str]] = {}

    def add(self, kind: str, node: str, note: str, many: Callable[[list[str]], str]) -> None:
        """The ``note`` on ``node``; ``many`` gives the line for the ids of several."""
        self.kinds.setdefault(kind, []).append((node, note))
        self.many[kind] = many

    def notes(self) -> list[str]:
        """One line for each kind, in the order they were first added."""
        return [items[0][1] if len(items) == 1 else self.many[kind]([n for n, _ in items])
                for kind, items in self.kinds.items()]  # fmt: skip


__all__ = ["Tally", "listed"]
