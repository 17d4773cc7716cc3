"""AIF JSON → a checked graph: I-nodes with the reasons (RA) and objections (CA) that reach them.

The nodes and edges are read one by one; what is malformed is left out with a note that names
it (a node without id, an edge to an unknown node, a node id given twice). Then every RA-node
becomes a reason of each I-node it points to, made of the I-nodes pointing to it, and every
CA-node an objection, a rebuttal of an I-node or an undercut of an RA- or CA-node; a reason
that would not check clean (no premise or conclusion, a claim supporting itself, a reason given
twice, the one that closes a support cycle) is left out with a note. The dialogue layer (L, YA
and TA nodes) and the MA and PA nodes are left out and counted in one line each, with their
links; an edge that breaks AIF's rules (a support wired to a locution) is named.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs

from argmap.formats.base import FormatError

#: AIFdb's placeholder texts of RA and CA nodes (and ones seen in corpora): not notes.
GENERIC = frozenset({"", "RA", "CA", "Default Inference", "Default Conflict", "Default Rephrase"})
DIALOGUE = frozenset({"L", "YA", "TA"})
KNOWN = frozenset({"I", "RA", "CA", "MA", "PA", *DIALOGUE})
#: Edges of the argument layer that become reasons and objections.
STRUCTURE = frozenset({("I", "RA"), ("RA", "I"), ("I", "CA"), ("CA", "I"), ("CA", "RA"),
                       ("CA", "CA")})  # fmt: skip
#: Edges of the dialogue layer as AIF allows them: a locution (L) anchors an illocution (YA) in
#: the claim it asserts, a transition (TA) between locutions anchors one in a support, attack,
#: rephrase or preference, and a locution may report another.
DIALOGUE_LINKS = frozenset(
    {("L", "YA"), ("YA", "I"), ("YA", "RA"), ("YA", "CA"), ("YA", "MA"), ("YA", "PA"),
     ("TA", "YA"), ("L", "TA"), ("TA", "L"), ("YA", "L")}
)  # fmt: skip
MEANING = {"I": "claim", "RA": "support", "CA": "attack", "MA": "rephrase", "PA": "preference",
           "L": "locution", "YA": "illocution", "TA": "transition"}  # fmt: skip
#: At most this many MA or PA node ids are listed in their note.
MAX_LISTED = 10


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
        self.edges: list[tuple[str, str, str]] = []  # (edge label, tail, head), once each
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
        self.edges.append((str(label), tail, head))  # type: ignore[arg-type]
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


def left_out(graph: Graph, notes: list[str]) -> list[str]:
    """Notes on the nodes and edges left out; returns the summary for the map's note.

    Routine ones are counted in one line each: the dialogue layer with its links as AIF
    allows them (L → YA → I, YA → RA for arguing, ...), the MA and PA nodes with theirs. Each
    edge that breaks AIF's rules is named: a support or an attack wired to a locution, an
    edge between two I-nodes, ...
    """
    summary: list[str] = []
    named: list[str] = []  # edges that break the rules, after the routine summaries
    types = {node_id: node.type for node_id, node in graph.nodes.items()}
    routine: dict[str, Counter[tuple[str, str]]] = {"dialogue": Counter(), "MA": Counter(),
                                                    "PA": Counter()}  # fmt: skip
    for label, tail, head in graph.edges:
        pair = (types[tail], types[head])
        if pair in STRUCTURE or not set(pair) <= KNOWN:
            continue  # the structure, or the edge of a node left out as unknown
        if set(pair) & DIALOGUE:
            if pair in DIALOGUE_LINKS:
                routine["dialogue"][pair] += 1
            else:
                named.append(f"edge {label} wires {_named(tail, types)} to {_named(head, types)}, "
                             "which AIF does not allow; left out")  # fmt: skip
        elif set(pair) & {"MA", "PA"}:
            routine["MA" if "MA" in pair else "PA"][pair] += 1
        elif pair == ("I", "I"):
            named.append(f"edge between two I-nodes ({tail} → {head}); left out")
        else:
            named.append(f"edge {label} ({_named(tail, types)} → {_named(head, types)}) has no "
                         "meaning in AIF's argument layer; left out")  # fmt: skip
    dialogue = Counter(node.type for node in graph.nodes.values() if node.type in DIALOGUE)
    if dialogue:
        what = ", ".join(f"{dialogue[kind]} {kind}" for kind in sorted(dialogue))
        notes.append(f"the dialogue layer is left out: {what} nodes{_links(routine['dialogue'])}")
        summary.append(f"the dialogue layer ({what} nodes)")
    for kind, meaning in (("MA", "rephrase"), ("PA", "preference")):
        found = graph.of_type(kind)
        if found:
            ids = f": {', '.join(n.id for n in found)}" if len(found) <= MAX_LISTED else ""
            notes.append(f"{len(found)} {kind} nodes ({meaning}; the map format has no place "
                         f"for them) are left out{_links(routine[kind])}{ids}")  # fmt: skip
            summary.append(f"{len(found)} {kind} nodes ({meaning})")
    for node in graph.nodes.values():
        if node.type not in KNOWN:
            notes.append(f"node {node.id} has the unknown type '{node.type}'; left out")
    notes.extend(named)
    return summary


def _named(node: str, types: dict[str, str]) -> str:
    """``locution 15 (L)``: a node by what its type means, its id and its type."""
    return f"{MEANING[types[node]]} {node} ({types[node]})"


def _links(counts: Counter[tuple[str, str]]) -> str:
    """`` with their 12 links (L → YA 6, YA → I 6)``, or nothing."""
    if not counts:
        return ""
    each = ", ".join(f"{a} → {b} {n}" for (a, b), n in sorted(counts.items()))
    total = sum(counts.values())
    return f" with their {total} link{'s' if total > 1 else ''} ({each})"


def parse(data: bytes) -> dict[str, Any]:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise FormatError(f"not JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise FormatError("not AIF: the top level is not an object")
    return doc


__all__ = ["DIALOGUE", "GENERIC", "Graph", "Node", "Step", "build", "left_out", "parse",
           "step_note", "tidy"]  # fmt: skip
