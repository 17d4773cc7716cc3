from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import click.testing
import pytest
from click.testing import CliRunner

from argmap.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED_MAP = ROOT / "maps" / "europe-central-asia.yaml"
SEED_TEXT = ROOT / "seeds" / "europe-central-asia-partnership.txt"
SHARED = ROOT.parent / "shared"
#: Three claims, a reason and its undercutter: the conclusion does not stand (AM202).
ENERGY_UNDERCUT = """\
argmap: 1
title: Energy from Central Asia
premises:
  - id: supplier
    text: Central Asia could supply Europe with non-Russian energy.
  - id: constrained
    text: For now, imports depend on Russian infrastructure.
conclusions:
  - id: energy-interest
    text: Energy is the most obvious area of mutual interest.
    reasons:
      - claims: supplier
        objections: [constrained]
"""


def ctrl_c_stops() -> None:
    """For a child process that a test stops as a user does, with Ctrl-C (SIGINT): the signal
    at its default, as a terminal gives it, even when the tests run with it ignored (started
    by a script as a background job, or under nohup), which the child would inherit."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run(*args: str) -> click.testing.Result:
    """The command line run in this process, as click's test runner runs it."""
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The seed map and its source in a scratch folder laid out like the repository (a
    project: the map reads its source from the folder beside its own)."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "maps").mkdir()
    return Path(shutil.copy(SEED_MAP, tmp_path / "maps"))


@pytest.fixture
def write_map(tmp_path: Path):
    """Write a map (and optionally its source text) into tmp_path; return the map's path."""

    def write(text: str, source: str | None = None, name: str = "map.yaml") -> Path:
        if source is not None:
            (tmp_path / "source.txt").write_text(source, encoding="utf-8")
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/* from the current output (review the diff before committing)",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


# Hypothesis: a run that finds a failure reports it without minutes of shrinking when
# HYPOTHESIS_NO_SHRINK is set (for triage); otherwise Hypothesis's defaults apply.
if os.environ.get("HYPOTHESIS_NO_SHRINK"):
    from hypothesis import Phase, settings

    settings.register_profile(
        "no-shrink", phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target]
    )
    settings.load_profile("no-shrink")
