"""The shared corpora read here independently of argmap (the microtexts' XML with xml.etree,
AraucariaDB's JSON as JSON, the framework solved from Dung's definitions) and compared, map by
map, with what argmap imports, evaluates and writes back: the same units, relations and
central claim, quotes as the text has them, the same grounded and preferred labels, and every
difference of a round trip through Argdown named in its losses."""

from __future__ import annotations

import collections
import json
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from argmap.analysis.evaluate import IN, OUT, UNDEC, Status, evaluate
from argmap.analysis.preferred import preferred
from argmap.convert import import_file
from argmap.formats import aif, argdown
from argmap.model import ArgumentMap, Link, Relation, relations

from .conftest import SHARED

MICROTEXTS = sorted((SHARED / "corpora" / "arg-microtexts-en").glob("micro_*.xml"))
ARAUCARIA = sorted((SHARED / "corpora" / "araucaria-aif").glob("nodeset*.json"))
needs_microtexts = pytest.mark.skipif(not MICROTEXTS, reason="corpus not found")
needs_araucaria = pytest.mark.skipif(not ARAUCARIA, reason="corpus not found")

#: A relation named by what it is made of: its type, its claims, and its target (a claim, or
#: for an undercut the relation it attacks).
Canon = tuple[str, frozenset[str], Any]


# --- the microtexts, read from the XML ----------------------------------------------------


class Microtext:
    """A microtext as its XML says it: units and their types, each unit's segments, its
    relations (each sup, exa, reb and und edge with the units ``add`` joins to it) and the
    units with no outgoing edge."""

    def __init__(self, root: ET.Element) -> None:
        segments = {e.get("id"): e.text or "" for e in root.iter("edu")}
        self.units = {a.get("id", ""): a.get("type", "") for a in root.iter("adu")}
        self.edges = {e.get("id", ""): (e.get("src", ""), e.get("trg", ""), e.get("type", ""))
                      for e in root.iter("edge")}  # fmt: skip
        self.segments: dict[str, list[str]] = collections.defaultdict(list)
        self.members: dict[str, list[str]] = {}
        for edge, (src, trg, kind) in self.edges.items():
            if kind == "seg":
                self.segments[trg].append(segments[src])
            elif kind in ("sup", "exa", "reb", "und"):
                self.members[edge] = [src]
        for src, trg, kind in self.edges.values():
            if kind == "add":
                self.members[trg].append(src)
        leaving = {src for src, _, kind in self.edges.values() if kind != "seg"}
        self.central = [unit for unit in self.units if unit not in leaving]

    def canon(self, edge: str) -> Canon:
        _, trg, kind = self.edges[edge]
        return (kind, frozenset(self.members[edge]), self.canon(trg) if kind == "und" else trg)

    def relations(self) -> collections.Counter[Canon]:
        return collections.Counter(self.canon(edge) for edge in self.members)

    def framework(self) -> dict[str, set[str]]:
        steps = {e: (m, self.edges[e][1]) for e, m in self.members.items()
                 if self.edges[e][2] in ("sup", "exa")}  # fmt: skip
        attacks = {e: (m, self.edges[e][1]) for e, m in self.members.items()
                   if self.edges[e][2] in ("reb", "und")}  # fmt: skip
        return framework(list(self.units), steps, attacks)


def microtext_canon(relation: Relation, name: dict[str, str] | None = None) -> Canon:
    """A relation of a map named as :meth:`Microtext.canon` names an edge (claims renamed by
    ``name``, e.g. to AIF node ids)."""
    ids = frozenset((name or {}).get(ref.id, ref.id) for ref in relation.claims)
    target = (name or {}).get(relation.target.id, relation.target.id)
    if relation.link is Link.SUPPORT:
        return ("exa" if relation.scheme == "example" else "sup", ids, target)
    if relation.link is Link.REBUT:
        return ("reb", ids, target)
    assert relation.link is Link.UNDERCUT and relation.on is not None
    return ("und", ids, microtext_canon(relation.on, name))


# --- Dung's framework and its labellings, from the definitions --------------------------


def framework(
    claims: list[str],
    steps: dict[str, tuple[list[str], str]],
    attacks: dict[str, tuple[list[str], str]],
) -> dict[str, set[str]]:
    """Each argument and its attackers, by the rules of docs/evaluation.md: a claim with
    reasons needs one that holds (``unsupported:c``, attacked by each step of c, attacks c); a
    step or attack needs all its claims (``not:m``, attacked by m, attacks it); an attack
    attacks its target (a claim, a step or another attack)."""
    attackers: dict[str, set[str]] = collections.defaultdict(set)
    supported = {target for _, target in steps.values()}
    for claim in claims:
        attackers[f"not:{claim}"].add(claim)
        attackers[claim]
        if claim in supported:
            attackers[claim].add(f"unsupported:{claim}")
    for step, (members, target) in steps.items():
        attackers[step] |= {f"not:{m}" for m in members}
        attackers[f"unsupported:{target}"].add(step)
    for attack, (members, target) in attacks.items():
        attackers[attack] |= {f"not:{m}" for m in members}
        attackers[target].add(attack)
    return dict(attackers)


def grounded(attackers: dict[str, set[str]]) -> dict[str, str]:
    """The least fixed point: in once every attacker is out, out once an attacker is in."""
    label = dict.fromkeys(attackers, "undec")
    changed = True
    while changed:
        changed = False
        for x, by in attackers.items():
            if label[x] != "undec":
                continue
            if all(label[a] == "out" for a in by):
                label[x], changed = "in", True
            elif any(label[a] == "in" for a in by):
                label[x], changed = "out", True
    return label


def preferred_labellings(attackers: dict[str, set[str]]) -> list[dict[str, str]]:
    """The complete labellings (in iff every attacker out, out iff some attacker in) whose
    set of arguments in is maximal, found by trying each label on the arguments grounded
    semantics leaves undecided."""
    base = grounded(attackers)
    free = [x for x, v in base.items() if v == "undec"]
    attacks: dict[str, set[str]] = collections.defaultdict(set)
    for x, by in attackers.items():
        for a in by:
            attacks[a].add(x)
    found: list[dict[str, str]] = []

    def legal(x: str, label: dict[str, str]) -> bool:
        by = [label.get(a) for a in attackers[x]]
        if None in by:
            return True  # decided later, when its attackers are
        want = "in" if all(v == "out" for v in by) else "out" if "in" in by else "undec"
        return label[x] == want

    def search(i: int, label: dict[str, str]) -> None:
        if i == len(free):
            found.append(dict(label))
            return
        x = free[i]
        for value in ("in", "out", "undec"):
            label[x] = value
            if all(legal(y, label) for y in (x, *attacks[x]) if y in label):
                search(i + 1, label)
            del label[x]

    search(0, {x: v for x, v in base.items() if v != "undec"})
    ins = [frozenset(x for x, v in lab.items() if v == "in") for lab in found]
    return [lab for lab, chosen in zip(found, ins, strict=True) if not any(chosen < o for o in ins)]


LABEL = {IN: "in", OUT: "out", UNDEC: "undec"}
STATUS = {Status.STANDS: "in", Status.DEFEATED: "out", Status.UNDECIDED: "undec"}


def agree(amap: ArgumentMap, attackers: dict[str, set[str]], ids: dict[str, str]) -> None:
    """argmap's grounded statuses and preferred labellings of the claims are the reference's
    (``ids``: the reference's name of each claim → its id in the map)."""
    reference = grounded(attackers)
    evaluation = evaluate(amap)
    assert {c: STATUS[evaluation.status(i)] for c, i in ids.items()} == {
        c: reference[c] for c in ids
    }
    order = [claim.id for claim in amap.claims]
    claim_of = {i: c for c, i in ids.items()}
    found = {
        frozenset((claim_of[order[x]], LABEL[v]) for x, v in enumerate(labels[: len(order)]))
        for labels in preferred(amap).labellings()
    }
    expected = {frozenset((c, lab[c]) for c in ids) for lab in preferred_labellings(attackers)}
    assert found == expected


# --- the microtexts -----------------------------------------------------------------------


def microtexts(tmp_path: Path) -> Iterator[tuple[Path, Microtext, ArgumentMap]]:
    for path in MICROTEXTS:
        amap = import_file("microtext", path, tmp_path / "map.yaml").map
        yield path, Microtext(ET.parse(path).getroot()), amap


@needs_microtexts
def test_every_microtext_has_the_units_relations_and_central_claim_its_xml_has(
    tmp_path: Path,
) -> None:
    for path, text, amap in microtexts(tmp_path):
        source = path.with_suffix(".txt").read_text(encoding="utf-8")
        claims = amap.by_id()
        assert sorted(claims) == sorted(text.units), path.name
        assert collections.Counter(map(microtext_canon, relations(amap))) == text.relations()
        central = [c.id for c in amap.claims if c.note and "the central claim" in c.note]
        assert central == text.central and len(central) == 1, path.name
        for unit, kind in text.units.items():
            claim = claims[unit]
            assert claim.role is not None and claim.role.value[:3] == kind[:3], (path.name, unit)
            assert [q.text for q in claim.quotes] == text.segments[unit], (path.name, unit)
            assert all(q.text in source for q in claim.quotes), (path.name, unit)


@needs_microtexts
def test_every_microtext_is_labelled_as_dungs_framework_of_its_xml_labels_it(
    tmp_path: Path,
) -> None:
    """The corpus has no cycle of attacks, so every claim is decided; the second test gives it
    some."""
    decided = collections.Counter()
    for _, text, amap in microtexts(tmp_path):
        agree(amap, text.framework(), {unit: unit for unit in text.units})
        decided.update(STATUS[s] for s in evaluate(amap).statuses.values())
    assert decided["undec"] == 0 and decided["in"] > 0 and decided["out"] > 0


@needs_microtexts
def test_microtexts_whose_rebuttals_are_made_mutual_are_labelled_as_dungs_framework(
    tmp_path: Path,
) -> None:
    """Each rebuttal answered by a rebuttal back: cycles of attacks, which grounded semantics
    leaves undecided and the preferred labellings settle each way."""
    several = 0
    for path in MICROTEXTS:
        tree = ET.parse(path)
        root = tree.getroot()
        rebuttals = [e for e in root.iter("edge") if e.get("type") == "reb"]
        for n, edge in enumerate(rebuttals):
            back = {"id": f"back{n}", "src": edge.get("trg", ""), "trg": edge.get("src", "")}
            ET.SubElement(root, "edge", {**back, "type": "reb"})
        mutual = tmp_path / path.name
        tree.write(mutual)
        shutil.copy(path.with_suffix(".txt"), mutual.with_suffix(".txt"))
        amap = import_file("microtext", mutual, tmp_path / "map.yaml").map
        text = Microtext(root)
        agree(amap, text.framework(), {unit: unit for unit in text.units})
        several += preferred(amap).count > 1
    assert several == 44  # of the 112 texts; the others have no rebuttal


# --- AraucariaDB, read from the JSON -----------------------------------------------------


class Nodeset:
    """An AIF graph as its JSON says it: its I-nodes, and each RA-node's premises and
    conclusions, each CA-node's attackers and targets (an I-, RA- or CA-node)."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.types = {str(n["nodeID"]): n["type"] for n in doc["nodes"]}
        self.into: dict[str, list[str]] = collections.defaultdict(list)
        self.out: dict[str, list[str]] = collections.defaultdict(list)
        for edge in doc["edges"]:
            self.into[str(edge["toID"])].append(str(edge["fromID"]))
            self.out[str(edge["fromID"])].append(str(edge["toID"]))
        self.claims = [node for node, kind in self.types.items() if kind == "I"]

    def premises(self, node: str) -> frozenset[str]:
        return frozenset(x for x in self.into[node] if self.types.get(x) == "I")

    def canons(self, node: str) -> list[Canon]:
        """What an RA- or CA-node is, once for each of its conclusions or targets."""
        kind = "sup" if self.types[node] == "RA" else "att"
        found: list[Canon] = []
        for target in self.out[node]:
            if self.types.get(target) == "I":
                found.append((kind, self.premises(node), target))
            elif self.types.get(target) in ("RA", "CA"):
                found += [("und", self.premises(node), c) for c in self.canons(target)]
        return found

    def relations(self) -> set[Canon]:
        kinds = ("RA", "CA")
        return {c for node, kind in self.types.items() if kind in kinds for c in self.canons(node)}

    def framework(self) -> dict[str, set[str]]:
        steps, attacks = {}, {}
        for canon in self.relations():
            kind, members, target = canon
            made = (sorted(members), target if kind != "und" else repr(target))
            (steps if kind == "sup" else attacks)[repr(canon)] = made
        return framework(self.claims, steps, attacks)


def aif_canon(relation: Relation, node: dict[str, str]) -> Canon:
    ids = frozenset(node[ref.id] for ref in relation.claims)
    if relation.link is Link.SUPPORT:
        return ("sup", ids, node[relation.target.id])
    if relation.link is Link.REBUT:
        return ("att", ids, node[relation.target.id])
    assert relation.link is Link.UNDERCUT and relation.on is not None
    return ("und", ids, aif_canon(relation.on, node))


def araucaria() -> Iterator[tuple[Path, Nodeset, ArgumentMap, dict[str, str]]]:
    for path in ARAUCARIA:
        amap = aif.read(path.read_bytes(), name=path.name).map
        node = {c.id: c.aif.value["nodeID"] for c in amap.claims if c.aif is not None}
        yield path, Nodeset(json.loads(path.read_bytes())), amap, node


@needs_araucaria
def test_every_araucaria_map_has_the_claims_and_relations_its_json_has() -> None:
    """Every I-node a claim, every RA- and CA-node its reasons and attacks with the same
    premises and targets; AraucariaDB has 3 RA-nodes twice (the same premises, the same
    conclusion), which the map has once."""
    repeated = 0
    for path, nodes, amap, node in araucaria():
        assert sorted(node.values()) == sorted(nodes.claims), path.name
        mapped = [aif_canon(r, node) for r in relations(amap)]
        assert set(mapped) == nodes.relations(), path.name
        assert len(mapped) == len(set(mapped)), path.name
        repeated += sum(
            n - len(set(map(nodes.premises, same)))
            for same in _ra_by_conclusion(nodes).values()
            if (n := len(same)) > 1
        )
    assert repeated == 3


def _ra_by_conclusion(nodes: Nodeset) -> dict[str, list[str]]:
    found: dict[str, list[str]] = collections.defaultdict(list)
    for ra, kind in nodes.types.items():
        if kind == "RA":
            for target in nodes.out[ra]:
                found[target].append(ra)
    return found


@needs_araucaria
def test_every_araucaria_map_is_labelled_as_dungs_framework_of_its_json_labels_it() -> None:
    defeated = 0
    for _, nodes, amap, node in araucaria():
        agree(amap, nodes.framework(), {i: c for c, i in node.items()})
        defeated += evaluate(amap).counts()[Status.DEFEATED]
    assert defeated > 0


# --- through Argdown and back ------------------------------------------------------------


@needs_araucaria
@needs_microtexts
def test_the_corpora_come_back_from_argdown_the_same_but_for_what_the_export_says(
    tmp_path: Path,
) -> None:
    """A claim whose text comes back changed is named in the losses; all else is the same."""
    changed = 0
    maps = [amap for _, _, amap in microtexts(tmp_path)]
    maps += [amap for _, _, amap, _ in araucaria()]
    for amap in maps:
        exported = argdown.write(amap)
        back = argdown.read(exported.text, name="map.argdown").map
        if back == amap:
            continue
        named = [name for loss in exported.losses for name in loss.split(": ")[-1].split(", ")]
        texts = [a.id for a, b in zip(amap.claims, back.claims, strict=True) if a.text != b.text]
        assert texts and set(texts) <= set(named), texts
        as_written = [
            attrs.evolve(b, text=a.text) for a, b in zip(amap.claims, back.claims, strict=True)
        ]
        assert attrs.evolve(back, claims=tuple(as_written)) == amap
        changed += 1
    assert changed == 175
