"""``argmap exercise``: a finished map (the answer) and the claims to blank → the worksheet
students fill in (its map and a drawing to print, blanks drawn as boxes to write in, the
teacher's note on it), and each student's filled-in worksheet scored on the blanks alone."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis.exercise import worksheet
from argmap.api import check_bytes, load
from argmap.formats.yaml import dump
from argmap.model import ArgumentMap, Kind
from argmap.model.blank import PLACEHOLDER, is_blank

from .conftest import run
from .strategies import argument_maps

SOURCE = """\
Our school should ban smartphones for the whole school day.

A single notification is enough to break a pupil's concentration. When phones are in \
lockers, lessons are simply more focused. Break time used to be loud. Now many corridors \
are silent, with pupils scrolling side by side instead of talking.

Some parents will object that their children need a phone to reach them in an emergency. \
But every school already has a phone in the office.
"""

ANSWER = """\
argmap: 1
title: The phone ban
note: Fill in the empty boxes, each with a quote from the text.
source:
  path: source.txt
premises:
  - id: notification
    text: One notification breaks a pupil's concentration.
    quotes: A single notification is enough to break a pupil's concentration.
  - id: corridors
    text: At break, pupils scroll instead of talking.
    quotes: pupils scrolling side by side instead of talking
    note: Paragraph 2, last sentence.
  - id: emergency
    text: Children need a phone for emergencies.
    quotes: their children need a phone to reach them in an emergency
  - id: office
    text: The school office has a phone.
    quotes: every school already has a phone in the office
conclusions:
  - id: focused
    text: Without phones, lessons are more focused.
    quotes: When phones are in lockers, lessons are simply more focused.
    reasons: [notification]
  - id: breaks
    text: Phones spoil break time.
    quotes: Break time used to be loud.
    reasons: [corridors]
recommendations:
  - id: ban
    text: Our school should ban smartphones for the whole school day.
    thesis: true
    quotes: Our school should ban smartphones for the whole school day.
    reasons: [focused, breaks]
    objections:
      - claims: emergency
        objections: [office]
"""

#: What a student hands in: both blanks filled, one rightly, one attacking the wrong thing.
STUDENT = """\
argmap: 1
title: The phone ban
source:
  path: ../source.txt
premises:
  - id: notification
    text: One notification breaks a pupil's concentration.
    quotes: A single notification is enough to break a pupil's concentration.
  - id: silent
    text: Corridors are silent.
    quotes: Now many corridors are silent, with pupils scrolling side by side
  - id: emergency
    text: Children need a phone for emergencies.
    quotes: their children need a phone to reach them in an emergency
    objections: [phone]
  - id: phone
    text: Schools have a phone.
    quotes: every school already has a phone in the office
conclusions:
  - id: focused
    text: Without phones, lessons are more focused.
    quotes: When phones are in lockers, lessons are simply more focused.
    reasons: [notification]
  - id: breaks
    text: Phones spoil break time.
    quotes: Break time used to be loud.
    reasons: [silent]
recommendations:
  - id: ban
    text: Our school should ban smartphones for the whole school day.
    thesis: true
    quotes: Our school should ban smartphones for the whole school day.
    reasons: [focused, breaks]
    objections: [emergency]
"""


@pytest.fixture
def answer(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    path = tmp_path / "answer.yaml"
    path.write_text(ANSWER, encoding="utf-8")
    return path


def _worksheet(answer: Path, *more: str) -> Path:
    out = answer.parent / "worksheet.yaml"
    result = run("exercise", str(answer), "--blank", "corridors,office", "-o", str(out), *more)
    assert result.exit_code == 0, result.output
    return out


def test_the_worksheet_keeps_each_blank_in_its_place_without_its_answer(answer: Path) -> None:
    out = _worksheet(answer, "-f", "svg")
    text = out.read_text(encoding="utf-8")
    worksheet, given = load(out), load(answer)
    blanks = {c.id: c for c in worksheet.claims if is_blank(c.text)}
    assert sorted(blanks) == ["corridors", "office"]
    assert all(c.kind is Kind.PREMISE and not c.quotes and c.note is None
               for c in blanks.values())  # fmt: skip
    assert f"text: {PLACEHOLDER}\n" in text  # plain YAML, no quotes to type around it
    for secret in ("scroll", "office\n", "Paragraph 2", "has a phone"):
        assert secret not in text.replace("id: office\n", "")
    # everything else as in the answer: the other claims, the links (no notes: see below)
    assert [c for c in worksheet.claims if c.id not in blanks] == [
        c for c in given.claims if c.id not in blanks
    ]
    assert [(c.reasons, c.objections) for c in worksheet.claims] == [
        (c.reasons, c.objections) for c in given.claims
    ]
    assert worksheet.note is None


def test_the_worksheet_checks_clean(answer: Path) -> None:
    out = _worksheet(answer, "-f", "svg")
    found = check_bytes(out.read_bytes(), str(out))
    assert found.ok and list(found.diagnostics) == []


def test_a_claim_without_quotes_that_is_no_blank_is_still_told(answer: Path) -> None:
    text = ANSWER.replace("    quotes: Break time used to be loud.\n", "")
    found = check_bytes(text.encode(), str(answer))
    assert [d.code for d in found.diagnostics] == ["AM204"]


def _box(svg: str, node: str) -> tuple[float, float]:
    """The width and height, in points, of a node's outline in an SVG drawing."""
    group = svg[svg.index(f'<g id="{node}" class="node') :]
    points = re.search(r'<polygon[^>]* points="([^"]+)"', group)
    assert points is not None
    xs, ys = zip(*(map(float, p.split(",")) for p in points.group(1).split()), strict=True)
    return max(xs) - min(xs), max(ys) - min(ys)


def test_a_blank_is_drawn_as_an_empty_box_big_enough_to_write_in(answer: Path) -> None:
    svg = _worksheet(answer, "-f", "svg").with_suffix(".svg").read_text(encoding="utf-8")
    wide, high = _box(svg, "corridors")
    filled = _box(svg, "notification")
    # three lines of handwriting (9 mm apart) under the kind, some 7 cm wide
    assert high >= 95 and wide >= 200, (wide, high)
    assert high > 1.5 * filled[1]
    group = svg[svg.index('<g id="corridors" class="node') :].split("</g>")[0]
    assert "_" not in re.sub(r"<[^>]*>", "", group.split("</title>")[1])


def test_the_teachers_note_is_on_the_worksheet(answer: Path) -> None:
    out = _worksheet(answer, "-f", "svg", "--note", "Fill in each box with a quote & a reason.")
    svg = out.with_suffix(".svg").read_text(encoding="utf-8")
    assert "Fill in each box with a quote &amp; a reason." in svg
    assert load(out).note == "Fill in each box with a quote & a reason."


def test_no_note_of_the_answers_is_copied_it_may_say_the_blanks(answer: Path) -> None:
    # A reviewer's worksheet of the seed map drew its note under the title: "Its main thesis
    # ... is that Europe should build a substantive, mutually beneficial partnership", the
    # very claim blanked; the notes of reasons named blanked claims too.
    noted = ANSWER.replace(
        "      - claims: emergency\n",
        "      - claims: emergency\n        note: Answered by the office phone.\n",
    )
    answer.write_text(noted, encoding="utf-8")
    out = _worksheet(answer, "-f", "svg")
    text = out.read_text(encoding="utf-8") + out.with_suffix(".svg").read_text("utf-8")
    for said in ("Fill in the empty boxes", "Paragraph 2", "office phone"):
        assert said not in text
    assert load(out).note is None


@pytest.mark.parametrize("where", ["week3/", "week3"])
def test_o_names_a_folder_to_write_the_worksheet_in(answer: Path, where: str) -> None:
    folder = answer.parent / "week3"
    if not where.endswith("/"):
        folder.mkdir()
    result = run("exercise", str(answer), "--blank", "office", "-o", f"{answer.parent}/{where}")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == [
        "answer-exercise.pdf",
        "answer-exercise.yaml",
    ]


def test_o_with_a_drawings_name_is_told_what_it_names(answer: Path) -> None:
    result = run("exercise", str(answer), "--blank", "office", "-o", str(answer.parent / "x.pdf"))
    assert result.exit_code == 2
    assert "names the worksheet's map (.yaml, or a folder)" in result.output
    assert sorted(p.name for p in answer.parent.iterdir()) == [
        "answer.yaml",
        "pyproject.toml",
        "source.txt",
    ]


def test_a_blank_left_blank_is_not_filled_in_whatever_it_quotes(answer: Path) -> None:
    # A student who pasted the answer's quote under a blank, its text still ___, was 'right'.
    out = _worksheet(answer, "-f", "svg")
    sheet = out.read_text(encoding="utf-8")
    pasted = sheet.replace(
        "  - id: office\n    text: ___\n",
        "  - id: office\n    text: ___\n"
        "    quotes: every school already has a phone in the office\n",
    )
    assert pasted != sheet
    student = answer.parent / "pasted.yaml"
    student.write_text(pasted, encoding="utf-8")
    result = run("exercise", str(answer), "--blank", "corridors,office", "--check", str(student))
    assert "  office     not filled in" in result.stdout.splitlines()


def test_a_map_without_blanks_is_drawn_without_its_note(answer: Path) -> None:
    assert run("render", str(answer)).exit_code == 0
    assert "Fill in the empty boxes" not in answer.with_suffix(".svg").read_text("utf-8")


def test_the_worksheet_is_drawn_as_a_pdf_to_print_by_default(answer: Path) -> None:
    out = _worksheet(answer)
    assert out.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_the_worksheet_is_drawn_on_printed_pages_with_page(answer: Path) -> None:
    """A map of a debate drew its worksheet as one PDF page 81 cm wide, its blanks shrunk to
    2 cm when printed; --page a4 draws it on A4 pages, as render --page does, blanks and all."""
    pdfplumber = pytest.importorskip("pdfplumber")
    pdf = _worksheet(answer, "--page", "a4", "--landscape").with_suffix(".pdf")
    with pdfplumber.open(pdf) as opened:
        sizes = {(round(page.width), round(page.height)) for page in opened.pages}
        words = " ".join(page.extract_text() for page in opened.pages)
    assert sizes == {(842, 595)}
    assert "Fill in the empty boxes" not in words and "The phone ban" in words
    refused = run("exercise", str(answer), "--blank", "office", "-f", "svg", "--page", "a4")
    assert refused.exit_code == 2 and "--page applies to pdf only" in refused.output


def test_a_blank_that_is_no_claim_is_told_with_the_id_meant(answer: Path) -> None:
    result = run("exercise", str(answer), "--blank", "corridor")
    assert result.exit_code == 2
    assert "'corridor' is no claim of" in result.output
    assert "did you mean 'corridors'?" in result.output
    assert not (answer.parent / "answer-exercise.yaml").exists()


def test_without_blanks_nothing_is_written(answer: Path) -> None:
    result = run("exercise", str(answer))
    assert result.exit_code == 2
    assert "--blank" in result.output


def test_the_worksheet_is_written_beside_the_answer_by_default(answer: Path) -> None:
    result = run("exercise", str(answer), "--blank", "office", "-f", "svg")
    assert result.exit_code == 0, result.output
    assert (answer.parent / "answer-exercise.yaml").exists()
    assert (answer.parent / "answer-exercise.svg").exists()


def _students(answer: Path) -> Path:
    out = _worksheet(answer, "-f", "svg")
    students = answer.parent / "students"
    students.mkdir()
    untouched = out.read_text("utf-8").replace("path: source.txt", "path: ../source.txt")
    (students / "untouched.yaml").write_text(untouched, encoding="utf-8")
    (students / "fay.yaml").write_text(STUDENT, encoding="utf-8")
    return students


def test_a_students_worksheet_is_scored_on_the_blanks_alone(answer: Path) -> None:
    students = _students(answer)
    result = run("exercise", str(answer), "--blank", "corridors,office", "--check",
                 str(students))  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.stdout.splitlines()[-3:]]
    assert rows[0] == ["found", "placed", "blanks", "map"]
    assert rows[1:] == [[*["2", "1", "2"], str(students / "fay.yaml")],
                        [*["0", "0", "2"], str(students / "untouched.yaml")]]  # fmt: skip


def test_each_blank_is_told_without_giving_the_answer_away(answer: Path) -> None:
    students = _students(answer)
    result = run("exercise", str(answer), "--blank", "corridors,office", "--check",
                 str(students / "fay.yaml"))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:3] == [
        "blanks: 2 of 2 found, 1 in the right place",
        "  corridors  right: silent",
        "  office     found (phone), in another place: it attacks emergency, not the "
        "attack of emergency on ban",
    ]
    for secret in ("scroll", "has a phone", "talking", "Paragraph"):
        assert secret not in result.output
    untouched = run("exercise", str(answer), "--blank", "corridors,office", "--check",
                    str(students / "untouched.yaml"))  # fmt: skip
    assert untouched.stdout.splitlines()[:3] == [
        "blanks: 0 of 2 found, 0 in the right place",
        "  corridors  not filled in",
        "  office     not filled in",
    ]


def test_the_blanks_are_read_from_the_worksheet_when_not_named(answer: Path) -> None:
    students = _students(answer)
    named = run("exercise", str(answer), "--blank", "corridors,office", "--check", str(students))
    found = run("exercise", str(answer), "-o", str(answer.parent / "worksheet.yaml"),
                "--check", str(students))  # fmt: skip
    assert found.exit_code == 0, found.output
    assert found.stdout == named.stdout


def test_without_blanks_or_a_worksheet_nothing_is_scored(answer: Path) -> None:
    students = _students(answer)
    result = run("exercise", str(answer), "--check", str(students))
    assert result.exit_code == 2
    assert "answer-exercise.yaml" in result.output and "--blank" in result.output


def test_an_answer_with_errors_makes_no_worksheet(answer: Path) -> None:
    answer.write_text(ANSWER.replace("reasons: [corridors]", "reasons: [corridor]"), "utf-8")
    result = run("exercise", str(answer), "--blank", "office")
    assert result.exit_code == 1
    assert "[AM103]" in result.output and "fix the answer first" in result.output
    assert not (answer.parent / "answer-exercise.yaml").exists()


def test_a_worksheet_is_not_written_over_a_map_of_ones_own(answer: Path) -> None:
    mine = answer.parent / "mine.yaml"
    mine.write_text(ANSWER, encoding="utf-8")
    result = run("exercise", str(answer), "--blank", "office", "-o", str(mine))
    assert result.exit_code == 2
    assert "is not a worksheet argmap wrote" in result.output
    assert mine.read_text("utf-8") == ANSWER
    again = [run("exercise", str(answer), "--blank", "office", "-f", "svg") for _ in range(2)]
    assert [r.exit_code for r in again] == [0, 0]  # its own worksheet it writes again


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps(), st.data())
def test_any_map_blanked_anywhere_keeps_its_shape_and_checks_as_well(
    amap: ArgumentMap, data: st.DataObject
) -> None:
    ids = [claim.id for claim in amap.claims]
    chosen = data.draw(st.lists(st.sampled_from(ids), unique=True))
    sheet = worksheet(amap, chosen)
    written = dump(sheet)
    for claim in sheet.claims:
        assert is_blank(claim.text) == (claim.id in chosen) or is_blank(
            next(c for c in amap.claims if c.id == claim.id).text
        )
    assert written.count(f"text: {PLACEHOLDER}\n") >= len(chosen)
    before = check_bytes(dump(amap).encode(), "map.yaml")
    after = check_bytes(written.encode(), "map.yaml")
    assert after.map is not None
    assert attrs.evolve(after.map, spans={}) == attrs.evolve(_unspanned(after.map, sheet), spans={})
    assert {d.code for d in after.diagnostics} <= {d.code for d in before.diagnostics}


def _unspanned(loaded: ArgumentMap, expected: ArgumentMap) -> ArgumentMap:
    """``expected`` with the spans ``loaded`` has, so the two compare on what they say."""
    return attrs.evolve(
        expected,
        claims=tuple(
            attrs.evolve(claim, spans=got.spans)
            for claim, got in zip(expected.claims, loaded.claims, strict=True)
        ),
    )


def test_the_worksheet_never_takes_the_place_of_the_answer(answer: Path) -> None:
    result = run("exercise", str(answer), "--blank", "office", "-o", str(answer), "--force")
    assert result.exit_code == 2
    assert "the map itself" in result.output
    assert answer.read_text("utf-8") == ANSWER


def test_a_worksheet_in_a_folder_of_its_own_still_finds_the_source(answer: Path) -> None:
    out = answer.parent / "week3" / "worksheet.yaml"
    result = run("exercise", str(answer), "--blank", "office", "-o", str(out), "-f", "svg")
    assert result.exit_code == 0, result.output
    assert load(out).source.path == "../source.txt"  # type: ignore[union-attr]
    checked = check_bytes(out.read_bytes(), str(out))
    assert checked.ok and list(checked.diagnostics) == []
    assert out.with_suffix(".svg").exists()


def test_compare_says_a_blank_left_as_it_was_is_not_filled_in(answer: Path) -> None:
    out = _worksheet(answer, "-f", "svg")
    result = run("compare", str(answer), str(out))
    assert re.search(r"^-\s+\+office\s+extra: a blank, not filled in$", result.stdout, re.M)
    assert "extra: ___" not in result.stdout
