"""ArgumentMap → AIF JSON (AIFdb's conventions), with what AIF cannot hold under an ``argmap`` key.

Each claim becomes an I-node, each reason an RA-node (``Default Inference``) with an edge from
each of its claims and one to the claim it supports, each objection a CA-node (``Default
Conflict``) pointing at the claim, RA-node or CA-node it attacks. Node ids are strings counted
from 1, timestamps fixed and ``locutions`` empty, so that the same map gives the same bytes.
What AIF has no place for (the title, the source, claim ids and kinds, quotes, notes, links,
...) goes under a top-level ``argmap`` key, which AIF tools ignore and which makes
``argmap → AIF → argmap`` exact.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.formats.aif.read import EXTENSION
from argmap.formats.base import Exported
from argmap.formats.json import claim_document, document
from argmap.model import ArgumentMap, Kind, Link, Ref, Relation, walk

TIMESTAMP = "1970-01-01 00:00:00"  # fixed, so that the same map gives the same bytes


def write(amap: ArgumentMap) -> Exported:
    """The map as AIF JSON, with what AIF cannot hold under the top-level ``argmap`` key."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    steps: dict[str, dict[str, str]] = {}

    def node(kind: str, text: str) -> str:
        node_id = str(len(nodes) + 1)
        nodes.append({"nodeID": node_id, "text": text, "type": kind, "timestamp": TIMESTAMP})
        return node_id

    def edge(tail: str, head: str) -> None:
        edges.append(
            {"edgeID": str(len(edges) + 1), "fromID": tail, "toID": head, "formEdgeID": None}
        )

    index: dict[str, str] = {}
    claims: dict[str, dict[str, Any]] = {}
    drawn = []
    for claim in amap.claims:
        if claim.id not in index:
            index[claim.id] = node("I", claim.text)
            extra = claim_document(claim)
            claims[index[claim.id]] = {
                "id": claim.id,
                "kind": claim.kind.value,
                **{
                    k: v
                    for k, v in extra.items()
                    if k not in ("id", "text", "reasons", "objections")
                },
            }
            drawn.append(claim)

    def step(kind: str, members: tuple[Ref, ...], head: str, note: str | None) -> str:
        step_id = node(kind, "Default Inference" if kind == "RA" else "Default Conflict")
        for ref in members:
            if ref.id in index:
                edge(index[ref.id], step_id)
        edge(step_id, head)
        if note is not None:
            steps[step_id] = {"note": note}
        return step_id

    made: dict[Relation, str] = {}  # a step or an attack → its RA- or CA-node
    for claim in drawn:
        for relation in walk(claim):
            if relation.link is Link.CONTRADICT:
                continue  # kept with the claim, under the extension
            head = index[claim.id] if relation.on is None else made[relation.on]
            kind = "RA" if relation.link is Link.SUPPORT else "CA"
            made[relation] = step(kind, relation.claims, head, relation.note)
    top = {k: v for k, v in document(amap).items() if k not in [kind.section for kind in Kind]}
    data = {"nodes": nodes, "edges": edges, "locutions": [],
            EXTENSION: {**top, "claims": claims, "steps": steps}}  # fmt: skip
    return Exported(json.dumps(data, ensure_ascii=False, indent=1) + "\n", _losses(amap))


def _losses(amap: ArgumentMap) -> tuple[str, ...]:
    """What only the ``argmap`` key carries, in words."""
    counts = {
        "quotes": sum(len(claim.quotes) for claim in amap.claims),
        "claim notes": sum(claim.note is not None for claim in amap.claims),
        "links": sum(claim.url is not None for claim in amap.claims),
        "reason notes": sum(r.note is not None for claim in amap.claims for r in claim.reasons),
    }
    extra = ", ".join(f"{count} {what}" for what, count in counts.items() if count)
    what = (
        "the title" + (", the source" if amap.source else "") + (", the note" if amap.note else "")
    )
    return (
        f"AIF has no place for {what}, claim ids and kinds{', ' + extra if extra else ''}: "
        f"they are kept under the top-level '{EXTENSION}' key, which other AIF tools ignore",
    )


__all__ = ["TIMESTAMP", "write"]
