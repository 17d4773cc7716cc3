"""A SADFace document (JSON) → its atoms, scheme nodes and edges, checked one by one, and notes
on what the map will leave out.

SADFace (the Simple Argument Description Format of Simon Wells, Open-Argumentation/SADFace) is
a graph: ``atom`` nodes hold the claims' text, ``scheme`` nodes (named ``support``,
``conflict``, ``rephrase``, or after an argumentation scheme) join them, and edges run from an
atom to the scheme it takes part in and from the scheme to what it concludes or attacks. The
document's ``metadata`` holds a ``core`` block (analyst, dates, id, version, title, ...) and
namespaces of other tools; each node has its own ``metadata``, an atom its ``sources``
(passages of the document's ``resources``). Version 0.1 kept the core at the top level.
What is malformed is left out and counted, once per kind, as the other imports say it.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import attrs

from argmap.formats.base import FormatError, clean_text, json_object, some
from argmap.model.keys import MAX_SCHEME

#: The metadata namespace under which argmap writes what SADFace has no place for.
NAMESPACE = "argmap"
ATOM, SUPPORT, CONFLICT, REPHRASE = "atom", "support", "conflict", "rephrase"
#: Scheme names (folded: lower case, single spaces) that say what a scheme node does.
NAMES = {
    SUPPORT: {"", "support", "inference", "default support", "default inference", "pro"},
    CONFLICT: {"conflict", "attack", "disagreement", "disagree", "defeat", "rebut", "rebuttal",
               "undercut", "undermine", "default conflict", "con", "contra"},
    REPHRASE: {"rephrase", "restatement", "restate", "default rephrase"},
    "preference": {"preference", "default preference"},
}  # fmt: skip
_A = {ATOM: "an atom", SUPPORT: "a support scheme", CONFLICT: "a conflict scheme",
      REPHRASE: "a rephrase scheme"}  # fmt: skip
#: The longest node id argmap reads (SADFace's are UUIDs, 36 characters).
MAX_NODE_ID = 200
#: A claim's note, as the import of a document argmap did not write began it before the ids had
#: their place (``sadface:``), names the claim's atom (``SADFace atom a1``), and the export
#: writes that id back when the claim carries none: an id of text without white space or ``;``.
_ATOM_NOTE = re.compile(rf"SADFace atom ([^\s;]{{1,{MAX_NODE_ID}}})(?:;|$)")


def atom_id(note: str | None) -> str | None:
    """The atom id a claim's note names, as the import wrote it before ``sadface:``.

    >>> atom_id("SADFace atom a1; full text: ..."), atom_id("SADFace atoms a1"), atom_id(None)
    ('a1', None, None)
    """
    found = _ATOM_NOTE.match(note or "")
    return found[1] if found else None


#: The core metadata a map carries (``sadface:``) for the export back: not its title, thesis
#: and version, which the map holds or the export writes.
CARRIED_CORE = ("id", "analyst_name", "analyst_email", "created", "edited", "description", "notes")
#: The keys of the core metadata a map names in its note, in this order.
CORE = ("title", "description", "notes", "analyst_name", "analyst_email", "created", "edited",
        "id", "version", "claim")  # fmt: skip


def fold(name: str) -> str:
    """A scheme name as :data:`NAMES` spells them.

    >>> fold("  Default_Inference ")
    'default inference'
    """
    return " ".join(re.split(r"[\s_-]+", name.strip().casefold())).strip()


@attrs.define
class Node:
    """An atom (``role`` atom) or a scheme node (``role`` support, conflict or rephrase)."""

    id: str
    role: str
    text: str  # an atom's text; a scheme node's name
    scheme: str | None  # a support's argumentation scheme, unless a generic name
    raw: dict[str, Any]


@attrs.define
class Document:
    """The nodes argmap reads (in file order) with their edges, the core metadata, the
    ``argmap`` namespaces argmap wrote, and notes on the rest."""

    nodes: dict[str, Node] = attrs.Factory(dict)
    incoming: dict[str, list[str]] = attrs.Factory(dict)
    outgoing: dict[str, list[str]] = attrs.Factory(dict)
    core: dict[str, Any] = attrs.Factory(dict)
    extension: dict[str, Any] | None = None  # the document's own 'argmap' metadata
    notes: list[str] = attrs.Factory(list)
    edge_ids: dict[tuple[str, str], str] = attrs.Factory(dict)  # (tail, head) → the edge's id

    def of_role(self, role: str) -> list[Node]:
        return [node for node in self.nodes.values() if node.role == role]

    def scheme_ids(self, node: str) -> dict[str, Any]:
        """A scheme node's id and the ids of its edges, by the node at their other end
        (``from`` those from its atoms, ``to`` those to what it concludes or attacks; an
        undercut's edge is its conflict's), as a relation carries them."""
        out: dict[str, Any] = {"id": node}
        atoms = [tail for tail in self.incoming[node] if self.nodes[tail].role == ATOM]
        ends = (("from", atoms, False), ("to", self.outgoing[node], True))
        for key, others, out_of in ends:
            edges = {other: self.edge_ids.get((node, other) if out_of else (other, node))
                     for other in others}  # fmt: skip
            if any(edges.values()):
                out[key] = {other: eid for other, eid in edges.items() if eid is not None}
        return out

    def linked(self, node: str, direction: str, *roles: str) -> list[str]:
        ends = self.incoming[node] if direction == "in" else self.outgoing[node]
        return [end for end in ends if self.nodes[end].role in roles]


def namespace(raw: dict[str, Any]) -> dict[str, Any] | None:
    """A node's (or the document's) ``argmap`` metadata, or None."""
    metadata = raw.get("metadata")
    found = metadata.get(NAMESPACE) if isinstance(metadata, dict) else None
    return found if isinstance(found, dict) else None


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"


def _extra_metadata(raw: dict[str, Any]) -> bool:
    """Whether a node's metadata holds more than an empty core and argmap's namespace."""
    metadata = raw.get("metadata")
    if not isinstance(metadata, dict):
        return metadata not in (None, [], "")
    return any(value not in ({}, None) for key, value in metadata.items() if key != NAMESPACE)


def _role(kind: str, name: object) -> str | None:
    """What a node of type ``kind`` named ``name`` is, or None when the map has no place for it."""
    if kind == ATOM:
        return ATOM
    if kind == CONFLICT:  # SADFace's library writes a conflict as a node of its own type
        return CONFLICT
    if kind != "scheme":
        return None
    folded = fold(name) if isinstance(name, str) else ""
    for role, names in NAMES.items():
        if folded in names:
            return role if role != "preference" else None
    return SUPPORT  # a named argumentation scheme, an inference


def support_scheme(name: object) -> str | None:
    """A support's name as a reason's ``scheme``: None for a generic one, or one too long."""
    if not isinstance(name, str):
        return None
    cleaned = " ".join(clean_text(name)[0].split())
    if fold(cleaned) in NAMES[SUPPORT] or len(cleaned) > MAX_SCHEME:
        return None
    return cleaned


def read_document(doc: dict[str, Any]) -> Document:
    """The document's nodes and edges; raises FormatError when it has no list of nodes."""
    out = Document()
    raw_nodes = doc.get("nodes")
    if not isinstance(raw_nodes, list):
        raise FormatError("not SADFace: no 'nodes' list")
    left: Counter[tuple[str, str]] = Counter()  # what is left out: (one, many) → how many
    unread: set[str] = set()  # ids of nodes left out, whose edges go with them
    metadata = doc.get("metadata")
    core = metadata.get("core") if isinstance(metadata, dict) else None
    out.core = core if isinstance(core, dict) else {k: doc[k] for k in CORE if k in doc}  # 0.1
    out.extension = namespace(doc)
    for raw in raw_nodes:
        node_id = raw.get("id") if isinstance(raw, dict) else None
        if not _usable(node_id):
            left["node without a usable id (or not an object)",
                 "nodes without a usable id (or not objects)"] += 1  # fmt: skip
            continue
        node_id = str(node_id)
        if node_id in out.nodes or node_id in unread:
            left["node whose id an earlier node has", "nodes whose id an earlier node has"] += 1
            continue
        kind = raw.get("type")
        role = _role(kind, raw.get("name")) if isinstance(kind, str) else None
        if role is None:
            what = (f"'{str(raw.get('name'))[:60]}' scheme node" if kind == "scheme" else
                    f"node of the type '{kind[:60]}'" if isinstance(kind, str) else
                    "node without a type")  # fmt: skip
            many = what.replace("node", "nodes", 1)
            left[
                f"{what} (the map has no place for it)", f"{many} (the map has no place for them)"
            ] += 1
            unread.add(node_id)
            continue
        text = raw.get("text") if role == ATOM else raw.get("name")
        scheme = support_scheme(text) if role == SUPPORT else None
        out.nodes[node_id] = Node(node_id, role, text if isinstance(text, str) else "", scheme, raw)
        out.incoming[node_id], out.outgoing[node_id] = [], []
    raw_edges = doc.get("edges", [])
    if not isinstance(raw_edges, list):
        out.notes.append("'edges' is not a list; no edges read")
        raw_edges = []
    pairs: Counter[tuple[str, str]] = Counter()
    for raw in raw_edges:
        ends = [raw.get("source_id"), raw.get("target_id")] if isinstance(raw, dict) else [None]
        ends = [str(end) if _usable(end) else None for end in ends]
        if any(end in unread for end in ends):
            left["edge to or from a node left out", "edges to or from nodes left out"] += 1
        elif None in ends or any(end not in out.nodes for end in ends):
            left["edge joining a node the document does not have",
                 "edges joining nodes the document does not have"] += 1  # fmt: skip
        elif ends[1] not in out.outgoing[ends[0]]:  # the same edge twice says nothing more
            tail, head = ends  # type: ignore[misc]
            pair = (out.nodes[tail].role, out.nodes[head].role)  # type: ignore[index]
            if _meaningful(pair):
                out.outgoing[tail].append(head)  # type: ignore[index]
                out.incoming[head].append(tail)  # type: ignore[index]
                if _usable(raw.get("id")):
                    out.edge_ids[tail, head] = str(raw["id"])  # type: ignore[index]
            else:
                pairs[pair] += 1
    for (tail, head), number in sorted(pairs.items()):
        between = f"from {_A[tail]} to {_A[head]} (no meaning in SADFace)"
        left[f"edge {between}", f"edges {between}"] += number
    for (one, many), number in left.items():
        out.notes.append(f"{number} {one if number == 1 else many}; left out")
    _routine(doc, out)
    return out


def _usable(node_id: object) -> bool:
    """Whether a node id is one argmap keeps and names in its notes: text or a whole number, at
    most 200 characters, none that argmap refuses (SADFace's ids are UUIDs)."""
    if isinstance(node_id, bool) or not isinstance(node_id, (str, int)):
        return False
    text = str(node_id)
    return 0 < len(text) <= MAX_NODE_ID and text.strip() == text and not clean_text(text)[1]


def _meaningful(pair: tuple[str, str]) -> bool:
    """Whether an edge between nodes of these roles means something: an atom taking part in
    a scheme, a scheme concluding an atom, a conflict attacking a support or a conflict."""
    tail, head = pair
    if tail == ATOM:
        return head != ATOM
    if head == ATOM:
        return True
    return tail == CONFLICT and head in (SUPPORT, CONFLICT)


def text_resource(doc: dict[str, Any]) -> tuple[str, str] | None:
    """The id and text of the document's resource, when it has exactly one, of the type
    ``text``, holding text a source file may hold (:mod:`argmap.formats.sadface.sources`);
    its line ends written ``\\n``, as argmap reads a source file's."""
    resources = doc.get("resources")
    if not isinstance(resources, list) or len(resources) != 1:
        return None
    resource = resources[0]
    if not isinstance(resource, dict):
        return None
    content, rid = resource.get("content"), resource.get("id")
    if resource.get("type", "text") != "text" or not isinstance(content, str):
        return None
    content = content.replace("\r\n", "\n").replace("\r", "\n")  # Windows' line ends: as read
    if not content.strip() or clean_text(content)[1] or not _usable(rid):
        return None
    return str(rid), content


def _routine(doc: dict[str, Any], out: Document) -> None:
    """One note each, with a count, on what a map has no place for: the atoms' sources, the
    nodes' own metadata, the resources, other namespaces and keys of the document."""
    atoms = out.of_role(ATOM)
    sourced = [a for a in atoms if isinstance(a.raw.get("sources"), list) and a.raw["sources"]]
    resource = text_resource(doc)  # the map's source, whose notes the import says
    if sourced and resource is None:
        passages = sum(len(a.raw["sources"]) for a in sourced)
        out.notes.append(f"{_count(passages, 'source')} of {_count(len(sourced), 'atom')} "
                         "(passages of the resources) left out: a map quotes only its source "
                         "file")  # fmt: skip
    described = Counter(node.role if node.role == ATOM else "scheme"
                        for node in out.nodes.values() if _extra_metadata(node.raw))  # fmt: skip
    if described:
        what = " and ".join(_count(n, f"{role} node") for role, n in sorted(described.items()))
        out.notes.append(f"the metadata of {what} left out (the map has no place for it)")
    resources = doc.get("resources")
    if isinstance(resources, list) and resources and resource is None:
        out.notes.append(f"{_count(len(resources), 'resource')} (the texts analysed) left out: "
                         "a map's source is a text file beside it")  # fmt: skip
    metadata = doc.get("metadata") if isinstance(doc.get("metadata"), dict) else {}
    spaces = sorted(str(k) for k, v in metadata.items() if k not in ("core", NAMESPACE) and v)
    known = {"metadata", "nodes", "edges", "resources", *CORE}
    other = sorted(str(key) for key in doc if key not in known)
    for what, keys in (("metadata namespaces", spaces), ("top-level keys", other)):
        if keys:
            out.notes.append(f"the document's {what} {some(keys)[:300]} left out")


def parse(data: bytes) -> dict[str, Any]:
    """The top-level object of a SADFace file. Raises FormatError when it is not JSON, not an
    object, or nests deeper than argmap reads."""
    return json_object(data, "SADFace")


__all__ = ["ATOM", "CARRIED_CORE", "CONFLICT", "CORE", "MAX_NODE_ID", "NAMESPACE", "REPHRASE",
           "SUPPORT", "Document", "Node", "atom_id", "fold", "namespace", "parse", "read_document",
           "support_scheme", "text_resource"]  # fmt: skip
