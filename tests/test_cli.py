"""The argmap command line as a user meets it: exit codes, messages, files written or not."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from argmap import __version__
from argmap.cli import main

from .conftest import ROOT, SEED_MAP

GOOD = "argmap: 1\ntitle: t\npremises:\n  - id: p\n    text: P\nconclusions:\n  - id: c\n    text: C\n    reasons: [p]\n"  # noqa: E501
BAD = GOOD.replace("reasons: [p]", "reasons: [q]")


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The seed map and its source in a scratch folder laid out like the repository."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "maps").mkdir()
    return Path(shutil.copy(SEED_MAP, tmp_path / "maps"))


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"argmap, version {__version__}\n"


@pytest.mark.parametrize("command", [[], ["check"], ["render"]])
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert "argmap " in result.output.split("Example:")[1]


def test_check_clean_map_prints_nothing(seed_copy: Path) -> None:
    result = run("check", str(seed_copy))
    assert (result.exit_code, result.output) == (0, "")


def test_check_reports_errors_with_positions_and_a_summary(write_map) -> None:
    path = write_map(BAD)
    result = run("check", str(path))
    assert result.exit_code == 1
    assert result.output == (
        f"{path}:4:9: warning: premise 'p' is connected to nothing: no reason, objection or "
        "target [AM201]\n"
        f"{path}:9:15: error: reason 'q' of 'c' is no claim [AM103]\n"
        "argmap: 1 error and 1 warning\n"
    )


def test_check_warnings_only_exit_zero(write_map) -> None:
    path = write_map(GOOD.replace("conclusions:", "  - id: q\n    text: Q\nconclusions:"))
    result = run("check", str(path))
    assert result.exit_code == 0
    assert "[AM201]" in result.output


def test_check_missing_file_and_directory_are_usage_errors(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "absent.yaml"), str(tmp_path))
    assert result.exit_code == 2
    assert result.output == (
        f"argmap: error: {tmp_path / 'absent.yaml'}: no such file\n"
        f"argmap: error: {tmp_path}: is a directory, not a map file\n"
    )


def test_check_several_files_reports_all(write_map, tmp_path: Path) -> None:
    good = write_map(GOOD, name="good.yaml")
    bad = write_map(BAD, name="bad.yaml")
    result = run("check", str(good), str(bad), str(tmp_path / "absent.yaml"))
    assert result.exit_code == 2
    assert f"{bad}:9:15: error" in result.output
    assert str(good) not in result.output
