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


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lowercase, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _prose(lines: list[str]) -> list[str]:
    """The lines outside fenced code blocks (a fence closes with as many backticks or more)."""
    fence, kept = "", []
    for line in lines:
        opening = re.match(r"(`{3,})", line)
        if fence and opening and len(opening.group(1)) >= len(fence) and not line.strip("`"):
            fence = ""
        elif not fence and opening:
            fence = opening.group(1)
        elif not fence:
            kept.append(line)
    return kept


def test_every_link_within_the_readme_leads_to_a_heading() -> None:
    outside_code = "\n".join(_prose(README.splitlines()))
    anchors = {_slug(h) for h in re.findall(r"^#+ (.*)$", outside_code, re.M)}
    links = re.findall(r"\]\(#([^)]+)\)", outside_code)
    assert len(links) > 20  # the contents and the cross-references
    assert sorted(set(links) - anchors) == []
