"""``argmap import argdown``: checked against the real Argdown CLI, and argmap → Argdown → argmap.

With the Argdown CLI (``ARGMAP_ARGDOWN``, as in ``test_argdown``), every file of
``tests/argdown/`` and every Argdown file the CLI's package ships is read by both: the model
argmap reads (statements, their texts, tags and data, arguments and their premise–conclusion
structures, relations, sections) must be the one ``argdown json`` reports, and the imported
map must hold exactly the statements and relations it reports, in argmap's terms.
"""

from __future__ import annotations

import collections
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from argmap.api import check_bytes
from argmap.cli import main
from argmap.convert import import_file, included_text
from argmap.formats import argdown
from argmap.formats.argdown.lex import INCLUDE
from argmap.formats.argdown.model import Inference, Model, Node
from argmap.formats.argdown.read import ascii_slug
from argmap.formats.base import FormatError
from argmap.formats.yaml import dump
from argmap.model import ArgumentMap, Kind, Objection, Reason, Ref
from argmap.model.keys import MAX_LABEL, MAX_TEXT
from argmap.read.loader import load

from .conftest import ROOT, SEED_MAP, SHARED
from .strategies import argument_maps
from .test_argdown import CLI, needs_cli

OWN = sorted((ROOT / "tests" / "argdown").glob("*.argdown"))
SHIPPED = sorted(Path(CLI).resolve().parents[1].glob("test/*.argdown")) if CLI else []
MICROTEXTS = sorted((SHARED / "corpora" / "arg-microtexts-en").glob("micro_*.xml"))


# --- what the Argdown CLI reports ----------------------------------------------------------


def cli_json(files: list[Path], folder: Path) -> dict[str, dict[str, Any]]:
    """``argdown json`` of each file (copied into ``folder`` with the files it includes);
    files named ``_*.argdown`` are parts to include, which the CLI does not read alone."""
    for file in files:
        shutil.copy(file, folder / file.name)
    assert CLI is not None
    run = subprocess.run([CLI, "json", str(folder / "*.argdown"), str(folder / "json")],
                         capture_output=True, text=True, timeout=300, check=False)  # fmt: skip
    said = run.stdout + run.stderr
    assert run.returncode == 0 and "error" not in said.lower(), said
    return {f.name: json.loads((folder / "json" / f"{f.stem}.json").read_text()) for f in files
            if not f.name.startswith("_")}  # fmt: skip


def end_of(relation: dict[str, Any], side: str) -> tuple[str, ...]:
    if relation[f"{side}Type"] == "inference":
        return ("inference", relation[side], str(relation["conclusionIndex"]))
    kind = "statement" if relation[f"{side}Type"] == "equivalence-class" else "argument"
    return (kind, relation[side])


def cli_view(data: dict[str, Any]) -> dict[str, Any]:
    """The parts of ``argdown json`` that argmap reads."""

    def members(node: dict[str, Any]) -> list[tuple[Any, ...]]:
        return [(m.get("role"), m.get("text", ""), bool(m.get("isReference")), m.get("tags", []))
                for m in node["members"]]  # fmt: skip

    def sections(items: list[dict[str, Any]], parent: str | None) -> list[tuple[Any, ...]]:
        out = []
        for s in items:
            out += [(s["title"], s["level"], parent), *sections(s["children"], s["title"])]
        return out

    return {
        "statements": {t: (members(n), n.get("tags", []), n.get("data"))
                       for t, n in data["statements"].items()},
        "arguments": {t: (members(n), [(p["title"], p["role"], p.get("inference", {}).get(
            "inferenceRules"), p.get("inference", {}).get("data")) for p in n["pcs"]])
                      for t, n in data["arguments"].items()},
        "relations": [(end_of(r, "from"), r["relationType"], end_of(r, "to"))
                      for r in data["relations"]],
        "sections": sections(data.get("sections", []), None),
    }  # fmt: skip


def model_view(model: Model) -> dict[str, Any]:
    """The same parts of the model argmap reads."""

    def members(node: Node) -> list[tuple[Any, ...]]:
        return [(m.role, m.text, m.reference, m.tags) for m in node.members]

    def end(node: Node | Inference | None) -> tuple[str, ...]:
        if isinstance(node, Inference):
            return ("inference", str(node.argument), str(node.index))
        assert node is not None
        return (node.kind, node.title)

    def inference(m: Any) -> tuple[Any, Any]:
        return (m.inference.rules, m.inference.data) if m.inference else (None, None)

    return {
        "statements": {t: (members(n), n.tags, n.data) for t, n in model.statements.items()},
        "arguments": {t: (members(n), [(p.title, p.role, *inference(p)) for p in n.pcs])
                      for t, n in model.arguments.items()},
        "relations": [(end(r.source), r.kind, end(r.target)) for r in model.relations],
        "sections": [(s.title, s.level, s.parent.title if s.parent else None)
                     for s in model.sections],
    }  # fmt: skip


def expected_relations(data: dict[str, Any], amap: ArgumentMap) -> set[tuple[Any, ...]]:
    """Argdown's statements and relations in argmap's terms, worked out from ``argdown json``
    alone: each statement (and argument without premise–conclusion structure) a claim, each
    inference a reason, support a reason, attack an objection, an undercut an attack on the
    inference it names or on every step of the claim it names, a contradiction a pair."""
    texts = collections.Counter(c.text for c in amap.claims)
    by_text = {c.text: c.id for c in amap.claims if texts[c.text] == 1}

    def claim(title: str, node: dict[str, Any]) -> str:
        canonical = [m for m in node["members"] if not m.get("isReference")]
        if not title.startswith("Untitled "):
            return ascii_slug(title)
        text = canonical[-1]["text"]
        for r in sorted(canonical[-1].get("ranges", []), key=lambda r: -r["start"]):
            if r["type"] == "tag":
                text = text[: r["start"]] + text[r["stop"] + 1 :]
        return by_text[" ".join(text.split())]

    ids = {("statement", t): claim(t, n) for t, n in data["statements"].items()}
    ids |= {("argument", t): claim(t, n) for t, n in data["arguments"].items() if not n["pcs"]}
    found: set[tuple[Any, ...]] = set()
    inferences = {}
    for title, argument in data["arguments"].items():
        previous = 0
        for index, member in enumerate(argument["pcs"]):
            if "inference" not in member:
                continue
            uses = (member["inference"].get("data") or {}).get("uses")
            premises = ([argument["pcs"][u - 1] for u in uses] if uses
                        else argument["pcs"][previous:index])  # fmt: skip
            previous = index
            step = ("reason", frozenset(ids["statement", p["title"]] for p in premises),
                    ids["statement", member["title"]])  # fmt: skip
            found.add(step)
            inferences[("inference", title, str(index))] = step
    undercuts = []
    for r in data["relations"]:
        source, target = end_of(r, "from"), end_of(r, "to")
        kind = {"entails": "support", "contrary": "attack"}.get(
            r["relationType"], r["relationType"]
        )
        if kind == "support" and ids[source] != ids[target]:
            found.add(("reason", frozenset({ids[source]}), ids[target]))
        elif kind == "attack":
            found.add(("objection", frozenset({ids[source]}), ids[target]))
        elif kind == "contradictory":
            found.add(("contradicts", frozenset({ids[source], ids[target]})))
        elif kind == "undercut":
            undercuts.append((source, target))
    for source, target in undercuts:
        if target in inferences:
            steps = [inferences[target]]
        else:
            steps = [s for s in found if s[0] != "contradicts" and ids[target] in s[1]]
        found |= {("undercut", ids[source], step) for step in steps}
    return found


def map_relations(amap: ArgumentMap) -> set[tuple[Any, ...]]:
    """The same, read from the map."""
    found: set[tuple[Any, ...]] = set()

    def undercut(items: tuple[Ref | Objection, ...], step: tuple[Any, ...]) -> None:
        for item in items:
            for ref in (item,) if isinstance(item, Ref) else item.claims:
                found.add(("undercut", ref.id, step))

    for c in amap.claims:
        for reason in c.reasons:
            step = ("reason", frozenset(r.id for r in reason.claims), c.id)
            found.add(step)
            undercut(reason.objections, step)
        for item in c.objections:
            members = (item,) if isinstance(item, Ref) else item.claims
            step = ("objection", frozenset(r.id for r in members), c.id)
            found.add(step)
            undercut(() if isinstance(item, Ref) else item.objections, step)
        found |= {("contradicts", frozenset({c.id, r.id})) for r in c.contradicts}
    return found


@needs_cli
def test_argmap_reads_argdown_as_the_argdown_cli_does(tmp_path: Path) -> None:
    """Each file: the same statements (texts, tags, data), arguments, relations and sections
    as ``argdown json``; the map holds all of them and nothing else."""
    assert OWN and SHIPPED, "the test files and the CLI's own examples are there"
    reports = cli_json([*OWN, *SHIPPED], tmp_path)
    totals: collections.Counter[str] = collections.Counter()
    for file in [f for f in [*OWN, *SHIPPED] if f.name in reports]:
        data = reports[file.name]
        text = included_text(file, INCLUDE)
        assert model_view(argdown.model_of(text)) == cli_view(data), file.name
        imported = import_file("argdown", file)
        assert map_relations(imported.map) == expected_relations(data, imported.map), file.name
        assert not [n for n in imported.notes if "left out" in n], imported.notes
        totals["files"] += 1
        totals["statements"] += len(data["statements"])
        totals["relations"] += len(data["relations"])
        totals["inferences"] += sum(1 for a in data["arguments"].values() for p in a["pcs"]
                                    if "inference" in p)  # fmt: skip
    assert totals["files"] == len(reports) == len(OWN) + 2 and totals["relations"] >= 40, totals
    print(dict(totals))


# --- argmap → Argdown → argmap -------------------------------------------------------------


def as_argdown_keeps_it(amap: ArgumentMap) -> ArgumentMap:
    """The map as it comes back from Argdown: all of it, claim texts on one line (what the
    export says it loses): a run of white space one space, but for no-break and typographic
    spaces (U+00A0, U+202F, U+2009, ...), which Argdown keeps as text."""
    claims = tuple(
        attrs.evolve(
            c, text=re.sub(r"[^\S\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]+", " ", c.text).strip()
        )
        for c in amap.claims
    )
    return attrs.evolve(amap, claims=claims)


def round_trip(amap: ArgumentMap) -> ArgumentMap:
    back = argdown.read(argdown.write(amap).text, name="map.argdown")
    assert back.notes == ()
    return back.map


def test_seed_map_comes_back_from_argdown() -> None:
    """Title, note, source, quotes, implicit claims, undercuts: the same map, which checks
    clean against the seed's text."""
    amap, _ = load(SEED_MAP.read_bytes(), str(SEED_MAP))
    assert amap is not None
    back = round_trip(amap)
    assert back == as_argdown_keeps_it(amap) == amap
    checked = check_bytes(dump(back).encode(), str(SEED_MAP))
    assert checked.ok and checked.diagnostics == ()


def test_an_objection_made_twice_of_the_same_claims_comes_back_twice() -> None:
    """Found by hypothesis: two undercuts of one step by the same claims, listed in another
    order, each with an objection of its own, came back as one."""
    text = (
        'argmap: 1\ntitle: "0"\npremises:\n  - id: a0\n    text: "0"\n  - id: "no"\n'
        '    text: "0"\n    objections:\n      - claims: a0\n        objections:\n'
        '          - claims: [a0, "yes", a]\n            objections: [a0]\n'
        '          - claims: ["yes", a0, a]\n            objections: [a0]\n'
        '  - id: "yes"\n    text: "0"\nconclusions:\n  - id: a\n    text: "0"\n'
        '    reasons:\n      - [a0, "yes"]\n'
    )
    amap, _ = load(text.encode(), "m.yaml")
    assert amap is not None
    assert round_trip(amap) == as_argdown_keeps_it(amap)
    undercuts = round_trip(amap).by_id()["no"].objections[0].objections
    assert [[ref.id for ref in u.claims] for u in undercuts] == [["a0", "yes", "a"],
                                                                ["yes", "a0", "a"]]  # fmt: skip


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(argument_maps(extras=True))
def test_any_map_comes_back_from_argdown(amap: ArgumentMap) -> None:
    """Any text, every kind of reason and objection, objections in full and nested, notes,
    quotes, links, implicit claims, contradictions: the same map, reasons in their order."""
    assert round_trip(amap) == as_argdown_keeps_it(amap), dump(amap)


@pytest.mark.skipif(not MICROTEXTS, reason="corpus not found")
def test_microtexts_come_back_from_argdown() -> None:
    for xml in MICROTEXTS:
        amap = import_file("microtext", xml).map
        assert round_trip(amap) == as_argdown_keeps_it(amap), xml.name


# --- the reading, case by case -------------------------------------------------------------


def imported(text: str) -> tuple[ArgumentMap, tuple[str, ...]]:
    """Read ``text``; the map must load back from its YAML and check without errors."""
    result = argdown.read(text, name="t.argdown")
    checked = check_bytes(dump(result.map).encode(), "t.yaml")
    assert checked.map == result.map
    assert not [d for d in checked.diagnostics if d.code < "AM200" and d.code != "AM114"]
    return result.map, result.notes


def test_a_heading_over_the_whole_file_is_its_title_not_every_claims_group() -> None:
    text = ("# School uniforms\n\n[Uniforms]: Schools should require uniforms.\n"
            "  + [Bullying]: Uniforms reduce bullying.\n\n## Costs\n\n"
            "[Cost]: Uniforms cost money.\n  - [Uniforms]\n")  # fmt: skip
    amap, notes = imported(text)
    claims = amap.by_id()
    assert amap.title == "School uniforms"
    assert (claims["uniforms"].note, claims["cost"].note) == (None, "group: Costs")
    assert notes[0] == "claims whose heading is kept in their notes as their group (1): cost"
    # A title in the front matter, or a statement before the heading: the heading is a group.
    for other in ("===\ntitle: Uniforms\n===\n\n" + text, "[Early]: A first claim.\n\n" + text):
        amap, _ = imported(other)
        assert amap.by_id()["uniforms"].note == "group: School uniforms"


def test_statements_become_claims_with_ids_from_titles() -> None:
    amap, notes = imported(
        "===\ntitle: Energy\nauthor: A. Analyst\n===\n\n"
        "# Supply\n\n"
        "[Energy Interest]: Energy is the *main* interest. #energy #(long term) {weight: 2}\n\n"
        "[energy interest!]: A title that makes the same id.\n\n"
        "An untitled statement, over\ntwo lines.\n\n"
        "[Cited]: See [the study](https://example.org/s) and @[Energy Interest].\n\n"
        "[Energy Interest]: Energy is the main interest of both.\n\n"
        "[Only referenced]\n"
        "  + [Fielded]: It has fields. {note: \"Checked.\", quotes: [\"It has\"], implicit: false}"
    )  # fmt: skip
    claims = amap.by_id()
    assert amap.title == "Energy" and "author: A. Analyst" in (amap.note or "")
    assert sorted(claims) == ["an-untitled-statement-over-two", "cited", "energy-interest",
                              "energy-interest-2", "fielded", "only-referenced"]  # fmt: skip
    interest = claims["energy-interest"]
    assert interest.text == "Energy is the main interest of both."  # the last text, no tags
    assert interest.note == ("also stated as: Energy is the main interest.\n"
                             "tags: #energy #(long term)\ngroup: Supply\n"
                             'data: {"weight": 2}')  # fmt: skip
    assert claims["an-untitled-statement-over-two"].text == "An untitled statement, over two lines."
    assert claims["cited"].text == "See the study and @[Energy Interest]."
    assert claims["cited"].url == "https://example.org/s"
    fielded = claims["fielded"]
    assert (fielded.note, fielded.quotes) == ("Checked.\ngroup: Supply\nquotes: It has", ())
    assert claims["only-referenced"].text == "Only referenced"
    assert claims["only-referenced"].kind is Kind.CONCLUSION
    assert notes == (
        "statements referenced but never given a text, their titles taken as their texts (1): "
        "[Only referenced]",
        "statements with several texts, the last taken and the others kept in the claim's note "
        "(1): [Energy Interest]",
        "claims whose tags are kept in their notes (1): energy-interest",
        "claims whose heading is kept in their notes as their group (6): energy-interest, "
        "energy-interest-2, an-untitled-statement-over-two, cited, only-referenced, fielded",
        "claims whose data beyond quotes, note, url, implicit, role, label and thesis is kept in "
        "their notes (1): "
        "energy-interest",
        "claims with quotes but no source named in the front matter (source: "
        "path/to/text.txt), the quotes kept in their notes (1): fielded",
        "the kind of 1 claim with reasons was guessed from wording (English cues): conclusion "
        "only-referenced",
    )


def test_kinds_follow_tags_else_the_wording_in_the_texts_language() -> None:
    amap, notes = imported((ROOT / "tests" / "argdown" / "debatte.argdown").read_text())
    kinds = {c.id: c.kind.value for c in amap.claims}
    assert kinds["these"] == kinds["pfand"] == "recommendation"  # "sollten", "ist auszuweiten"
    assert kinds["umwelt"] == "conclusion" and kinds["rucklauf"] == "premise"
    assert notes[-1] == ("the kind of 3 claims with reasons was guessed from wording (German "
                         "cues): recommendations these, pfand; conclusion umwelt")  # fmt: skip
    tagged, notes = imported("[a]: We should go. #conclusion\n  + [b]: It is late. #premise")
    assert [c.kind for c in tagged.claims] == [Kind.PREMISE, Kind.CONCLUSION]
    assert not [n for n in notes if "guessed" in n]


def test_premise_conclusion_structures_and_undercuts() -> None:
    amap, notes = imported(
        "[c1]: C one.\n  + [s]: A support.\n    _ [u2]: That support fails.\n"
        "  - <Counter>: An argument that is a claim.\n\n"
        "<Chain>: Two steps.\n\n(1) [p1]: P one.\n(2) [p2]: P two.\n(3) [p3]: P three.\n"
        "--\nModus ponens {uses: [1, 3]}\n--\n(4) [c1]\n(5) [p5]: P five.\n----\n"
        "(6) [c2]: C two.\n\n"
        "<Chain>\n  _ [u1]: The last step fails.\n\n"
        "[c2]\n  - <Joint>\n\n<Joint>\n  + [j1]: J one.\n  + [j2]: J two.\n  _ [u3]: No.\n\n"
        "[p5]\n  + [q]: Q.\n    _ [u4]: Argdown aims this at the last inference read."
    )  # fmt: skip
    claims = amap.by_id()
    first, second = claims["c1"].reasons, claims["c2"].reasons
    assert first[0] == Reason((Ref("s"),), (Ref("u2"),))  # undercut of a statement's step
    assert [r.id for r in first[1].claims] == ["p1", "p3"]  # as the inference's data says
    assert first[1].note == "<Chain>; inference: Modus ponens"
    assert [r.id for r in second[0].claims] == ["c1", "p5"]
    assert (
        second[0].objections == (Ref("u1"), Ref("u4")) and second[0].note == "<Chain>: Two steps."
    )
    assert claims["c1"].objections == (Ref("counter"),)
    assert claims["counter"].text == "An argument that is a claim."
    # an argument without description that statements support is the step they take
    assert claims["c2"].objections == (
        Objection((Ref("j1"), Ref("j2")), (Ref("u3"),), note="<Joint>"),
    )
    assert "joint" not in claims
    assert notes[:2] == (
        "line 32: the undercut written under [q] is aimed at the last inference read before "
        "it, that of <Chain> (line 16), as Argdown aims it",
        "arguments without a premise-conclusion structure, each made a claim (1): <Counter>",
    )


def test_what_the_map_cannot_hold_is_named_by_its_line() -> None:
    _, notes = imported(
        "<A>\n\n(1) [p]: P.\n----\n(2) [c]: C.\n\n"
        "<A>\n  + [s]: Supports the argument, not a claim.\n  - [t]: Attacks it.\n\n"
        "[x]: X.\n  + [y]: Y.\n    + [x]\n  - [x]"
    )  # fmt: skip
    assert notes[:4] == (
        "line 8: [s] supports <A>: the map has no single claim for an argument with a "
        "premise-conclusion structure; left out",
        "line 9: [t] attacks <A>: the map has no single claim for an argument with a "
        "premise-conclusion structure; left out",
        "line 14: [x] attacks [x]: a claim cannot attack itself; left out",
        "the reason x of 'y' closes a support cycle (x → y → x); left out",
    )


def test_a_claim_undercutting_an_attack_on_itself_is_left_out_with_a_note() -> None:
    """Found by the comparison with Argdown's CLI on random texts: [T2] undercuts the attack
    of <A1> on [T2], which made T2 its own objection (AM104) and the map not check."""
    amap, notes = imported(
        "[T2]: Schools need money\n    _> <A1>\n\n"
        "[T1]: Taxes fund schools.\n  + [T2]: Schools need money.\n    - <A1>: Waste."
    )
    claims = amap.by_id()
    assert claims["t2"].objections == (Ref("a1"),)
    assert "'t2' cannot undercut an attack on itself or a support of it; left out" in notes


@pytest.mark.parametrize(
    "statement",
    [
        "[A]: See [the study](https://example.org/\u202e).",
        '[A]: See the study. {url: "https://example.org/\\u202e"}',
        '[A]: See the study. {url: "https://example.org/\\x01"}',
    ],
)
def test_an_address_with_a_character_argmap_refuses_is_no_url(statement: str) -> None:
    """The import failed on it ('a url contains a bidirectional control character')."""
    amap, _ = imported(statement + "\n  + [B]: B holds.")
    claim = amap.by_id()["a"]
    assert claim.text == "See the study." and claim.url is None


def test_data_with_characters_argmap_refuses_is_imported_without_them() -> None:
    """A label or a quote with a bidirectional control failed the whole import."""
    amap, _ = imported(
        '[A]: A holds. {label: "x\\u202ey", quotes: ["A h\\u202eolds", "\\u2066"]}\n'
        "  + [B]: B holds."
    )
    claim = amap.by_id()["a"]
    assert claim.label == "xy"
    long, _ = imported(f'[A]: A holds. {{label: "{"Long " * 40}"}}\n  + [B]: B holds.')
    label = long.by_id()["a"].label  # too long a label failed the import too
    assert label is not None and label.startswith("Long Long") and len(label) <= MAX_LABEL
    assert "quotes: A holds" in (claim.note or "")  # no source: the quotes kept in the note


def test_a_role_that_is_no_text_is_data_kept_in_the_note() -> None:
    """A role given as a list failed with a traceback (TypeError: unhashable type)."""
    amap, _ = imported("[A]: A holds. {role: [a, b]}\n  + [B]: B holds.")
    claim = amap.by_id()["a"]
    assert claim.role is None and 'data: {"role": ["a", "b"]}' in (claim.note or "")


@pytest.mark.parametrize(
    ("description", "note"),
    [("C holds\u202e\u2066.", "<C>: C holds."), ("Long. " * 2000, "<C>: Long. Long.")],
)
def test_a_steps_note_is_one_argmap_can_hold(description: str, note: str) -> None:
    """A step's note with a bidirectional control, or longer than a note may be, failed the
    whole import ('the note of a reason contains ...', '... is 12006 characters long')."""
    amap, _ = imported(
        f"[A]: A holds.\n  - <C>: {description}\n\n<C>\n\n(1) [D]: D holds.\n----\n(2) [E]"
    )
    [reason] = amap.by_id()["e"].reasons
    assert reason.note is not None and reason.note.startswith(note)
    assert len(reason.note) <= MAX_TEXT


_HOSTILE = st.text(st.sampled_from("ab \t\r\x85\u2028\u202e\u2066\x01\x1b\ufffeé"), max_size=8)
_VALUES = (
    _HOSTILE
    | st.builds("{}{}".format, _HOSTILE, st.sampled_from(["x" * 120, "y" * 700, "z" * 10_001]))
    | st.builds("https://example.org/{}".format, _HOSTILE)
    | st.lists(_HOSTILE, max_size=3)
    | st.sampled_from([True, False, 1, None, {"a": "b"}])
)
_DATA = st.dictionaries(
    st.sampled_from(["label", "note", "url", "quotes", "role", "thesis", "implicit", "x"]),
    _VALUES,
    max_size=4,
).map(json.dumps)


@settings(max_examples=150, deadline=None)
@given(_DATA, _DATA, _DATA, _HOSTILE)
@example("{}", '{"label": "a", "note": "\\u001b"}', "{}", "")  # a note of a refused character
def test_any_statement_data_imports_into_a_map_without_errors(
    first: str, second: str, third: str, words: str
) -> None:
    """Data of any shape and text (too long, characters argmap refuses) in statements and in
    an argument's description: a map without errors, never a refusal."""
    imported(
        f"[A]: A holds{words}. {first}\n  + [B]: B holds. {second}\n"
        f"  - <C>: C holds{words}. {third}\n\n<C>\n\n(1) [D]: D holds.\n----\n(2) [E]: E."
    )


def test_a_link_broken_over_lines_is_read_as_the_lexer_found_it() -> None:
    """Argdown's lexer takes a link whose address (or text) runs over a line end: the import
    stopped with a traceback (AssertionError) on it."""
    amap, _ = imported("[A]: see [the\nreport](http://example.org/\nx) now\n  + [B]: b")
    claim = amap.by_id()["a"]
    assert claim.text == "see the report now"
    assert claim.note == "links: http://example.org/\nx"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"nodes": [], "edges": []}', "not Argdown: line 1:1: expected a statement, an argument, "
         "a heading or a list, found data '{\"nodes\": [], \"edges\": []}'"),
        ("[A]: a\n+ [B]: b", "not Argdown: line 2:1: expected an empty line before a new block, "
         "found the relation '+' (a relation is indented under the statement or argument it "
         "relates to)"),
        ("[A]: ends in a backslash \\\n", "not Argdown: line 1:26: cannot read '\\\\\\n'"),
        ("(1) [p]: P.\n(2) [q]: Q.\n", "not Argdown: line 3:1: expected an inference line ----, "
         "found the end of the file"),
        ("[A]: a {b: [}", "not Argdown: line 1:8: the data is not YAML (expected the node "
         "content, but found '}')"),
        ("// only a comment\n", "not Argdown: no statements or arguments in the file"),
        ("", "not Argdown: no statements or arguments in the file"),
        ("a\x00b", "not Argdown: the file holds NUL characters"),
    ],
)  # fmt: skip
def test_not_argdown_is_said_with_its_place(text: str, message: str) -> None:
    with pytest.raises(FormatError) as caught:
        argdown.read(text, name="x.argdown")
    assert str(caught.value).startswith(message)


def test_import_argdown_on_the_command_line(tmp_path: Path) -> None:
    from .conftest import run

    source = tmp_path / "debate.argdown"
    source.write_text("[Tax]: We should tax carbon.\n  + [Cheap]: It is cheap.\n", "utf-8")
    result = run("import", "argdown", str(source))
    target = tmp_path / "debate.yaml"
    assert (result.exit_code, result.output) == (0, (
        f"{source}: note: the kind of 1 claim with reasons was guessed from wording (English "
        "cues): recommendation tax\n"
        f"argmap: wrote {target}\n"))  # fmt: skip
    assert [c.id for c in load(target.read_bytes(), str(target))[0].claims] == ["cheap", "tax"]  # type: ignore[union-attr]
    (tmp_path / "map.json").write_text('{"nodes": []}')
    result = run("import", "argdown", str(tmp_path / "map.json"), "-o", "-")
    assert result.exit_code == 1
    assert result.output.startswith(
        f"argmap: error: {tmp_path / 'map.json'}: not Argdown: line 1:1"
    )


def test_includes_are_followed_once(tmp_path: Path) -> None:
    (tmp_path / "main.argdown").write_text("[a]: A.\n\n@include(part.argdown)\n", "utf-8")
    (tmp_path / "part.argdown").write_text("[b]: B.\n  + [a]\n\n@include(main.argdown)\n", "utf-8")
    amap = import_file("argdown", tmp_path / "main.argdown").map
    assert [c.id for c in amap.claims] == ["a", "b"] and amap.by_id()["b"].reasons


def test_an_included_file_not_in_utf8_is_named(tmp_path: Path) -> None:
    """'not Argdown: 1:9: the file is not valid UTF-8' named the place in the included file as
    if it were in the file imported."""
    (tmp_path / "main.argdown").write_text("[a]: A.\n\n@include(part.argdown)\n", "utf-8")
    (tmp_path / "part.argdown").write_bytes("[b]: Café.\n  + [a]\n".encode("latin-1"))
    with pytest.raises(FormatError) as caught:
        import_file("argdown", tmp_path / "main.argdown")
    assert str(caught.value).startswith(
        f"not Argdown: line 1:9 of {tmp_path / 'part.argdown'} (which "
        f"{tmp_path / 'main.argdown'} includes at line 3): the file is not valid UTF-8 "
        "(byte e9 at line 1, column 9)"
    )


# --- any text: the same verdict and the same model as the Argdown CLI ----------------------

LINES = st.sampled_from([
    "[T1]: Taxes fund schools. #tag", "[T2]: Schools need money {w: 1}", "[T1]", "[T3]",
    "An untitled statement.", "<A1>: An argument.", "<A1>", "<A2>", "  + [T2]", "  - [T3]: X.",
    "    + <A2>", "  _ [T1]", "  <+ [T3]", "  -> [T2]", "  >< [T3]", "    _> <A1>", "(1) [T1]",
    "(2) Premise two.", "(3) [T3]", "----", "--", "Modus ponens {uses: [1]}", "# Heading",
    "## Sub {isGroup: true}", "* [T2]: Item.", "1. Item one.", "// comment", "/* block */",
    "text with *emphasis* and [a link](https://example.org) and @[T1]",
])  # fmt: skip
BLOCKS = st.sampled_from([
    "[T1]: Taxes fund schools.\n  + [T2]: Schools need money.\n    - <A1>: Waste.",
    "<A1>\n\n(1) [T2]\n(2) More.\n----\n(3) [T1]", "[T3]: Gone.\n  _ <A1>\n  >< [T1]",
    "(1) [T3]\n--\nRule, Other {uses: [1]}\n--\n(2) [T4]: Four.\n  _ [T2]",
    "<A2>: Two.\n  +> [T3]\n  + [T4]", "# H1\n\n[T4]\n  <- [T1]", "* [T2]\n* <A2>\n  - [T1]",
])  # fmt: skip
TEXTS = st.lists(BLOCKS | st.lists(LINES, min_size=1, max_size=4).map("\n".join), min_size=1,
                 max_size=6).map("\n\n".join)  # fmt: skip


@needs_cli
def test_any_text_gets_the_argdown_clis_verdict_and_model(tmp_path: Path) -> None:
    """Random texts from Argdown's constructs (most of them broken): argmap refuses exactly
    those the CLI refuses, and reads the others to the model the CLI reports; the map made of
    them loads back and has no errors but unsettled contradictions (AM114)."""
    texts: list[str] = []

    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
    @given(TEXTS)
    def draw(text: str) -> None:
        texts.append(text)

    draw()
    verdicts = {}
    for number, text in enumerate(texts):
        (tmp_path / f"t{number}.argdown").write_text(text, encoding="utf-8")
    assert CLI is not None
    subprocess.run([CLI, "json", str(tmp_path / "*.argdown"), str(tmp_path / "json")],
                   capture_output=True, timeout=300, check=False)  # fmt: skip
    for number, text in enumerate(texts):
        report = tmp_path / "json" / f"t{number}.json"
        try:
            model = argdown.model_of(text)
        except FormatError:
            verdicts[number] = "refused"
            assert not report.exists(), text
            continue
        verdicts[number] = "read"
        assert report.exists(), text
        assert model_view(model) == cli_view(json.loads(report.read_text())), text
        try:
            imported(text)
        except FormatError as exc:  # only a text with no statement at all
            assert "no statements or arguments" in str(exc), text
    counts = collections.Counter(verdicts.values())
    assert counts["read"] >= 30 and counts["refused"] >= 30, counts


def test_a_contradiction_with_a_claim_it_supports_is_left_out_with_a_note() -> None:
    """The map could not say both (AM107): the support stays, the contradiction goes."""
    for text in (
        "[T3]: Gone.\n  + [T2]: Here.\n  >< [T2]",
        "[T2]: Here.\n  + [T3]: Gone.\n  >< [T3]",
    ):
        amap, notes = imported(text)
        assert not any(claim.contradicts for claim in amap.claims)
        assert any("cannot contradict one it is a reason for; left out" in n for n in notes)


def test_an_objection_the_map_makes_twice_comes_back_twice() -> None:
    """Found by the round-trip property: the same linked objection, once with a note and once
    without, written by argmap, is read back as both (foreign Argdown's repeats are one)."""
    amap, _ = load(
        b"argmap: 1\ntitle: t\npremises:\n  - id: a\n    text: A.\n  - id: b\n    text: B.\n"
        b"  - id: c\n    text: C.\n    objections:\n      - claims: [a, b]\n        note: n\n"
        b"      - claims: [a, b]\n",
        "m.yaml",
    )
    assert amap is not None
    assert round_trip(amap) == as_argdown_keeps_it(amap)


def _alias_bomb() -> str:
    """Front matter of nine anchored lists of ten aliases each: a billion strings once shared
    nodes are copied."""
    lines = ["a0: &a0 [" + ", ".join(["lol"] * 10) + "]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return "===\n" + "\n".join(lines) + "\n===\n\n[A]: a\n  + [B]: b\n"


HOSTILE_ARGDOWN = {
    "alias bomb": (_alias_bomb(), "line 2: anchor '&a0' is not allowed: write every value out"),
    "self-reference": ("===\na: &a [*a]\n===\n\n[A]: a\n", "line 2: anchor '&a' is not allowed"),
    "alias in data": (
        "[A]: a {x: 1}\n  + [B]: b {y: *x}\n",
        "line 2: alias '*x' is not allowed: write the value out",
    ),
    "tag": (
        "[A]: a {x: !!python/name:os.system x}\n",
        "line 1: tag 'tag:yaml.org,2002:python/name:os.system' is not allowed",
    ),
    "deep data": (
        "===\nk: " + "[" * 17 + "]" * 17 + "\n===\n\n[A]: a\n",
        "line 2: data nested deeper than 16 levels",
    ),
    "deep relations": (
        "[S0]: s\n" + "".join("  " * i + f"+ [S{i}]: s\n" for i in range(1, 2000)),
        "line 66:1: relations nested more than 64 levels deep; argmap reads at most 64",
    ),
    "deep emphasis": (
        "[A]: " + "**_" * 300 + "x" + "_**" * 300 + "\n",
        "bold and italic text nested more than 64 levels deep; argmap reads at most 64",
    ),
}


@pytest.mark.parametrize("name", HOSTILE_ARGDOWN)
def test_hostile_argdown_is_refused_in_a_line(name: str, tmp_path: Path) -> None:
    text, message = HOSTILE_ARGDOWN[name]
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "a.argdown").write_text(text)
    out = tmp_path / "a.yaml"
    result = CliRunner().invoke(main, ["import", "argdown", str(tmp_path / "a.argdown"), "-o",
                                       str(out)])  # fmt: skip
    assert result.exit_code == 1, result.output
    assert result.output.startswith("argmap: error: ") and message in result.output
    assert not out.exists()


def test_emphasis_and_relations_nest_64_deep() -> None:
    chain = "[S0]: s\n" + "".join("  " * i + f"+ [S{i}]: s{i}\n" for i in range(1, 65))
    amap = argdown.read(chain, name="a.argdown").map
    assert {c.id for c in amap.claims} == {f"s{i}" for i in range(65)}
    bold = "[A]: " + "**_" * 32 + "bold" + "_**" * 32 + "\n  + [B]: b\n"
    assert {c.text for c in argdown.read(bold, name="a.argdown").map.claims} == {"bold", "b"}


def test_includes_nest_at_most_32_files_deep(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    for i in range(400):
        include = f"@include(f{i + 1}.argdown)\n\n" if i < 399 else ""
        (tmp_path / f"f{i}.argdown").write_text(f"{include}[S{i}]: s{i}\n  + [T{i}]: t{i}\n")
    with pytest.raises(FormatError, match=r"f32\.argdown includes f33\.argdown: includes nested "
                       "more than 32 files deep; argmap follows at most 32"):  # fmt: skip
        included_text(tmp_path / "f0.argdown", INCLUDE)
    (tmp_path / "f32.argdown").write_text("[S32]: s32\n  + [T32]: t32\n")
    assert "[S32]: s32" in included_text(tmp_path / "f0.argdown", INCLUDE)


@pytest.mark.parametrize(
    ("claim", "reason", "language"),
    [
        ("Город должен ввести плату за въезд.", "Пробки в центре и так уже слишком велики.",
         "Russian"),
        ("La ville doit introduire un péage urbain.",
         "Les bouchons sont déjà trop graves dans le centre.", "French"),
        ("La ciudad debería introducir un peaje.",
         "Los atascos son muy graves en el centro y en los barrios.", "Spanish"),
        ("A cidade deve introduzir um pedágio.",
         "Os engarrafamentos são graves no centro e nos bairros da cidade.", "Portuguese"),
    ],
)  # fmt: skip
def test_a_recommendation_in_russian_french_spanish_or_portuguese_is_told_by_its_wording(
    claim: str, reason: str, language: str
) -> None:
    """An analyst writing Russian (or French, Spanish, Portuguese) imports an Argdown map: its claim
    that says what must be done becomes a recommendation, as an English or German one does,
    and the note names the language; it became a conclusion, the language not told."""
    amap, notes = imported(f"[go]: {claim}\n  + [why]: {reason}")
    assert amap.by_id()["go"].kind is Kind.RECOMMENDATION
    assert notes[-1].endswith(f"({language} cues): recommendation go")


def test_portuguese_is_not_told_as_spanish_by_the_words_they_share() -> None:
    """para, por, como, este, ser and porque are as Portuguese as they are Spanish: counted
    for Spanish alone, they made a Portuguese map Spanish, or of no language told, its
    recommendations guessed with the wrong cues."""
    from argmap.formats.kinds import detect_language

    portuguese = ("Este é um problema porque o governo não faz nada para as pessoas, como "
                  "deveria ser, e o preço sobe com o tempo.")  # fmt: skip
    spanish = "Los precios son muy altos y el gobierno no hace nada, pero hay soluciones."
    assert detect_language([portuguese]) == "pt"
    assert detect_language([spanish]) == "es"
