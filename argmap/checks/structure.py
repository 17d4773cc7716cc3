"""Checks of the argument's shape: reasons where they are needed, no circles, no claim both for
and against a target, nothing left unconnected."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.references import Hints, named
from argmap.checks.registry import Context, Finding, Stage, check
from argmap.diagnostics import joined
from argmap.model import Link, Ref


@check("AM106")
def has_reasons(context: Context) -> Iterator[Finding]:
    """A conclusion or recommendation without reasons.

    Fails::

        conclusions:
          - id: c
            text: C.
            reasons: []

    Passes::

        premises:
          - id: a
            text: A.
        conclusions:
          - id: c
            text: C.
            reasons: [a]
    """
    for claim in context.map.claims:
        if claim.kind.takes_reasons and not claim.reasons:
            yield Finding(
                "AM106",
                claim.where("reasons"),
                f"{claim.kind.value} '{claim.id}' has no reasons; give at least one, "
                "or make it a premise",
            )


@check("AM105")
def no_support_cycle(context: Context) -> Iterator[Finding]:
    """A claim that supports itself through a chain of reasons (one report per cycle).

    Fails::

        conclusions:
          - id: a
            text: A.
            reasons: [b]
          - id: b
            text: B.
            reasons: [a]

    Passes::

        premises:
          - id: a
            text: A.
        conclusions:
          - id: b
            text: B.
            reasons: [a]
    """
    # Edges target → member, in file order, so a cycle is reported from the earliest claim.
    edges: dict[str, list[Ref]] = {claim.id: [] for claim in context.map.claims}
    for relation in context.relations:
        if relation.link is Link.SUPPORT:
            target = relation.target.id
            edges[target].extend(m for m in relation.claims if m.id in edges and m.id != target)
    # A claim that rests on nothing (a premise, most claims of a map) is on no cycle: the search
    # neither starts from one nor steps onto one.
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start, members in edges.items():
        if not members or state.get(start):
            continue
        # Iterative depth-first search keeping the path, so deep maps cannot hit recursion limits.
        path = [start]
        todo = [iter(edges[start])]
        state[start] = 1
        while todo:
            ref = next(todo[-1], None)
            if ref is None:
                state[path.pop()] = 2
                todo.pop()
            elif state.get(ref.id) == 1:
                cycle = [*path[path.index(ref.id) :], ref.id]
                said = " → ".join(reversed(cycle))
                yield Finding("AM105", ref.span, f"support cycle: {said}: each claim supports the "
                              f"next, so '{ref.id}' rests on itself; remove '{ref.id}' from the "
                              f"reasons of '{path[-1]}', or another step of the cycle")  # fmt: skip
            elif not state.get(ref.id) and edges[ref.id]:
                state[ref.id] = 1
                path.append(ref.id)
                todo.append(iter(edges[ref.id]))


@check("AM107")
def not_for_and_against(context: Context) -> Iterator[Finding]:
    """A claim that is both a reason for a target and an objection to it or to its steps.

    Fails::

        premises:
          - id: a
            text: A.
        conclusions:
          - id: c
            text: C.
            reasons: [a]
            objections: [a]

    Passes::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
        conclusions:
          - id: c
            text: C.
            reasons: [a]
            objections: [b]
    """
    supporting = context.supporting
    for relation in context.relations:
        if not relation.attack or (relation.on is not None and relation.on.attack):
            continue  # an attack on an attack: neither the target nor its steps
        target = relation.target.id
        for attacker in relation.claims:
            step = supporting.get((attacker.id, target))
            if step is not None and attacker.id != target:
                listed = next(m for m in step.claims if m.id == attacker.id)
                does = f"supports and attacks '{target}'"
                if relation.on is not None:  # an undercut: of a step, not of the claim
                    does = f"supports '{target}' and undercuts its step from "
                    does += " + ".join(f"'{ref.id}'" for ref in relation.on.claims)
                yield Finding(
                    "AM107",
                    attacker.span,
                    f"'{attacker.id}' both {does} (listed as a reason at {listed.span})",
                )


@check("AM201")
def connected(context: Context) -> Iterator[Finding]:
    """A claim that supports, attacks and is supported or attacked by nothing (a warning). A
    claim that a reference to no claim meant (the one AM103 names) is left to AM103, and a
    conclusion or recommendation without reasons to AM106.

    Fails::

        premises:
          - id: a
            text: A.
          - id: lonely
            text: L.
        conclusions:
          - id: c
            text: C.
            reasons: [a]

    Passes::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
        conclusions:
          - id: c
            text: C.
            reasons: [a]
            objections: [b]
    """
    if len(context.map.claims) < 2:
        return
    linked: set[str] = set()
    for relation in context.relations:
        linked.add(relation.target.id)
        linked.update(ref.id for ref in relation.claims)
    known = set(context.by_id)
    unknown = sorted(linked - known)
    if unknown:  # a claim a misspelt reference meant is not unconnected: AM103 says what is
        hints = Hints(context.map.claims, known, context.lines, named=named(context.relations))
        linked.update(claim_id for name in unknown for claim_id in hints.meant(name))
    for claim in context.map.claims:
        if claim.id not in linked and not (claim.kind.takes_reasons and not claim.reasons):
            yield Finding(
                "AM201",
                claim.where("id"),
                f"{claim.kind.value} '{claim.id}' is connected to nothing: no reason, objection "
                "or target",
            )


@check("AM205")
def one_thesis(context: Context) -> Iterator[Finding]:
    """More than one claim marked ``thesis: true`` (a warning: the first is drawn as it).

    Fails::

        premises:
          - id: a
            text: A.
            thesis: true
          - id: b
            text: B.
            thesis: true
            objections: [a]

    Passes::

        premises:
          - id: a
            text: A.
        conclusions:
          - id: c
            text: C.
            thesis: true
            reasons: [a]
    """
    marked = [claim for claim in context.map.claims if claim.thesis]
    for claim in marked[1:]:
        yield Finding(
            "AM205",
            claim.where("thesis"),
            f"'{claim.id}' is marked as the thesis, and so is '{marked[0].id}' (at "
            f"{marked[0].where('thesis')}); a map has one thesis, and the first is drawn as it",
        )


@check("AM206")
def thesis_on_top(context: Context) -> Iterator[Finding]:
    """The claim marked ``thesis: true`` is a reason for or an objection to another claim (a
    warning: the thesis is what the map argues for, drawn on top, so nothing builds on it).

    Fails::

        premises:
          - id: a
            text: A.
            thesis: true
        conclusions:
          - id: c
            text: C.
            reasons: [a]

    Passes::

        premises:
          - id: a
            text: A.
        conclusions:
          - id: c
            text: C.
            thesis: true
            reasons: [a]
    """
    marked = next((claim for claim in context.map.claims if claim.thesis), None)
    if marked is None:
        return
    for relation in context.relations:
        if (
            relation.link is not Link.CONTRADICT
            and relation.target.id != marked.id
            and any(ref.id == marked.id for ref in relation.claims)
        ):
            verb = "a reason for" if relation.link is Link.SUPPORT else "an objection to"
            yield Finding(
                "AM206",
                marked.where("thesis"),
                f"'{marked.id}' is marked as the thesis but is {verb} "
                f"'{relation.target.id}'; the thesis is drawn on top, so nothing should "
                "build on it: mark the claim it leads to instead",
            )
            return


@check("AM208", stage=Stage.SETTLED)
def apart_from_thesis(context: Context) -> Iterator[Finding]:
    """Claims linked to one another but not, through any chain of reasons, objections,
    contradictions or restatements, to the claim marked ``thesis: true`` (a warning, once for
    each such group, at its first claim: they are drawn apart from the argument). A claim
    linked to nothing is AM201's; a map without a marked thesis (a corpus of arguments) is
    not checked, nor one whose ids or references are not sound (a reason that names no claim
    cuts a link: AM103 says so).

    Fails::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
            objections: [c]
          - id: c
            text: C.
        conclusions:
          - id: t
            text: T.
            thesis: true
            reasons: [a]

    Passes::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
            objections: [c]
          - id: c
            text: C.
        conclusions:
          - id: t
            text: T.
            thesis: true
            reasons: [a]
            objections: [b]
    """
    marked = next((claim for claim in context.map.claims if claim.thesis), None)
    if marked is None:
        return
    known = context.by_id
    links: dict[str, set[str]] = {name: set() for name in known}
    for relation in context.relations:
        ends = [relation.target.id, *(ref.id for ref in relation.claims)]
        ends = [end for end in ends if end in known]
        for end in ends:
            links[end].update(ends)
    group: dict[str, int] = {}
    for start in [marked.id, *known]:
        if start in group:
            continue
        group[start], todo = len(group), [start]  # a number no other group has
        while todo:
            for other in links[todo.pop()]:
                if other not in group:
                    group[other] = group[start]
                    todo.append(other)
    groups: dict[int, list[str]] = {}
    for name in known:
        groups.setdefault(group[name], []).append(name)
    told: set[int] = {group[marked.id]}
    for claim in context.map.claims:
        number = group.get(claim.id)
        if number is None or number in told or not links[claim.id] - {claim.id}:
            continue
        told.add(number)
        members = groups[number]
        named = [f"'{name}'" for name in members[:4]]
        if len(members) > 4:
            named[-1] = f"{len(members) - 3} more"
        listed = joined(named)
        other = "each other" if len(members) == 2 else "one another"
        yield Finding(
            "AM208",
            claim.where("id"),
            f"{listed} are linked to {other} but not to the thesis '{marked.id}': attach "
            f"them to the argument (as a reason or an objection of a claim that leads to "
            f"'{marked.id}'), or they are drawn apart from it",
        )
