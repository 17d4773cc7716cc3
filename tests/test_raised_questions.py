"""An objection says which critical question it raises (question: 4): argmap questions marks
it raised (and --open leaves it out), check refuses a question the reason does not ask
(AM118), and the key survives fmt, JSON, AIF and Argdown, and is named where it is lost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.analysis.questions import questions
from argmap.api import check_bytes
from argmap.cli import main
from argmap.lsp.completion import complete
from argmap.lsp.hover import hover
from argmap.lsp.passages import Sources

from .lsptools import apply, at, document

MAP = """\
argmap: 1
title: Is the vaccine safe?
conclusions:
  - id: safe
    text: The vaccine is safe.
    reasons:
      - claims: doctor
        scheme: Expert Opinion
        objections:
          - claims: paid
            question: 4
      - claims: [trial, big]
        scheme: Example
premises:
  - id: doctor
    text: Dr Smith says the vaccine is safe.
  - id: paid
    text: Dr Smith is paid by the maker.
  - id: trial
    text: No one in the trial fell ill.
    objections:
      - claims: small
        question: [3, 5]
  - id: big
    text: The trial had 30,000 people.
  - id: small
    text: The trial followed people for two months only.
"""


def _codes(text: str) -> list[tuple[int, int, str, str]]:
    checked = check_bytes(text.encode(), "m.yaml")
    return [(d.span.line, d.span.column, d.code, d.message) for d in checked.diagnostics
            if d.severity.value == "error"]  # fmt: skip


def _ask(tmp_path: Path, text: str, *args: str) -> list[str]:
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["questions", *args, str(tmp_path / "m.yaml")])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_questions_raised_against_the_step_and_a_claim_are_marked_and_counted(
    tmp_path: Path,
) -> None:
    lines = _ask(tmp_path, MAP)
    assert (
        "  4. Trustworthiness: is the expert to be trusted here (no bias, no stake in the "
        "outcome)? (raised by paid)" in lines
    )
    assert "  3. Is it typical of the cases the claim is about? (raised by small)" in lines
    assert "  5. Do other examples count against the claim? (raised by small)" in lines
    assert "  1. Expertise: how credible is the person cited as an expert?" in lines
    assert (
        lines[-1] == "2 reasons with a scheme (2 known, asking 12 questions, 3 raised; "
        "0 unknown); 0 without"
    )


def test_open_shows_only_the_questions_nothing_raises_yet(tmp_path: Path) -> None:
    lines = _ask(tmp_path, MAP, "--open")
    asked = [line.split(".", 1)[0].strip() for line in lines if line[:3].strip().isdigit()]
    assert asked == ["1", "2", "3", "5", "6", "1", "2", "4", "6"]
    assert not any("raised by" in line for line in lines)


def test_a_plain_objection_raises_nothing_and_the_model_keeps_the_numbers() -> None:
    amap = check_bytes(MAP.replace("question: 4", "note: x").encode(), "m.yaml").map
    assert amap is not None
    expert, example = questions(amap).asked
    assert expert.raised == ()
    assert example.raised == ((3, ("small",)), (5, ("small",)))


@pytest.mark.parametrize(
    ("change", "at", "message"),
    [
        (("question: 4", "question: 9"), "question: 9",
         "there is no question 9: Expert Opinion asks 6 ('argmap questions' lists them)"),
        (("question: [3, 5]", "question: [3, 3]"), "question: [3, 3]",
         "question 3 is named twice"),
        (("        scheme: Expert Opinion\n", ""), "question: 4",
         "question 4: the reason of 'safe' (doctor) names no scheme, so it asks no question "
         "(scheme: Example; argmap questions --schemes lists the schemes)"),
        (("        scheme: Example\n", ""), "question: [3, 5]",
         "questions 3, 5: 'trial' is a claim of no reason that names a scheme, so no question "
         "is asked of it (scheme: Example; argmap questions --schemes lists the schemes)"),
    ],
)  # fmt: skip
def test_a_question_the_reason_does_not_ask_is_an_error_at_the_number(
    change: tuple[str, str], at: str, message: str
) -> None:
    text = MAP.replace(*change)
    lines = text.splitlines()
    line = next(n for n, x in enumerate(lines, 1) if x.strip() == at)
    column = lines[line - 1].index(at) + len("question: ") + 1
    assert _codes(text) == [(line, column, "AM118", message)]


def test_an_objection_to_an_objection_raises_no_question() -> None:
    text = MAP.replace(
        "          - claims: paid\n            question: 4\n",
        "          - claims: paid\n            objections:\n"
        "              - claims: small\n                question: 1\n",
    )
    assert [code for _, _, code, _ in _codes(text)] == ["AM118"]
    assert "this one attacks an objection" in _codes(text)[0][3]


def test_a_scheme_argmap_does_not_know_may_ask_any_question() -> None:
    assert _codes(MAP.replace("scheme: Expert Opinion", "scheme: Gut feeling")
                  .replace("question: 4", "question: 12")) == []  # fmt: skip


@pytest.mark.parametrize("value", ["four", "0", "1.5", "-2", "100", "{a: 1}", "[]"])
def test_a_question_that_is_no_number_is_refused_with_how_to_write_it(value: str) -> None:
    found = _codes(MAP.replace("question: 4", f"question: {value}"))
    assert [code for _, _, code, _ in found] in (["AM010"], ["AM016"])
    if found[0][2] == "AM010":
        assert "must be the number of a critical question of the reason's scheme" in found[0][3]


def test_fmt_keeps_the_numbers_as_written_and_json_aif_argdown_carry_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(MAP, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["fmt", str(path)]).exit_code == 0
    formatted = path.read_text(encoding="utf-8")
    assert "question: 4\n" in formatted and "question: [3, 5]\n" in formatted
    for fmt, name in (("json", "m.json"), ("aif", "m.aif.json"), ("argdown", "m.argdown")):
        out = tmp_path / name
        assert runner.invoke(main, ["export", fmt, str(path), "-o", str(out)]).exit_code == 0
        back = tmp_path / f"back-{fmt}.yaml"
        result = runner.invoke(main, ["import", fmt, str(out), "-o", str(back)])
        assert result.exit_code == 0, result.output
        assert "question: 4\n" in back.read_text(encoding="utf-8")
        assert "question: [3, 5]\n" in back.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["kialo", "mermaid", "csv"])
def test_formats_without_a_place_for_them_say_they_are_left_out(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(MAP, encoding="utf-8")
    result = CliRunner().invoke(main, ["export", fmt, str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert "3 critical questions" in result.stderr


def test_hovering_a_question_shows_it_with_its_scheme(tmp_path: Path) -> None:
    doc = document(MAP, tmp_path / "m.yaml")
    shown = hover(doc, at(doc, "question: 4", shift=10), markdown=False)
    assert shown is not None
    assert shown.contents.value == (  # type: ignore[union-attr]
        "Expert Opinion, reason of 'safe' (doctor)\n\n4. Trustworthiness: is the expert to be "
        "trusted here (no bias, no stake in the outcome)?"
    )
    five = hover(doc, at(doc, "[3, 5]", shift=4), markdown=False)
    assert five is not None
    assert five.contents.value.endswith(  # type: ignore[union-attr]
        "5. Do other examples count against the claim?"
    )


@pytest.mark.parametrize(
    ("old", "new", "scheme"),
    [
        ("question: 4", "question: |", "Expert Opinion"),
        ("question: [3, 5]", "question: [3, |]", "Example"),
        ("question: 4", "question:\n              - 2\n              - |", "Expert Opinion"),
    ],
)
def test_a_question_is_completed_with_the_questions_of_the_scheme_it_is_asked_of(
    tmp_path: Path, old: str, new: str, scheme: str
) -> None:
    text = MAP.replace(old, new, 1)
    doc = document(text.replace("|", ""), tmp_path / "m.yaml")
    items = complete(doc, doc.position(text.index("|")), Sources()).items
    assert [item.label for item in items] == ["1", "2", "3", "4", "5", "6"]
    assert all(item.detail.startswith(f"{scheme}: ") for item in items)  # type: ignore[union-attr]
    assert apply(doc, [items[3].text_edit]) == text.replace("|", "4")  # type: ignore[list-item]


def _edge_group(svg: str, edge_id: str) -> str:
    start = svg.index(f'<g id="{edge_id}" class="edge')
    after = re.compile(r'<g id="[^"]*" class=|</svg>').search(svg, start + 1)
    assert after is not None
    return svg[start : after.start()]


@pytest.mark.parametrize("fit", [None, 720])
def test_the_drawing_labels_an_objection_with_the_questions_it_raises(fit: int | None) -> None:
    """A teacher's map shows which critical question each objection raises, beside its line
    as a reason's scheme is, and its tooltip asks the question in full."""
    from argmap.api import render_figures, render_map

    amap = check_bytes(MAP.encode(), "m.yaml").map
    assert amap is not None
    drawn = render_map(amap, "svg") if fit is None else render_figures(amap, "svg", fit=fit)[0]
    svg = drawn.decode()
    undercut = _edge_group(svg, "undercut--paid--reason--safe--1")
    assert ">question 4</text>" in undercut
    assert "question 4 of Expert Opinion: Trustworthiness: is the expert to be trusted" in (
        undercut.replace("&#39;", "'")
    )
    rebuttal = _edge_group(svg, "attack--small--trial")
    assert ">questions 3 and 5</text>" in rebuttal
    assert "question 3 of Example: Is it typical of the cases the claim is about?" in rebuttal
    assert "critical question: the label by its line" in svg  # the legend says what it is


def test_an_objection_that_names_no_question_has_no_label() -> None:
    from argmap.api import render_map

    text = MAP.replace("            question: 4\n", "").replace("        question: [3, 5]\n", "")
    amap = check_bytes(text.encode(), "m.yaml").map
    assert amap is not None
    svg = render_map(amap, "svg").decode()
    assert "question" not in _edge_group(svg, "undercut--paid--reason--safe--1")
    assert "critical question" not in svg
