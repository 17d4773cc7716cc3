"""``argmap compare``: two maps of one text (a model answer and a student's map, two
annotators') → the claims they share whatever their ids and wording, and the links that
differ."""

from __future__ import annotations

import json
import re
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings

from argmap.analysis.align import align, grounding
from argmap.analysis.compare import Edge, Target, compare
from argmap.api import check_bytes, load, source_text
from argmap.cli import main
from argmap.model import ArgumentMap, Kind
from argmap.read.source import SourceText

from .conftest import SEED_MAP, run
from .docs_text import section
from .strategies import argument_maps

SOURCE = """\
Cities should ban cars from their centres.

Traffic in city centres kills hundreds of people every year. Cars also pollute the air that \
children breathe. Some argue that shops will lose customers, but studies of Oslo show that \
footfall rose after the ban.
"""

ANSWER = """\
argmap: 1
title: Car-free centres
source:
  path: source.txt
premises:
  - id: deaths
    text: Traffic in centres kills people.
    quotes: Traffic in city centres kills hundreds of people every year.
  - id: pollution
    text: Cars pollute the air children breathe.
    quotes: Cars also pollute the air that children breathe
  - id: shops
    text: Shops will lose customers.
    quotes: shops will lose customers
  - id: oslo
    text: In Oslo footfall rose after the ban.
    quotes: studies of Oslo show that footfall rose after the ban
recommendations:
  - id: ban
    text: Cities should ban cars from their centres.
    quotes: Cities should ban cars from their centres.
    reasons: [deaths, pollution]
    objections:
      - claims: shops
        objections: oslo
"""

# A student's map of the same text: other ids, other wording, longer and shorter quotes; the
# two reasons linked, Oslo aimed at the recommendation and not at the objection, a claim of
# their own, and 'air' said to attack.
STUDENT = """\
argmap: 1
title: A student's map
source:
  path: source.txt
premises:
  - id: traffic-kills
    text: City traffic kills hundreds every year.
    quotes: Traffic in city centres kills hundreds of people
  - id: customers
    text: Some argue shops will lose customers.
    quotes: Some argue that shops will lose customers
  - id: people-like-cars
    text: People like their cars.
    implicit: true
  - id: oslo-study
    text: Oslo's footfall rose after its ban.
    quotes: footfall rose after the ban
  - id: air
    text: Cars pollute the air.
    quotes: Cars also pollute the air
recommendations:
  - id: ban-cars
    text: Cities should ban cars from their centres.
    quotes: Cities should ban cars from their centres.
    reasons: [traffic-kills]
    objections: [customers, people-like-cars, oslo-study, air]
"""


@pytest.fixture
def maps(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    answer, student = tmp_path / "answer.yaml", tmp_path / "student.yaml"
    answer.write_text(ANSWER, encoding="utf-8")
    student.write_text(STUDENT, encoding="utf-8")
    return answer, student


def test_claims_pair_by_the_passages_they_quote_whatever_their_ids_and_words(maps) -> None:
    result = compare(load(maps[0]), load(maps[1]), SourceText(SOURCE))
    assert [(p.first, p.second, p.by) for p in result.pairs] == [
        ("deaths", "traffic-kills", "quotes"),
        ("pollution", "air", "quotes"),
        ("shops", "customers", "quotes"),
        ("oslo", "oslo-study", "quotes"),
        ("ban", "ban-cars", "quotes"),
    ]
    assert result.missing == () and result.extra == ("people-like-cars",)
    assert result.claims_found == 1.0


def test_links_that_differ_are_told_apart(maps) -> None:
    result = compare(load(maps[0]), load(maps[1]), SourceText(SOURCE))
    assert [str(e) for e in result.agree] == ["deaths supports ban", "shops attacks ban"]
    assert [(str(a), str(b)) for a, b in result.other] == [
        ("pollution supports ban", "pollution attacks ban")
    ]
    assert [(str(a), str(b)) for a, b in result.moved] == [
        ("oslo attacks the attack of shops on ban", "oslo attacks ban")
    ]
    assert result.only_first == ()
    assert [str(e) for e in result.only_second] == ["+people-like-cars attacks ban"]
    # 2 agree of 4 links in the answer and 5 in the student's map
    assert result.links_agreement == pytest.approx(2 * 2 / (4 + 5))


def test_an_undercut_agrees_when_it_attacks_the_same_step() -> None:
    undercut = Edge("c", "attack", Target("t", ("a", "b"), "support"))
    assert str(undercut) == "c attacks the step a, b → t"
    first = _map("reasons:\n  - claims: [a, b]\n    objections: [c]")
    convergent = _map("reasons: [a, b]\nobjections: [c]")
    same = compare(first, first, None)
    assert undercut in same.agree and same.links_agreement == 1.0
    other = compare(first, convergent, None)
    assert other.moved == ((undercut, Edge("c", "attack", Target("t"))),)
    assert other.grouping == (("t", (("a", "b"),), (("a",), ("b",))),)


def _map(under: str) -> ArgumentMap:
    """A map of premises a, b, c and the recommendation t, with ``under`` written under t."""
    text = (
        "argmap: 1\ntitle: T\npremises:\n"
        + "".join(f"  - id: {i}\n    text: Claim {i} is said here.\n" for i in "abc")
        + "recommendations:\n  - id: t\n    text: We should do t.\n"
        + "".join(f"    {line}\n" for line in under.splitlines())
    )
    checked = check_bytes(text.encode(), "m.yaml")
    assert checked.map is not None and checked.ok, checked.diagnostics
    return checked.map


def test_the_seed_map_renamed_and_quoted_otherwise_agrees_with_itself_in_full() -> None:
    """Two annotators who mapped the seed alike but named every claim otherwise and quoted a
    word or two less: every claim pairs with its own, every link agrees."""
    seed = load(SEED_MAP)
    text = SEED_MAP.read_text(encoding="utf-8")
    names = {claim.id: f"c{n}" for n, claim in enumerate(seed.claims)}
    for old in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(old)}(?![\w-])", names[old], text)
    other = check_bytes(text.encode(), str(SEED_MAP)).map
    assert other is not None
    trimmed = attrs.evolve(other, claims=tuple(
        attrs.evolve(c, quotes=tuple(attrs.evolve(q, text=q.text.rsplit(" ", 1)[0])
                                     if q.text.count(" ") > 3 else q for q in c.quotes))
        for c in other.claims))  # fmt: skip
    source = SourceText(source_text(seed, SEED_MAP) or "")
    result = compare(seed, trimmed, source)
    assert {p.first: p.second for p in result.pairs} == names
    assert all(p.by == "quotes" for p in result.pairs if seed.by_id()[p.first].quotes)
    assert not (result.other or result.moved or result.only_first or result.only_second)
    assert result.links_agreement == 1.0 and result.kinds == () and result.grouping == ()


@settings(max_examples=60, deadline=None)
@given(argument_maps(extras=True))
def test_a_map_agrees_with_itself_and_a_link_taken_out_is_missing(amap: ArgumentMap) -> None:
    same = compare(amap, amap, None)
    assert [(p.first, p.second) for p in same.pairs] == [(c.id, c.id) for c in amap.claims]
    assert same.links_agreement == 1.0 and not same.only_first and not same.only_second
    owner = next((c for c in amap.claims if c.reasons), None)
    if owner is None:
        return
    bare = attrs.evolve(owner, reasons=owner.reasons[1:])
    fewer = attrs.evolve(amap, claims=tuple(bare if c is owner else c for c in amap.claims))
    result = compare(amap, fewer, None)
    lost = {Edge(ref.id, "support", Target(owner.id)) for ref in owner.reasons[0].claims}
    lost -= {Edge(r.id, "support", Target(owner.id)) for x in owner.reasons[1:] for r in x.claims}
    assert lost and lost <= set(result.only_first) | {a for a, _ in result.moved}
    # every link of the first map is told once: agreed, or missing, moved or crossed
    told = [*result.agree, *result.only_first, *(a for a, _ in (*result.moved, *result.other))]
    assert sorted(told) == sorted(same.agree)


def test_claims_without_a_shared_source_pair_by_their_wording() -> None:
    first = _map("reasons: [a, b]")
    reworded = check_bytes(
        b"argmap: 1\ntitle: T\npremises:\n  - id: x\n    text: Claim a is said here!\n"
        b"  - id: y\n    text: Something else entirely, and longer than that.\n"
        b"recommendations:\n  - id: z\n    text: We should do t.\n    reasons: [x, y]\n",
        "n.yaml",
    ).map
    assert reworded is not None
    pairs = [(p.first, p.second, p.by) for p in align(first, reworded, None)]
    assert pairs == [("a", "x", "wording"), ("t", "z", "wording")]


def test_cli_compare_says_what_a_teacher_needs(maps) -> None:
    result = run("compare", str(maps[0]), str(maps[1]))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"claims: 5 of 5 of {maps[0]} are in {maps[1]} (100%); 0 missing, 1 extra",
        "first      second             paired by",
        "deaths     traffic-kills      quotes 100%",
        "pollution  air                quotes 100%",
        "shops      customers          quotes 100%",
        "oslo       oslo-study         quotes 100%",
        "ban        ban-cars           quotes 100%",
        "-          +people-like-cars  extra: People like their cars.",
        "thesis: ban in both",
        "links: 2 agree, 1 with another function, 1 to another target, 0 missing, 1 extra "
        "(agreement 0.44)",
        "  other     pollution supports ban; in the second it attacks",
        "  moved     oslo attacks the attack of shops on ban; in the second it attacks ban",
        "  extra     +people-like-cars attacks ban",
    ]


def test_cli_compare_json_and_a_map_with_errors(maps) -> None:
    answer, student = maps
    lonely = "conclusions:\n  - id: lonely\n    text: A conclusion with no reason at all.\n"
    student.write_text(STUDENT.replace("recommendations:", lonely + "recommendations:"))
    result = run("compare", "--output-format", "json", str(answer), str(student))
    assert result.exit_code == 1  # the student's map has an error: compared all the same
    assert "[AM106]" in result.stderr
    (found,) = json.loads(result.stdout)
    assert (found["first"], found["second"]) == (str(answer), str(student))
    # the lonely conclusion is a second top claim: the student's map says no thesis
    assert found["claims"]["thesis"] == {"first": "ban", "second": None}
    assert found["by"] == "quotes" and found["claims"]["extra"] == ["people-like-cars", "lonely"]
    assert found["links"]["other"] == [{
        "first": {"claim": "pollution", "function": "support", "target": "ban"},
        "second": {"claim": "pollution", "function": "attack", "target": "ban"},
    }]  # fmt: skip
    assert found["links"]["agreement"] == pytest.approx(0.4444)


def test_cli_compare_of_maps_quoting_different_texts_says_it_pairs_by_wording(maps) -> None:
    answer, student = maps
    (answer.parent / "other.txt").write_text(SOURCE + "\nOne more line.\n", encoding="utf-8")
    student.write_text(STUDENT.replace("path: source.txt", "path: other.txt"))
    result = run("compare", str(answer), str(student))
    assert result.exit_code == 0
    assert (
        f"{student} and {answer} do not quote one source text: their claims pair by wording"
        " only" in result.stderr
    )
    assert "ban        ban-cars           wording 100%" in result.stdout


def test_cli_compare_of_a_file_that_is_not_there(maps) -> None:
    result = run("compare", str(maps[0]), str(maps[0].parent / "nope.yaml"))
    assert result.exit_code == 2 and "nope.yaml" in result.stderr


def test_the_docs_show_what_the_command_prints(maps, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(maps[0].parent)
    said = section("Comparing two maps")
    block = said.split("$ argmap compare answer.yaml student.yaml\n", 1)[1].split("```", 1)[0]
    assert run("compare", "answer.yaml", "student.yaml").stdout == block


def test_cli_compare_of_a_folder_of_students_maps_ends_with_a_row_each(maps) -> None:
    """A teacher's class: each student's map under its path, then a row each, the map that
    cannot be read counted too."""
    answer, student = maps
    folder = answer.parent / "students"
    folder.mkdir()
    student.unlink()
    lonely = "conclusions:\n  - id: lonely\n    text: A conclusion with no reason at all.\n"
    for name, text in (
        ("ana", STUDENT),
        ("ben", ANSWER),
        ("dan", ANSWER.replace("recommendations:", lonely + "recommendations:")),
    ):
        (folder / f"{name}.yaml").write_text(
            text.replace("path: source.txt", "path: ../source.txt")
        )
    (folder / "cat.yaml").write_text("argmap: 1\ntitle: [\n")
    result = run("compare", str(answer), str(folder))
    assert result.exit_code == 1  # cat's map has no map in it
    assert result.stdout.splitlines()[-5:] == [
        "claims  missing  extra  links  agreement  map",
        f"   5/5        0      1    2/4       0.44  {folder / 'ana.yaml'}",
        f"   5/5        0      0    4/4       1.00  {folder / 'ben.yaml'}",
        f"     -        -      -      -          -  {folder / 'cat.yaml'} "
        "(not compared: fix its format error first: AM002 at 3:1)",
        f"   5/5        0      1    4/4       1.00  {folder / 'dan.yaml'} (has errors)",
    ]
    assert f"{folder / 'ana.yaml'}:" in result.stdout.splitlines()
    as_json = json.loads(run("compare", "--output-format", "json", str(answer), str(folder)).stdout)
    assert [(m["second"], m["links"] and m["links"]["agreement"]) for m in as_json] == [
        (str(folder / "ana.yaml"), 0.4444), (str(folder / "ben.yaml"), 1.0),
        (str(folder / "cat.yaml"), None), (str(folder / "dan.yaml"), 1.0),
    ]  # fmt: skip


def test_a_claim_of_another_kind_is_said_and_its_links_still_agree() -> None:
    first = _map("reasons: [a, b]")
    claims = [attrs.evolve(c, kind=Kind.CONCLUSION) if c.id == "a" else c for c in first.claims]
    other = attrs.evolve(first, claims=tuple(claims))
    result = compare(first, other, None)
    assert result.kinds == (("a", "premise", "conclusion"),)
    assert result.links_agreement == 1.0


def test_reasons_grouped_otherwise_are_said_of_the_claims_both_maps_give() -> None:
    """Linked in one map, separate in the other, though one map gives a reason more: the
    grouping of the claims both give differs, and is said."""
    separate = _map("reasons: [a, b, c]")
    linked = _map("reasons:\n  - [a, b]")
    result = compare(separate, linked, None)
    assert result.grouping == (("t", (("a",), ("b",)), (("a", "b"),)),)
    assert [str(e) for e in result.only_first] == ["c supports t"]
    assert compare(separate, _map("reasons: [a, b]"), None).grouping == ()


def test_a_quote_found_everywhere_pairs_nothing_and_costs_little() -> None:
    """A hostile (or careless) pair of maps whose 300 claims each quote 'the', found at 1,000
    places: pairing by such quotes said nothing and cost the square of their places (minutes,
    bench/compare_bench.py); the claims pair by their wording instead."""
    text = "The cat saw the dog. " * 500
    claims = "".join(
        f"  - id: c{n}\n    text: Claim number {n} stands alone.\n    quotes: the\n"
        for n in range(300)
    )
    amap = check_bytes(f"argmap: 1\ntitle: T\npremises:\n{claims}".encode(), "m.yaml").map
    assert amap is not None
    source = SourceText(text)
    assert grounding(amap.claims[0], source) == ()
    result = compare(amap, amap, source)
    assert {p.by for p in result.pairs} == {"wording"} and len(result.pairs) == 300


def test_ids_that_mean_other_claims_in_the_two_maps_do_not_mix() -> None:
    """Annotators who both use ids a, b, c for other claims: each claim pairs with the claim
    that says the same, whatever its id."""
    first = _map("reasons: [a, b]")
    swapped = first.claims[1], first.claims[0], first.claims[2]
    renamed = tuple(attrs.evolve(c, id=i) for c, i in zip(swapped, "abc", strict=True))
    second = attrs.evolve(first, claims=(*renamed, first.claims[3]))
    pairs = [(p.first, p.second) for p in align(first, second, None)]
    assert pairs == [("a", "b"), ("b", "a"), ("c", "c"), ("t", "t")]


def test_a_student_who_took_another_claim_for_the_thesis_is_told(maps) -> None:
    answer, student = maps
    student.write_text(
        STUDENT.replace("    implicit: true\n", "    implicit: true\n    thesis: true\n")
    )
    result = run("compare", str(answer), str(student))
    assert "thesis: ban in the first, +people-like-cars in the second" in result.stdout


def test_cli_compare_reads_the_first_map_from_stdin(maps, monkeypatch: pytest.MonkeyPatch) -> None:
    """A model answer piped in (made by a script: ``... | argmap compare - student.yaml``)
    is compared as the file is; stdin is read once."""
    answer, student = maps
    monkeypatch.chdir(answer.parent)  # a map on stdin finds its source from here
    piped = CliRunner().invoke(main, ["compare", "-", student.name], input=answer.read_bytes())
    assert piped.exit_code == 0, piped.output
    assert piped.stdout == run("compare", answer.name, student.name).stdout.replace(
        f"of {answer.name} are", "of <stdin> are"
    )
    twice = run("compare", "-", "-")
    assert twice.exit_code == 2 and "standard input (-) can be read once" in twice.stderr


def test_the_model_answer_in_the_class_folder_is_not_compared_with_itself(maps) -> None:
    """``compare answer.yaml class/`` with the answer in class/: its own row (1.00) counted
    as a student's; it is passed over, and said so. Named as a SECOND itself, it is compared."""
    answer, student = maps
    result = run("compare", str(answer), str(answer.parent))
    assert result.exit_code == 0, result.output
    assert f"argmap: {answer}: the first map itself, not compared with itself" in result.stderr
    rows = result.stdout.splitlines()[-2:]
    assert rows[0].startswith("claims") and rows[1].endswith(str(student))
    assert "1.00" in run("compare", str(answer), str(answer)).stdout


def test_two_maps_whose_sources_cannot_be_read_are_told_so(maps) -> None:
    """Both naming a source that is not there: they were told they 'do not quote one source
    text', which is not what is wrong."""
    answer, student = maps
    for path in maps:
        path.write_text(path.read_text().replace("path: source.txt", "path: gone.txt"))
    result = run("compare", str(answer), str(student))
    assert (
        f"argmap: neither the source of {answer} nor that of {student} could be read: their "
        "claims pair by wording only"
    ) in result.stderr
    assert "do not quote one source text" not in result.stderr


def test_a_reviewer_compares_the_base_branch_map_piped_in_with_its_file_name(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``git show main:maps/m.yaml | argmap compare --stdin-filename maps/m.yaml - maps/m.yaml``:
    the piped map finds its source text as the file does, so no AM117 and pairing by quotes;
    eval and coverage take the name too."""
    monkeypatch.chdir(seed_copy.parent.parent)  # the project's root, as in a review
    name = "maps/europe-central-asia.yaml"
    piped = seed_copy.read_bytes()
    bare = CliRunner().invoke(main, ["compare", "-", name], input=piped)
    assert "AM117" in bare.stderr  # <stdin> looks for ../seeds from the project's root
    named = CliRunner().invoke(main, ["compare", "--stdin-filename", name, "-", name], input=piped)
    assert named.exit_code == 0, named.output
    assert "AM117" not in named.stderr and "quotes 100%" in named.stdout
    assert named.stdout.startswith(f"claims: 29 of 29 of {name} are in {name} (100%)")
    for command in ("eval", "coverage", "questions"):
        result = CliRunner().invoke(main, [command, "--stdin-filename", name, "-"], input=piped)
        assert result.exit_code == 0 and "AM117" not in result.stderr, (command, result.output)
    lone = run("compare", "--stdin-filename", name, name, name)
    assert lone.exit_code == 2
    assert "--stdin-filename names the map read from standard input: add -" in lone.stderr
