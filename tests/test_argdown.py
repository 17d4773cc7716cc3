"""Argdown export, read back by the real Argdown CLI (``@argdown/cli``): no errors, same structure.

The CLI tests run when Node and the CLI are there: ``ARGMAP_ARGDOWN`` names the ``argdown``
executable (``.ci/run`` installs it into ``.cache/argdown`` and sets it), else the one in
``.cache/argdown`` is used if present; otherwise they are skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from argmap.formats import argdown
from argmap.formats.argdown.read import read
from argmap.formats.json import claim_document
from argmap.formats.yaml import dump
from argmap.model import ArgumentMap, Claim, Kind, Objection, Quote, Ref, Source
from argmap.read.loader import load

from .conftest import ROOT, SEED_MAP, SHARED
from .strategies import argument_maps


def _cli() -> str | None:
    named = os.environ.get("ARGMAP_ARGDOWN") or str(
        ROOT / ".cache" / "argdown" / "node_modules" / ".bin" / "argdown"
    )
    return named if shutil.which("node") and Path(named).is_file() else None


CLI = _cli()
needs_cli = pytest.mark.skipif(CLI is None, reason="Node or the Argdown CLI is not installed")


def parse(maps: dict[str, ArgumentMap], folder: Path) -> dict[str, dict[str, Any]]:
    """Export the maps, have the Argdown CLI read them all in one run, return its JSON models."""
    for name, amap in maps.items():
        (folder / f"{name}.argdown").write_text(argdown.write(amap).text, encoding="utf-8")
    assert CLI is not None
    run = subprocess.run(
        [CLI, "json", str(folder / "*.argdown"), str(folder / "json")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    said = run.stdout + run.stderr
    assert run.returncode == 0, said
    assert "error" not in said.lower() and "canceled" not in said.lower(), said
    return {name: json.loads((folder / "json" / f"{name}.json").read_text()) for name in maps}


def _norm(text: str) -> str:
    return " ".join(text.split())


def map_structure(amap: ArgumentMap) -> dict[str, tuple[object, ...]]:
    """Each claim: kind, text, data, reasons, objections (order aside); under "" the pairs of
    claims that contradict each other."""

    def step(claims: tuple[Ref, ...], objections: object, note: str | None) -> tuple[object, ...]:
        return frozenset(r.id for r in claims), objections, note and _norm(note)

    def attacks(items: tuple[Ref | Objection, ...]) -> frozenset[tuple[object, ...]]:
        return frozenset(
            step((item,), frozenset(), None)
            if isinstance(item, Ref)
            else step(item.claims, attacks(item.objections), item.note)
            for item in items
        )

    out = {}
    for claim in amap.claims:
        data = {k: v for k, v in claim_document(claim).items() if k not in argdown.STRUCTURE}
        out[claim.id] = (
            claim.kind.value,
            _norm(claim.text),
            data,
            frozenset(step(r.claims, attacks(r.objections), r.note) for r in claim.reasons),
            attacks(claim.objections),
        )
    pairs = {frozenset({c.id, r.id}) for c in amap.claims for r in getattr(c, "contradicts", ())}
    out[""] = (frozenset(pairs),)  # symmetric: Argdown keeps one relation per pair
    return out


def argdown_structure(model: dict[str, Any]) -> dict[str, tuple[object, ...]]:
    """The same, read from the Argdown CLI's JSON model."""
    relations, arguments = model["relations"], model["arguments"]

    def described(title: str) -> str | None:
        texts = [m.get("text", "") for m in arguments[title]["members"]]
        found = [_norm(t) for t in texts if _norm(t)]
        return found[0] if found else None

    def undercuts(target: str) -> frozenset[tuple[object, ...]]:
        return frozenset(
            (frozenset({r["from"]}), frozenset(), None)
            if r["fromType"] == "equivalence-class"
            else objection(r["from"])
            for r in relations
            if r["relationType"] == "undercut" and r["to"] == target
        )

    def objection(title: str) -> tuple[object, ...]:
        members = frozenset(
            r["from"] for r in relations if r["relationType"] == "support" and r["to"] == title
        )
        return members, undercuts(title), described(title)

    out = {}
    for title, statement in model["statements"].items():
        member = next(m for m in statement["members"] if m.get("role") == "top-level-statement")
        kind = statement["tags"][0]
        text = _norm(member["text"])  # the kind is a tag, not part of the text
        incoming = [r for r in relations if r["to"] == title]
        reasons = {
            (frozenset({r["from"]}), frozenset(), None)
            for r in incoming
            if r["relationType"] == "support" and r["fromType"] == "equivalence-class"
        }
        reasons |= {
            (frozenset(p["title"] for p in a["pcs"][:-1]), undercuts(name), described(name))
            for name, a in arguments.items()
            if a.get("pcs") and a["pcs"][-1]["title"] == title
        }
        objections = frozenset(
            (frozenset({r["from"]}), frozenset(), None)
            if r["fromType"] == "equivalence-class"
            else objection(r["from"])
            for r in incoming
            if r["relationType"] == "attack"
        )
        data = statement.get("data", {})
        out[title] = (kind, text, data, frozenset(reasons), objections)
    contradictions = [r for r in relations if r["relationType"] == "contradictory"]
    pairs = {frozenset({r["from"], r["to"]}) for r in contradictions}
    out[""] = (frozenset(pairs),)
    return out


def seed() -> ArgumentMap:
    amap, _ = load(SEED_MAP.read_bytes(), str(SEED_MAP))
    assert amap is not None
    return amap


@needs_cli
def test_seed_map_parses_to_the_same_structure(tmp_path: Path) -> None:
    model = parse({"seed": seed()}, tmp_path)["seed"]
    assert model["statements"]  # the CLI did read statements
    assert argdown_structure(model) == map_structure(seed())


@needs_cli
def test_generated_maps_parse_to_the_same_structure(tmp_path: Path) -> None:
    """Any text (YAML, Argdown and HTML punctuation, any script), every kind of reason and
    objection, objections in full and nested, contradictions. The maps are drawn first and
    read by one run of the CLI (a run per map would take a second each)."""
    maps: list[ArgumentMap] = []

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(argument_maps(extras=True))
    def draw(amap: ArgumentMap) -> None:
        maps.append(amap)

    draw()
    models = parse({f"m{n}": amap for n, amap in enumerate(maps)}, tmp_path)
    for n, amap in enumerate(maps):
        assert argdown_structure(models[f"m{n}"]) == map_structure(amap), dump(amap)


@needs_cli
@pytest.mark.skipif(not (SHARED / "corpora").is_dir(), reason="corpora not found")
def test_imported_microtexts_parse_to_the_same_structure(tmp_path: Path) -> None:
    """Undercuts of rebuttals and of undercuts, linked attacks: the microtexts have them all."""
    from argmap.convert import import_file

    corpus = SHARED / "corpora" / "arg-microtexts-en"
    maps = {xml.stem: import_file("microtext", xml).map for xml in sorted(corpus.glob("*.xml"))}
    models = parse(maps, tmp_path)
    for name, amap in maps.items():
        assert argdown_structure(models[name]) == map_structure(amap), name


def test_text_is_escaped_only_where_argdown_reads_markup() -> None:
    assert argdown.escape("[a]: <b> #c @d *e* _f_ {g} // h /* i */") == (
        r"\[a]: \<b> \#c @d \*e* \_f_ \{g} \// h \/* i \*/"
    )
    assert argdown.escape("line\nbreak\ttab") == "line break tab"
    prose = 'Yes, it\'s true: 3 < 4, e.g. in the U.S. (mostly); a - b = c! 50% & more? "x"'
    assert argdown.escape(prose) == prose
    assert argdown.escape("a # b * c _ d / e") == "a # b * c _ d / e"  # no word follows
    assert argdown.escape("see .A. and :smile: but not .B. or 10:30:00") == (
        r"see \.A. and \:smile: but not .B. or 10:30:00"
    )
    assert argdown.escape("a === b, c \\ d") == r"a \=\=\= b, c \\ d"
    assert argdown.escape("x < y", ' {"q":">"}') == r"x \< y"  # a '>' later on the line


def test_text_in_another_script_is_written_as_it_is(tmp_path: Path) -> None:
    """A Russian map's title, source and quotes came out as ``\\u041a\\u0430...``: valid, but
    unreadable in the file an analyst opens. Only invisible characters are escaped now."""
    title = "Каспийский выбор: «Срединный коридор»"
    quote = "наш экспорт на 80\u00a0% зависит от КТК — т. е. от Новороссийска"
    amap = ArgumentMap(
        title,
        (Claim("ctc", Kind.PREMISE, "Экспорт зависит от КТК.", quotes=(Quote(quote),)),),
        Source("../seeds/kaspiy.txt", title="Выбор Казахстана"),
    )
    text = argdown.write(amap).text
    assert f"title: {json.dumps(title, ensure_ascii=False)}" in text
    assert '"title": "Выбор Казахстана"' in text
    assert (
        '{"quotes":["наш экспорт на 80\\u00a0% зависит от КТК — т. е. от Новороссийска"]}' in text
    )
    back = read(text, name="m.argdown")
    assert back.map is not None and back.map.title == title
    assert back.map.claims[0].quotes[0].text == quote


def test_the_seed_map_reads_as_written_by_hand() -> None:
    text = argdown.write(seed()).text
    assert (
        "[russian-expansionism]: Russia is pursuing an expansionist course, as its invasion of "
        "Ukraine shows. #premise {"
    ) in text
    assert "\\," not in text and "\\." not in text and "\\'" not in text


def test_line_breaks_in_a_claims_text_are_said_to_become_spaces_naming_the_claim() -> None:
    amap, _ = load(
        b"argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: |-\n      One.\n      Two.\n"
        b"  - id: b\n    text: B.\n",
        "t.yaml",
    )
    assert amap is not None
    assert argdown.write(amap).losses == ("line breaks in the text of 1 claim become spaces: a",)


def test_runs_of_spaces_in_a_claims_text_are_said_to_become_one_space() -> None:
    """Argdown reads a run of spaces or a tab in a statement as one space (AraucariaDB has 311
    such claims): the export says so, naming the claims, and they come back so."""
    amap, _ = load(
        b'argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: "One.  Two."\n'
        b'  - id: b\n    text: "B.\\tTab."\n  - id: c\n    text: C.\n'
        b'  - id: d\n    text: "One  \\nTwo."\n',
        "t.yaml",
    )
    assert amap is not None
    exported = argdown.write(amap)
    assert exported.losses == (
        "line breaks in the text of 1 claim become spaces: d",
        "runs of spaces or tabs in the text of 3 claims become one space: a, b, d",
    )
    back = argdown.read(exported.text, name="t.argdown").map
    assert [claim.text for claim in back.claims] == ["One. Two.", "B. Tab.", "C.", "One Two."]


def test_no_break_and_narrow_spaces_are_kept_as_argdown_keeps_them() -> None:
    """Argdown 1.7 reads only spaces and tabs as white space in a statement: a no-break
    (U+00A0), narrow no-break (U+202F) or thin space (U+2009), as French typography puts
    before ; : ! ? and inside guillemets, stays in its text. The export wrote a plain space
    and said "runs of spaces or tabs ... become one space" of a claim with no such run."""
    text = "Il a dit \u00ab\u202foui\u202f\u00bb\u00a0; la r\u00e8gle\u2009! 10\u202f000 #\u00a0x"
    amap, _ = load(
        ("argmap: 1\ntitle: T\npremises:\n"
         f'  - id: c\n    text: "{text}"\n  - id: d\n    text: "a \u00a0 b  c"\n').encode(),
        "t.yaml",
    )  # fmt: skip
    assert amap is not None
    exported = argdown.write(amap)
    # A '#' before a no-break space starts a tag in Argdown, as before a letter: escaped.
    assert f"[c]: {text[:-3]}\\#\u00a0x #premise" in exported.text
    assert "[d]: a \u00a0 b c #premise" in exported.text
    assert exported.losses == ("runs of spaces or tabs in the text of 1 claim become one space: d",)
    back = argdown.read(exported.text, name="t.argdown").map
    assert [claim.text for claim in back.claims] == [text, "a \u00a0 b c"]


@needs_cli
def test_argdown_reads_no_break_and_narrow_spaces_as_the_export_writes_them(
    tmp_path: Path,
) -> None:
    text = "Il a dit \u00ab\u202foui\u202f\u00bb\u00a0; la r\u00e8gle\u2009! 10\u202f000"
    amap, _ = load(
        f'argmap: 1\ntitle: T\npremises:\n  - id: c\n    text: "{text}"\n'.encode(), "t.yaml"
    )
    assert amap is not None and argdown.write(amap).losses == ()
    model = parse({"fr": amap}, tmp_path)["fr"]
    # (the space before the kind's tag, which Argdown takes out of the text, left at its end)
    assert [m["text"].rstrip(" ") for m in model["statements"]["c"]["members"]] == [text]


def test_the_front_matter_holds_title_note_and_source() -> None:
    exported = argdown.write(seed())
    assert exported.losses == ()
    front = exported.text.split("===")[1]
    assert front.startswith('\ntitle: "Europe & Central Asia') and "\nargmap: 1\n" in front
    assert '\nsource: {"path": "../seeds/europe-central-asia-partnership.txt"' in front
