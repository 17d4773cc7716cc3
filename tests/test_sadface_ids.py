"""A SADFace document's atom ids survive argmap: each claim's note names its atom (``SADFace
atom a1``, as a Kialo import's notes name a claim's number) and the export writes that id back,
so that annotations keyed by the document's atom ids join the exported document again."""

from __future__ import annotations

import json
from typing import Any

import attrs

from argmap.formats import sadface

from .test_sadface import atom, bikes, edges, read, scheme


def _atoms(text: str) -> dict[str, str]:
    """Each atom of an exported document: its id → its text."""
    return {n["id"]: n["text"] for n in json.loads(text)["nodes"] if n["type"] == "atom"}


def test_an_imported_documents_atom_ids_are_written_back_by_the_export() -> None:
    document = bikes()
    imported = read(document)
    city = next(c for c in imported.map.claims if c.text.startswith("The city"))
    assert city.note == "SADFace atom a1"
    exported = sadface.write(imported.map)
    written = json.loads(exported.text)
    theirs = {n["id"]: n["text"] for n in document["nodes"] if n["type"] == "atom"}
    assert _atoms(exported.text) == theirs  # a1 ... a6, each with its text
    assert written["metadata"]["core"]["claim"] == "a1"  # the thesis, by its atom
    kept = {e["source_id"] for e in written["edges"]} | {e["target_id"] for e in written["edges"]}
    assert {"a1", "a2", "a3"} <= kept  # the edges join the atoms by their ids
    again = read(exported.text, "bikes.sadface.json")
    assert again.map == imported.map and again.notes == ()
    assert sadface.write(again.map).text == exported.text  # and so on, each time


def test_a_long_atoms_note_names_its_atom_and_keeps_its_whole_text() -> None:
    long = "word " * 200
    imported = read({"nodes": [atom("n-1", long)], "edges": []})
    (cut,) = imported.map.claims
    assert cut.note == f"SADFace atom n-1; full text: {long}"
    assert list(_atoms(sadface.write(imported.map).text)) == ["n-1"]


def test_an_atom_id_the_note_cannot_name_and_a_note_naming_a_taken_id_get_new_ids() -> None:
    doc: dict[str, Any] = {
        "nodes": [atom("has space", "A is so."), atom("b", "B is so."), scheme("s", "support")],
        "edges": edges("b>s", "s>has space"),
    }
    imported = read(doc)
    b, a = imported.map.claims  # the premise first
    assert (a.text, b.text) == ("A is so.", "B is so.")
    assert a.note is None and b.note == "SADFace atom b"
    ids = list(_atoms(sadface.write(imported.map).text))
    assert ids[0] == "b" and ids[1] != "has space"
    twice = attrs.evolve(imported.map, claims=(attrs.evolve(a, note="SADFace atom b"), b))
    first, second = _atoms(sadface.write(twice).text)
    assert first == "b" and second != "b"  # ids stay unique: the second is made anew
