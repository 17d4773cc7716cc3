"""AIF JSON → its graph of nodes and edges, checked one by one, and the reasons and objections
it states, tidied so that the map made of them checks clean; what is wrong goes to notes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import attrs

from argmap.formats.base import FormatError

#: AIFdb's placeholder texts of RA and CA nodes (and ones seen in corpora): not notes.
GENERIC = frozenset({"", "RA", "CA", "Default Inference", "Default Conflict", "Default Rephrase"})
DIALOGUE = frozenset({"L", "YA", "TA"})


@attrs.define
class Node:
    id: str
    type: str
    text: str
    scheme: str | None


@attrs.define(eq=False)
class Step:
    """A reason (from an RA-node) or an objection (from a CA-node)."""

    node: str
    members: list[str]  # I-node ids
    note: str | None = None
    undercuts: list[Step] = attrs.Factory(list)  # objections to this step


class Graph:
    """The nodes and edges of an AIF file, checked one by one; what is wrong goes to notes."""

    def __init__(self, data: dict[str, Any], notes: list[str]) -> None:
        self.notes = notes
        self.nodes: dict[str, Node] = {}
        self.incoming: dict[str, list[str]] = {}
        self.outgoing: dict[str, list[str]] = {}
        raw_nodes = data.get("nodes")
        if not isinstance(raw_nodes, list):
            raise FormatError("not AIF: no 'nodes' list")
        for number, raw in enumerate(raw_nodes, 1):
            self._node(number, raw)
        raw_edges = data.get("edges", [])
        if not isinstance(raw_edges, list):
            notes.append("'edges' is not a list; no edges read")
            raw_edges = []
        for number, raw in enumerate(raw_edges, 1):
            self._edge(number, raw)

    def _node(self, number: int, raw: object) -> None:
        if not isinstance(raw, dict):
            self.notes.append(f"node {number} of the list is not an object; left out")
            return
        node_id, kind, text = raw.get("nodeID"), raw.get("type"), raw.get("text", "")
        if isinstance(node_id, bool) or not isinstance(node_id, (str, int)) or str(node_id) == "":
            self.notes.append(f"node {number} of the list has no nodeID; left out")
            return
        node_id = str(node_id)
        if node_id in self.nodes:
            self.notes.append(f"node {node_id} is defined twice; the first is kept")
            return
        if not isinstance(kind, str):
            self.notes.append(f"node {node_id} has no type; left out")
            return
        scheme = raw.get("scheme")
        self.nodes[node_id] = Node(
            node_id,
            kind,
            text if isinstance(text, str) else "",
            scheme if isinstance(scheme, str) and scheme.strip() else None,
        )
        self.incoming[node_id] = []
        self.outgoing[node_id] = []

    def _edge(self, number: int, raw: object) -> None:
        if not isinstance(raw, dict):
            self.notes.append(f"edge {number} of the list is not an object; left out")
            return
        ends = [raw.get("fromID"), raw.get("toID")]
        ends = [str(end) if isinstance(end, (str, int)) and not isinstance(end, bool) else None
                for end in ends]  # fmt: skip
        label = raw.get("edgeID", number)
        if None in ends or any(end not in self.nodes for end in ends):
            self.notes.append(f"edge {label} joins unknown nodes ({ends[0]} → {ends[1]}); left out")
            return
        tail, head = ends  # type: ignore[misc]
        if head in self.outgoing[tail]:
            return  # the same edge twice says nothing more
        self.outgoing[tail].append(head)  # type: ignore[index]
        self.incoming[head].append(tail)  # type: ignore[index]

    def of_type(self, kind: str) -> list[Node]:
        return [node for node in self.nodes.values() if node.type == kind]

    def linked(self, node: str, direction: str, kind: str) -> list[str]:
        ends = self.incoming[node] if direction == "in" else self.outgoing[node]
        return [end for end in ends if self.nodes[end].type == kind]


def step_note(node: Node) -> str | None:
    parts = [] if node.text.strip() in GENERIC else [node.text.strip()]
    if node.scheme and node.scheme not in GENERIC:
        parts.append(f"scheme: {node.scheme}")
    return "; ".join(parts) or None


def build(graph: Graph, notes: list[str]) -> tuple[dict[str, list[Step]], dict[str, list[Step]]]:
    """Reasons and rebuttals of every I-node, with their undercuts attached."""
    reasons: dict[str, list[Step]] = {node.id: [] for node in graph.of_type("I")}
    rebuttals: dict[str, list[Step]] = {node.id: [] for node in graph.of_type("I")}
    steps: dict[str, list[Step]] = {}  # RA or CA node → its steps (one per conclusion)
    for node in graph.of_type("RA"):
        premises = graph.linked(node.id, "in", "I")
        conclusions = graph.linked(node.id, "out", "I")
        odd = [end for end in graph.outgoing[node.id] if graph.nodes[end].type not in ("I", "CA")]
        odd += [end for end in graph.incoming[node.id] if graph.nodes[end].type not in ("I", "CA")]
        if odd:
            notes.append(f"RA node {node.id} is linked to {', '.join(odd)} (not I- or CA-nodes); "
                         "those links are left out")  # fmt: skip
        if not premises or not conclusions:
            missing = "premise" if not premises else "conclusion"
            notes.append(f"RA node {node.id} has no {missing}; left out")
            continue
        if len(conclusions) > 1:
            notes.append(f"RA node {node.id} has {len(conclusions)} conclusions; one reason each")
        steps[node.id] = []
        for conclusion in conclusions:
            step = Step(node.id, list(premises), step_note(node))
            steps[node.id].append(step)
            reasons[conclusion].append(step)
    conflicts = graph.of_type("CA")
    for node in conflicts:
        steps[node.id] = [Step(node.id, graph.linked(node.id, "in", "I"), step_note(node))]
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
            copy = step if number == 0 else Step(node.id, step.members, step.note, step.undercuts)
            if graph.nodes[target].type == "I":
                rebuttals[target].append(copy)
            elif target in steps and target != node.id:
                for attacked in steps[target]:
                    attacked.undercuts.append(copy)
            else:
                notes.append(f"CA node {node.id} attacks node {target}, which is left out or "
                             "itself; that attack is left out")  # fmt: skip
    return reasons, rebuttals


def _find_cycle(reasons: dict[str, list[Step]]) -> tuple[str, Step, list[str]] | None:
    """A reason that closes a support cycle: (its claim, the reason, the cycle's node ids)."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    def pairs(claim: str) -> Iterator[tuple[Step, str]]:
        return iter([(step, member) for step in reasons[claim] for member in step.members])

    for start in reasons:
        if state.get(start):
            continue
        state[start], path, stack = 1, [start], [pairs(start)]
        while stack:
            pair = next(stack[-1], None)
            if pair is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            step, member = pair
            if state.get(member) == 1:
                return path[-1], step, [member, *reversed(path[path.index(member) :])]
            if not state.get(member):
                state[member] = 1
                path.append(member)
                stack.append(pairs(member))
    return None


def tidy(reasons: dict[str, list[Step]], notes: list[str]) -> None:
    """Reasons as argmap accepts them: no claim among its own reasons, no single-claim reason
    twice, no support cycle."""
    for claim, steps in reasons.items():
        singles: set[str] = set()
        for step in list(steps):
            members = list(dict.fromkeys(m for m in step.members if m != claim))
            if claim in step.members:
                notes.append(f"RA node {step.node}: node {claim} cannot support itself; left out")
            if len(members) == 1 and members[0] in singles:
                notes.append(f"RA node {step.node} repeats a reason of node {claim}; left out")
                members = []
            if not members:
                steps.remove(step)
                continue
            step.members = members
            if len(members) == 1:
                singles.add(members[0])
    while (found := _find_cycle(reasons)) is not None:
        claim, step, cycle = found
        notes.append(
            f"RA node {step.node} closes a support cycle (nodes {' → '.join(cycle)}); left out"
        )
        reasons[claim].remove(step)


def parse(data: bytes) -> dict[str, Any]:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise FormatError(f"not JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise FormatError("not AIF: the top level is not an object")
    return doc


__all__ = ["DIALOGUE", "GENERIC", "Graph", "Node", "Step", "build", "parse", "step_note", "tidy"]
