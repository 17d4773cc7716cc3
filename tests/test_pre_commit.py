"""The pre-commit hooks as the docs set them up, run by pre-commit itself in a git repository:
a commit that edits only a source text checks the maps that quote it (the quotes' drift is
caught before it is committed), not "(no files to check) Skipped".

The hooks are run as ``repo: local`` hooks made of .pre-commit-hooks.yaml's definitions and the
docs' settings, with ``language: system`` (the argmap of this environment), so that pre-commit
installs nothing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.docs_text import block, section

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


def _documented(repo: str) -> dict[str, object]:
    """The docs' setup of the hooks whose ``repo`` is ``repo`` (or starts with it)."""
    found = re.findall(r"^```yaml\n(.*?)^```$", section("Pre-commit hooks"), re.S | re.M)
    setups = [yaml.safe_load(text)["repos"][0] for text in found if "repos:" in text]
    (setup,) = [setup for setup in setups if setup["repo"].startswith(repo)]
    return setup


def test_the_local_hooks_of_the_docs_need_no_address_and_catch_the_drift(team: Path) -> None:
    """argmap has no public address: the docs' ``repo: local`` hooks run the argmap installed
    where one commits, and do what the hooks of argmap's repository do."""
    local = _documented("local")
    (team / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [local]}), "utf-8")
    text = SOURCE.replace("needs gas", "wants gas")
    (team / "sources" / "op-ed.txt").write_text(text, encoding="utf-8")
    _git(team, "add", ".")
    result = _pre_commit(team)
    assert result.returncode == 1, result.stdout
    assert "argmap check....." in result.stdout and "[AM110]" in result.stdout
    defined = {hook["id"]: hook for hook in _hooks()}
    for hook in local["hooks"]:
        assert {key: hook[key] for key in ("name", "files")} == {
            key: defined[hook["id"]][key] for key in ("name", "files")
        }


def test_the_docs_pin_argmap_to_a_commit_and_invent_no_address() -> None:
    """argmap has no release tags and no public address: the docs say to use the address argmap
    was cloned from, and a commit, and show no made-up address or tag."""
    pinned = _documented("<")
    assert pinned["rev"] == "<a commit of argmap>"
    texts = [path.read_text(encoding="utf-8") for path in (ROOT / "docs").glob("*.md")]
    texts += [
        (ROOT / name).read_text(encoding="utf-8")
        for name in ("README.md", ".pre-commit-hooks.yaml")
    ]
    for made_up in (
        "github.com/OWNER",
        "@TAG",
        "<a release tag>",
        "<a tag>",
        "<argmap's repository>",
    ):
        assert not any(made_up in text for text in texts), made_up
    assert "git rev-parse HEAD" in section("Pre-commit hooks")
    ci = section("Command line")
    assert 'pip install "git+<the address you cloned argmap from>@<a commit>"' in ci
