"""ArgumentMap → SADFace JSON, with what SADFace has no place for under ``argmap`` metadata.

Each claim becomes an atom, each reason a scheme node named after its scheme (``support`` when
it has none) with an edge from each of its claims and one to the claim it supports, each
objection a ``conflict`` scheme pointing at the claim, support or conflict it attacks, each
restatement a ``rephrase`` scheme from the claim restated to the one restating it. The title
is the core metadata's ``title``, the thesis its ``claim``. Ids are those the map carries
(``sadface:``, as the import of a document keeps them), the others UUIDs derived from the
claims' ids (version 5) (:mod:`argmap.formats.sadface.ids`), and the dates fixed but those the
map carries, so that the same map gives the same bytes. The source text, when given, is the
document's resource and each quote an atom source (:mod:`argmap.formats.sadface.grounds`).
What SADFace has no place for (claim ids and kinds, quotes, notes, links, roles, the map's
language, note and source, contradictions, carried AIF data) goes under each node's and the
document's ``argmap`` metadata namespace, which SADFace allows and other tools ignore, and
which makes ``argmap → SADFace → argmap`` exact.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.formats.base import Exported, counted, held
from argmap.formats.json import claim_document, document
from argmap.formats.sadface.document import (
    CARRIED_CORE,
    CONFLICT,
    NAMES,
    NAMESPACE,
    REPHRASE,
    SUPPORT,
    fold,
    support_scheme,
)
from argmap.formats.sadface.grounds import Grounds, resource
from argmap.formats.sadface.ids import IDS, Ids, carried, made
from argmap.model import ArgumentMap, Link, Relation, relations, walk

TIMESTAMP = "1970-01-01T00:00:00"  # fixed, so that the same map gives the same bytes
#: The SADFace version whose core metadata argmap writes.
VERSION = "0.5"
#: A claim's fields the graph itself holds.
IN_GRAPH = ("id", "text", "reasons", "objections", "restates")
_GENERIC = frozenset(name for names in NAMES.values() for name in names)


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
    for key, data in (("aif", relation.aif), ("sadface", relation.sadface)):
        if data is not None:
            ours[key] = data.value
    metadata: dict[str, Any] = {"core": {}}
    if ours:
        metadata[NAMESPACE] = ours
    return {"id": node_id, "type": "scheme", "name": name, "metadata": metadata}


def graph(
    amap: ArgumentMap, grounds: Grounds | None = None, ids: Ids | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, str]]:
    """The map's atoms (with their sources, given the ``grounds`` of the source text) and
    scheme nodes, its edges, and the atom id of each claim (:mod:`argmap.formats.sadface.ids`)."""
    ids = Ids() if ids is None else ids
    by_id = amap.by_id()
    drawn = [claim for claim in amap.claims if by_id[claim.id] is claim]
    atoms = ids.atoms(drawn)
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def edge(tail: str, head: str, wanted: object) -> None:
        if (tail, head) not in seen:
            seen.add((tail, head))
            edge_id = ids.take(wanted, "edge", tail, head)
            edges.append({"id": edge_id, "source_id": tail, "target_id": head})

    for claim in drawn:
        ours = {"id": claim.id, "kind": claim.kind.value}
        ours.update((k, v) for k, v in claim_document(claim).items() if k not in IN_GRAPH)
        sources = grounds.sources(claim) if grounds is not None else []
        if grounds is not None and claim.id in grounds.unlocated:
            ours["unlocated"] = grounds.unlocated[claim.id]
        nodes.append({"id": atoms[claim.id], "type": "atom", "text": claim.text,
                      "sources": sources, "metadata": {"core": {}, NAMESPACE: ours}})  # fmt: skip
    for claim in drawn:
        schemes: dict[Relation, str] = {}  # each relation's scheme node
        for number, relation in enumerate(walk(claim), 1):
            if relation.link is Link.CONTRADICT:
                continue  # kept with the claim, under its argmap metadata
            wanted = carried(relation.sadface)
            node_id = schemes[relation] = ids.take(wanted, "relation", claim.id, str(number))
            nodes.append(_scheme_node(relation, node_id))
            for ref in relation.claims:
                if ref.id in atoms:
                    edge(atoms[ref.id], node_id, carried(relation.sadface, "from", atoms[ref.id]))
            head = atoms[claim.id] if relation.on is None else schemes[relation.on]
            edge(node_id, head, carried(relation.sadface, "to", head))
    return nodes, edges, atoms


def write(amap: ArgumentMap, *, source: str | None = None) -> Exported:
    """The map as a SADFace document, with what SADFace has no place for under ``argmap``
    metadata. Given the text of the map's ``source`` (as ``argmap check`` reads it), the
    document's one resource holds it and each quote is an atom source located in it
    (:mod:`argmap.formats.sadface.grounds`)."""
    resources: list[dict[str, Any]] = []
    grounds, ids = None, Ids()
    if source is not None and amap.source is not None:
        rid = ids.take(carried(amap.sadface, "resource"), "resource", source)
        resources.append(resource(rid, source, amap.source))
        grounds = Grounds(rid, source)
    nodes, edges, atoms = graph(amap, grounds, ids)
    theses = [claim.id for claim in amap.claims if claim.thesis and claim.id in atoms]
    content = json.dumps([amap.title, nodes, edges], ensure_ascii=False, sort_keys=True)
    core: dict[str, Any] = {
        "analyst_email": "", "analyst_name": "", "created": TIMESTAMP, "edited": TIMESTAMP,
        "id": made("document", content), "version": VERSION, "title": amap.title,
        "description": "", "notes": "",
    }  # fmt: skip
    theirs = carried(amap.sadface, "core")  # the document's the map was imported from
    if isinstance(theirs, dict):
        core.update((k, v) for k in CARRIED_CORE if isinstance(v := theirs.get(k), str))
    if len(theses) == 1:
        core["claim"] = atoms[theses[0]]
    ours = {k: v for k, v in document(amap).items()
            if k in ("lang", "note", "source", "aif", "sadface")}  # fmt: skip
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
    return Exported(text, _losses(amap, ids, grounds is not None) + grounded)


def _losses(amap: ArgumentMap, given: Ids, grounded: bool) -> tuple[str, ...]:
    """What only the ``argmap`` metadata carries, in words (the quotes too, unless they are
    atom sources: ``grounded``)."""
    found = held(amap)
    names = ("quote",) * (not grounded) + ("claim note", "link", "role", "contradiction",
                                            "relation note", "critical question")  # fmt: skip
    extra = "".join(f", {said}" for said in counted(found, *names))
    what = ("claim ids and kinds" + (", the source" if amap.source else "")
            + (", the map's note" if amap.note else ""))  # fmt: skip
    held_ids = (
        amap.sadface is not None
        or any(relation.sadface is not None for relation in relations(amap))
        or any(claim.sadface is not None for claim in amap.claims)
    )
    if held_ids or given.named:
        ids = ("the SADFace ids the map carries ('sadface:', as the import keeps a document's"
               + (f"; and {given.named} atom id{'s' * (given.named != 1)} the notes name, as an "
                  "import before wrote them" if given.named else "")
               + "), and its analyst and dates, are written back; the other ids are made from "
               f"the claim ids, and dates it does not carry fixed ({TIMESTAMP})")  # fmt: skip
    else:
        ids = ("SADFace ids are made from the claim ids (the map carries none: 'sadface:'), "
               f"and the core metadata has no analyst and fixed dates ({TIMESTAMP})")  # fmt: skip
    return (
        f"SADFace has no place for {what}{extra}: they are kept under the 'argmap' metadata of "
        "each node and of the document, which other SADFace tools ignore",
        ids,
    )


__all__ = ["IDS", "TIMESTAMP", "VERSION", "graph", "write"]
