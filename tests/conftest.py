from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_MAP = ROOT / "maps" / "europe-central-asia.yaml"
SEED_TEXT = ROOT / "seeds" / "europe-central-asia-partnership.txt"
SHARED = ROOT.parent / "shared"


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
