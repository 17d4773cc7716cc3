"""The pre-commit hooks as the docs set them up, run by pre-commit itself in a git repository:
a commit that edits only a source text checks the maps that quote it (the quotes' drift is
caught before it is committed), not "(no files to check) Skipped".

The hooks are run as ``repo: local`` hooks made of .pre-commit-hooks.yaml's definitions and the
docs' settings, with ``language: system`` (the argmap of this environment), so that pre-commit
installs nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.docs_text import block

pytest.importorskip("pre_commit")
GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="needs git")

SOURCE = "Energy matters. Europe needs gas from the region.\n"
MAP = (
    "argmap: 1\ntitle: T\nsource:\n  path: ../sources/op-ed.txt\n\npremises:\n  - id: a\n"
    "    text: Energy matters.\n    quotes: Energy matters.\n\nrecommendations:\n  - id: r\n"
    "    text: Buy gas.\n    quotes: Europe needs gas from the region.\n    reasons:\n      - a\n"
)


def _hooks() -> list[dict[str, object]]:
    """The hooks the docs set up, as local hooks: each hook's definition, then the docs'
    settings over it."""
    manifest = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    defined = {hook["id"]: hook for hook in yaml.safe_load(manifest)}
    (repo,) = yaml.safe_load(block("Pre-commit hooks", "yaml"))["repos"]
    return [{**defined[given["id"]], **given, "language": "system"} for given in repo["hooks"]]


def _git(folder: Path, *args: str) -> None:
    subprocess.run([GIT, *args], cwd=folder, check=True, capture_output=True)  # type: ignore[list-item]


def _pre_commit(folder: Path) -> subprocess.CompletedProcess[str]:
    """``pre-commit run`` on what is staged, as ``git commit`` runs it."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(folder.parent / "pre-commit-home"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--color", "never"],
        cwd=folder, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A team's repository: a map in maps/ quoting a text in sources/, the hooks set up and
    everything committed."""
    folder = tmp_path / "team"
    (folder / "maps").mkdir(parents=True)
    (folder / "sources").mkdir()
    (folder / "maps" / "op-ed.yaml").write_text(MAP, encoding="utf-8")
    (folder / "sources" / "op-ed.txt").write_text(SOURCE, encoding="utf-8")
    config = {"repos": [{"repo": "local", "hooks": _hooks()}]}
    (folder / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    _git(folder, "init", "-q")
    _git(folder, "add", ".")
    _git(folder, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "maps")
    return folder


def test_a_commit_of_a_revised_source_text_checks_the_maps_that_quote_it(team: Path) -> None:
    text = SOURCE.replace("needs gas", "wants gas")
    (team / "sources" / "op-ed.txt").write_text(text, encoding="utf-8")
    _git(team, "add", "sources/op-ed.txt")
    result = _pre_commit(team)
    assert result.returncode == 1, result.stdout
    check = result.stdout.split("argmap fmt")[0]
    assert "Failed" in check and "Skipped" not in check
    assert (
        "maps/op-ed.yaml:14:13: error: quote of 'r' not found in the source; closest passage "
        '(line 1): "Europe wants gas from the region."; the source has "wants" where the quote '
        'has "needs" [AM110]' in result.stdout
    )
    assert "argmap fmt" in result.stdout and "(no files to check)Skipped" in result.stdout


def test_a_commit_of_a_clean_map_passes_and_one_of_other_files_skips_the_check(
    team: Path,
) -> None:
    (team / "maps" / "op-ed.yaml").write_text(MAP.replace("title: T", "title: Gas"), "utf-8")
    _git(team, "add", "maps/op-ed.yaml")
    result = _pre_commit(team)
    assert result.returncode == 0, result.stdout
    assert result.stdout.count("Passed") == 2
    _git(team, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "title")
    (team / "notes.txt").write_text("To do.\n", encoding="utf-8")
    _git(team, "add", "notes.txt")
    skipped = _pre_commit(team)
    assert skipped.returncode == 0, skipped.stdout
    assert skipped.stdout.count("(no files to check)Skipped") == 2
