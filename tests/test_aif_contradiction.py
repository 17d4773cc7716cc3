"""A contradiction in AIF: two conflict (CA) nodes, one each way, as AIF and OVA draw claims
that cannot both be true; argmap's key brings back the contradiction, and without it the two
attacks come back, said in a note. The export's note names all that AIF itself cannot hold:
what AIF tools, and argmap reading without its key, do not get."""

from __future__ import annotations

import json
from typing import Any

from argmap.formats import aif
from argmap.model import ArgumentMap, attackers
from argmap.read.loader import load

CONTRA = b"""argmap: 1
title: Contradiction
premises:
  - id: sky
    text: The sky is blue.
    implicit: true
  - id: grey
    text: The sky is grey.
    implicit: true
    contradicts: sky
    objections: [old]
  - id: old
    text: The photo of a grey sky is old.
    implicit: true
conclusions:
  - id: c
    text: It will not rain.
    implicit: true
    reasons: [sky]
"""


def loaded(text: bytes) -> ArgumentMap:
    amap, diagnostics = load(text, "m.yaml")
    assert amap is not None, diagnostics
    return amap


def conflicts(data: dict[str, Any]) -> set[tuple[str, str]]:
    """(attacker's text, target's text) of each CA-node between two I-nodes."""
    nodes = {n["nodeID"]: n for n in data["nodes"]}
    into = {e["toID"]: e["fromID"] for e in data["edges"]}
    out = {e["fromID"]: e["toID"] for e in data["edges"]}
    return {(nodes[into[n]]["text"], nodes[out[n]]["text"]) for n, node in nodes.items()
            if node["type"] == "CA" and nodes[out[n]]["type"] == "I"}  # fmt: skip


def test_a_contradiction_is_a_conflict_node_each_way_and_comes_back() -> None:
    amap = loaded(CONTRA)
    exported = aif.write(amap)
    data = json.loads(exported.text)
    assert conflicts(data) == {
        ("The photo of a grey sky is old.", "The sky is grey."),
        ("The sky is grey.", "The sky is blue."),
        ("The sky is blue.", "The sky is grey."),
    }
    assert {n["text"] for n in data["nodes"] if n["type"] == "CA"} == {"Default Conflict"}
    back = aif.read(exported.text.encode(), name="contra.json")
    assert back.map == amap  # the contradiction again, not two attacks
    assert back.notes == ()
    assert aif.write(back.map).text == exported.text


def test_without_argmaps_key_a_contradiction_comes_back_as_two_attacks_said_in_a_note() -> None:
    data = json.loads(aif.write(loaded(CONTRA)).text)
    del data["argmap"]
    back = aif.read(json.dumps(data).encode(), name="contra.json")
    claims = {claim.text: claim for claim in back.map.claims}
    sky, grey = claims["The sky is blue."], claims["The sky is grey."]
    assert [a.id for o in sky.objections for a in attackers(o)] == [grey.id]
    assert sky.id in [a.id for o in grey.objections for a in attackers(o)]
    assert sky.contradicts == grey.contradicts == ()
    said = [n for n in back.notes if "attack each other" in n]
    assert len(said) == 1 and "two objections" in said[0], back.notes


def test_the_export_note_names_what_aif_itself_cannot_hold() -> None:
    amap = loaded(b"""argmap: 1
title: Rich
lang: de
note: A map note.
source:
  path: src.txt
premises:
  - id: sky
    text: The sky is blue.
    label: Sky
    implicit: true
  - id: grey
    text: The sky is grey.
    implicit: true
    contradicts: sky
  - id: doubt
    text: The expert is biased.
    implicit: true
recommendations:
  - id: paint
    text: We should paint the house blue.
    implicit: true
    thesis: true
    reasons:
      - claims: [sky]
        objections:
          - claims: doubt
            question: [2, 3]
            note: objection note
""")
    loss, ids = aif.write(amap).losses
    assert ids.startswith("1 RA node argmap made has no scheme id ('schemeID'")
    for said in ("the title", "the language", "the source", "the note", "claim ids and kinds",
                 "4 implicit marks", "1 thesis mark", "1 label", "2 critical questions",
                 "1 objection note", "1 contradiction"):  # fmt: skip
        assert said in loss, (said, loss)
    assert "two CA nodes" in loss
