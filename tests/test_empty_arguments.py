"""A file named by an empty argument (a script's ``argmap render "$MAP"`` with MAP unset, a
flag given a value it does not take) is refused with a usage error, never a traceback."""

from __future__ import annotations

import pytest

from .conftest import SEED_MAP, run

SEED = str(SEED_MAP)


@pytest.mark.parametrize(
    "args",
    [
        ("render", ""),
        ("render", SEED, "--title", ""),  # --title is a flag: "" is a second map
        ("check", ""),
        ("eval", ""),
        ("coverage", ""),
        ("fmt", "--check", ""),
        ("questions", ""),
        ("import", "aif", ""),
        ("import", "sadface", ""),
        ("export", "aif", ""),
        ("exercise", "", "--blank", "x"),
        ("compare", "", SEED),
        ("compare", SEED, ""),
        ("preview", ""),
    ],
)
def test_an_empty_file_argument_is_a_usage_error(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 2, result.output
    assert "an empty name" in result.output, result.output


def test_a_folder_as_the_exercise_answer_is_told_to_be_a_map_file(tmp_path) -> None:
    result = run("exercise", str(tmp_path), "--blank", "x")
    assert result.exit_code == 2 and result.exception is not None
    assert not isinstance(result.exception, ValueError), result.output
    assert "is a folder" in result.output and "map file" in result.output, result.output
