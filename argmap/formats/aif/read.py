"""AIF JSON (AIFdb, OVA) → ArgumentMap: I-nodes are claims, RA-nodes reasons, CA-nodes objections.

The graph is read and checked by :mod:`argmap.formats.aif.graph`; here every I-node becomes a
claim (its id the first words of its text and its node id), its reasons and rebuttals follow
the RA- and CA-nodes that reach it, and an attack that would not check clean (a claim attacking
what it supports, attacks on attacks nested deeper than a map can hold) is left out with a
note. Text longer than a claim may hold is cut, the whole kept in the claim's note. The kind of
a claim with reasons is guessed from its wording (:mod:`argmap.formats.kinds`), and the note
says so. AIF written by argmap (:mod:`argmap.formats.aif.write`) carries the rest of the map
under its ``argmap`` key and comes back exact, kinds and ids included.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.formats.aif.graph import Graph, Step, build, left_out, parse, tidy
from argmap.formats.base import MAX_NESTED_ATTACKS, FormatError, Imported, clean_text, shorten
from argmap.formats.json import from_document
from argmap.formats.kinds import Guesses
from argmap.model import ArgumentMap, Kind
from argmap.model.keys import ID_PATTERN, MAX_CLAIM_TEXT, MAX_ID, MAX_TEXT, slugify

#: The extension key of the top-level object, which argmap writes and reads back.
EXTENSION = "argmap"
KINDS = frozenset(kind.value for kind in Kind)


class _Objections:
    """Objections as JSON data, leaving out what would not check clean."""

    def __init__(self, ids: dict[str, str], notes: list[str], step_note) -> None:
        self.ids, self.notes, self.step_note = ids, notes, step_note

    def list(
        self, steps: list[Step], owner: str, banned: set[str], seen: frozenset[str]
    ) -> list[dict[str, Any]]:
        """``steps`` attacking something of I-node ``owner``; attackers in ``banned`` (the
        owner itself, and for a direct attack the claims supporting what it attacks) and
        undercuts that lead back to a CA-node in ``seen`` are left out."""
        out: list[dict[str, Any]] = []
        plain: set[str] = set()
        for step in steps:
            if step.node in seen:
                self.notes.append(
                    f"CA node {step.node} undercuts an attack that leads back to it; left out"
                )
                continue
            if len(seen) > MAX_NESTED_ATTACKS:
                self.notes.append(f"CA node {step.node} attacks attacks on attacks nested more "
                                  f"than {MAX_NESTED_ATTACKS} deep; left out with any attacks on "
                                  "it")  # fmt: skip
                continue
            members = [m for m in dict.fromkeys(step.members) if m not in banned]
            if len(members) < len(set(step.members)):
                left = ", ".join(m for m in dict.fromkeys(step.members) if m in banned)
                self.notes.append(f"CA node {step.node}: node {left} would attack what it supports "
                                  f"or itself (through node {owner}); left out")  # fmt: skip
            if not members:
                continue
            nested = self.list(step.undercuts, owner, {owner}, seen | {step.node})
            note = self.step_note(step)
            if len(members) == 1 and not nested and note is None:
                if members[0] in plain:
                    continue  # the same plain objection twice says nothing more
                plain.add(members[0])
            item: dict[str, Any] = {"claims": [self.ids[m] for m in members]}
            if nested:
                item["objections"] = nested
            if note is not None:
                item["note"] = note
            out.append(item)
        return out


def _claim_id(text: str, node: str, taken: set[str]) -> str:
    """An id made of the first words of ``text`` and the node id: ``member-states-278``."""
    words = slugify(text).split("-")[:5]
    while len("-".join(words)) > 32 and len(words) > 1:
        words.pop()
    suffix = re.sub(r"[^a-z0-9]+", "-", node.lower()).strip("-") or "node"
    base = f"{'-'.join(words)[:32].strip('-')}-{suffix}"[:MAX_ID].strip("-")
    candidate, number = base, 1
    while candidate in taken or not ID_PATTERN.fullmatch(candidate):
        number += 1
        candidate = f"{base[: MAX_ID - 6]}-{number}"
    return candidate


def read(data: bytes, *, name: str) -> Imported:
    """An AIF JSON file as a map. The notes say what was left out or changed, and why.

    Raises:
        FormatError: the file is not JSON, or has no list of nodes.
    """
    doc = parse(data)
    notes: list[str] = []
    graph = Graph(doc, notes)
    if not graph.of_type("I"):
        raise FormatError("the graph has no I-nodes: no claims to import")
    summary = left_out(graph, notes)
    reasons, rebuttals = build(graph, notes)
    tidy(reasons, notes)
    extension = doc.get(EXTENSION)
    if isinstance(extension, dict):
        kept = list(notes)
        amap = _map(graph, reasons, rebuttals, name, summary, notes, extension)
        if amap is not None:
            return Imported(amap, tuple(notes))
        notes[:] = [*kept, f"the '{EXTENSION}' key is not as argmap writes it; ignored"]
    amap = _map(graph, reasons, rebuttals, name, summary, notes, None)
    if amap is None:  # pragma: no cover - the document is built to the format
        raise FormatError("the graph could not be made into a map")
    return Imported(amap, tuple(notes))


def _map(
    graph: Graph,
    reasons: dict[str, list[Step]],
    rebuttals: dict[str, list[Step]],
    name: str,
    summary: list[str],
    notes: list[str],
    extension: dict[str, Any] | None,
) -> ArgumentMap | None:
    ext_claims = extension.get("claims") if extension else None
    ext_claims = ext_claims if isinstance(ext_claims, dict) else {}
    ext_steps = extension.get("steps") if extension else None
    ext_steps = ext_steps if isinstance(ext_steps, dict) else {}

    def step_note(step: Step) -> str | None:
        if extension is None:
            return step.note
        entry = ext_steps.get(step.node)
        return entry.get("note") if isinstance(entry, dict) else None

    inodes = graph.of_type("I")
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for node in inodes:
        wanted = (
            ext_claims.get(node.id, {}).get("id")
            if isinstance(ext_claims.get(node.id), dict)
            else None
        )
        if isinstance(wanted, str) and ID_PATTERN.fullmatch(wanted) and wanted not in taken:
            ids[node.id] = wanted
        else:
            ids[node.id] = _claim_id(node.text, node.id, taken)
        taken.add(ids[node.id])
    objections = _Objections(ids, notes, step_note)
    guesses = Guesses(node.text for node in inodes)
    sections: dict[str, list[dict[str, Any]]] = {kind.section: [] for kind in Kind}
    for node in inodes:
        text, changed = clean_text(node.text)
        if changed:
            notes.append(
                f"I-node {node.id}: control or invisible direction characters taken out of its text"
            )
        if not text.strip():
            text = f"(I-node {node.id} has no text)"
            notes.append(f"I-node {node.id} has no text")
        extra = ext_claims.get(node.id)
        extra = (
            {
                k: v
                for k, v in extra.items()
                if k not in ("id", "text", "kind", "reasons", "objections")
            }
            if isinstance(extra, dict)
            else {}
        )
        claim: dict[str, Any] = {"id": ids[node.id], "text": text, **extra}
        if len(text) > MAX_CLAIM_TEXT:
            claim["text"] = shorten(text, MAX_CLAIM_TEXT)
            full = f"Full text: {text}"
            note = f"{extra['note']}\n\n{full}" if isinstance(extra.get("note"), str) else full
            claim["note"] = shorten(note, MAX_TEXT)
            notes.append(f"I-node {node.id}: its text is {len(text)} characters long; the claim "
                         f"shows the first {len(claim['text']) - 1} and its note keeps it all"
                         + (f" (cut at {MAX_TEXT})" if len(note) > MAX_TEXT else ""))  # fmt: skip
        supporters = {m for step in reasons[node.id] for m in step.members}
        claim_reasons = []
        for step in reasons[node.id]:
            reason: dict[str, Any] = {"claims": [ids[m] for m in step.members]}
            undercuts = objections.list(
                step.undercuts, node.id, {node.id, *supporters}, frozenset()
            )
            if undercuts:
                reason["objections"] = undercuts
            if step_note(step) is not None:
                reason["note"] = step_note(step)
            claim_reasons.append(reason)
        claim_objections = objections.list(
            rebuttals[node.id], node.id, {node.id, *supporters}, frozenset()
        )
        wanted = ext_claims.get(node.id)
        wanted_kind = wanted.get("kind") if isinstance(wanted, dict) else None
        if wanted_kind in KINDS and Kind(wanted_kind).takes_reasons == bool(claim_reasons):
            kind = Kind(wanted_kind)
        else:
            kind = guesses.kind(ids[node.id], text, has_reasons=bool(claim_reasons))
        if kind.takes_reasons:
            claim["reasons"] = claim_reasons
        if claim_objections:
            claim["objections"] = claim_objections
        sections[kind.section].append(claim)
    if (guessed := guesses.note()) is not None:
        notes.append(guessed)
    data: dict[str, Any] = {"argmap": "1", "title": re.sub(r"\.json$", "", name) or "AIF graph"}
    data["note"] = (
        f"Imported by argmap from {name} (AIF). Claim ids are the first words of each I-node's "
        "text and its node id; reasons are RA-nodes and objections CA-nodes."
        + (f" Left out: {'; '.join(summary)}." if summary else "")
    )
    if extension is not None:
        data = {"argmap": "1", "title": data["title"]}
        data.update({k: v for k, v in extension.items() if k not in ("claims", "steps", "argmap")})
    data.update({section: claims for section, claims in sections.items() if claims})
    return from_document(data, name)[0]


__all__ = ["EXTENSION", "read"]
