"""The examples of the README and of every page of docs/ run: every ``sh`` and ``python``
block, in a copy of the repository, as a new user would type them after the Quick start. A block
that cannot run here says so on the line before it, ``<!-- readme-test: not run: REASON -->``
(the installation itself, which ``.ci/run`` runs; files that are not in the repository)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

from .conftest import ROOT
from .docs_text import block, pages, section

#: A fenced block: the line before it, its language and its text.
BLOCK = re.compile(r"^(?P<before>[^\n]*)\n```(?P<lang>\w*)\n(?P<body>.*?)^```$", re.M | re.S)
NOT_RUN = re.compile(r"<!-- readme-test: not run: (?P<why>[^>]+?) -->")
#: What a copy of the repository leaves out: what a clone does not hold, or is made locally.
LEFT_OUT = shutil.ignore_patterns(
    ".git", ".venv", ".cache", "__pycache__", "*.egg-info", ".pytest_cache", ".hypothesis",
    ".ruff_cache", "artifacts", "build", "node_modules", ".argmap-cache.json",
)  # fmt: skip
BIN = Path(sys.executable).parent


def blocks() -> list[tuple[str, str, str, str | None]]:
    """Each ``sh`` and ``python`` block of the README and docs/: its page, language, text, and
    why it is not run (None: it is)."""
    found = []
    for page, text in pages().items():
        for fenced in BLOCK.finditer(text):
            if fenced["lang"] in ("sh", "python"):
                why = NOT_RUN.search(fenced["before"])
                found.append((page.as_posix(), fenced["lang"], fenced["body"], why and why["why"]))
    return found


RUN = [(page, lang, body) for page, lang, body, why in blocks() if why is None]


def test_the_readme_has_examples_to_run_and_says_why_others_are_not() -> None:
    assert len(RUN) >= 4
    assert {page for page, _, _ in RUN} >= {"README.md", "docs/api.md", "docs/editing.md"}
    assert sorted(why for *_, why in blocks() if why) == [
        "a server that runs until Ctrl-C",
        "it is the installation itself, which .ci/run runs",
        "it needs Node.js, the network and VS Code",
        "it needs Quarto, which cannot be installed here",
        "it needs a git history (a copy of the repository has none)",
        "the corpora's files are not in the repository",
        "these are the tests themselves",
    ]


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository, with ``.venv/bin`` where this Python's scripts are: as it
    stands after the Quick start."""
    if not (BIN / "argmap").exists():
        pytest.skip("argmap is not installed beside this Python (as the Quick start does)")
    copy = tmp_path_factory.mktemp("clone") / "argmap"
    shutil.copytree(ROOT, copy, ignore=LEFT_OUT, symlinks=True)
    (copy / ".venv").mkdir()
    (copy / ".venv" / "bin").symlink_to(BIN, target_is_directory=True)
    return copy


@pytest.mark.parametrize(
    ("page", "lang", "body"),
    RUN,
    ids=[f"{page}-{lang}-{n}" for n, (page, lang, _) in enumerate(RUN, 1)],
)
def test_the_example_runs(clone: Path, page: str, lang: str, body: str) -> None:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("PYTHONPATH", None)
    command = ["bash", "-euo", "pipefail", "-c", body] if lang == "sh" else [sys.executable, "-"]
    done = subprocess.run(
        command,
        input=body if lang == "python" else None,
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"{body}\n--- stdout:\n{done.stdout}\n--- stderr:\n{done.stderr}"
    assert "Traceback" not in done.stderr


def test_the_check_example_is_what_check_says_of_the_map_written_above(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The output under the README's "Checking a map" is that of the map of "Writing a map",
    saved as maps/energy.yaml, with the two slips the output names: a reader who makes them
    sees it."""
    written = block("Writing a map", "yaml")
    shown = block("Checking a map", "text")
    slipped = written.replace("[supplier, europe-needs-energy]", "[suplier, europe-needs-energy]")
    slipped = slipped.replace("In the short-term, we", "In the short term, we")
    assert slipped.count("suplier") == slipped.count("short term,") == 1
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "energy.yaml").write_text(slipped, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "maps/energy.yaml"])
    assert result.exit_code == 1
    assert result.stderr == shown


def test_the_render_example_prints_what_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's "Drawing a map": its commands, run on the seed map, say what they wrote, as
    the output shown under them."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "maps", tmp_path / "maps", ignore=LEFT_OUT)
    (tmp_path / "pyproject.toml").touch()
    monkeypatch.chdir(tmp_path)
    commands = block("Drawing a map", "sh").splitlines()
    said = ""
    for command in commands:
        assert command.startswith("argmap ")
        result = CliRunner().invoke(main, command.split("#")[0].split()[1:])
        assert result.exit_code == 0, result.output
        said += result.stderr
    assert said == block("Drawing a map", "text")
    assert "--fit 720" in section("Drawing a map")
