"""SADFace JSON → ArgumentMap: atoms are claims, support schemes reasons, conflicts objections,
rephrases restatements.

The document is read by :mod:`argmap.formats.sadface.document`, its schemes made into steps by
:mod:`argmap.formats.sadface.steps`; here every atom becomes a claim (its id the first words of
its text), with the reasons, objections and restatements that reach it. A support named after
an argumentation scheme (not ``support`` or ``inference``) gives its reason that ``scheme``.
The atom the core metadata names as the ``claim`` is the map's thesis; the core's title is the
map's title, and its description, notes, analyst, dates, id and version go into the map's
note. Text longer than a claim may hold is cut, the whole kept in the claim's note; the kind
of a claim with reasons is guessed from its wording (:mod:`argmap.formats.kinds`).

The document's one text resource is the map's source (its text written beside the map) and
the atoms' sources found in it their claims' quotes (:mod:`argmap.formats.sadface.sources`).
A document's node and edge ids are not kept, nor its core metadata but as words in the map's
note; a note says so. SADFace written by argmap carries what SADFace has no place for (claim
ids and kinds, notes, quotes, links, ...) under each node's ``argmap`` metadata and the map's
language, note and source under the document's: such a document comes back as the same map.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from argmap.formats.aif.objections import Objections
from argmap.formats.aif.steps import Step, Steps
from argmap.formats.base import (
    FormatError,
    Ids,
    Imported,
    clean_text,
    leading_words,
    shorten,
    some,
)
from argmap.formats.json import from_document
from argmap.formats.kinds import Guesses
from argmap.formats.sadface.document import (
    ATOM,
    CARRIED_CORE,
    CORE,
    MAX_NODE_ID,
    Document,
    namespace,
    parse,
    read_document,
)
from argmap.formats.sadface.sources import quoted
from argmap.formats.sadface.steps import build, in_sadface_words
from argmap.model import ArgumentMap, Kind
from argmap.model.keys import MAX_CLAIM_TEXT, MAX_TEXT, MAX_TITLE, ascii_slug
from argmap.read.fields import CARRIED

KINDS = frozenset(kind.value for kind in Kind)
#: The claim fields a node's ``argmap`` metadata may give (the rest come from the graph).
CLAIM_FIELDS = ("quotes", "note", "url", "implicit", "role", "contradicts", "label", "thesis",
                "aif", "sadface")  # fmt: skip
#: The map fields the document's ``argmap`` metadata may give.
MAP_FIELDS = ("lang", "note", "source", "aif", "sadface")
#: How a document not written by argmap comes back from an export, said on its import.
KEPT = (
    "claim ids are made from the atoms' words; the document's node and edge ids, its core "
    "metadata and its text resource's id are kept under 'sadface:' of each claim, relation "
    "and the map, out of sight, and an export to SADFace writes them back (the core metadata "
    "is in the map's note too, as words)"
)


def read(data: bytes, *, name: str, source_path: str | None = None) -> Imported:
    """A SADFace file as a map. The notes say what was left out or changed, and why.

    The document's one text resource, if it has one, is the map's source, named
    ``source_path`` (relative to where the map will be written; by default the file's name
    with ``.txt``), and its text the import's ``source_text``, to be written there; the atoms'
    sources found in it are their claims' quotes.

    Raises:
        FormatError: the file is not JSON, has no list of nodes, or no atoms.
    """
    doc = parse(data)
    document = read_document(doc)
    if not document.of_role(ATOM):
        raise FormatError(_no_atoms(doc))
    notes = list(document.notes)
    found = build(document, notes)
    if _written_by_argmap(document):
        kept = list(notes)
        amap = _Reader(document, found, name, own=True).map(notes)
        if amap is not None:
            return Imported(amap, tuple(notes))
        notes[:] = [*kept, "the 'argmap' metadata is not as argmap writes it; ignored"]
    notes.append(KEPT)
    source_path = source_path or f"{_stem(name)}.txt"
    text = quoted(doc, document, source_path)
    notes.extend(text.notes)
    reader = _Reader(document, found, name, own=False)
    reader.quotes, reader.resource, reader.about = text.quotes, text.resource, text.about
    amap = reader.map(notes, source_path if text.text is not None else None)
    if amap is None:  # pragma: no cover - the document is built to the format
        raise FormatError("the document could not be made into a map")
    return Imported(amap, tuple(notes), text.text)


def _no_atoms(doc: dict[str, Any]) -> str:
    """Why a document gave no claims: it has no atoms, or each was left out for its id."""
    dropped = sum(isinstance(raw, dict) and raw.get("type") == ATOM for raw in doc["nodes"])
    if not dropped:
        return "not SADFace, or a document without atoms: no claims to import"
    atoms = "1 atom" if dropped == 1 else f"{dropped} atoms"
    return (
        f"no claims to import: {atoms} left out, without a usable id (text or a whole number "
        f"of at most {MAX_NODE_ID} characters, no white space at its ends, not an earlier "
        "node's)"
    )


def _stem(name: str) -> str:
    """A SADFace file's name without its extensions, as its map is named.

    >>> _stem("dir/bikes.sadface.json"), _stem("bikes.json")
    ('bikes', 'bikes')
    """
    return PurePath(name).name.removesuffix(".json").removesuffix(".sadface")


def _written_by_argmap(document: Document) -> bool:
    return document.extension is not None or any(
        namespace(node.raw) is not None for node in document.nodes.values()
    )


def _text(node_id: str, text: str) -> str:
    cleaned = clean_text(text)[0]
    if not cleaned.strip():
        return f"(atom {node_id} has no text)"
    return shorten(cleaned, MAX_CLAIM_TEXT)


class _Reader:
    """The document's atoms and steps → the map, as JSON data read through the loader; with
    ``own``, what argmap wrote under the ``argmap`` metadata too."""

    def __init__(self, document: Document, found: Steps, name: str, *, own: bool) -> None:
        self.document, self.found, self.name, self.own = document, found, name, own
        self.position = {node_id: n for n, node_id in enumerate(document.nodes)}
        self.quotes: dict[str, list[str]] = {}  # atom → its sources found in the map's source
        self.resource: str | None = None  # the id of the resource that is the map's source
        self.about: dict[str, str] = {}  # the source's title, ..., as the resource gives them

    def ordered(self, steps: list[Step]) -> list[Step]:
        """Steps in the order of their nodes in the file."""
        return sorted(steps, key=lambda step: self.position[step.node])

    def extra(self, step: Step, room: int) -> dict[str, Any]:
        """A step's scheme, and its note, critical questions and carried data when argmap
        wrote them."""
        ext = namespace(self.document.nodes[step.node].raw) if self.own else None
        out: dict[str, Any] = {}
        if ext is not None and ext.get("note") is not None:
            out["note"] = ext["note"]
        if ext is not None and ext.get("question") is not None:
            out["question"] = ext["question"]
        scheme = ext.get("scheme", step.scheme) if ext is not None else step.scheme
        if scheme is not None:
            out["scheme"] = scheme
        if ext is not None and ext.get("aif") is not None:
            out["aif"] = ext["aif"]
        if not self.own:  # the scheme node's id and its edges', for the export back
            out["sadface"] = self.document.scheme_ids(step.node)
        elif ext is not None and ext.get("sadface") is not None:
            out["sadface"] = ext["sadface"]
        return out

    def map(self, notes: list[str], source: str | None = None) -> ArgumentMap | None:
        document, found = self.document, self.found
        atoms = document.of_role(ATOM)
        ids: dict[str, str] = {}
        given = Ids()
        for node in atoms:
            ext = namespace(node.raw) if self.own else None
            wanted = ext.get("id") if ext is not None else None
            if isinstance(wanted, str) and given.take(wanted):
                ids[node.id] = wanted
            else:
                ids[node.id] = given.unique(leading_words(ascii_slug(_text(node.id, node.text))))
        local: list[str] = []
        objections = Objections(ids, local, self.extra, self.ordered)
        guesses = Guesses(_text(node.id, node.text) for node in atoms)
        sections: dict[str, list[dict[str, Any]]] = {kind.section: [] for kind in Kind}
        cut: list[str] = []
        for node in atoms:
            ext = (namespace(node.raw) or {}) if self.own else {}
            claim = self.claim(node.id, ids[node.id], ext, cut)
            supporters = {m for step in found.reasons[node.id] for m in step.members}
            reasons = []
            for step in self.ordered(found.reasons[node.id]):
                reason: dict[str, Any] = {"claims": [ids[m] for m in step.members]}
                under = objections.list(step.undercuts, node.id, {node.id, *supporters},
                                        frozenset(), 6)  # fmt: skip
                if under:
                    reason["objections"] = under
                reason.update(self.extra(step, 0))
                reasons.append(reason)
            rebuttals = objections.list(
                found.rebuttals[node.id], node.id, {node.id, *supporters}, frozenset(), 4
            )
            restates = []
            for step in self.ordered(found.restates[node.id]):
                carried = self.extra(step, 0)
                restates.append({"claim": ids[step.members[0]],
                                 **{k: v for k, v in carried.items() if k in CARRIED}})  # fmt: skip
            wanted = ext.get("kind")
            if wanted in KINDS and Kind(wanted).takes_reasons == bool(reasons):
                kind = Kind(wanted)
            else:
                kind = guesses.kind(ids[node.id], claim["text"], has_reasons=bool(reasons))
            if kind.takes_reasons:
                claim["reasons"] = reasons
            if rebuttals:
                claim["objections"] = rebuttals
            if restates:
                claim["restates"] = restates
            sections[kind.section].append(claim)
        notes.extend(in_sadface_words(note) for note in local)
        if cut:
            notes.append(f"{len(cut)} atom{'s' * (len(cut) > 1)} longer than {MAX_CLAIM_TEXT} "
                         f"characters, cut and kept whole in their notes: {some(cut)}")  # fmt: skip
        if (guessed := guesses.note()) is not None:
            notes.append(guessed)
        data: dict[str, Any] = {"argmap": "1", "title": self.title()}
        if self.own:
            ext = document.extension or {}
            data.update((k, ext[k]) for k in MAP_FIELDS if k in ext)
        else:
            data["note"] = self.note()
            if carried := self.carried(source):
                data["sadface"] = carried
        if source is not None:
            data["source"] = {"path": source, **self.about}
        data.update({section: claims for section, claims in sections.items() if claims})
        return from_document(data, self.name)[0]

    def claim(
        self, node_id: str, claim_id: str, ext: dict[str, Any], cut: list[str]
    ) -> dict[str, Any]:
        """A claim's fields but its relations: id, text (cut, the whole in its note), what
        argmap wrote of it, and whether the core metadata names it the document's claim."""
        raw_text = self.document.nodes[node_id].text
        text = _text(node_id, raw_text)
        claim: dict[str, Any] = {"id": claim_id, "text": text}
        if self.quotes.get(node_id):
            claim["quotes"] = self.quotes[node_id]
        claim.update((k, ext[k]) for k in CLAIM_FIELDS if k in ext)
        if self.document.core.get("claim") == node_id and "thesis" not in ext:
            claim["thesis"] = True
        if self.own:
            return claim
        claim["sadface"] = {"id": node_id}  # for the export back
        cleaned = clean_text(raw_text)[0]
        if len(cleaned) > MAX_CLAIM_TEXT:
            claim["note"] = shorten(f"Full text: {cleaned}", MAX_TEXT)
            cut.append(node_id)
        return claim

    def carried(self, source: str | None) -> dict[str, Any]:
        """What the document identifies itself by, for the export back: its core metadata
        (text, as it came) and, when it is the map's source, its text resource's id."""
        core = {key: value for key in CARRIED_CORE
                if isinstance(value := self.document.core.get(key), str)}  # fmt: skip
        out: dict[str, Any] = {"core": core} if core else {}
        if source is not None and self.resource is not None:
            out["resource"] = self.resource
        return out

    def title(self) -> str:
        title = self.document.core.get("title")
        if self.own and isinstance(title, str):
            return title  # as the map had it (the loader refuses one it would not hold)
        if isinstance(title, str) and clean_text(title)[0].strip():
            return shorten(" ".join(clean_text(title)[0].split()), MAX_TITLE)
        stem = PurePath(self.name).name.removesuffix(".json").removesuffix(".sadface")
        return shorten(" ".join(clean_text(stem)[0].split()) or "SADFace document", MAX_TITLE)

    def note(self) -> str:
        """The map's note: the document's description and notes, where it came from, and the
        rest of its core metadata (its title is the map's, its claim the thesis)."""
        core = {
            key: " ".join(clean_text(str(value))[0].split())[:1000]
            for key, value in self.document.core.items()
            if key in CORE and isinstance(value, (str, int, float)) and not isinstance(value, bool)
        }
        about = [f"SADFace {core['version']}" if core.get("version") else "SADFace"]
        if core.get("id"):
            about.append(f"document {core['id']}")
        email = f"<{core['analyst_email']}>" if core.get("analyst_email") else ""
        analyst = " ".join(part for part in (core.get("analyst_name", ""), email) if part)
        if analyst:
            about.append(f"analysed by {analyst}")
        about += [f"{key} {core[key]}" for key in ("created", "edited") if core.get(key)]
        said = [core[key] for key in ("description", "notes") if core.get(key)]
        said.append(f"Imported by argmap from {self.name} ({', '.join(about)}). Claim ids are the "
                    "first words of each atom's text; reasons are support schemes, objections "
                    "conflicts and restatements rephrases.")  # fmt: skip
        return shorten(clean_text(" ".join(said))[0], MAX_TEXT)


__all__ = ["read"]
