"""Lossless AIF: a dialogical graph (locutions, speakers, transitions, a rephrase, schemes,
scheme ids, timestamps, a preference) comes back from import → export → import as it was, with
every node id of the source; what the analyst changes, the export follows."""

from __future__ import annotations

import json
from typing import Any

import attrs

from argmap.checks import check
from argmap.diagnostics import Severity
from argmap.formats import aif
from argmap.formats.yaml import dump
from argmap.model import ArgumentMap, Carried, Claim, Kind, Reason, Ref, Role, equivalents
from argmap.read.loader import load

from .strategies import bare

STAMP = "2016-10-09 21:{:02d}:00"


def node(node_id: Any, kind: str, text: str, **more: Any) -> dict[str, Any]:
    return {"nodeID": node_id, "text": text, "type": kind,
            "timestamp": STAMP.format(int(str(node_id)[-2:]) % 60), **more}  # fmt: skip


def dialogue() -> dict[str, Any]:
    """A small debate as AIFdb stores one: claims asserted in locutions by two participants,
    a support by expert opinion and a default one, an attack, a rephrase (4 says 2 again), a
    preference, and transitions anchoring the arguing."""
    nodes = [
        node("1", "I", "We should build the bridge now."),
        node("2", "I", "It helps the town."),
        node("3", "I", "It costs too much."),
        node("4", "I", "It is good for the town."),
        node("5", "I", "The mayor says it helps."),
        node("30", "RA", "Default Inference", scheme="Default Inference", schemeID="72"),
        node("31", "CA", "Default Conflict", scheme="Default Conflict", schemeID="71"),
        node("32", "MA", "Default Rephrase", scheme="Default Rephrase", schemeID="144"),
        node("33", "RA", "Argument From Expert Opinion", scheme="Expert Opinion", schemeID="15"),
        node("34", "PA", "Default Preference", scheme="Default Preference", schemeID="161"),
    ]
    edges = [("2", "30"), ("30", "1"), ("3", "31"), ("31", "1"), ("2", "32"), ("32", "4"),
             ("5", "33"), ("33", "2"), ("30", "34"), ("34", "31")]  # fmt: skip
    locutions, speakers = [], {"1": 1, "2": 1, "3": 2, "4": 2, "5": 1}
    for claim, person in speakers.items():
        name = "Proponent" if person == 1 else "Opponent"
        nodes += [node(f"1{claim}", "L", f"{name} : said {claim}"),
                  node(f"2{claim}", "YA", "Asserting")]  # fmt: skip
        edges += [(f"1{claim}", f"2{claim}"), (f"2{claim}", claim)]
        locutions.append({"nodeID": f"1{claim}", "personID": person, "timestamp": STAMP.format(1),
                          "start": None, "end": None, "source": ""})  # fmt: skip
    for ta, ya, (said, answer), step in (("40", "41", ("11", "12"), "30"),
                                         ("42", "43", ("11", "13"), "31"),
                                         ("44", "45", ("12", "14"), "32")):  # fmt: skip
        nodes += [node(ta, "TA", "Default Transition"), node(ya, "YA", "Arguing")]
        edges += [(said, ta), (ta, answer), (ta, ya), (ya, step)]
    return {
        "nodes": nodes,
        "edges": [
            {"edgeID": str(n), "fromID": a, "toID": b, "formEdgeID": None}
            for n, (a, b) in enumerate(edges, 100)
        ],
        "locutions": locutions,
        "participants": [
            {"participantID": 1, "firstname": "Proponent", "surname": ""},
            {"participantID": 2, "firstname": "Opponent", "surname": ""},
        ],
    }


def imported(doc: dict[str, Any], name: str = "debate.json") -> ArgumentMap:
    result = aif.read(json.dumps(doc).encode(), name=name)
    errors = [d for d in check(result.map, "d.yaml") if d.severity is Severity.ERROR]
    assert errors == []
    loaded, problems = load(dump(result.map).encode(), "d.yaml")
    assert problems == [] and loaded == result.map  # the map file holds all of it
    return result.map


def pairs(doc: dict[str, Any]) -> set[tuple[str, str]]:
    return {(str(e["fromID"]), str(e["toID"])) for e in doc["edges"]}


def test_a_dialogue_is_read_with_its_restatement_schemes_speakers_and_roles() -> None:
    amap = imported(dialogue())
    claims = {c.aif.value["nodeID"]: c for c in amap.claims}  # type: ignore[union-attr]
    act, helps, costs, good, mayor = (claims[i] for i in "12345")
    assert bare(good).restates == (Ref(helps.id),)  # 2 → MA → 4: 4 says 2 again
    assert equivalents(amap)[good.id] == equivalents(amap)[helps.id]
    (default,) = act.reasons
    (expert,) = helps.reasons
    assert (default.scheme, expert.scheme) == (None, "Expert Opinion")
    assert expert.aif.value == {  # type: ignore[union-attr]
        "nodeID": "33", "text": "Argument From Expert Opinion",
        "timestamp": STAMP.format(33), "scheme": "Expert Opinion", "schemeID": "15",
    }  # fmt: skip
    assert expert.note is None  # the text names the scheme again: no note
    assert act.objections[0].aif.value["schemeID"] == "71"  # type: ignore[union-attr]
    assert good.restates[0].aif.value["nodeID"] == "32"  # type: ignore[union-attr]
    said = {"locution": "Proponent : said 2", "speaker": "Proponent"}
    assert helps.aif.value == {"nodeID": "2", "timestamp": STAMP.format(2), **said}  # type: ignore[union-attr]
    assert [c.role for c in (act, helps, costs, good, mayor)] == [
        Role.PROPONENT, Role.PROPONENT, Role.OPPONENT, Role.OPPONENT, Role.PROPONENT
    ]  # fmt: skip
    # the dialogue layer and the preference are kept for the export, not drawn
    rest = amap.aif.value  # type: ignore[union-attr]
    assert {n["type"] for n in rest["nodes"]} == {"L", "YA", "TA", "PA"}
    assert rest["participants"] == dialogue()["participants"]


def test_the_export_gives_back_every_node_id_edge_and_field() -> None:
    source = dialogue()
    exported = json.loads(aif.write(imported(source)).text)
    by_id = {n["nodeID"]: n for n in exported["nodes"]}
    for original in source["nodes"]:
        assert by_id[original["nodeID"]] == original  # id, type, text, timestamp, scheme (id)
    assert len(exported["nodes"]) == len(source["nodes"])
    assert pairs(exported) == pairs(source)
    assert exported["locutions"] == source["locutions"]
    assert exported["participants"] == source["participants"]


def test_import_export_import_is_identical_with_or_without_argmaps_key() -> None:
    first = imported(dialogue())
    exported = json.loads(aif.write(first).text)
    assert imported(exported) == first
    del exported["argmap"]  # as another AIF tool would leave it
    assert imported(exported) == first


def test_what_the_analyst_changes_the_export_follows() -> None:
    amap = imported(dialogue())
    claims = {c.aif.value["nodeID"]: c for c in amap.claims}  # type: ignore[union-attr]
    helps, costs = claims["2"], claims["3"]
    reason = attrs.evolve(helps.reasons[0], scheme="Position To Know")
    new = Claim("bridges-last", Kind.PREMISE, "Bridges last a century.")
    changed = [attrs.evolve(helps, reasons=(reason,)) if c is helps else c
               for c in amap.claims if c is not costs]  # fmt: skip
    changed = [
        attrs.evolve(c, objections=()) if c.objections else c for c in [*changed, new]
    ]  # costs is gone: so is its attack
    exported = aif.write(attrs.evolve(amap, claims=tuple(changed)))
    data = json.loads(exported.text)
    by_id = {n["nodeID"]: n for n in data["nodes"]}
    assert by_id["33"]["scheme"] == "Position To Know" and "schemeID" not in by_id["33"]
    # after the highest id of the map's own nodes (33), past the preference's (34)
    assert by_id["35"] == {"nodeID": "35", "text": "Bridges last a century.", "type": "I",
                           "timestamp": "1970-01-01 00:00:00"}  # fmt: skip
    assert "3" not in by_id and "31" not in by_id
    # the attack's own links (3 → 31 → 1) and the dialogue's and preference's to them
    assert "5 carried edges join nodes the map does not have; left out" in exported.losses
    assert ("23", "3") not in pairs(data)


def test_a_rephrase_that_would_make_a_claim_attack_itself_is_left_out_and_kept() -> None:
    """3 attacks 1; an MA-node saying 1 is 3 again would make one statement attack itself:
    it is left out of the map, with a note, and the export still has it."""
    source = dialogue()
    source["nodes"].append(node("35", "MA", "Default Rephrase"))
    source["edges"] += [{"edgeID": "200", "fromID": "3", "toID": "35"},
                        {"edgeID": "201", "fromID": "35", "toID": "1"}]  # fmt: skip
    result = aif.read(json.dumps(source).encode(), name="d.json")
    assert "MA node 35 would make node 3 one statement with node 1, which it attacks; left out" in (
        result.notes
    )
    assert all(not bare(c).restates or c.aif.value["nodeID"] == "4" for c in result.map.claims)  # type: ignore[union-attr]
    exported = json.loads(aif.write(result.map).text)
    assert ("3", "35") in pairs(exported) and ("35", "1") in pairs(exported)


def test_a_map_made_in_argmap_gets_fresh_ids_and_a_scheme_node() -> None:
    amap, _ = load(
        b"argmap: 1\ntitle: T\npremises:\n  - id: p\n    text: P.\n    role: opponent\n"
        b"conclusions:\n  - id: c\n    text: C.\n    reasons:\n      - claims: p\n"
        b"        scheme: Example\n  - id: d\n    text: C, in other words.\n    restates: c\n"
        b"    reasons: [p]\n",
        "t.yaml",
    )
    assert amap is not None
    data = json.loads(aif.write(amap).text)
    assert [(n["nodeID"], n["type"], n["text"]) for n in data["nodes"]] == [
        ("1", "I", "P."), ("2", "I", "C."), ("3", "I", "C, in other words."),
        ("4", "RA", "Example"), ("5", "RA", "Default Inference"), ("6", "MA", "Default Rephrase"),
    ]  # fmt: skip
    assert data["nodes"][3]["scheme"] == "Example"
    assert pairs(data) >= {("2", "6"), ("6", "3")}  # c → MA → d: d restates c
    assert data["argmap"]["claims"]["1"]["role"] == "opponent"
    assert aif.write(amap).losses == (
        "AIF has no place for the title, claim ids and kinds, 1 role: they are kept under the "
        "top-level 'argmap' key, which other AIF tools ignore",
        "2 RA nodes argmap made have no scheme id ('schemeID', as AIFdb numbers its schemes): "
        "argmap takes one only from the map's own nodes of the same scheme, and none has "
        "Default Inference, Example",
    )
    back = aif.read(json.dumps(data).encode(), name="t.json").map
    assert back == amap
    assert Carried.of({}) != back.claims[0].aif and back.claims[0].aif is None


def test_nodes_argmap_makes_take_the_scheme_ids_of_the_maps_own_nodes() -> None:
    """An analyst adds two reasons to a map imported from AIFdb, a default one and one from
    expert opinion, and an objection: their new nodes had no scheme id ('schemeID'), which
    AIFdb's own nodes of those schemes have, and nothing said so. They take the ids the map's
    own nodes of the same scheme carry (Default Inference 72, Expert Opinion 15, Default
    Conflict 71); a scheme no node of the map has gets none, and the export says so."""
    amap = imported(dialogue())
    claims = {c.aif.value["nodeID"]: c for c in amap.claims}  # type: ignore[union-attr]
    new = {"3": (Ref(claims["5"].id),), "4": (Ref(claims["1"].id),)}
    added = {
        "3": attrs.evolve(claims["3"], kind=Kind.CONCLUSION, aif=claims["3"].aif,
                          reasons=(Reason(new["3"]), Reason(new["4"], scheme="Expert Opinion"))),
        "4": attrs.evolve(claims["4"], kind=Kind.CONCLUSION,
                          reasons=(Reason((Ref(claims["5"].id),), scheme="Analogy"),),
                          objections=(Ref(claims["3"].id),)),
    }  # fmt: skip
    changed = attrs.evolve(amap, claims=tuple(added.get(str(c.aif.value["nodeID"]), c)  # type: ignore[union-attr]
                                              for c in amap.claims))  # fmt: skip
    exported = aif.write(changed)
    nodes = json.loads(exported.text)["nodes"]
    known = {n["nodeID"] for n in dialogue()["nodes"]}
    fresh = [n for n in nodes if n["nodeID"] not in known]
    assert [(n["type"], n.get("scheme"), n.get("schemeID")) for n in fresh] == [
        ("RA", "Default Inference", "72"), ("RA", "Expert Opinion", "15"),
        ("RA", "Analogy", None), ("CA", "Default Conflict", "71"),
    ]  # fmt: skip
    assert (
        "1 RA node argmap made has no scheme id ('schemeID', as AIFdb numbers its schemes): "
        "argmap takes one only from the map's own nodes of the same scheme, and none has "
        "Analogy"
    ) in exported.losses


def test_a_preference_is_said_to_be_carried_not_drawn_and_not_weighed() -> None:
    """The note said the PA node 'is left out', though the map carries it and the export
    writes it back; what is lost is that the map does not draw it and argmap eval does not
    weigh it (the map format has no preferences)."""
    result = aif.read(json.dumps(dialogue()).encode(), name="debate.json")
    assert (
        "1 PA node (preference) is not drawn, nor weighed by argmap eval (the map format has "
        "no place for preferences): the map carries it with its 2 links (PA → CA 1, RA → PA 1) "
        "under 'aif:', and export aif writes it back: 34"
    ) in result.notes
    written = json.loads(aif.write(result.map).text)
    (preference,) = [n for n in written["nodes"] if n["type"] == "PA"]
    assert preference == dialogue()["nodes"][9]
    assert {("30", "34"), ("34", "31")} <= pairs(written)
