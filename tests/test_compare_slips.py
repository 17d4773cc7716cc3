"""``argmap compare`` of a student's map with the slips students make: a quote a word off, a
wrong source path, a format error, a renamed claim still named as a reason. Each is said, and
costs the student no more than the slip itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.analysis.compare import compare
from argmap.api import check_file
from argmap.model import ArgumentMap
from argmap.read.source import SourceText

from .conftest import run
from .test_compare import ANSWER, SOURCE, STUDENT

#: The student's quotes, each a word off the source (a spelling, a word added, one swapped),
#: and a quote of the student's own, in no passage of the source.
SLIPS = {
    "quotes: Traffic in city centres kills hundreds of people\n":
        "quotes: Traffic in city centers kills hundreds of people\n",
    "quotes: Some argue that shops will lose customers\n":
        "quotes: Some argue that the shops will lose customers\n",
    "quotes: footfall rose after the ban\n": "quotes: footfall rose after a ban\n",
    "    quotes: Cities should ban cars from their centres.\n":
        "    quotes: Cities must ban cars from their centres.\n",
    "    implicit: true\n": "    quotes: Nobody wants to walk to the shops in the rain\n",
}  # fmt: skip


def slipped(text: str = STUDENT) -> str:
    for right, wrong in SLIPS.items():
        assert right in text
        text = text.replace(right, wrong)
    return text


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "answer.yaml").write_text(ANSWER, encoding="utf-8")
    return tmp_path


def test_a_quote_a_word_off_pairs_by_the_passage_check_fix_would_put_in_its_place(
    folder: Path,
) -> None:
    """Claims pair as they did with the quotes right; the quote in no passage pairs nothing;
    how many quotes were not found, and how many stand for their closest passage, is told."""
    (folder / "student.yaml").write_text(slipped(), encoding="utf-8")
    first, second = load(folder / "answer.yaml"), load(folder / "student.yaml")
    result = compare(first, second, SourceText(SOURCE))
    assert [(p.first, p.second, p.by) for p in result.pairs] == [
        ("deaths", "traffic-kills", "quotes"),
        ("pollution", "air", "quotes"),
        ("shops", "customers", "quotes"),
        ("oslo", "oslo-study", "quotes"),
        ("ban", "ban-cars", "quotes"),
    ]
    assert result.theses == ("ban", "ban")
    assert result.quotes is not None
    assert (result.quotes.count, result.quotes.not_found, result.quotes.closest) == (6, 5, 4)
    right = compare(first, load_text(folder, STUDENT), SourceText(SOURCE))
    assert result.links_agreement == right.links_agreement
    assert right.quotes is not None and right.quotes.not_found == 0
    assert compare(first, second, None).quotes is None  # by wording: no quote looked for


def load(path: Path) -> ArgumentMap:
    """A map read with its errors (a quote not found is one)."""
    amap = check_file(path).map
    assert amap is not None
    return amap


def load_text(folder: Path, text: str, name: str = "other.yaml") -> ArgumentMap:
    (folder / name).write_text(text, encoding="utf-8")
    return load(folder / name)


def test_a_quote_far_off_is_left_out_of_the_pairing(folder: Path) -> None:
    """A quote that only a person could tell is the passage meant (half its words another)
    stands for nothing: the claim pairs by its wording, or not at all."""
    far = STUDENT.replace(
        "quotes: Traffic in city centres kills hundreds of people\n",
        "quotes: Road traffic in our city kills many people\n",
    )
    result = compare(load(folder / "answer.yaml"), load_text(folder, far), SourceText(SOURCE))
    assert "traffic-kills" in result.extra and "deaths" in result.missing
    assert result.quotes is not None
    assert (result.quotes.not_found, result.quotes.closest) == (1, 0)


def test_cli_compare_says_how_many_quotes_were_not_found(folder: Path) -> None:
    (folder / "student.yaml").write_text(slipped(), encoding="utf-8")
    answer, student = folder / "answer.yaml", folder / "student.yaml"
    result = run("compare", str(answer), str(student))
    assert result.exit_code == 1  # the quotes not found are errors of the student's map
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        f"claims: 5 of 5 of {answer} are in {student} (100%); 0 missing, 1 extra",
        f"quotes: 5 of 6 of {student} are not in the source: 4 taken for the passage closest "
        "to them (as check --fix mends them), 1 left out",
    ]
    assert "thesis: ban in both" in lines
    as_json = json.loads(
        run("compare", "--output-format", "json", str(answer), str(student)).stdout
    )
    assert as_json[0]["quotes"] == {"count": 6, "not_found": 5, "closest": 4}
    clean = folder / "clean.yaml"
    clean.write_text(STUDENT, encoding="utf-8")
    assert not [line for line in run("compare", str(answer), str(clean)).stdout.splitlines()
                if line.startswith("quotes:")]  # fmt: skip
    again = json.loads(run("compare", "--output-format", "json", str(answer), str(clean)).stdout)
    assert again[0]["quotes"] == {"count": 5, "not_found": 0, "closest": 0}


@pytest.mark.parametrize(
    ("slip", "said"),
    [
        ("  path: source.txt\n", "  path: texts/source.txt\n"),  # a folder that is not there
        ("source:\n  path: source.txt\n", ""),  # no source named
    ],
    ids=["wrong-path", "no-source"],
)
def test_a_students_source_that_cannot_be_read_is_taken_for_the_answers(
    folder: Path, slip: str, said: str
) -> None:
    """A student who got her source's path wrong (or named none) quoted the text all the
    same: her quotes are looked for in the answer's source, and a note says so; she is
    compared as she would be with the right path."""
    answer, student, right = folder / "answer.yaml", folder / "student.yaml", folder / "right.yaml"
    student.write_text(STUDENT.replace(slip, said), encoding="utf-8")
    right.write_text(STUDENT, encoding="utf-8")
    result = run("compare", str(answer), str(student))
    assert result.exit_code == 1  # her map's error (AM109, or quotes without a source) stays
    why = f"the source of {student} could not be read" if said else f"{student} names no source"
    note = f"argmap: {why}: its quotes are looked for in the source of {answer}"
    assert note in result.stderr
    assert "pair by wording only" not in result.stderr
    expected = run("compare", str(answer), str(right)).stdout.replace(str(right), str(student))
    assert result.stdout == expected
    (found,) = json.loads(
        run("compare", "--output-format", "json", str(answer), str(student)).stdout
    )
    assert (found["by"], found["source"]) == ("quotes", "first")
    assert found["notes"] == [note.removeprefix("argmap: ")]


def test_an_answers_source_that_cannot_be_read_is_taken_for_the_students(folder: Path) -> None:
    """The reverse: the model answer's source path is wrong, the student's right: both maps'
    quotes are looked for in the student's source."""
    answer, student = folder / "answer.yaml", folder / "student.yaml"
    answer.write_text(ANSWER.replace("path: source.txt", "path: missing.txt"), encoding="utf-8")
    student.write_text(STUDENT, encoding="utf-8")
    result = run("compare", str(answer), str(student))
    assert result.exit_code == 1
    assert (f"argmap: the source of {answer} could not be read: its quotes are looked for in the "
            f"source of {student}") in result.stderr  # fmt: skip
    assert "ban        ban-cars           quotes 100%" in result.stdout
    (found,) = json.loads(
        run("compare", "--output-format", "json", str(answer), str(student)).stdout
    )
    assert (found["by"], found["source"]) == ("quotes", "second")


def test_maps_whose_sources_are_read_and_differ_pair_by_wording(folder: Path) -> None:
    """Only when both sources are read, and are other texts, do the claims pair by wording;
    maps that both read theirs, the same, say nothing of it."""
    answer, student = folder / "answer.yaml", folder / "student.yaml"
    (folder / "other.txt").write_text(SOURCE + "\nOne more line.\n", encoding="utf-8")
    student.write_text(STUDENT.replace("path: source.txt", "path: other.txt"), encoding="utf-8")
    (found,) = json.loads(
        run("compare", "--output-format", "json", str(answer), str(student)).stdout
    )
    assert (found["by"], found["source"]) == ("wording", None)
    assert found["notes"] == [
        f"{student} and {answer} do not quote one source text: their claims pair by wording only"
    ]
    student.write_text(STUDENT, encoding="utf-8")
    (found,) = json.loads(
        run("compare", "--output-format", "json", str(answer), str(student)).stdout
    )
    assert (found["by"], found["source"], found["notes"]) == ("quotes", "both", [])


def test_a_map_with_format_errors_says_which_to_fix_before_it_can_be_compared(
    folder: Path,
) -> None:
    """A map the loader cannot take as a whole (an empty list, a misspelt key) has no claims
    to compare: its row, the note of a single map and its JSON say which error to fix first,
    where, not only that it has errors."""
    students = folder / "students"
    students.mkdir()
    empty = STUDENT.replace("    implicit: true\n", "    implicit: true\n    objections: []\n")
    typo = STUDENT.replace("    quotes: footfall", "    qoutes: footfall")
    for name, text in (("ana", STUDENT), ("bea", empty), ("cy", typo)):
        (students / f"{name}.yaml").write_text(text.replace("path: source.txt",
                                                            "path: ../source.txt"))  # fmt: skip
    answer = folder / "answer.yaml"
    result = run("compare", str(answer), str(students))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-3:] == [
        f"   5/5        0      1    2/4       0.44  {students / 'ana.yaml'}",
        f"     -        -      -      -          -  {students / 'bea.yaml'} "
        "(not compared: fix its format error first: AM016 at 15:17)",
        f"     -        -      -      -          -  {students / 'cy.yaml'} "
        "(not compared: fix its format error first: AM009 at 17:5)",
    ]
    one = run("compare", str(answer), str(students / "bea.yaml"))
    assert one.exit_code == 1 and one.stdout == ""
    assert (f"argmap: {students / 'bea.yaml'}: not compared: fix its format error first: AM016 "
            "at 15:17") in one.stderr.splitlines()  # fmt: skip
    as_json = json.loads(
        run("compare", "--output-format", "json", str(answer), str(students)).stdout
    )
    assert as_json[1] == {
        "format": "argmap-compare", "version": 1,
        "first": str(answer), "second": str(students / "bea.yaml"), "by": None, "source": None,
        "quotes": None, "claims": None, "links": None,
        "notes": ["not compared: fix its format error first: AM016 at 15:17"],
    }  # fmt: skip
    both = typo.replace("    implicit: true\n", "    implicit: true\n    objections: []\n")
    (students / "cy.yaml").write_text(both.replace("path: source.txt", "path: ../source.txt"))
    rows = run("compare", str(answer), str(students)).stdout.splitlines()
    assert rows[-1].endswith("(not compared: fix its format errors first: AM016 at 15:17 and 1 "
                             "more)")  # fmt: skip


def test_a_reason_naming_no_claim_is_said_once_not_as_a_missing_and_an_extra_link(
    folder: Path,
) -> None:
    """A student renamed a claim ('customers' to 'customer') and still names it as an
    objection: her link names no claim, so it is no extra link of a claim '+customers'; the
    answer's link is missing, and the broken name is said once, as such."""
    broken = STUDENT.replace("  - id: customers\n", "  - id: customer\n")
    student = folder / "student.yaml"
    student.write_text(broken, encoding="utf-8")
    answer = folder / "answer.yaml"
    result = compare(load(answer), load(student), SourceText(SOURCE))
    assert [str(e) for e in result.only_first] == ["shops attacks ban"]
    assert [str(e) for e in result.only_second] == ["+people-like-cars attacks ban"]
    assert [str(b) for b in result.broken] == [
        "objection 'customers' of ban is no claim of the second map"
    ]
    # 1 agrees of 4 links in the answer and 4 in the student's (her broken one is none)
    assert result.links_agreement == pytest.approx(2 * 1 / (4 + 4))
    lines = run("compare", str(answer), str(student)).stdout.splitlines()
    assert "  missing   shops attacks ban" in lines
    assert "  broken    objection 'customers' of ban is no claim of the second map" in lines
    assert not [line for line in lines if "+customers" in line]
    (found,) = json.loads(
        run("compare", "--output-format", "json", str(answer), str(student)).stdout
    )
    assert found["links"]["broken"] == [
        {"map": "second", "link": "objection", "claim": "customers", "of": "ban"}
    ]


def test_a_thesis_of_the_same_id_that_did_not_pair_is_said_to_be_another_claim(
    folder: Path,
) -> None:
    """'thesis: ban in the first, +ban in the second' read as a contradiction (same id, same
    claim?): the line says that the second's claim of that id pairs with none of the
    first's."""
    own = STUDENT.replace(
        "  - id: ban-cars\n    text: Cities should ban cars from their centres.\n"
        "    quotes: Cities should ban cars from their centres.\n",
        "  - id: ban\n    text: Get the cars out of town.\n    implicit: true\n",
    )
    student = folder / "student.yaml"
    student.write_text(own, encoding="utf-8")
    lines = run("compare", str(folder / "answer.yaml"), str(student)).stdout.splitlines()
    assert ("thesis: ban in the first, +ban in the second (the second map's own claim ban, "
            "which pairs with none of the first's)") in lines  # fmt: skip
