"""The README tells the truth: its example map checks clean, its code table matches the code."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from argmap.api import check_file
from argmap.diagnostics import CODES

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    return README.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_format_example_checks_clean(tmp_path: Path) -> None:
    example = re.search(r"```yaml\n(.*?)```", section("Writing a map"), re.S)
    assert example is not None
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "maps").mkdir()
    (tmp_path / "pyproject.toml").touch()  # a project holding both, as the repository is
    path = tmp_path / "maps" / "example.yaml"
    path.write_text(example.group(1), encoding="utf-8")
    checked = check_file(path)
    assert checked.diagnostics == ()
    assert checked.map is not None
    assert {c.kind.value for c in checked.map.claims} == {"premise", "conclusion", "recommendation"}


def test_the_code_table_lists_every_code_as_the_code_does() -> None:
    rows = re.findall(r"^\| (AM\d{3}) \| (\w+) \| (.+) \|$", README, re.M)
    assert {code: (severity, meaning) for code, severity, meaning in rows} == {
        code: (severity.value, meaning) for code, (severity, meaning) in CODES.items()
    }


def test_quick_start_is_two_commands_that_render_the_seed_map_and_run_the_tests() -> None:
    block = re.search(r"```sh\n(.*?)```", section("Quick start"), re.S)
    assert block is not None
    commands = block.group(1).strip().splitlines()
    assert len(commands) == 2
    assert "argmap render maps/europe-central-asia.yaml" in commands[0]
    assert "pytest" in commands[1]
