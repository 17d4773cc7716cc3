"""``render``'s options that do not go together (with each other or with the format) are
refused before any map is read, as usage errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run

#: A map with a warning (AM201: 'l' is connected to nothing), which reading it prints.
WARNED = (
    "argmap: 1\ntitle: t\npremises:\n  - id: l\n    text: L\n  - id: p\n    text: P\n"
    "conclusions:\n  - id: c\n    text: C\n    reasons: [p]\n"
)

CONFLICTS = [
    (["-f", "pdf", "--page", "a4", "--fit", "720"], "give --fit or --page"),
    (["-f", "pdf", "--landscape"], "--landscape goes with --page"),
    (["--page", "a4"], "--page applies to pdf only"),
    (["--dpi", "96"], "a resolution (dpi) applies to png only"),
    (["-f", "png", "--width", "10px"], "a width applies to svg only"),
    (["--fit", "720", "--width", "10cm"], "give --fit or --width"),
    (["-f", "dot", "--id-prefix", "a-"], "an id prefix applies to svg and html only"),
    (["--focus", "c", "--status"], "--status needs the whole map"),
]


@pytest.mark.parametrize(("args", "said"), CONFLICTS)
def test_render_refuses_conflicting_options_before_reading_a_map(
    write_map, args: list[str], said: str
) -> None:
    # The map was read and its warnings printed, then the options were refused.
    path = write_map(WARNED)
    result = run("render", str(path), *args)
    assert result.exit_code == 2
    assert said in result.output
    assert "AM201" not in result.output and "warning" not in result.output
    assert sorted(p.name for p in path.parent.iterdir()) == ["map.yaml"]


@pytest.mark.parametrize(("args", "said"), CONFLICTS[:2])
def test_render_refuses_conflicting_options_for_a_folder_at_once(
    write_map, args: list[str], said: str
) -> None:
    # Each map of the folder was read and refused in turn, then counted as not drawn.
    path = write_map(WARNED)
    write_map(WARNED, name="other.yaml")
    result = run("render", str(path.parent), *args)
    assert result.exit_code == 2
    assert result.output.count(said) == 1
    assert "AM201" not in result.output and "maps:" not in result.output


def test_render_refuses_conflicting_options_before_looking_for_the_map(tmp_path: Path) -> None:
    result = run("render", str(tmp_path / "nowhere.yaml"), "-f", "pdf", "--landscape")
    assert result.exit_code == 2
    assert "--landscape goes with --page" in result.output
    assert "no such file" not in result.output
