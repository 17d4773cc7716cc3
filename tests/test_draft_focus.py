"""``argmap render --draft --focus ID`` on a claim the draft had to leave out (its errors keep it
from being read): the map has the claim, so argmap says why it is not drawn, at its first
error's line, and what to do; it said 'the map has no such claim'."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run

from .test_draft import CLEAN, claims

#: The conclusion's text written as a list (AM010 on line 10): the draft leaves it out.
AS_A_LIST = CLEAN.replace(
    "    text: Energy is the most obvious area of mutual interest.\n",
    "    text: [Energy is the most obvious area of mutual interest.]\n",
)
#: A premise without its text, and a key misspelt (AM011 on line 6, AM009 on line 7).
MISSPELT = CLEAN.replace(
    "    text: For now, imports depend on Russian infrastructure.\n",
    "    txt: For now, imports depend on Russian infrastructure.\n",
)


def test_a_focus_on_a_claim_left_out_for_its_error_says_so_at_its_line(write_map) -> None:
    path = write_map(AS_A_LIST)
    result = run("render", str(path), "--draft", "--focus", "energy-interest")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{path}:10:11: error: the text of conclusion 'energy-interest'")
    assert lines[-2] == (
        "argmap: error: cannot focus on 'energy-interest': the draft leaves that claim out, "
        "as its error on line 10 (AM010, above) keeps it from being read; fix it to draw the "
        "claim, or focus on another"
    )
    assert "no such claim" not in result.stderr and "Traceback" not in result.output
    assert "drawn as a draft" not in result.stderr  # nothing was drawn


def test_a_claim_left_out_for_two_errors_is_told_the_first(write_map) -> None:
    result = run("render", str(write_map(MISSPELT)), "--draft", "--focus", "constrained")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-2] == (
        "argmap: error: cannot focus on 'constrained': the draft leaves that claim out, as its "
        "2 errors, the first on line 6 (AM011, above), keep it from being read; fix them to "
        "draw the claim, or focus on another"
    )


def test_an_id_the_file_does_not_have_is_still_no_such_claim(write_map) -> None:
    result = run("render", str(write_map(AS_A_LIST)), "--draft", "--focus", "suplier")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-2] == (
        "argmap: error: cannot focus on 'suplier': the map has no such claim; did you mean "
        "'supplier'?"
    )


def test_a_focus_on_a_claim_the_draft_draws_draws_its_part(write_map, tmp_path: Path) -> None:
    result = run("render", str(write_map(MISSPELT)), "--draft", "--focus", "supplier")
    assert result.exit_code == 1
    assert set(claims((tmp_path / "map.svg").read_bytes())) == {"supplier", "energy-interest"}
