"""``argmap exercise --check students/`` as a teacher reads it: each worksheet's score first,
then its problems summarised (a line a code: how many, where), not the answer's warnings and
each worksheet's diagnostics in full before each score; a worksheet that cannot be scored is
still told plainly, its errors in full."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run
from .test_exercise import ANSWER, SOURCE

BLANKS = "corridors,office"


@pytest.fixture
def answer(tmp_path: Path) -> Path:
    """The answer (its note claim without a quote: a warning), and a class's worksheets."""
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    path = tmp_path / "answer.yaml"
    path.write_text(ANSWER.replace("    quotes: Break time used to be loud.\n", ""), "utf-8")
    sheet = tmp_path / "worksheet.yaml"
    made = run("exercise", str(path), "--blank", BLANKS, "-o", str(sheet), "-f", "svg")
    assert made.exit_code == 0, made.output
    students = tmp_path / "students"
    students.mkdir()
    given = sheet.read_text("utf-8").replace("path: source.txt", "path: ../source.txt")
    (students / "ann.yaml").write_text(given, encoding="utf-8")
    typo = given.replace(
        "  - id: office\n    text: ___\n",
        "  - id: office\n    text: Schools have a phone.\n"
        "    quotes: every schoool already has a phone in the office\n"
        "  - id: extra\n    text: Phones are costly.\n",
    )
    (students / "ben.yaml").write_text(typo, encoding="utf-8")
    (students / "cal.yaml").write_text('argmap: 1\ntitle: "Phones\n', encoding="utf-8")
    return path


def _blocks(stdout: str) -> dict[str, list[str]]:
    """Each worksheet's part of the report, by its heading, up to the table of scores."""
    found: dict[str, list[str]] = {}
    for block in stdout.split("\n\n")[:-1]:
        head, *lines = block.splitlines()
        found[head.rstrip(":")] = lines
    return found


def test_each_score_comes_first_its_problems_after_it_summarised(answer: Path) -> None:
    students = answer.parent / "students"
    result = run("exercise", str(answer), "--blank", BLANKS, "--check", str(students))
    assert result.exit_code == 1, result.output  # a student's map has errors: as before
    ben = _blocks(result.stdout)[str(students / "ben.yaml")]
    assert ben[0] == "blanks: 1 of 2 found, 1 in the right place"
    assert ben[3:] == [
        "  problems: 1 error and 3 warnings (argmap check shows each)",
        "    AM110  quote not found in the source text: line 21",
        "    AM201  claim connected to nothing: line 22",
        "    AM204  a claim without quotes that is not marked implicit: lines 22, 32",
    ]  # line 32: the answer's own claim without a quote, which the worksheet keeps
    assert _blocks(result.stdout)[str(students / "ann.yaml")] == [
        "blanks: 0 of 2 found, 0 in the right place",
        "  corridors  not filled in",
        "  office     not filled in",
        "  problems: 1 warning (argmap check shows each)",
        "    AM204  a claim without quotes that is not marked implicit: line 29",
    ]
    assert "[AM110]" not in result.stderr and "[AM204]" not in result.stderr


def test_the_answers_warnings_are_counted_not_repeated(answer: Path) -> None:
    students = answer.parent / "students"
    result = run("exercise", str(answer), "--blank", BLANKS, "--check", str(students))
    assert result.stderr.count("AM204") == 0
    assert f"argmap: {answer}: 1 warning (argmap check {answer} shows it)" in (
        result.stderr.splitlines()
    )


def test_a_worksheet_that_cannot_be_scored_is_still_told_in_full(answer: Path) -> None:
    students = answer.parent / "students"
    result = run("exercise", str(answer), "--blank", BLANKS, "--check", str(students))
    cal = str(students / "cal.yaml")
    assert any(line.startswith(f"{cal}:2:") and "[AM002]" in line
               for line in result.stderr.splitlines())  # fmt: skip
    assert f"-  {cal} (not scored: it has errors)" in result.stdout
    assert result.stdout.splitlines()[-4:] == [
        "found  placed  blanks  map",
        f"    0       0       2  {students / 'ann.yaml'}",
        f"    1       1       2  {students / 'ben.yaml'} (has errors)",
        f"    -       -       -  {cal} (not scored: it has errors)",
    ]


def test_one_worksheet_alone_is_scored_the_same_way(answer: Path) -> None:
    ben = answer.parent / "students" / "ben.yaml"
    result = run("exercise", str(answer), "--blank", BLANKS, "--check", str(ben))
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[0] == "blanks: 1 of 2 found, 1 in the right place"
    assert "  problems: 1 error and 3 warnings (argmap check shows each)" in result.stdout
    assert "[AM110]" not in result.stderr
