"""An AIF graph → the reasons (RA), objections (CA) and restatements (MA) of each I-node, tidied
so that the map made of them checks clean; what is left out goes to notes.

Every RA-node becomes a reason of each I-node it points to, made of the I-nodes pointing to it;
every CA-node an objection, a rebuttal of an I-node or an undercut of an RA- or CA-node; every
MA-node (a rephrase) a restatement: each I-node it points to restates each I-node pointing to
it. What would not check clean is left out with a note naming the nodes: a node without premise
or conclusion, a claim supporting or restating itself, a reason or restatement given twice, the
reason that closes a support cycle, the restatement that would make a claim one statement with
a claim attacking it, CA-nodes that attack only attacks reaching no claim or reason. Nodes are
taken in the order of their ids, so the same graph gives the same map whatever the order of its
file.
"""

from __future__ import annotations

import re

import attrs

from argmap.formats.aif.graph import (
    GENERIC,
    Graph,
    Node,
    carried_scheme,
    same_scheme,
    text_scheme,
)
from argmap.formats.base import break_support_cycles, clean_text, shorten
from argmap.model.keys import MAX_TEXT


@attrs.define(eq=False)
class Step:
    """A reason (from an RA-node), an objection (from a CA-node) or a restatement (from an
    MA-node, whose one member is the I-node restated)."""

    node: str
    members: list[str]  # I-node ids
    note: str | None = None
    scheme: str | None = None  # an RA-node's argumentation scheme, unless a placeholder
    undercuts: list[Step] = attrs.Factory(list)  # objections to this step


def order(node_id: str) -> tuple[int, int | str]:
    """Node ids in order: numbers by value, then the others as text.

    >>> sorted(["10", "9", "a"], key=order)
    ['9', '10', 'a']
    """
    return (0, int(node_id)) if re.fullmatch(r"[0-9]{1,18}", node_id) else (1, node_id)


def note_of(node: Node) -> str | None:
    """An RA- or CA-node's text when it says more than a placeholder or its scheme (under any
    spelling: ``Argument From Expert Opinion`` says no more than ``Expert Opinion``): without
    the characters argmap refuses, cut to the longest a note may be."""
    text = clean_text(node.text)[0].strip()
    scheme = node.scheme if node.scheme is not None else text_scheme(node.text)
    if not text or text in GENERIC or (scheme and same_scheme(text, scheme.strip())):
        return None
    return shorten(text, MAX_TEXT)


@attrs.define
class Steps:
    """Each I-node's reasons, rebuttals and restatements, by node id."""

    reasons: dict[str, list[Step]]
    rebuttals: dict[str, list[Step]]
    restates: dict[str, list[Step]]


def build(graph: Graph, notes: list[str]) -> Steps:
    """Reasons, rebuttals and restatements of every I-node, with their undercuts attached."""
    inodes = [node.id for node in graph.of_type("I")]
    found = Steps({i: [] for i in inodes}, {i: [] for i in inodes}, {i: [] for i in inodes})
    steps: dict[str, list[Step]] = {}  # RA or CA node → its steps (one per conclusion)

    def of_type(kind: str) -> list[Node]:
        return sorted(graph.of_type(kind), key=lambda node: order(node.id))

    for node in of_type("RA"):
        premises = graph.linked(node.id, "in", "I")
        conclusions = graph.linked(node.id, "out", "I")
        if not premises or not conclusions:
            missing = "premise" if not premises else "conclusion"
            notes.append(f"RA node {node.id} has no {missing}; left out")
            continue
        if len(conclusions) > 1:
            notes.append(f"RA node {node.id} has {len(conclusions)} conclusions; one reason each")
        steps[node.id] = []
        for conclusion in conclusions:
            step = Step(node.id, list(premises), note_of(node), carried_scheme(node.raw))
            steps[node.id].append(step)
            found.reasons[conclusion].append(step)
    for node in of_type("MA"):
        sources = graph.linked(node.id, "in", "I")
        targets = graph.linked(node.id, "out", "I")
        if not sources or not targets:
            missing = "I-node it rephrases" if not sources else "I-node rephrasing it"
            notes.append(f"MA node {node.id} has no {missing}; left out")
            continue
        for target in targets:
            found.restates[target] += [Step(node.id, [source]) for source in sources]
    conflicts = of_type("CA")
    for node in conflicts:
        steps[node.id] = [Step(node.id, graph.linked(node.id, "in", "I"), note_of(node))]
    for node in conflicts:
        step = steps[node.id][0]
        targets = [
            end for end in graph.outgoing[node.id] if graph.nodes[end].type in ("I", "RA", "CA")
        ]
        if not step.members or not targets:
            missing = "attacking I-node" if not step.members else "target"
            notes.append(f"CA node {node.id} has no {missing}; left out")
            continue
        for number, target in enumerate(targets):
            copy = step if number == 0 else Step(node.id, step.members, step.note, None,
                                                 step.undercuts)  # fmt: skip
            if graph.nodes[target].type == "I":
                found.rebuttals[target].append(copy)
            elif target in steps and target != node.id:
                for attacked in steps[target]:
                    attacked.undercuts.append(copy)
            else:
                notes.append(f"CA node {node.id} attacks node {target}, which is left out or "
                             "itself; that attack is left out")  # fmt: skip
    unreached(found, [node.id for node in conflicts if node.id in steps], notes)
    return found


def unreached(found: Steps, conflicts: list[str], notes: list[str]) -> None:
    """Name the CA-nodes that no reason or rebuttal leads to through undercuts: attacks only
    on one another (a cycle), which the map, built from its claims, cannot reach."""
    stack = [step for steps in (*found.reasons.values(), *found.rebuttals.values())
             for step in steps]  # fmt: skip
    reached = {step.node for step in stack}
    while stack:
        for undercut in stack.pop().undercuts:
            if undercut.node not in reached:
                reached.add(undercut.node)
                stack.append(undercut)
    lost = [node for node in conflicts if node not in reached]
    if lost:
        many = len(lost) > 1
        notes.append(f"CA node{'s' * many} {', '.join(lost)} attack{'s' * (not many)} only "
                     "attacks that reach no claim or reason (a cycle of attacks on attacks); "
                     "left out")  # fmt: skip


def attacks_on(step: Step) -> str:
    """The CA-nodes attacking a step (and those attacking them), to name them when the step
    is left out: ``the attacks on it (CA nodes 8, 9)``, or "" for none."""
    found: dict[str, None] = {}
    stack = list(step.undercuts)
    while stack:
        undercut = stack.pop(0)
        if undercut.node not in found:
            found[undercut.node] = None
            stack += undercut.undercuts
    nodes = sorted(found, key=order)
    many = "s" * (len(nodes) > 1)
    return f"the attack{many} on it (CA node{many} {', '.join(nodes)})" if nodes else ""


def _along(step: Step) -> str:
    attacks = attacks_on(step)
    return f", with {attacks}" if attacks else ""


def tidy(reasons: dict[str, list[Step]], notes: list[str]) -> None:
    """Reasons as argmap accepts them: no claim among its own reasons, no single-claim reason
    twice, no support cycle. A reason left out takes the attacks on it along, named."""
    for claim, steps in reasons.items():
        singles: set[str] = set()
        for step in list(steps):
            members = list(dict.fromkeys(m for m in step.members if m != claim))
            if claim in step.members:
                notes.append(f"RA node {step.node}: node {claim} cannot support itself; "
                             f"left out{_along(step) if not members else ''}")  # fmt: skip
            if len(members) == 1 and members[0] in singles:
                notes.append(f"RA node {step.node} repeats a reason of node {claim}; left out"
                             f"{_along(step)}")  # fmt: skip
                members = []
            if not members:
                steps.remove(step)
                continue
            step.members = members
            if len(members) == 1:
                singles.add(members[0])
    for _, step, cycle in break_support_cycles(reasons, sorted(reasons, key=order)):
        notes.append(f"RA node {step.node} closes a support cycle (nodes {' → '.join(cycle)}); "
                     f"left out{_along(step)}")  # fmt: skip


def tidy_restatements(found: Steps, notes: list[str]) -> None:
    """Restatements as argmap accepts them: no claim restating itself, none twice, and none
    that would make a claim one statement with one that rebuts it (they would stand or fall
    together, so the attack would defeat itself): the MA-node that would is left out."""
    attacks = {(m, claim) for claim, steps in found.rebuttals.items() for s in steps
               for m in s.members}  # fmt: skip
    group = {claim: {claim} for claim in found.restates}  # the claims one statement with it
    pairs = [(s, claim) for claim, steps in found.restates.items() for s in steps]
    seen: set[tuple[str, str]] = set()
    for step, claim in sorted(pairs, key=lambda pair: order(pair[0].node)):
        source = step.members[0]
        both = group[claim] | group[source]
        clash = next(((a, b) for a, b in attacks if a in both and b in both), None)
        if source == claim:
            notes.append(f"MA node {step.node}: node {claim} cannot restate itself; left out")
        elif (claim, source) in seen:
            notes.append(f"MA node {step.node} repeats a restatement of node {source} by node "
                         f"{claim}; left out")  # fmt: skip
        elif clash is not None:
            notes.append(f"MA node {step.node} would make node {clash[0]} one statement with "
                         f"node {clash[1]}, which it attacks; left out")  # fmt: skip
        else:
            seen.add((claim, source))
            for member in both:
                group[member] = both
            continue
        found.restates[claim].remove(step)


__all__ = [
    "Step",
    "Steps",
    "attacks_on",
    "build",
    "note_of",
    "order",
    "tidy",
    "tidy_restatements",
    "unreached",
]
