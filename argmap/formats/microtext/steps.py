"""A microtext's supports and attacks, built from its edges as a map can hold them.

A ``sup``, ``exa`` or ``reb`` edge from a unit to a unit, or an ``und`` edge from a unit to an
edge, is one step; each ``add`` edge joins one more unit to the step of the edge it targets.
What a map cannot hold is left out, each with a note naming its edge, as the AIF and Argdown
importers do: edges of a type the corpus has not (one in capitals is told the type meant), edges
that name no unit or edge (or an edge left out: the note says why it was), undercuts that reach
no support or rebuttal, and the corpus' annotation errors that the map's check would refuse (and
with them the whole import): a unit in a step of itself (AM104), a step given twice (AM112), a
support that closes a support cycle (AM105), a unit that both supports a claim and attacks it
or a step of it (AM107). An undercut of a repeated step is kept, on the step it repeats.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from argmap.formats.base import break_support_cycles

#: Edge types and what they become: a support, with its scheme for ``exa``.
SUPPORTS = {"sup": None, "exa": "example"}
#: Every edge type, as the corpus' DTD spells them (XML's values are case-sensitive).
TYPES = ("seg", "sup", "exa", "add", "reb", "und")
#: What an edge of each type does to the unit it finally bears on, and what its step is of it.
_DOES = {"sup": "support", "exa": "support", "reb": "attack", "und": "undercut a step of"}
_STEP_OF = {"sup": "a support of", "exa": "a support of", "reb": "an attack on",
            "und": "an undercut of a step of"}  # fmt: skip


@attrs.define
class Step:
    """A support or attack built from one edge and the ``add`` edges joining it."""

    edge: str
    kind: str  # sup, exa, reb, und
    members: list[str]
    target: str  # a unit id (sup, exa, reb) or an edge id (und)
    undercuts: list[str] = attrs.Factory(list)  # ids of und edges attacking this step
    added: dict[str, str] = attrs.Factory(dict)  # a member joined by an add edge → that edge


def build(edges: dict[str, tuple[str, str, str]], units: set[str], notes: list[str]
          ) -> dict[str, Step]:  # fmt: skip
    """The steps of ``edges`` (id → source, target, type) between ``units``, by edge id in the
    file's order, with notes on what was left out."""
    steps: dict[str, Step] = {}
    left: dict[str, str] = {}  # an edge left out → why, for the edges that target it
    for edge, (src, trg, kind) in edges.items():
        if kind == "seg":
            continue
        if src not in units:
            notes.append(f"edge {edge} starts at '{src}', which is no unit; left out")
            left[edge] = f"it starts at '{src}', which is no unit"
        elif kind in SUPPORTS or kind == "reb":
            if trg in units:
                steps[edge] = Step(edge, kind, [src], trg)
            else:
                notes.append(f"{kind} edge {edge} targets '{trg}', which is no unit; left out")
                left[edge] = f"it targets '{trg}', which is no unit"
        elif kind not in ("und", "add"):
            meant = f" (did you mean '{kind.lower()}'?)" if kind.lower() in TYPES else ""
            notes.append(f"edge {edge} has the unknown type '{kind}'{meant}; left out")
            left[edge] = f"its type '{kind}' is unknown"
    for edge, (src, trg, kind) in edges.items():  # undercuts, then the claims they add
        if kind == "und" and src in units:
            steps[edge] = Step(edge, kind, [src], trg)
    _dangling(steps, left, notes)
    for edge, step in steps.items():
        if step.kind == "und":
            steps[step.target].undercuts.append(edge)
    lost = unreached(steps, notes)
    for edge, (src, trg, kind) in edges.items():
        if kind != "add" or src not in units or trg in lost:
            continue
        if trg not in steps:
            notes.append(f"add edge {edge} targets {_no_step(trg, left)}; left out")
        elif src in steps[trg].members:
            notes.append(f"add edge {edge} adds {src} to edge {trg} a second time; left out")
        else:
            steps[trg].members.append(src)
            steps[trg].added[src] = edge
    _tidy(steps, notes)
    unreached(steps, notes)  # the undercuts of the steps just left out
    return steps


def _no_step(target: str, left: dict[str, str]) -> str:
    """What the target of an und or add edge is, when it is no step: an edge left out (and
    why), or no edge at all."""
    if target in left:
        return f"edge {target}, which is left out ({left[target]})"
    return f"'{target}', which is no edge"


def _dangling(steps: dict[str, Step], left: dict[str, str], notes: list[str]) -> None:
    """Leave out each undercut of an edge that is no step, and so on up a chain: each round
    the undercuts of those just left out, in the file's order (not the whole list again each
    round, which cost the square of a long chain's length). ``left``: the edges left out
    before, and why."""
    order = {edge: n for n, edge in enumerate(steps)}
    undercuts: dict[str, list[str]] = {}
    for edge, step in steps.items():
        if step.kind == "und":
            undercuts.setdefault(step.target, []).append(edge)
    dangling = [e for e, s in steps.items() if s.kind == "und" and s.target not in steps]
    while dangling:
        for edge in dangling:
            notes.append(f"und edge {edge} targets {_no_step(steps[edge].target, left)}; left out")
            del steps[edge]
        following = {e for edge in dangling for e in undercuts.get(edge, ()) if e in steps}
        dangling = sorted(following, key=order.__getitem__)


def unreached(steps: dict[str, Step], notes: list[str]) -> set[str]:
    """Take out the undercuts that reach no support or rebuttal (one undercutting itself, a
    cycle of undercuts, one undercutting an edge left out, one undercutting those), naming
    them; their edges."""
    reached: set[str] = set()
    stack = [edge for edge, step in steps.items() if step.kind != "und"]
    while stack:
        for undercut in steps[stack.pop()].undercuts:
            if undercut not in reached:
                reached.add(undercut)
                stack.append(undercut)
    lost = [edge for edge, step in steps.items() if step.kind == "und" and edge not in reached]
    said: set[str] = set()
    for edge in lost:  # the cycles first, each once, in the order of the file
        cycle, at = [edge], steps[edge].target
        while at != edge and at not in cycle and at in lost:
            cycle.append(at)
            at = steps[at].target
        if at == edge and edge not in said:
            said.update(cycle)
            if len(cycle) == 1:
                notes.append(f"und edge {edge} undercuts itself, reaching no support or "
                             "rebuttal; left out")  # fmt: skip
            else:
                names = ", ".join(sorted(cycle, key=lost.index))
                notes.append(f"und edges {names} undercut one another in a cycle, reaching no "
                             "support or rebuttal; left out")  # fmt: skip
    for edge in lost:
        if edge not in said:
            notes.append(f"und edge {edge} targets '{steps[edge].target}', which is left out; "
                         "left out")  # fmt: skip
    for edge in lost:
        del steps[edge]
    return set(lost)


def _ordered(steps: dict[str, Step]) -> Iterator[Step]:
    """Every step after the step it undercuts: supports and rebuttals in the file's order, then
    their undercuts, level by level (every undercut reaches one: ``unreached`` ran)."""
    level = [step for step in steps.values() if step.kind != "und"]
    while level:
        yield from level
        level = [steps[u] for step in level for u in step.undercuts]


def _tidy(steps: dict[str, Step], notes: list[str]) -> None:
    """Leave out, with a note each, the steps and members the map's check would refuse."""

    def drop(step: Step) -> None:
        del steps[step.edge]
        on = steps.get(step.target) if step.kind == "und" else None
        if on is not None:
            on.undercuts.remove(step.edge)

    top: dict[str, str] = {}  # edge → the unit its step finally bears on
    for step in _ordered(steps):
        top[step.edge] = top[step.target] if step.kind == "und" else step.target
    for step in list(_ordered(steps)):  # a unit in a step of itself
        claim = top[step.edge]
        if step.members[0] == claim:
            notes.append(f"{step.kind} edge {step.edge}: unit {claim} cannot "
                         f"{_DOES[step.kind]} itself; left out")  # fmt: skip
            drop(step)
        elif claim in step.members:
            notes.append(f"add edge {step.added[claim]} adds unit {claim} to "
                         f"{_STEP_OF[step.kind]} {claim} itself; left out")  # fmt: skip
            step.members.remove(claim)
    first: dict[tuple[bool, str, str], Step] = {}  # one list of a claim or step, one member
    for step in list(_ordered(steps)):  # a step given twice: its undercuts go to the first
        if len(step.members) > 1 or step.edge not in steps:
            continue
        key = (step.kind in SUPPORTS, step.target, step.members[0])
        kept = first.setdefault(key, step)
        if kept is not step:
            notes.append(f"{step.kind} edge {step.edge} repeats edge {kept.edge} "
                         f"({step.members[0]} → {step.target}); left out")  # fmt: skip
            for undercut in step.undercuts:
                steps[undercut].target = kept.edge
                kept.undercuts.append(undercut)
            step.undercuts = []
            drop(step)
    reasons: dict[str, list[Step]] = {}
    for step in steps.values():
        if step.kind in SUPPORTS:
            reasons.setdefault(step.target, []).append(step)
    for _, step, cycle in break_support_cycles(reasons, list(reasons)):
        notes.append(f"{step.kind} edge {step.edge} closes a support cycle (units "
                     f"{' → '.join(cycle)}); left out")  # fmt: skip
        del steps[step.edge]  # its undercuts reach nothing now: ``unreached`` names them
    supporters = {claim: {m for step in found for m in step.members}
                  for claim, found in reasons.items()}  # fmt: skip
    for step in list(_ordered(steps)):  # a unit both for and against a claim
        on = steps.get(step.target)
        if step.kind == "reb":
            claim, does = step.target, "supports and attacks {}; the attack"
        elif step.kind == "und" and on is not None and on.kind in SUPPORTS:
            claim, does = on.target, "supports {} and undercuts a step of it; the undercut"
        else:
            continue
        both = [m for m in step.members if m in supporters.get(claim, ())]
        if both:
            notes.append(f"{step.kind} edge {step.edge}: unit {both[0]} both "
                         f"{does.format(claim)} is left out")  # fmt: skip
            drop(step)


__all__ = ["SUPPORTS", "Step", "build", "unreached"]
