"""ArgumentMap → SADFace JSON, with what SADFace has no place for under ``argmap`` metadata.

Each claim becomes an atom, each reason a scheme node named after its scheme (``support`` when
it has none) with an edge from each of its claims and one to the claim it supports, each
objection a ``conflict`` scheme pointing at the claim, support or conflict it attacks, each
restatement a ``rephrase`` scheme from the claim restated to the one restating it. The title
is the core metadata's ``title``, the thesis its ``claim``. Ids are UUIDs derived from the
claims' ids (version 5), and the dates fixed, so that the same map gives the same bytes; an
atom whose claim's note names its id (``SADFace atom a1``, as the import of a document argmap
did not write begins the note) gets that id back.
What SADFace has no place for (claim ids and kinds, quotes, notes, links, roles, the map's
language, note and source, contradictions, carried AIF data) goes under each node's and the
document's ``argmap`` metadata namespace, which SADFace allows and other tools ignore, and
which makes ``argmap → SADFace → argmap`` exact.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from argmap.formats.base import Exported, counted, held
from argmap.formats.json import claim_document, document
from argmap.formats.sadface.document import (
    CONFLICT,
    NAMES,
    NAMESPACE,
    REPHRASE,
    SUPPORT,
    atom_id,
    fold,
    support_scheme,
)
from argmap.formats.sadface.grounds import Grounds, resource
from argmap.model import ArgumentMap, Claim, Link, Relation, walk

#: The UUID namespace of the ids argmap derives (uuid5 of it and a claim's id, ...).
IDS = uuid.uuid5(uuid.NAMESPACE_URL, "https://pypi.org/project/argmap/#sadface")
TIMESTAMP = "1970-01-01T00:00:00"  # fixed, so that the same map gives the same bytes
#: The SADFace version whose core metadata argmap writes.
VERSION = "0.5"
#: A claim's fields the graph itself holds.
IN_GRAPH = ("id", "text", "reasons", "objections", "restates")
_GENERIC = frozenset(name for names in NAMES.values() for name in names)


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(IDS, "\x1f".join(parts)))


def _scheme_node(relation: Relation, node_id: str) -> dict[str, Any]:
    """The scheme node of a relation, with its note, scheme, critical questions and carried
    data as metadata."""
    if relation.link is Link.SUPPORT:
        scheme = relation.scheme
        name = scheme if scheme is not None and fold(scheme) not in _GENERIC else SUPPORT
    else:
        name = REPHRASE if relation.link is Link.RESTATE else CONFLICT
    ours: dict[str, Any] = {}
    if relation.note is not None:
        ours["note"] = relation.note
    if relation.question:
        ours["question"] = list(relation.question)
    if relation.link is Link.SUPPORT and support_scheme(name) != relation.scheme:
        ours["scheme"] = relation.scheme
    carried = relation.aif
    if carried is not None:
        ours["aif"] = carried.value
    metadata: dict[str, Any] = {"core": {}}
    if ours:
        metadata[NAMESPACE] = ours
    return {"id": node_id, "type": "scheme", "name": name, "metadata": metadata}


def _atom_ids(claims: list[Claim]) -> dict[str, str]:
    """Each claim's atom id: the one its note names (``SADFace atom a1``, as the import of a
    document argmap did not write names it), else one made from its id; ids stay unique."""
    made = {claim.id: _uuid("claim", claim.id) for claim in claims}
    taken = set(made.values())
    for claim in claims:
        named = atom_id(claim.note)
        if named is not None and named not in taken:
            taken.add(named)
            made[claim.id] = named
    return made


def graph(
    amap: ArgumentMap, grounds: Grounds | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, str]]:
    """The map's atoms (with their sources, given the ``grounds`` of the source text) and
    scheme nodes, its edges, and the atom id of each claim."""
    by_id = amap.by_id()
    drawn = [claim for claim in amap.claims if by_id[claim.id] is claim]
    atoms = _atom_ids(drawn)
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def edge(tail: str, head: str) -> None:
        if (tail, head) not in seen:
            seen.add((tail, head))
            edges.append({"id": _uuid("edge", tail, head), "source_id": tail, "target_id": head})

    for claim in drawn:
        ours = {"id": claim.id, "kind": claim.kind.value}
        ours.update((k, v) for k, v in claim_document(claim).items() if k not in IN_GRAPH)
        sources = grounds.sources(claim) if grounds is not None else []
        if grounds is not None and claim.id in grounds.unlocated:
            ours["unlocated"] = grounds.unlocated[claim.id]
        nodes.append({"id": atoms[claim.id], "type": "atom", "text": claim.text,
                      "sources": sources, "metadata": {"core": {}, NAMESPACE: ours}})  # fmt: skip
    for claim in drawn:
        made: dict[Relation, str] = {}
        for number, relation in enumerate(walk(claim), 1):
            if relation.link is Link.CONTRADICT:
                continue  # kept with the claim, under its argmap metadata
            node_id = made[relation] = _uuid("relation", claim.id, str(number))
            nodes.append(_scheme_node(relation, node_id))
            for ref in relation.claims:
                if ref.id in atoms:
                    edge(atoms[ref.id], node_id)
            head = atoms[claim.id] if relation.on is None else made[relation.on]
            edge(node_id, head)
    return nodes, edges, atoms


def write(amap: ArgumentMap, *, source: str | None = None) -> Exported:
    """The map as a SADFace document, with what SADFace has no place for under ``argmap``
    metadata. Given the text of the map's ``source`` (as ``argmap check`` reads it), the
    document's one resource holds it and each quote is an atom source located in it
    (:mod:`argmap.formats.sadface.grounds`)."""
    resources: list[dict[str, Any]] = []
    grounds = None
    if source is not None and amap.source is not None:
        resources.append(resource(_uuid("resource", source), source, amap.source))
        grounds = Grounds(resources[0]["id"], source)
    nodes, edges, atoms = graph(amap, grounds)
    theses = [claim.id for claim in amap.claims if claim.thesis and claim.id in atoms]
    content = json.dumps([amap.title, nodes, edges], ensure_ascii=False, sort_keys=True)
    core: dict[str, Any] = {
        "analyst_email": "", "analyst_name": "", "created": TIMESTAMP, "edited": TIMESTAMP,
        "id": _uuid("document", content), "version": VERSION, "title": amap.title,
        "description": "", "notes": "",
    }  # fmt: skip
    if len(theses) == 1:
        core["claim"] = atoms[theses[0]]
    ours = {k: v for k, v in document(amap).items() if k in ("lang", "note", "source", "aif")}
    metadata: dict[str, Any] = {"core": core}
    if ours:
        metadata[NAMESPACE] = ours
    data = {"metadata": metadata, "resources": resources, "nodes": nodes, "edges": edges}
    text = json.dumps(data, ensure_ascii=False, indent=2)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"
    grounded = grounds.losses() if grounds is not None else ()
    if amap.source is not None and grounds is None:
        grounded = ("the source text was not read: the document has no resource and its atoms "
                    "no sources (the quotes are kept under the 'argmap' metadata)",)  # fmt: skip
    return Exported(text, _losses(amap) + grounded)


def _losses(amap: ArgumentMap) -> tuple[str, ...]:
    """What only the ``argmap`` metadata carries, in words."""
    found = held(amap)
    extra = "".join(f", {said}" for said in counted(found, "quote", "claim note", "link", "role",
                    "contradiction", "relation note", "critical question"))  # fmt: skip
    what = ("claim ids and kinds" + (", the source" if amap.source else "")
            + (", the map's note" if amap.note else ""))  # fmt: skip
    named = sum(atom_id(claim.note) is not None for claim in amap.claims)
    if not named:
        ids = ("SADFace ids are made from the claim ids, and the core metadata has no analyst "
               f"and fixed dates ({TIMESTAMP}): the ids, analyst and dates of a document the map "
               "was imported from are not written back")  # fmt: skip
    else:
        ids = (f"the atoms of {named} claim{'s' * (named != 1)} get the ids their notes name "
               "('SADFace atom ID', as the import wrote them); the other SADFace ids are made "
               "from the claim ids, and the core metadata has no analyst and fixed dates "
               f"({TIMESTAMP}): the scheme and edge ids, analyst and dates of a document the "
               "map was imported from are not written back")  # fmt: skip
    return (
        f"SADFace has no place for {what}{extra}: they are kept under the 'argmap' metadata of "
        "each node and of the document, which other SADFace tools ignore",
        ids,
    )


__all__ = ["IDS", "TIMESTAMP", "VERSION", "graph", "write"]
