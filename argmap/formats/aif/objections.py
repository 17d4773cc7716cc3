"""Attacks found in an AIF graph (or a SADFace document) → the ``objections`` of a map as JSON
data, nested as the map nests them, leaving out with a note what would not check clean: a
claim attacking what it supports or itself, an undercut leading back to its own attack, the
same attack twice in one list, attacks on attacks nested deeper than a map can hold."""

from __future__ import annotations

from typing import Any

from argmap.formats.aif.steps import Step, attacks_on
from argmap.formats.base import MAX_NESTED_ATTACKS
from argmap.read.yamltree import MAX_DEPTH


class Objections:
    """Objections as JSON data, leaving out what would not check clean."""

    def __init__(self, ids: dict[str, str], notes: list[str], extra, ordered) -> None:
        self.ids, self.notes, self.extra, self.ordered = ids, notes, extra, ordered

    def list(
        self, steps: list[Step], owner: str, banned: set[str], seen: frozenset[str], at: int
    ) -> list[dict[str, Any]]:
        """``steps`` attacking something of I-node ``owner``, as a list nested ``at`` levels
        deep in the map; attackers in ``banned`` (the owner itself, and for a direct attack the
        claims supporting what it attacks) and undercuts that lead back to a CA-node in
        ``seen`` are left out."""
        out: list[dict[str, Any]] = []
        plain: set[str] = set()
        for step in self.ordered(steps):
            if step.node in seen:
                self.notes.append(
                    f"CA node {step.node} undercuts an attack that leads back to it; left out"
                )
                continue
            if len(seen) > MAX_NESTED_ATTACKS:
                self.notes.append(f"CA node {step.node} attacks attacks on attacks nested more "
                                  f"than {MAX_NESTED_ATTACKS} deep; left out with any attacks on "
                                  "it")  # fmt: skip
                continue
            members = [m for m in dict.fromkeys(step.members) if m not in banned]
            if len(members) < len(set(step.members)):
                left = ", ".join(m for m in dict.fromkeys(step.members) if m in banned)
                attacks = attacks_on(step) if not members else ""
                self.notes.append(f"CA node {step.node}: node {left} would attack what it supports "
                                  f"or itself (through node {owner}); left out"
                                  f"{', with ' + attacks if attacks else ''}")  # fmt: skip
            if not members:
                continue
            nested = self.list(step.undercuts, owner, {owner}, seen | {step.node}, at + 2)
            item: dict[str, Any] = {"claims": [self.ids[m] for m in members]}
            if nested:
                item["objections"] = nested
            item.update(self.extra(step, MAX_DEPTH - 2 - at))  # its data 3 levels below
            if len(members) == 1:  # a list names a claim once (AM112), in full or not
                if members[0] in plain:
                    lost = (["its note"] if "note" in item else []) + (
                        [attacks_on(step)] if nested else [])  # fmt: skip
                    with_it = f", with {' and '.join(lost)}" if lost else ""
                    self.notes.append(f"CA node {step.node} repeats an attack of node "
                                      f"{members[0]}; left out{with_it}")  # fmt: skip
                    continue
                plain.add(members[0])
            out.append(item)
        return out


__all__ = ["Objections"]
