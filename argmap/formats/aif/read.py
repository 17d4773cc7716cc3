"""AIF JSON (AIFdb, OVA) → ArgumentMap: I-nodes are claims, RA-nodes reasons, CA-nodes objections,
MA-nodes restatements; the map carries the rest of the graph so the export gives it back.

The graph is read and checked by :mod:`argmap.formats.aif.graph`, its steps by
:mod:`argmap.formats.aif.steps`; here every I-node becomes a claim (its id the first words of
its text and its node id), with the reasons, rebuttals and restatements that reach it; an
attack that would not check clean (a claim attacking what it supports, the same attack twice,
attacks on attacks nested deeper than a map can hold) is left out with a note
(:mod:`argmap.formats.aif.objections`). Text longer than
a claim may hold is cut, the whole kept in the claim's note. The kind of a claim with reasons
is guessed from its wording (:mod:`argmap.formats.kinds`), and the note says so. An RA-node's
scheme becomes its reason's ``scheme``.

Nothing is lost: each claim, reason, objection and restatement carries its node's fields under
``aif:`` (its id, timestamp, scheme and scheme id, its text where the map shows another), a
claim also the locution that asserts it and its speaker (and a speaker named Proponent or
Opponent gives the claim its ``role``), and the map carries at its top, under ``aif:``, what it
does not draw: the dialogue layer, PA-nodes, what was left out, locutions, participants and
any other key, as the file has them. :mod:`argmap.formats.aif.write` writes all of it back.
AIF written by argmap carries the rest of the map under its ``argmap`` key and comes back exact,
its contradictions too (:mod:`argmap.formats.aif.conflicts`). Notes of one kind on many nodes
are said once (:mod:`argmap.formats.aif.tally`).
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from argmap.formats.aif.conflicts import contradiction_nodes, mutual, steps_of
from argmap.formats.aif.graph import (
    EXTENSION,
    XAIF,
    Graph,
    claim_text,
    left_out,
    parse,
    unwrap,
)
from argmap.formats.aif.objections import Objections
from argmap.formats.aif.rest import carried, made_nodes, rest, too_deep
from argmap.formats.aif.steps import Step, Steps, order
from argmap.formats.aif.tally import Tally, listed
from argmap.formats.aif.write import DERIVED, NEW_EDGES, PLACEHOLDERS
from argmap.formats.base import (
    FormatError,
    Ids,
    Imported,
    clean_text,
    leading_words,
    nesting,
    shorten,
)  # fmt: skip
from argmap.formats.json import from_document
from argmap.formats.kinds import Guesses
from argmap.model import ArgumentMap, Kind, Role
from argmap.model.keys import MAX_CLAIM_TEXT, MAX_TEXT, ascii_slug
from argmap.read.yamltree import MAX_DEPTH

KINDS = frozenset(kind.value for kind in Kind)
ROLES = {role.value: role.value for role in Role}
#: AIFdb and OVA write a locution as ``Speaker : what was said``, AraucariaDB as
#: ``Speaker says 'what was said'``: a name in the first 80 characters (each part bounded, so
#: that a locution of a million spaces is not tried at every split of them).
_SPEAKER = re.compile(r"\s*(?:(\S[^:\n]{0,79}?)\s:\s|(\S[^:\n]{0,79}?) says ['\"\u2018\u201c])")


#: What no node's text is: a node's data keeps its text, whatever it is.
_KEEP = object()


def node_data(raw: dict[str, Any], text: object, room: int, notes: list[str]) -> dict[str, Any]:
    """A node's fields as its claim or relation carries them: its id and text first (the text
    left out when it is ``text``: the claim's own, or the placeholder the export would write),
    then the rest as they came, but its type; a field nesting deeper than ``room`` levels (what
    the map can hold where the data goes) is left out, with a note."""
    out: dict[str, Any] = {"nodeID": raw["nodeID"]}
    if "text" in raw and raw["text"] != text:
        out["text"] = raw["text"]
    out.update((k, v) for k, v in raw.items() if k not in ("nodeID", "text", "type"))
    kind = "I-node" if raw.get("type") == "I" else f"{raw.get('type')} node"
    for key in [k for k in out if k != "nodeID"]:
        if (depth := nesting(out[key])) > room:
            del out[key]
            notes.append(too_deep(f"{kind} {raw['nodeID']}: its '{key}'", depth, room))
    return carried(out)


def _claim_base(text: str, node: str) -> str:
    """The id a node's claim wants: the first words of ``text`` and the node id,
    ``member-states-278``, accents dropped (``deontológico`` → ``deontologico``)."""
    suffix = re.sub(r"[^a-z0-9]+", "-", node.lower()).strip("-") or "node"
    return f"{leading_words(ascii_slug(text))[:32].strip('-')}-{suffix}"


def _dialogue(graph: Graph, doc: dict[str, Any]) -> dict[str, dict[str, str]]:
    """I-node id → the ``locution`` that asserts it (the L-node's text, through a YA-node; one
    a line when several do) and its ``speaker`` (from the file's locutions and participants,
    else the name before `` : `` in the locution)."""
    people = {str(p.get("participantID")): " ".join(str(p[k]) for k in ("firstname", "surname")
                                                    if p.get(k))
              for p in _list(doc, "participants")}  # fmt: skip
    speakers = {str(entry.get("nodeID")): people.get(str(entry.get("personID")), "")
                for entry in _list(doc, "locutions")}  # fmt: skip
    found: dict[str, dict[str, str]] = {}
    for inode in graph.of_type("I"):
        said = [loc for ya in graph.linked(inode.id, "in", "YA")
                for loc in graph.linked(ya, "in", "L")]  # fmt: skip
        if not said:
            continue
        said = list(dict.fromkeys(said))
        texts = [clean_text(graph.nodes[loc].text)[0] for loc in said]
        names = []
        for loc, text in zip(said, texts, strict=True):
            named = _SPEAKER.match(text)
            names.append(
                speakers.get(loc) or ((named.group(1) or named.group(2)).strip() if named else "")
            )
        entry = {"locution": "\n".join(texts)}
        if any(names):
            entry["speaker"] = ", ".join(dict.fromkeys(n for n in names if n))
        found[inode.id] = entry
    return found


def _list(doc: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = doc.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def read(data: bytes, *, name: str) -> Imported:
    """An AIF JSON file as a map. The notes say what was left out or changed, and why.

    Raises:
        FormatError: the file is not JSON, or has no list of nodes.
    """
    doc = parse(data)
    inner, wrapped = unwrap(doc)
    notes: list[str] = []
    if wrapped:
        keys = ", ".join(f"'{k}'" for k in doc if k not in (XAIF, EXTENSION))
        notes.append(f"an xAIF document (as OVA3 writes one): its graph under '{XAIF}' is "
                     f"imported{f'; {keys} carried for the export' if keys else ''}")  # fmt: skip
    graph = Graph(inner, notes)
    if not graph.of_type("I"):
        raise FormatError("the graph has no I-nodes: no claims to import")
    summary = left_out(graph, notes)
    extension = doc.get(EXTENSION)
    contradictions = contradiction_nodes(extension)
    reader = _Reader(graph, steps_of(graph, notes, contradictions), name, _dialogue(graph, inner))
    if not isinstance(extension, dict):
        mutual(graph, notes)
    amap = None
    if isinstance(extension, dict):
        kept = list(notes)
        amap = reader.map(notes, summary, extension)
        if amap is None:
            notes[:] = [*kept, f"the '{EXTENSION}' key is not as argmap writes it; ignored"]
            if contradictions:  # its CA-nodes are attacks again
                reader.found = steps_of(graph, [], frozenset())
    fresh = None  # the first id of the edges argmap's export made (none carried)
    made: set[str] = set()  # the nodes argmap's export made (of what carried no AIF data)
    if amap is None:
        amap = reader.map(notes, summary, None)
    else:
        if type(number := extension.get(NEW_EDGES)) is int:  # type: ignore[union-attr]
            fresh = number
        made = made_nodes(extension)  # type: ignore[arg-type]
    if amap is None:  # pragma: no cover - the document is built to the format
        raise FormatError("the graph could not be made into a map")
    carrying = rest(doc, graph, amap, notes, fresh, made, _made_here(extension))
    return Imported(attrs.evolve(amap, aif=carrying), tuple(notes))


def _made_here(extension: object) -> bool:
    """Whether argmap's key says the map carried no AIF when exported: every claim and
    relation a node the export made (``"aif": null``)."""
    if not isinstance(extension, dict):
        return False
    entries = [
        entry
        for part in ("claims", "steps")
        if isinstance(extension.get(part), dict)
        for entry in extension[part].values()
    ]
    return bool(entries) and all(isinstance(entry, dict) and "aif" in entry
                                 and entry["aif"] is None for entry in entries)  # fmt: skip


class _Reader:
    """The graph's claims and steps → the map, as JSON data read through the loader."""

    def __init__(
        self, graph: Graph, found: Steps, name: str, dialogue: dict[str, dict[str, str]]
    ) -> None:
        self.graph, self.found, self.name, self.dialogue = graph, found, name, dialogue
        self.textless: set[str] = set()  # relation nodes without text, noted once each
        self.tally = Tally()  # notes of one kind on many nodes, said once
        self.longest, self.cut = 0, False  # of the long texts: the longest, any note cut

    def map(
        self, notes: list[str], summary: list[str], extension: dict[str, Any] | None
    ) -> ArgumentMap | None:
        graph, found = self.graph, self.found
        self.tally, self.textless, self.longest, self.cut = Tally(), set(), 0, False
        ext_claims = extension.get("claims") if extension else None
        ext_claims = ext_claims if isinstance(ext_claims, dict) else {}
        ext_steps = extension.get("steps") if extension else None
        ext_steps = ext_steps if isinstance(ext_steps, dict) else {}

        def extra(step: Step, room: int) -> dict[str, Any]:
            """A step's note, scheme, critical questions and carried data (nesting at most
            ``room`` levels)."""
            entry = ext_steps.get(step.node) if extension is not None else None
            entry = entry if isinstance(entry, dict) else {}
            out: dict[str, Any] = {}
            note = entry.get("note") if extension is not None else step.note
            scheme = entry.get("scheme") if extension is not None else step.scheme
            if note is not None:
                out["note"] = note
            if scheme is not None:
                out["scheme"] = scheme
            if "question" in entry:
                out["question"] = entry["question"]
            if "sadface" in entry:  # the ids of the SADFace document the map came from
                out["sadface"] = entry["sadface"]
            if "aif" not in entry or entry["aif"] is not None:
                node = graph.nodes[step.node]
                # the text the export would write: the scheme a 'scheme' field names; a text
                # that names the scheme itself is kept (it tells where the scheme came from)
                named = scheme if node.scheme is not None else None
                placeholder = named or PLACEHOLDERS[node.type] if node.type == "RA" else (
                    PLACEHOLDERS[node.type])  # fmt: skip
                out["aif"] = node_data(node.raw, placeholder, room, notes)
                if "text" not in node.raw and step.node not in self.textless:
                    self.textless.add(step.node)
                    self.tally.add(f"textless {node.type}", step.node,
                                   f"{node.type} node {step.node} has no text; the export "
                                   f"writes '{placeholder}' for it, as AIF tools expect text on "
                                   "every node", _textless(node.type))  # fmt: skip
            return out

        inodes = graph.of_type("I")  # as argmap wrote them, else in the order of their ids
        inodes = inodes if extension is not None else sorted(inodes, key=lambda n: order(n.id))
        ids: dict[str, str] = {}
        given = Ids()
        for node in inodes:
            wanted = ext_claims.get(node.id)
            wanted = wanted.get("id") if isinstance(wanted, dict) else None
            if isinstance(wanted, str) and given.take(wanted):
                ids[node.id] = wanted
            else:
                ids[node.id] = given.unique(_claim_base(node.text, node.id))
        position: dict[str, int] = {}  # a relation's node → its place under the claim read

        def ordered(steps: list[Step]) -> list[Step]:
            """Steps in the order of the map argmap wrote, else of their node ids."""
            return sorted(steps, key=lambda step: (position.get(step.node, len(position)),
                                                   order(step.node)))  # fmt: skip

        objections = Objections(ids, notes, extra, ordered)
        guesses = Guesses(node.text for node in inodes)
        sections: dict[str, list[dict[str, Any]]] = {kind.section: [] for kind in Kind}
        for node in inodes:
            ext = ext_claims.get(node.id)
            ext = ext if isinstance(ext, dict) else {}
            written = ext.get("order") if isinstance(ext.get("order"), list) else []
            position = {str(n): place for place, n in enumerate(written)}
            claim = self.claim(node.id, ids[node.id], ext, notes, extension is not None)
            # the claim and its supporters: no objection to it or its reasons may come from
            # them (one set for all its reasons: a claim may have thousands)
            banned = {node.id, *(m for step in found.reasons[node.id] for m in step.members)}
            claim_reasons = []
            for step in ordered(found.reasons[node.id]):
                reason: dict[str, Any] = {"claims": [ids[m] for m in step.members]}
                undercuts = objections.list(step.undercuts, node.id, banned, frozenset(), 6)
                if undercuts:
                    reason["objections"] = undercuts
                reason.update(extra(step, MAX_DEPTH - 6))  # section, claim, reasons, reason, aif
                claim_reasons.append(reason)
            claim_objections = objections.list(
                found.rebuttals[node.id], node.id, banned, frozenset(), 4
            )
            restates = []
            for step in ordered(found.restates[node.id]):
                data = extra(step, MAX_DEPTH - 6)  # section, claim, restates, restatement, aif
                restates.append({"claim": ids[step.members[0]], **{k: data[k] for k in
                                 ("aif", "sadface") if k in data}})  # fmt: skip
            wanted_kind = ext.get("kind")
            if wanted_kind in KINDS and Kind(wanted_kind).takes_reasons == bool(claim_reasons):
                kind = Kind(wanted_kind)
            else:
                kind = guesses.kind(ids[node.id], claim["text"], has_reasons=bool(claim_reasons))
            if kind.takes_reasons:
                claim["reasons"] = claim_reasons
            if claim_objections:
                claim["objections"] = claim_objections
            if restates:
                claim["restates"] = restates
            if "aif" in claim:
                claim["aif"] = claim.pop("aif")  # last, as the format writes it
            sections[kind.section].append(claim)
        notes += self.tally.notes()
        if (guessed := guesses.note()) is not None:
            notes.append(guessed)
        title = re.sub(r"\.json$", "", self.name) or "AIF graph"
        data: dict[str, Any] = {"argmap": "1", "title": title}
        data["note"] = (
            f"Imported by argmap from {self.name} (AIF). Claim ids are the first words of each "
            "I-node's text and its node id; reasons are RA-nodes, objections CA-nodes and "
            "restatements MA-nodes; each carries its node under 'aif', and the map carries the "
            "rest of the graph, and every edge with its id, under its own 'aif'."
            + (f" Not drawn: {'; '.join(summary)}." if summary else "")
        )
        if extension is not None:
            data = {"argmap": "1", "title": title}
            data.update((k, v) for k, v in extension.items()
                        if k not in ("claims", "steps", "argmap", NEW_EDGES))  # fmt: skip
        data.update({section: claims for section, claims in sections.items() if claims})
        return from_document(data, self.name)[0]

    def claim(
        self, node_id: str, claim_id: str, ext: dict[str, Any], notes: list[str], written: bool
    ) -> dict[str, Any]:
        """A claim's fields but its relations: id, text (cut, the whole in its note unless
        argmap ``written`` the file: its note is the map's), role, carried data, and what the
        extension adds."""
        raw = self.graph.nodes[node_id]
        text = claim_text(raw.text, node_id)
        cleaned, changed = clean_text(raw.text)
        if changed:
            self.tally.add("cleaned", node_id, f"I-node {node_id}: control or invisible direction "
                           "characters taken out of its text", lambda ids: "control or invisible "
                           f"direction characters taken out of the texts of {len(ids)} I-nodes: "
                           f"{listed('I-nodes', ids)}")  # fmt: skip
        if not cleaned.strip():
            self.tally.add("blank", node_id, f"I-node {node_id} has no text",
                           lambda ids: f"{len(ids)} I-nodes have no text: "
                           f"{listed('I-nodes', ids)}")  # fmt: skip
        claim: dict[str, Any] = {"id": claim_id, "text": text}
        said = self.dialogue.get(node_id, {})
        if said.get("speaker", "").casefold() in ROLES:
            claim["role"] = ROLES[said["speaker"].casefold()]
        if "aif" not in ext or ext["aif"] is not None:
            # the text the export would write: the claim's, but for a placeholder (a node
            # without text, or with the placeholder's words, keeps what it had)
            shown = text if cleaned.strip() and text != claim_text("", node_id) else _KEEP
            data = node_data(raw.raw, shown, MAX_DEPTH - 4, notes)  # section, claim, aif
            data.update((k, v) for k, v in said.items() if k in DERIVED and k not in raw.raw)
            claim["aif"] = data
        claim.update((k, v) for k, v in ext.items()
                     if k not in ("id", "text", "kind", "reasons", "objections", "restates",
                                  "aif", "order"))  # fmt: skip
        if len(cleaned) > MAX_CLAIM_TEXT and not written:
            note = f"Full text: {cleaned}"
            claim["note"] = shorten(note, MAX_TEXT)
            cut = f" (cut at {MAX_TEXT})" if len(note) > MAX_TEXT else ""
            self.longest = max(self.longest, len(cleaned))
            self.tally.add("long", node_id, f"I-node {node_id}: its text is {len(cleaned)} "
                           f"characters long; the claim shows the first {len(text) - 1} and its "
                           f"note keeps it all{cut}", self._long)  # fmt: skip
            self.cut = self.cut or bool(cut)
        return claim

    def _long(self, ids: list[str]) -> str:
        cut = f", cut at {MAX_TEXT} where longer" if self.cut else ""
        return (f"{len(ids)} I-nodes have texts longer than a claim may hold ({MAX_CLAIM_TEXT} "
                f"characters; the longest {self.longest}): each claim shows the first words and "
                f"its note keeps it all{cut}: {listed('I-nodes', ids)}")  # fmt: skip


def _textless(kind: str):
    """The note on several RA, CA or MA nodes without text."""
    text = {"RA": "'Default Inference' (or the scheme a node names)", "CA": "'Default Conflict'",
            "MA": "'Default Rephrase'"}.get(kind, "a placeholder")  # fmt: skip
    return lambda ids: (f"{len(ids)} {kind} nodes have no text: {listed(f'{kind} nodes', ids)}; "
                        f"the export writes {text} for them, as AIF tools expect text on every "
                        "node")  # fmt: skip


__all__ = ["Objections", "read"]
