"""A worksheet's note (``argmap exercise --note``, the teacher's instructions under the title)
is set in the drawing's measure: a short title and a long note stretched the legend to the
note's width, and the drawing with it, so that fitted to a page or screen its text came out
smaller; on a screen (``--fit 1280x720``) the note ran in lines of 200 characters."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from argmap.analysis.exercise import worksheet
from argmap.api import Map, load, render_figures, render_map
from argmap.draw.layout import viewbox
from argmap.draw.legend import text_width
from argmap.draw.style import CLAIM_SIZE, PAD
from argmap.draw.text import wrap

from .conftest import run

SMALL = """\
argmap: 1
title: Phones
premises:
  - {id: notification, text: "One notification breaks a pupil's concentration."}
conclusions:
  - {id: focused, text: "Without phones, lessons are more focused.", reasons: [notification]}
recommendations:
  - id: ban
    text: Our school should ban smartphones for the whole school day.
    reasons: [focused]
"""

#: A teacher's instructions: 330 characters.
NOTE = (
    "Read the text twice before you start. Then fill in each empty box with the claim that "
    "the article makes at that place in its argument, in your own words, and underline in "
    "the text the sentence that supports your answer. Work alone for the first ten minutes, "
    "then compare your map with your neighbour's and discuss any differences."
)


@pytest.fixture(scope="module")
def answer(tmp_path_factory: pytest.TempPathFactory) -> Map:
    path = tmp_path_factory.mktemp("note") / "answer.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return load(path)


def sheet(answer: Map, note: str | None) -> Map:
    return Map.of(worksheet(answer, ["focused"], note))


def texts(svg: bytes) -> list[tuple[float, str]]:
    """Each line of text an SVG draws, with where it starts (x, points from the left)."""
    found = re.findall(rb'<text[^>]* x="([-\d.]+)"[^>]*>([^<]*)</text>', svg)
    return [(float(x), html.unescape(line.decode("utf-8"))) for x, line in found]


def note_lines(svg: bytes) -> list[str]:
    """The lines of :data:`NOTE` an SVG draws."""
    return [
        line.strip() for _x, line in texts(svg) if len(line.strip()) > 20 and line.strip() in NOTE
    ]


def narrow(drawn: bytes, answer: Map) -> bool:
    """Whether a worksheet drawn with :data:`NOTE` is no wider than without it, or than the
    note in lines of 40 characters: the note does not set the drawing's width."""
    shortest = max(text_width(line, CLAIM_SIZE) for line in wrap(NOTE, 40))
    without = viewbox(render_map(sheet(answer, None), "svg"))[0]
    return viewbox(drawn)[0] <= max(without, shortest + 2 * PAD * 72 + 12)


def legend_row(svg: bytes) -> float:
    """How far apart the legend's RECOMMENDATION and its last entry, supports, are drawn."""
    where = {line: x for x, line in texts(svg)}
    return where["supports"] - where["RECOMMENDATION"]


def test_a_long_note_does_not_stretch_the_legend(answer: Map) -> None:
    with_note, without = (
        render_map(sheet(answer, NOTE), "svg"),
        render_map(sheet(answer, None), "svg"),
    )
    assert note_lines(with_note)
    # Stretched to the note's width, the row was 190 pt longer; Graphviz sets it a few
    # points apart with a row of another width above it.
    assert legend_row(with_note) <= legend_row(without) + 8


def test_a_long_note_wraps_to_the_drawing_instead_of_widening_it(answer: Map) -> None:
    with_note = render_map(sheet(answer, NOTE), "svg")
    assert narrow(with_note, answer)
    lines = note_lines(with_note)
    assert any(lines == wrap(NOTE, chars) for chars in range(40, 73))  # 40 to 72 a line


def test_on_a_screen_the_note_keeps_lines_of_at_most_72_characters(answer: Map) -> None:
    for svg in render_figures(sheet(answer, NOTE), "svg", fit="1280x720"):
        lines = note_lines(svg)
        assert " ".join(lines) == NOTE and max(map(len, lines)) <= 72


def test_the_worksheet_argmap_exercise_draws_is_as_narrow(answer: Map, tmp_path: Path) -> None:
    target = tmp_path / "answer.yaml"
    target.write_text(SMALL, encoding="utf-8")
    result = run("exercise", str(target), "--blank", "focused", "--note", NOTE, "-f", "svg")
    assert result.exit_code == 0, result.output
    drawn = (tmp_path / "answer-exercise.svg").read_bytes()
    assert note_lines(drawn) and narrow(drawn, answer)


def test_text_no_font_draws_is_a_note_on_the_worksheet_not_a_python_warning(
    tmp_path: Path,
) -> None:
    """A character no font can draw (U+0530) in the answer's title: exercise printed Python's
    warning, '.../argmap/draw/whole.py:55: FontWarning: ...' and the line of argmap's code it
    was raised on (an error under pytest); render says it as a note, and so does exercise."""
    (tmp_path / "pyproject.toml").touch()
    answer = tmp_path / "answer.yaml"
    answer.write_text(SMALL.replace("title: Phones", 'title: "Phones \\u0530"'), "utf-8")
    out = tmp_path / "sheet.yaml"
    result = run("exercise", str(answer), "--blank", "focused", "-o", str(out), "-f", "svg")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code == 0, result.output
    assert "FontWarning" not in result.stderr and ".py:" not in result.stderr
    assert f"{out}: note: the drawing's font cannot draw \u0530" in result.stderr
    assert out.exists() and out.with_suffix(".svg").exists()
