"""Argumentative microtext XML (Peldszus & Stede) + its text → ArgumentMap quoting every segment.

In the XML, ``edu`` elements are segments of the text, ``adu`` elements the argumentative units
(``pro``: the proponent's, ``opp``: the opponent's) and ``edge`` elements relate them: ``seg``
(segment → unit), ``sup`` and ``exa`` (support, by example for ``exa``), ``reb`` (rebuttal: a unit
attacks a unit), ``und`` (undercut: a unit attacks another edge), ``add`` (a unit joins the
source of another edge: linked). The central claim is the unit with no outgoing edge in the
file (an edge left out counts). Of two segments, units or edges with one id (the corpus' DTD
makes ids unique), the first is kept and a note names both.

Each unit becomes a claim with the unit's id (``a1``), its segments' text as its text and its
quotes, ``proponent`` or ``opponent`` as its ``role``, and ``the central claim`` as the note of the
central one, which is the map's thesis. A unit marked ``implicit="true"`` (or made only of segments
so marked) is an implicit claim, without quotes. A ``sup``/``exa`` edge becomes a reason (with the
scheme ``example`` for ``exa``), a ``reb`` edge an objection to the claim, an ``und`` edge an
objection to the reason or objection made of the edge it targets, and an ``add`` edge one more claim
of that reason or objection (linked). Every edge is carried over but those a map cannot hold (the
corpus' annotation errors, ``steps`` says which), each named in a note; so are segments that belong
to no unit (not argumentative).

Kinds come from the corpus where it says them: the central claim of a text that takes a stance
(``pro`` or ``con``) on its topic, a question of what should be done, is a recommendation when
it has reasons; without (only defended against attacks) it is a premise, as a recommendation
needs reasons (AM106), and its note says so. The kind of every other claim with reasons is
guessed from its wording, in the text's language.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from typing import Any

import attrs

from argmap.formats.base import (
    MAX_NESTED_ATTACKS,
    FormatError,
    Ids,
    Imported,
    clean_text,
    shorten,
)
from argmap.formats.json import from_document
from argmap.formats.kinds import Guesses
from argmap.formats.microtext.steps import SUPPORTS, Step, build
from argmap.model import Kind, Role
from argmap.model.keys import MAX_CLAIM_TEXT, MAX_TITLE, slugify
from argmap.read.yamltree import bad_character

ROLES = {"pro": Role.PROPONENT.value, "opp": Role.OPPONENT.value}
#: Stances of a text on its topic that make its central claim a recommendation.
STANCES = ("pro", "con")


class _Refused(Exception):
    """A document type declaration, met while parsing."""


class _Builder(ET.TreeBuilder):
    """The element tree, refusing a document type declaration as soon as it starts: its
    entities could expand a few bytes into gigabytes, and microtexts have none."""

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise _Refused(name)


def parse(xml: bytes) -> ET.Element:
    """The root of a microtext graph.

    Raises:
        FormatError: the file is not XML (or in an encoding Python does not know), or not a
            microtext graph, or it declares a document type (entities that could expand it
            without bound; microtexts have none).
    """
    parser = ET.XMLParser(target=_Builder())
    try:
        parser.feed(xml)
        root = parser.close()
    except _Refused:
        at = xml.find(b"<!DOCTYPE")
        line = xml.count(b"\n", 0, at) + 1
        where = f" at line {line}" if at >= 0 else ""
        raise FormatError(
            f"a document type declaration (<!DOCTYPE ...>){where} is not allowed: its entities "
            "could expand without bound, and a microtext has none"
        ) from None
    except ET.ParseError as exc:  # its position's column counts from 0; ours from 1
        line, column = exc.position
        why = str(exc).rsplit(": line ", 1)[0]
        raise FormatError(f"not XML: {why} at line {line}, column {column + 1}") from None
    except LookupError as exc:  # the declaration names an encoding Python does not know
        raise FormatError(f"not XML: {exc}") from None
    if root.tag != "arggraph":
        raise FormatError(
            f"not a microtext graph: the root element is <{root.tag}>, not <arggraph>"
        )
    return root


def _ids(units: list[str]) -> dict[str, str]:
    """A claim id for every unit: the unit's own id when it is one, else a unique slug of it."""
    ids = Ids()
    return {unit: ids.unique(unit if len(unit) <= 60 else slugify(unit)[:60]) for unit in units}


def read(xml: bytes, text: str, *, name: str, source_path: str) -> Imported:
    """A microtext graph as a map whose claims quote their segments of ``text``.

    Args:
        xml: The ``micro_*.xml`` file.
        text: Its ``.txt``, the map's source.
        name: The XML file's name, for the title and notes.
        source_path: The source's path relative to where the map will be written.

    Raises:
        FormatError: the XML is not a microtext graph, or one without units.
    """
    root = parse(xml)
    if root.find(".//adu") is None:
        raise FormatError(
            "not a microtext graph: no argumentative units (<adu>), no claims to import"
        )
    notes: list[str] = []
    edus = _first(root, "edu", notes)
    segments = {id_: " ".join((e.text or "").split()) for id_, e in edus.items()}
    implicit_segments = {id_ for id_, e in edus.items() if _true(e.get("implicit"))}
    adus = _first(root, "adu", notes)
    roles = {id_: a.get("type", "") for id_, a in adus.items()}
    implicit = {id_ for id_, a in adus.items() if _true(a.get("implicit"))}
    edges = {id_: (e.get("src", ""), e.get("trg", ""), e.get("type", ""))
             for id_, e in _first(root, "edge", notes).items()}  # fmt: skip
    quotes: dict[str, list[str]] = {unit: [] for unit in roles}
    made_of: dict[str, list[str]] = {unit: [] for unit in roles}  # unit → its segments
    for edge, (src, trg, kind) in edges.items():
        if kind != "seg":
            continue
        if src in segments and trg in quotes:
            quotes[trg].append(segments[src])
            made_of[trg].append(src)
        else:
            notes.append(f"segment edge {edge} ({src} → {trg}) names no segment or unit; left out")
    steps = build(edges, set(roles), notes)
    # every edge of the file counts, those left out too: a unit whose edge is left out (given
    # twice, of an unknown type) is not a second central claim
    outgoing = {e.get("src", "") for e in root.iter("edge") if e.get("type", "") != "seg"}
    central = [unit for unit in roles if unit not in outgoing]
    if len(central) != 1:
        named = f" ({', '.join(central)})" if central else ""
        notes.append(f"{len(central)} units have no outgoing edge{named}; a microtext has one "
                     "central claim")  # fmt: skip
    implicit |= {unit for unit, parts in made_of.items()
                 if parts and all(part in implicit_segments for part in parts)}  # fmt: skip
    used = {part for parts in made_of.values() for part in parts}
    unused = [segment for segment in segments if segment not in used]
    if unused:
        notes.append(f"segments not argumentative (in no unit; the text keeps them, the map "
                     f"does not): {', '.join(unused)}")  # fmt: skip
    ids = _ids(list(roles))
    units = _Units(roles, quotes, implicit, central, ids)
    document = _document(root, name, source_path, units, steps, text, notes)
    amap, diagnostics = from_document(document, name)
    if amap is None:  # pragma: no cover - the document is built to the format
        raise FormatError("; ".join(d.message for d in diagnostics))
    return Imported(amap, tuple(notes))


#: What a note says of an element given twice, to tell the two apart.
_SAID = {
    "edu": ("segment", lambda e: repr(shorten(" ".join((e.text or "").split()), 60))),
    "adu": ("unit", lambda e: e.get("type", "") or "no type"),
    "edge": ("edge", lambda e: f"{e.get('src', '')} → {e.get('trg', '')}, {e.get('type', '')}"),
}


def _first(root: ET.Element, tag: str, notes: list[str]) -> dict[str, ET.Element]:
    """The ``tag`` elements by id, in the file's order: of two with one id (which the corpus'
    DTD forbids) the first, and a note naming the id and what was kept and left out (the later
    silently replaced the earlier)."""
    found: dict[str, ET.Element] = {}
    what, said = _SAID[tag]
    for element in root.iter(tag):
        id_ = element.get("id", "")
        kept = found.setdefault(id_, element)
        if kept is not element:
            notes.append(f"{what} {id_} is defined twice; the first ({said(kept)}) is kept, the "
                         f"second ({said(element)}) is left out")  # fmt: skip
    return found


def _true(value: str | None) -> bool:
    return value is not None and value.strip().lower() in ("true", "1", "yes")


@attrs.frozen
class _Units:
    """The argumentative units: role, segments' text, implicit or not, which is central, ids."""

    roles: dict[str, str]
    quotes: dict[str, list[str]]
    implicit: set[str]
    central: list[str]
    ids: dict[str, str]


def _document(
    root: ET.Element,
    name: str,
    source_path: str,
    units: _Units,
    steps: dict[str, Step],
    text: str,
    notes: list[str],
) -> dict[str, Any]:
    roles, quotes, ids, central = units.roles, units.quotes, units.ids, units.central
    folded = unicodedata.normalize("NFC", " ".join(text.split()))  # é as one character or two

    def objection(step: Step, seen: frozenset[str]) -> dict[str, Any]:
        out: dict[str, Any] = {"claims": [ids[m] for m in step.members]}
        nested = [steps[u] for u in step.undercuts if u not in seen]
        if len(seen) > MAX_NESTED_ATTACKS and nested:
            edges = ", ".join(s.edge for s in nested)
            notes.append(f"und edges {edges} nest more than {MAX_NESTED_ATTACKS} deep; left out")
            nested = []
        if nested:
            out["objections"] = [objection(s, seen | {s.edge}) for s in nested]
        return out

    claims: dict[str, dict[str, Any]] = {}
    for unit, role in roles.items():
        said = [q for q in quotes[unit] if q]  # an empty segment quotes nothing
        words = " ".join(said)
        if quotes[unit] and not said:
            notes.append(f"unit {unit} has no text: its segments are empty")
        found = [q for q in said if unicodedata.normalize("NFC", " ".join(q.split())) in folded
                 and bad_character(q) is None]  # fmt: skip
        if unit in units.implicit:
            found = []  # an implicit claim is the annotator's: the text does not state it
        elif len(found) < len(said):
            notes.append(f"a segment of unit {unit} is not in the text; its quote is left out")
        about = [] if role in ROLES else [f"unit type '{role}'" if role else "no unit type"]
        about += ["the central claim"] if unit in central else []
        claim: dict[str, Any] = {
            "id": ids[unit],
            "text": _plain(words, MAX_CLAIM_TEXT) or f"(unit {unit} has no text)",
            "quotes": found,
            "reasons": [],
            "objections": [],
        }
        if about:
            claim["note"] = ", ".join(about)
        if central == [unit]:
            claim["thesis"] = True  # drawn on top, whatever its kind
        if role in ROLES:
            claim["role"] = ROLES[role]
        if unit in units.implicit:
            claim["implicit"] = True
        claims[unit] = claim
    for step in steps.values():
        if step.kind in SUPPORTS:
            reason = objection(step, frozenset({step.edge}))
            if SUPPORTS[step.kind]:
                reason["scheme"] = SUPPORTS[step.kind]
            claims[step.target]["reasons"].append(reason)
        elif step.kind == "reb":
            claims[step.target]["objections"].append(objection(step, frozenset({step.edge})))
    sections: dict[str, list[dict[str, Any]]] = {kind.section: [] for kind in Kind}
    guesses = Guesses(" ".join(q) for q in quotes.values())
    stance = root.get("stance")
    bare_thesis = False  # a central claim without reasons: a premise all the same
    for unit, claim in claims.items():
        if unit in central and stance in STANCES and claim["reasons"]:
            kind = Kind.RECOMMENDATION  # the text's answer to its topic's question
        else:
            kind = guesses.kind(claim["id"], claim["text"], has_reasons=bool(claim["reasons"]))
        if central == [unit] and kind is Kind.PREMISE:
            bare_thesis = True
            only = " (it is only defended against attacks)" if claim["objections"] else ""
            claim["note"] += (f"; a premise, though the text argues for it: it has no reasons"
                              f"{only}, and a recommendation or conclusion needs one")  # fmt: skip
        if not kind.takes_reasons:
            del claim["reasons"]
        for key in ("quotes", "objections"):
            if not claim[key]:
                del claim[key]
        sections[kind.section].append(claim)
    if (guessed := guesses.note()) is not None:
        notes.append(guessed)
    topic = _plain((root.get("topic_id") or "").replace("_", " "), MAX_TITLE)
    graph = _plain(root.get("id") or "", MAX_TITLE) or re.sub(r"\.xml$", "", name)
    title = _plain(f"{graph}: {topic}" if topic else graph, MAX_TITLE)
    note = (
        f"Imported by argmap from {name}, an argumentative microtext. Claim ids are the ids of "
        "its argumentative units; a claim's role says whether the proponent or the opponent "
        "holds it, and its note which is the central claim; a reason with the scheme 'example' "
        "was a support by example (exa)."
    )
    if stance:
        note += f" Stance of the text on its topic: {_plain(stance, MAX_TITLE)}."
        if stance in STANCES:
            note += (
                " A central claim with reasons, the text's answer to its topic, is a "
                "recommendation."
            )
    if bare_thesis:
        note += (
            " A central claim without reasons (only defended against attacks) is a premise, "
            "the map's thesis all the same: a recommendation or conclusion needs reasons "
            "(AM106), and one without would count as defeated."
        )
    return {
        "argmap": "1",
        "title": title,
        "note": note,
        "source": {
            "path": source_path,
            "title": _plain(f"Argumentative microtext {graph}", MAX_TITLE),
        },
        **{section: claims for section, claims in sections.items() if claims},
    }


def _plain(text: str, limit: int) -> str:
    """Text from the XML as a map holds it: without the characters argmap refuses, on one line,
    cut at a word to ``limit`` characters."""
    return shorten(" ".join(clean_text(text)[0].split()), limit)
