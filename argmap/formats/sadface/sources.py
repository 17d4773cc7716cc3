"""A SADFace document's text analysed (its one ``text`` resource) → the map's source, and each
atom's ``sources`` (passages of it) → that atom's quotes.

A map quotes one source, a text file beside it, so a document's text becomes the source only
when there is exactly one resource holding text; the import hands the text over for the file
to be written (:attr:`argmap.formats.base.Imported.source_text`). A passage becomes a quote
when it is found in that text (spaces and the form of accents aside, as ``argmap check`` finds
it); the others are left out, counted in a note. The resource's id is carried (the map's
``sadface:``), its metadata's title, publisher, date and url are the source's; the rest of its
metadata and each passage's offset and length have no place in a map, and the note says so.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import attrs

from argmap.formats.base import clean_text, shorten, usable_url
from argmap.formats.sadface.document import ATOM, Document, text_resource
from argmap.formats.sadface.grounds import ABOUT
from argmap.model.keys import MAX_TEXT
from argmap.read.yamltree import bad_character


@attrs.frozen
class Quoted:
    """The text analysed (None: no usable resource), each atom's quotes, the notes, and the
    id of the resource holding the text."""

    text: str | None
    quotes: dict[str, list[str]]
    notes: tuple[str, ...]
    resource: str | None = None
    about: dict[str, str] = attrs.Factory(dict)  # the source's title, publisher, date, url


def _count(number: int, one: str) -> str:
    return f"{number} {one}{'s' * (number != 1)}"


def _folded(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def quoted(doc: dict[str, Any], document: Document, source_path: str) -> Quoted:
    """The map's source text and quotes from the document, with notes on what is left out;
    ``source_path`` is the name the map gives the source."""
    found = text_resource(doc)
    if found is None:  # the document's notes say what is left out
        return Quoted(None, {}, ())
    sourced = [a for a in document.of_role(ATOM)
               if isinstance(a.raw.get("sources"), list) and a.raw["sources"]]  # fmt: skip
    rid, text = found
    folded = _folded(text)
    quotes: dict[str, list[str]] = {}
    missed, missed_atoms = 0, set[str]()
    for atom in sourced:
        for passage in atom.raw["sources"]:
            said = passage.get("text") if isinstance(passage, dict) else None
            ours = isinstance(passage, dict) and str(passage.get("resource_id")) == rid
            if (ours and isinstance(said, str) and said.strip() and bad_character(said) is None
                    and _folded(said) in folded):  # fmt: skip
                quotes.setdefault(atom.id, []).append(" ".join(said.split()))
            else:
                missed += 1
                missed_atoms.add(atom.id)
    quotes = {atom: list(dict.fromkeys(said)) for atom, said in quotes.items()}
    kept = sum(len(said) for said in quotes.values())
    if not kept:
        quoting = "no atom quotes it"
    elif kept == 1:
        quoting = "1 source of 1 atom is its claim's quote"
    else:
        quoting = f"{kept} sources of {_count(len(quotes), 'atom')} are quotes of their claims"
    notes = [
        f"resource {rid} (the text analysed) is the map's source, {source_path} beside the "
        f"map; {quoting} (of the resource's metadata, the source keeps the title, publisher, "
        "date and url; each source's offset and length are not kept: an export to SADFace "
        "finds each quote in the text again)"
    ]
    if missed:
        notes.append(f"{_count(missed, 'source')} of {_count(len(missed_atoms), 'atom')} "
                     f"{'is' if missed == 1 else 'are'} not passages of the map's source "
                     f"(resource {rid}); left out")  # fmt: skip
    return Quoted(text, quotes, tuple(notes), rid, _about(doc))


def _about(doc: dict[str, Any]) -> dict[str, str]:
    """The source's title, publisher, date and url, as the text resource's metadata gives
    them (under ``core``, or, as SADFace 0.1 wrote them, at its top), as a map holds them."""
    metadata = doc["resources"][0].get("metadata")
    core = metadata.get("core", metadata) if isinstance(metadata, dict) else None
    out: dict[str, str] = {}
    for key in ABOUT if isinstance(core, dict) else ():
        value = core.get(key)
        said = " ".join(clean_text(value)[0].split()) if isinstance(value, str) else ""
        if said and (key != "url" or usable_url(said)):
            out[key] = shorten(said, MAX_TEXT)
    return out


__all__ = ["Quoted", "quoted"]
