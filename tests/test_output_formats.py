"""argmap check --output-format: every problem as JSON for programs, or as GitHub Actions
annotations for a pull request; the same problems and exit status as the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

from .conftest import run

BROKEN = (
    "argmap: 1\ntitle: t\npremises:\n  - id: a\n    text: A, 100% sure.\n    implicit: true\n"
    "conclusions:\n  - id: c\n    text: C.\n    implicit: true\n    reasons: [a, b]\n"
)


WEAK = (
    "argmap: 1\ntitle: t\npremises:\n  - id: a\n    text: A.\n    objections: [x]\n"
    "  - id: x\n    text: Not A.\nconclusions:\n  - id: c\n    text: C.\n    reasons: [a]\n"
)


def _maps(tmp_path: Path) -> list[str]:
    (tmp_path / "bad,name.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "weak.yaml").write_text(WEAK, encoding="utf-8")  # a warning: AM203
    return [str(tmp_path / "bad,name.yaml"), str(tmp_path / "weak.yaml")]


def test_json_holds_every_problem_and_nothing_else(tmp_path: Path) -> None:
    files = _maps(tmp_path)
    text = CliRunner().invoke(main, ["check", *files])
    result = CliRunner().invoke(main, ["check", "--output-format", "json", *files])
    assert result.exit_code == text.exit_code == 1
    found = json.loads(result.stdout)
    assert result.stderr == ""
    shown = [f"{d['path']}:{d['line']}:{d['column']}: {d['severity']}: {d['message']} [{d['code']}]"
             for d in found]  # fmt: skip
    assert shown == [line for line in text.stderr.splitlines() if not line.startswith("argmap:")]
    assert {d["code"] for d in found} == {"AM103", "AM202", "AM203"}


def test_json_of_clean_maps_is_an_empty_list_and_unreadable_files_are_said(
    tmp_path: Path,
) -> None:
    clean = CliRunner().invoke(main, ["check", "--output-format", "json", "maps/"])
    assert (clean.exit_code, json.loads(clean.stdout)) == (0, [])
    missing = CliRunner().invoke(
        main, ["check", "--output-format", "json", str(tmp_path / "x.yaml")]
    )
    assert missing.exit_code == 2
    assert json.loads(missing.stdout) == [
        {"format": "argmap-check", "version": 1, "path": str(tmp_path / "x.yaml"), "line": None,
         "column": None, "severity": "error", "code": None,
         "message": f"{tmp_path / 'x.yaml'}: no such file"}
    ]  # fmt: skip
    assert "no such file" in missing.stderr


def test_a_map_too_big_to_read_is_reported_among_the_others(tmp_path: Path) -> None:
    """A folder run over submissions: the one argmap cannot read is in the JSON and gets an
    annotation, not only a line in the log, so that a grader or a pull request sees it."""
    files = _maps(tmp_path)
    (tmp_path / "huge.yaml").write_text("argmap: 1\n" + "# padding\n" * 200, encoding="utf-8")
    env = {"ARGMAP_READ_LIMIT": "1K"}
    found = CliRunner(env=env).invoke(main, ["check", "--output-format", "json", str(tmp_path)])
    assert found.exit_code == 2
    paths = [d["path"] for d in json.loads(found.stdout)]
    assert str(tmp_path / "huge.yaml") in paths and files[1] in paths
    huge = next(d for d in json.loads(found.stdout) if d["path"].endswith("huge.yaml"))
    assert (huge["severity"], huge["code"]) == ("error", None)
    assert "larger than argmap reads" in huge["message"]
    github = CliRunner(env=env).invoke(main, ["check", "--output-format", "github", str(tmp_path)])
    assert github.exit_code == 2
    where = str(tmp_path / "huge.yaml").replace(":", "%3A").replace(",", "%2C")
    assert f"::error file={where},title=argmap::" in github.stdout


def test_github_annotations_point_at_each_problem(tmp_path: Path) -> None:
    files = _maps(tmp_path)
    result = CliRunner().invoke(main, ["check", "--output-format", "github", *files])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    bad = files[0].replace(":", "%3A").replace(",", "%2C")
    assert (
        lines[0]
        == f"::error file={bad},line=11,col=18,title=argmap AM103::reason 'b' of 'c' is no claim"
    )
    assert any(line.startswith("::warning ") and "title=argmap AM203::" in line for line in lines)
    assert "argmap: 1 error and" in result.stderr  # the count stays, for the log


def test_github_warns_of_a_folder_without_maps(tmp_path: Path) -> None:
    """A CI job pointed at a folder its maps are not in passes (exit status 0), as text does;
    the run's summary on GitHub shows a warning, not only a line in the log."""
    (tmp_path / "empty,folder").mkdir()
    folder = str(tmp_path / "empty,folder")
    result = CliRunner().invoke(main, ["check", "--output-format", "github", folder])
    assert result.exit_code == 0
    assert result.stdout == f"::warning title=argmap::{folder}: no maps under it (*.yaml, *.yml)\n"


def test_github_annotations_name_files_from_the_repository_root(
    seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GitHub places an annotation on a pull request's diff by the file's path from the
    repository's root: ``argmap check .`` (``./maps/x.yaml``) and a workflow that names
    ``$GITHUB_WORKSPACE/maps`` must both give ``maps/x.yaml``."""
    broken = seed_copy.read_text(encoding="utf-8").replace(
        "    reasons:\n", "    reasons:\n      - nobody\n", 1
    )
    seed_copy.write_text(broken, encoding="utf-8")
    root = seed_copy.parent.parent
    monkeypatch.chdir(root)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(root))
    for named in (".", "./maps", str(root / "maps")):
        result = run("check", "--output-format", "github", named)
        files = {line.split("file=")[1].split(",")[0] for line in result.stdout.splitlines()}
        assert files == {"maps/europe-central-asia.yaml"}, (named, result.stdout)
