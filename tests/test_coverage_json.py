"""argmap coverage --output-format json: for a grading script, how much of its source each map
quotes and which sentences it leaves out, one JSON array for every map of a folder; a map
that cannot be covered is in it too, with nulls."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from argmap.cli import main

from .conftest import ROOT

SMALL = """argmap: 1
title: t
source:
  path: ../seeds/europe-central-asia-partnership.txt
premises:
  - id: energy
    text: Energy.
    quotes:
      - "The most obvious area of mutual interest is energy."
"""


def test_coverage_json_gives_each_maps_share_and_what_it_leaves_out(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "pyproject.toml").touch()
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "a-small.yaml").write_text(SMALL, encoding="utf-8")
    (maps / "b-nosource.yaml").write_text(SMALL.replace("europe-central", "nowhere"), "utf-8")
    shutil.copy(ROOT / "maps" / "europe-central-asia.yaml", maps / "c-seed.yaml")
    result = CliRunner().invoke(main, ["coverage", "--output-format", "json", str(maps)])
    assert result.exit_code == 2  # as in text: a source could not be read
    small, nosource, seed = json.loads(result.stdout)
    assert [small["path"], nosource["path"], seed["path"]] == [
        str(maps / name) for name in ("a-small.yaml", "b-nosource.yaml", "c-seed.yaml")
    ]
    text = CliRunner().invoke(main, ["coverage", str(maps / "a-small.yaml")]).stdout
    assert "1 of 24 argumentative sentences quoted" in text  # the headline is furniture here
    assert (small["sentences"], small["quoted"], small["share"]) == (24, 1, 1 / 24)
    assert len(small["not_quoted"]) == 23
    assert {"line", "text"} == set(small["not_quoted"][0])
    assert (seed["sentences"], seed["quoted"], seed["share"], seed["not_quoted"]) == (
        25,
        25,
        1.0,
        [],
    )
    skipped = nosource.pop("skipped")
    assert nosource == {"format": "argmap-coverage", "version": 1,
                        "path": str(maps / "b-nosource.yaml"), "sentences": None, "quoted": None,
                        "share": None, "not_quoted": None}  # fmt: skip
    assert skipped["reason"] == "failed" and "nowhere-asia-partnership.txt" in skipped["message"]
    assert "not found" in result.stderr
