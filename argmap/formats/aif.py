"""AIF JSON (AIFdb, OVA) ↔ ArgumentMap: I-nodes are claims, RA-nodes reasons, CA-nodes objections.

Reading: every I-node becomes a claim; an RA-node a reason of the I-node it points to, made of
the I-nodes pointing to it (several: linked); a CA-node an objection to what it points to, made
of the I-nodes pointing to it: to an I-node it is a rebuttal, to an RA-node an undercut of that
reason, to a CA-node an undercut of that attack. The dialogue layer (L, YA, TA nodes) is left
out, and so are MA (rephrase) and PA (preference) nodes, which the map format has no place for;
the notes say how many. What would not check clean is left out with a note naming the nodes:
an RA or CA without premise or conclusion, an edge between two I-nodes, a claim supporting or
attacking itself, a support cycle, a claim both supporting and attacking the same claim.

Writing: the same in reverse, with AIFdb's conventions (string node ids, ``Default Inference``
and ``Default Conflict`` texts, timestamps, ``locutions``). What AIF has no place for (the
title, the source, claim ids and kinds, quotes, notes, links, ...) goes under a top-level
``argmap`` key, which AIF tools ignore and which makes ``argmap → AIF → argmap`` exact.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import attrs

from argmap.check import ID_PATTERN, MAX_ID, slugify
from argmap.formats import MAX_NESTED_ATTACKS, Exported, FormatError, Imported, kind_of
from argmap.formats.jsonfmt import claim_document, document, from_document
from argmap.loader import MAX_CLAIM_TEXT, MAX_TEXT
from argmap.model import ArgumentMap, Kind, Objection, Ref, attackers, undercutters
from argmap.yamlnodes import bad_character

#: The extension key of the top-level object.
EXTENSION = "argmap"
#: AIFdb's placeholder texts of RA and CA nodes (and ones seen in corpora): not notes.
GENERIC = frozenset({"", "RA", "CA", "Default Inference", "Default Conflict", "Default Rephrase"})
DIALOGUE = frozenset({"L", "YA", "TA"})
TIMESTAMP = "1970-01-01 00:00:00"  # fixed, so that the same map gives the same bytes


# --- reading -------------------------------------------------------------------------------


@attrs.define
class _Node:
    id: str
    type: str
    text: str
    scheme: str | None


@attrs.define(eq=False)
class _Step:
    """A reason (from an RA-node) or an objection (from a CA-node)."""

    node: str
    members: list[str]  # I-node ids
    note: str | None = None
    undercuts: list[_Step] = attrs.Factory(list)  # objections to this step


class _Graph:
    """The nodes and edges of an AIF file, checked one by one; what is wrong goes to notes."""

    def __init__(self, data: dict[str, Any], notes: list[str]) -> None:
        self.notes = notes
        self.nodes: dict[str, _Node] = {}
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
        self.nodes[node_id] = _Node(
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

    def of_type(self, kind: str) -> list[_Node]:
        return [node for node in self.nodes.values() if node.type == kind]

    def linked(self, node: str, direction: str, kind: str) -> list[str]:
        ends = self.incoming[node] if direction == "in" else self.outgoing[node]
        return [end for end in ends if self.nodes[end].type == kind]


def _clean(text: str) -> tuple[str, bool]:
    """Text without the characters argmap refuses; whether any were taken out."""
    changed = False
    while (bad := bad_character(text)) is not None:
        index, _ = bad
        text = text[:index] + (" " if text[index] in "\r\x0b\x0c\x85" else "") + text[index + 1 :]
        changed = True
    return text, changed


def _step_note(node: _Node) -> str | None:
    parts = [] if node.text.strip() in GENERIC else [node.text.strip()]
    if node.scheme and node.scheme not in GENERIC:
        parts.append(f"scheme: {node.scheme}")
    return "; ".join(parts) or None


def _build(
    graph: _Graph, notes: list[str]
) -> tuple[dict[str, list[_Step]], dict[str, list[_Step]]]:
    """Reasons and rebuttals of every I-node, with their undercuts attached."""
    reasons: dict[str, list[_Step]] = {node.id: [] for node in graph.of_type("I")}
    rebuttals: dict[str, list[_Step]] = {node.id: [] for node in graph.of_type("I")}
    steps: dict[str, list[_Step]] = {}  # RA or CA node → its steps (one per conclusion)
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
            step = _Step(node.id, list(premises), _step_note(node))
            steps[node.id].append(step)
            reasons[conclusion].append(step)
    conflicts = graph.of_type("CA")
    for node in conflicts:
        steps[node.id] = [_Step(node.id, graph.linked(node.id, "in", "I"), _step_note(node))]
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
            copy = step if number == 0 else _Step(node.id, step.members, step.note, step.undercuts)
            if graph.nodes[target].type == "I":
                rebuttals[target].append(copy)
            elif target in steps and target != node.id:
                for attacked in steps[target]:
                    attacked.undercuts.append(copy)
            else:
                notes.append(f"CA node {node.id} attacks node {target}, which is left out or "
                             "itself; that attack is left out")  # fmt: skip
    return reasons, rebuttals


def _find_cycle(reasons: dict[str, list[_Step]]) -> tuple[str, _Step, list[str]] | None:
    """A reason that closes a support cycle: (its claim, the reason, the cycle's node ids)."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done

    def pairs(claim: str) -> Iterator[tuple[_Step, str]]:
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


def _tidy(reasons: dict[str, list[_Step]], notes: list[str]) -> None:
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


class _Objections:
    """Objections as JSON data, leaving out what would not check clean."""

    def __init__(self, ids: dict[str, str], notes: list[str], step_note) -> None:
        self.ids, self.notes, self.step_note = ids, notes, step_note

    def list(
        self, steps: list[_Step], owner: str, banned: set[str], seen: frozenset[str]
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


def _shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, ending in "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"


def _ignored(graph: _Graph, notes: list[str]) -> list[str]:
    """Notes on the nodes and edges left out; returns the summary for the map's note."""
    summary = []
    dialogue = [node for node in graph.nodes.values() if node.type in DIALOGUE]
    if dialogue:
        counts = {kind: sum(n.type == kind for n in dialogue) for kind in sorted(DIALOGUE)}
        what = ", ".join(f"{count} {kind}" for kind, count in counts.items() if count)
        notes.append(f"the dialogue layer ({what} nodes) is left out")
        summary.append(f"the dialogue layer ({what} nodes)")
    for kind, meaning in (("MA", "rephrase"), ("PA", "preference")):
        found = graph.of_type(kind)
        if found:
            ids = ", ".join(node.id for node in found)
            notes.append(f"{len(found)} {kind} nodes ({meaning}; the map format has no place "
                         f"for them) are left out: {ids}")  # fmt: skip
            summary.append(f"{len(found)} {kind} nodes ({meaning})")
    known = {"I", "RA", "CA", "MA", "PA", *DIALOGUE}
    for node in graph.nodes.values():
        if node.type not in known:
            notes.append(f"node {node.id} has the unknown type '{node.type}'; left out")
    for node in graph.of_type("I"):
        for head in graph.linked(node.id, "out", "I"):
            notes.append(f"edge between two I-nodes ({node.id} → {head}); left out")
    return summary


def _parse(data: bytes) -> dict[str, Any]:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise FormatError(f"not JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise FormatError("not AIF: the top level is not an object")
    return doc


def read(data: bytes, *, name: str) -> Imported:
    """An AIF JSON file as a map. The notes say what was left out or changed, and why.

    Raises:
        FormatError: the file is not JSON, or has no list of nodes.
    """
    doc = _parse(data)
    notes: list[str] = []
    graph = _Graph(doc, notes)
    if not graph.of_type("I"):
        raise FormatError("the graph has no I-nodes: no claims to import")
    summary = _ignored(graph, notes)
    reasons, rebuttals = _build(graph, notes)
    _tidy(reasons, notes)
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
    graph: _Graph,
    reasons: dict[str, list[_Step]],
    rebuttals: dict[str, list[_Step]],
    name: str,
    summary: list[str],
    notes: list[str],
    extension: dict[str, Any] | None,
) -> ArgumentMap | None:
    ext_claims = extension.get("claims") if extension else None
    ext_claims = ext_claims if isinstance(ext_claims, dict) else {}
    ext_steps = extension.get("steps") if extension else None
    ext_steps = ext_steps if isinstance(ext_steps, dict) else {}

    def step_note(step: _Step) -> str | None:
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
    sections: dict[str, list[dict[str, Any]]] = {kind.section: [] for kind in Kind}
    for node in inodes:
        text, changed = _clean(node.text)
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
            claim["text"] = _shorten(text, MAX_CLAIM_TEXT)
            full = f"Full text: {text}"
            note = f"{extra['note']}\n\n{full}" if isinstance(extra.get("note"), str) else full
            claim["note"] = _shorten(note, MAX_TEXT)
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
        kind = kind_of(text, has_reasons=bool(claim_reasons))
        wanted_kind = (
            ext_claims.get(node.id, {}).get("kind")
            if isinstance(ext_claims.get(node.id), dict)
            else None
        )
        if (
            wanted_kind in [k.value for k in Kind]
            and Kind(wanted_kind).takes_reasons == kind.takes_reasons
        ):
            kind = Kind(wanted_kind)
        if kind.takes_reasons:
            claim["reasons"] = claim_reasons
        if claim_objections:
            claim["objections"] = claim_objections
        sections[kind.section].append(claim)
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


# --- writing -------------------------------------------------------------------------------


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

    def attack(items: tuple[Ref | Objection, ...], head: str) -> None:
        for item in items:
            note = item.note if isinstance(item, Objection) else None
            ca = step("CA", attackers(item), head, note)
            attack(undercutters(item), ca)

    for claim in drawn:
        for reason in claim.reasons:
            ra = step("RA", reason.claims, index[claim.id], reason.note)
            attack(reason.objections, ra)
        attack(claim.objections, index[claim.id])
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
