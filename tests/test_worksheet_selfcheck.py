"""A student checks their own worksheet before handing it in: ``argmap check`` on a map that
``argmap exercise`` wrote says, after the problems, which blanks are still blank and, of each
filled in, whether its quotes are found in the source; never a word of the answer's. An
untouched worksheet checked clean and silent, as a finished map does: the student could not
tell it from a finished one."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run
from .test_exercise import ANSWER, SOURCE


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    """The worksheet a teacher wrote of the answer, two claims blank, beside the source."""
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    answer = tmp_path / "answer.yaml"
    answer.write_text(ANSWER, encoding="utf-8")
    out = tmp_path / "worksheet.yaml"
    made = run("exercise", str(answer), "--blank", "corridors,office", "-o", str(out), "-f", "svg")
    assert made.exit_code == 0, made.output
    return out


def _fill(sheet: Path, blank: str, text: str, quote: str | None = None) -> None:
    """The student writes ``text`` (and ``quote``) in place of the blank ``blank``."""
    old = f"  - id: {blank}\n    text: ___\n"
    new = f"  - id: {blank}\n    text: {text}\n" + (f"    quotes: {quote}\n" if quote else "")
    written = sheet.read_text(encoding="utf-8")
    assert old in written
    sheet.write_text(written.replace(old, new), encoding="utf-8")


def test_the_worksheet_names_its_blanks_in_its_header(sheet: Path) -> None:
    lines = sheet.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == [
        "# A worksheet written by argmap exercise from answer.yaml: fill in each ___",
        "# The blanks: corridors, office (argmap check says which are filled in)",
    ]


def test_an_untouched_worksheet_says_what_is_still_blank(sheet: Path) -> None:
    result = run("check", str(sheet))
    assert result.exit_code == 0, result.output  # nothing wrong: work still to do
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{sheet}: worksheet: 0 of 2 blanks filled in",
        "  corridors  still blank: write the claim in place of ___ and quote its passage",
        "  office     still blank: write the claim in place of ___ and quote its passage",
    ]


def test_each_filled_blank_says_whether_its_quote_is_in_the_source(sheet: Path) -> None:
    _fill(sheet, "corridors", "Pupils stop talking.", "pupils scrolling side by side")
    _fill(sheet, "office", "Schools have a phone.", "every schoool has a phone")
    result = run("check", str(sheet))
    assert result.exit_code == 1, result.output  # the quote not found is an error
    lines = result.stderr.splitlines()
    assert "[AM110]" in lines[0]  # the problem first, as ever, then the blanks
    assert lines[1:] == [
        f"{sheet}: worksheet: 2 of 2 blanks filled in",
        "  corridors  filled in; its quote is found in the source",
        "  office     filled in; its quote is not in the source (above)",
        "argmap: 1 error",
    ]


def test_a_blank_filled_without_a_quote_is_told_to_quote_one(sheet: Path) -> None:
    _fill(sheet, "corridors", "Pupils stop talking.", "pupils scrolling side by side")
    _fill(sheet, "office", "Schools have a phone.")
    result = run("check", str(sheet))
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert "[AM204]" in lines[0]
    assert lines[1:4] == [
        f"{sheet}: worksheet: 2 of 2 blanks filled in",
        "  corridors  filled in; its quote is found in the source",
        "  office     filled in; no quote yet: quote the passage it rests on",
    ]


def test_a_finished_worksheet_says_so_without_a_word_of_the_answer(sheet: Path) -> None:
    _fill(sheet, "corridors", "Pupils stop talking.", "pupils scrolling side by side")
    _fill(sheet, "office", "Pupils' phones ring in class.", "A single notification is enough")
    result = run("check", str(sheet))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"{sheet}: worksheet: 2 of 2 blanks filled in",
        "  corridors  filled in; its quote is found in the source",
        "  office     filled in; its quote is found in the source",
    ]  # a wrong answer is not told: that is for the teacher's --check
    for secret in ("has a phone", "in the office", "scroll instead"):
        assert secret not in result.output


@pytest.mark.parametrize("before", ["\n", "\n\n", "---\n", "  \n"])
def test_a_line_put_before_the_header_keeps_the_worksheet_one(sheet: Path, before: str) -> None:
    """An empty line (or YAML's '---') put before the header by an editor or the student: the
    header was no longer read, and a worksheet filled in was checked as a map, silent on its
    blanks."""
    _fill(sheet, "corridors", "Pupils stop talking.", "pupils scrolling side by side")
    _fill(sheet, "office", "Pupils' phones ring in class.", "A single notification is enough")
    sheet.write_text(before + sheet.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("check", str(sheet))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == f"{sheet}: worksheet: 2 of 2 blanks filled in"


def test_a_worksheet_typed_by_hand_is_one_by_its_blanks(sheet: Path) -> None:
    lines = sheet.read_text(encoding="utf-8").splitlines(keepends=True)
    sheet.write_text("".join(lines[2:]), encoding="utf-8")  # no header
    result = run("check", str(sheet))
    assert result.stderr.splitlines()[0] == f"{sheet}: worksheet: 0 of 2 blanks filled in"


def test_a_source_not_found_leaves_the_quotes_unchecked(sheet: Path) -> None:
    _fill(sheet, "corridors", "Pupils stop talking.", "pupils scrolling side by side")
    (sheet.parent / "source.txt").unlink()
    result = run("check", str(sheet))
    assert "  corridors  filled in; its quote is not checked: the source was not read (above)" in (
        result.stderr.splitlines()
    )


def test_programs_get_the_problems_alone(sheet: Path) -> None:
    result = run("check", "--output-format", "json", str(sheet))
    assert result.exit_code == 0, result.output
    assert result.stdout == "[]\n"
    assert "worksheet" not in result.stderr
