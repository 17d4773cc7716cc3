"""AIF JSON → a checked graph of nodes and edges, and notes on what the map will leave out.

The nodes and edges are read one by one; what is malformed is left out with a note that names
it (a node without id, an edge to an unknown node, a node id given twice), and kept as the file
has it. The dialogue layer (L, YA and TA nodes) and the PA nodes are not part of the argument
the map draws: they are counted in one line each, with their links; an edge that breaks AIF's
rules (a support wired to a locution) is named. :mod:`argmap.formats.aif.steps` turns the
graph's RA, CA and MA nodes into reasons, objections and restatements.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import attrs

from argmap.analysis.schemes import key, scheme_of
from argmap.formats.base import FormatError, clean_text, json_object, shorten
from argmap.formats.sniff import XAIF, xaif_graph
from argmap.model.keys import MAX_CLAIM_TEXT, MAX_SCHEME

#: The key of the top-level object under which argmap writes what AIF has no place for.
EXTENSION = "argmap"
#: AIFdb's placeholder texts of RA and CA nodes (and ones seen in corpora): not notes.
GENERIC = frozenset({"", "RA", "CA", "Default Inference", "Default Conflict", "Default Rephrase"})
DIALOGUE = frozenset({"L", "YA", "TA"})
KNOWN = frozenset({"I", "RA", "CA", "MA", "PA", *DIALOGUE})
#: Edges of the argument layer that become reasons, objections and restatements.
STRUCTURE = frozenset({("I", "RA"), ("RA", "I"), ("I", "CA"), ("CA", "I"), ("CA", "RA"),
                       ("CA", "CA"), ("I", "MA"), ("MA", "I")})  # fmt: skip
#: Edges of the dialogue layer as AIF allows them: a locution (L) anchors an illocution (YA) in
#: the claim it asserts, a transition (TA) between locutions anchors one in a support, attack,
#: rephrase or preference, and a locution may report another.
DIALOGUE_LINKS = frozenset(
    {("L", "YA"), ("YA", "I"), ("YA", "RA"), ("YA", "CA"), ("YA", "MA"), ("YA", "PA"),
     ("TA", "YA"), ("L", "TA"), ("TA", "L"), ("YA", "L")}
)  # fmt: skip
MEANING = {"I": "claim", "RA": "support", "CA": "attack", "MA": "rephrase", "PA": "preference",
           "L": "locution", "YA": "illocution", "TA": "transition"}  # fmt: skip
#: At most this many PA node ids are listed in their note.
MAX_LISTED = 10


@attrs.define
class Node:
    id: str
    type: str
    text: str
    scheme: str | None
    raw: dict[str, Any]  # the node as the file has it


@attrs.define
class Edge:
    label: str
    tail: str
    head: str
    raw: dict[str, Any]  # the edge as the file has it


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
        self.edges: list[Edge] = []  # once each
        # What the file lists but the graph could not take in (a node without id, a node id
        # given twice, an edge to an unknown node, an edge given twice), as the file has it.
        self.unread_nodes: list[Any] = []
        self.unread_edges: list[Any] = []
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
            self.unread_nodes.append(raw)
            return
        node_id, kind, text = raw.get("nodeID"), raw.get("type"), raw.get("text", "")
        if isinstance(node_id, bool) or not isinstance(node_id, (str, int)) or str(node_id) == "":
            self.notes.append(f"node {number} of the list has no nodeID; left out")
            self.unread_nodes.append(raw)
            return
        node_id = str(node_id)
        if node_id in self.nodes:
            self.notes.append(f"node {node_id} is defined twice; the first is kept")
            self.unread_nodes.append(raw)
            return
        if not isinstance(kind, str):
            self.notes.append(f"node {node_id} has no type; left out")
            self.unread_nodes.append(raw)
            return
        scheme = raw.get("scheme")
        self.nodes[node_id] = Node(
            node_id,
            kind,
            text if isinstance(text, str) else "",
            scheme if isinstance(scheme, str) and scheme.strip() else None,
            raw,
        )
        self.incoming[node_id] = []
        self.outgoing[node_id] = []

    def _edge(self, number: int, raw: object) -> None:
        if not isinstance(raw, dict):
            self.notes.append(f"edge {number} of the list is not an object; left out")
            self.unread_edges.append(raw)
            return
        ends = [raw.get("fromID"), raw.get("toID")]
        ends = [str(end) if isinstance(end, (str, int)) and not isinstance(end, bool) else None
                for end in ends]  # fmt: skip
        label = raw.get("edgeID", number)
        if None in ends or any(end not in self.nodes for end in ends):
            self.notes.append(f"edge {label} joins unknown nodes ({ends[0]} → {ends[1]}); left out")
            self.unread_edges.append(raw)
            return
        tail, head = ends  # type: ignore[misc]
        if head in self.outgoing[tail]:
            self.unread_edges.append(raw)
            return  # the same edge twice says nothing more
        self.outgoing[tail].append(head)  # type: ignore[index]
        self.edges.append(Edge(str(label), tail, head, raw))  # type: ignore[arg-type]
        self.incoming[head].append(tail)  # type: ignore[index]

    def of_type(self, kind: str) -> list[Node]:
        return [node for node in self.nodes.values() if node.type == kind]

    def linked(self, node: str, direction: str, kind: str) -> list[str]:
        ends = self.incoming[node] if direction == "in" else self.outgoing[node]
        return [end for end in ends if self.nodes[end].type == kind]


def left_out(graph: Graph, notes: list[str]) -> list[str]:
    """Notes on the nodes and edges the map leaves out (the map carries them for the export
    back to AIF); returns the summary for the map's note.

    Routine ones are counted in one line each: the dialogue layer with its links as AIF
    allows them (L → YA → I, YA → RA for arguing, ...), the PA nodes with theirs. Each edge
    that breaks AIF's rules is named: a support or an attack wired to a locution, an edge
    between two I-nodes, ...
    """
    summary: list[str] = []
    named: list[str] = []  # edges that break the rules, after the routine summaries
    types = {node_id: node.type for node_id, node in graph.nodes.items()}
    routine: dict[str, Counter[tuple[str, str]]] = {"dialogue": Counter(), "PA": Counter()}
    for edge in graph.edges:
        label, tail, head = edge.label, edge.tail, edge.head
        pair = (types[tail], types[head])
        if pair in STRUCTURE or not set(pair) <= KNOWN:
            continue  # the structure, or the edge of a node left out as unknown
        if set(pair) & DIALOGUE:
            if pair in DIALOGUE_LINKS:
                routine["dialogue"][pair] += 1
            else:
                named.append(f"edge {label} wires {_named(tail, types)} to {_named(head, types)}, "
                             "which AIF does not allow; left out")  # fmt: skip
        elif "PA" in pair:
            routine["PA"][pair] += 1
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
    found = graph.of_type("PA")
    if found:
        ids = f": {', '.join(n.id for n in found)}" if len(found) <= MAX_LISTED else ""
        one = len(found) == 1
        nodes, them, are = ("node", "it", "is") if one else ("nodes", "them", "are")
        links = _links(routine["PA"], one)
        notes.append(f"{len(found)} PA {nodes} (preference) {are} not drawn, nor weighed by "
                     "argmap eval (the map format has no place for preferences): the map "
                     f"carries {them}{links} under 'aif:', and export aif writes {them} back"
                     f"{ids}")  # fmt: skip
        summary.append(f"{len(found)} PA {nodes} (preference)")
    for node in graph.nodes.values():
        if node.type not in KNOWN:
            notes.append(f"node {node.id} has the unknown type '{node.type}'; left out")
    notes.extend(named)
    return summary


def _named(node: str, types: dict[str, str]) -> str:
    """``locution 15 (L)``: a node by what its type means, its id and its type."""
    return f"{MEANING[types[node]]} {node} ({types[node]})"


def _links(counts: Counter[tuple[str, str]], one: bool = False) -> str:
    """`` with their 12 links (L → YA 6, YA → I 6)`` (of ``one`` node: ``with its``), or
    nothing."""
    if not counts:
        return ""
    each = ", ".join(f"{a} → {b} {n}" for (a, b), n in sorted(counts.items()))
    total = sum(counts.values())
    return f" with {'its' if one else 'their'} {total} link{'s' if total > 1 else ''} ({each})"


def claim_text(text: str, node_id: str) -> str:
    """The text of the claim an I-node becomes: without the characters argmap refuses, cut at
    a word to the longest a claim may be (the whole is kept in its note), a placeholder when
    it is blank."""
    cleaned, _ = clean_text(text)
    if not cleaned.strip():
        return f"(I-node {node_id} has no text)"
    return shorten(cleaned, MAX_CLAIM_TEXT)


def specific_scheme(scheme: object) -> str | None:
    """An RA-node's scheme as a reason's ``scheme``: without the characters argmap refuses;
    None for none, a placeholder (``Default Inference``) or one longer than a scheme may be
    (the node's data keeps it as it was)."""
    if not isinstance(scheme, str):
        return None
    cleaned, _ = clean_text(scheme)
    if not cleaned.strip() or cleaned in GENERIC or len(cleaned) > MAX_SCHEME:
        return None
    return cleaned


#: How a scheme's name begins when argmap does not know the scheme ("Argument From Waste").
_NAMED = re.compile(r"(?:argument|appeal|inference)\s+(?:from|to|by)\s+\w", re.IGNORECASE)


def text_scheme(text: object) -> str | None:
    """The scheme an RA-node's text names, as OVA writes the scheme an analyst picks (often
    with no ``scheme`` field): a scheme argmap knows under any spelling (``ExpertOpinion``), or
    a name that begins as one (``Argument From Waste``); None for a placeholder or prose.

    >>> text_scheme("Argument From Expert Opinion"), text_scheme("Default Inference")
    ('Argument From Expert Opinion', None)
    >>> text_scheme("Argument from Waste"), text_scheme("The expert said so.")
    ('Argument from Waste', None)
    """
    scheme = specific_scheme(text)
    if scheme is None or re.search(r"[.,;:!?]", scheme) or len(scheme.split()) > 8:
        return None
    return scheme if scheme_of(scheme) is not None or _NAMED.match(scheme) else None


def same_scheme(one: str | None, other: str | None) -> bool:
    """Whether two names are those of one scheme (``Argument From Expert Opinion`` and
    ``Expert Opinion``), or both None."""
    if one is None or other is None:
        return one is other
    return key(one) == key(other)


def carried_scheme(data: dict[str, Any]) -> str | None:
    """The scheme the import read from an RA-node's carried data (see :func:`text_scheme`)."""
    scheme = data.get("scheme")
    if isinstance(scheme, str) and scheme.strip():
        return specific_scheme(scheme)
    return text_scheme(data.get("text"))


def unwrap(doc: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The AIF graph of a document (its nodes, edges, locutions, ...) and whether the document
    is xAIF, holding the graph under "AIF"."""
    inner = xaif_graph(doc)
    return (doc, False) if inner is None else (inner, True)


def parse(data: bytes) -> dict[str, Any]:
    """The top-level object of an AIF file. Raises FormatError when it is not JSON or not an
    object."""
    return json_object(data, "AIF", " (an AIF graph needs 3, and a map holds at most 16)")


__all__ = ["DIALOGUE", "EXTENSION", "GENERIC", "XAIF", "Edge", "Graph", "Node", "carried_scheme",
           "claim_text", "left_out",
           "parse", "same_scheme", "specific_scheme", "text_scheme", "unwrap"]  # fmt: skip
