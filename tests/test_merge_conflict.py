"""A map committed with git's conflict markers in it (two analysts edited one claim): the
error says it is a merge conflict, at its first marker, and how to settle it; libyaml's reading
of ``<<<<<<< HEAD`` as text out of line sent the analyst to indent it."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap import check_bytes

from .conftest import SEED_MAP, run

SEED = SEED_MAP.read_text(encoding="utf-8")


def conflicted(text: str, claim: str) -> str:
    """``text`` as git leaves it when both sides renamed the claim ``claim``."""
    line = f"  - id: {claim}\n"
    assert line in text
    return text.replace(
        line,
        f"<<<<<<< HEAD\n  - id: {claim}-ours\n=======\n  - id: {claim}-theirs\n>>>>>>> jonas\n",
        1,
    )


def test_a_merge_conflict_is_named_at_its_first_marker(tmp_path: Path) -> None:
    text = conflicted(SEED, "scholz-speech")
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    row = text.splitlines().index("<<<<<<< HEAD") + 1
    result = run("check", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"{path}:{row}:1: error: YAML syntax error: an unsettled git merge conflict: lines "
        f"{row} to {row + 4} hold both sides of it, between <<<<<<< HEAD and >>>>>>> jonas; "
        "keep the lines you want and delete the three marker lines [AM002]\n"
    )


@pytest.mark.parametrize("marker", ["=======", ">>>>>>> jonas"])
def test_a_marker_left_alone_is_named_too(marker: str) -> None:
    """A conflict half settled: one marker left behind."""
    text = SEED.replace("  - id: scholz-speech\n", f"{marker}\n  - id: scholz-speech\n", 1)
    found = check_bytes(text.encode(), "maps/m.yaml").diagnostics
    row = text.splitlines().index(marker) + 1
    assert [(d.code, d.span.line) for d in found] == [("AM002", row)]
    assert f"a git merge conflict marker ({marker.split()[0]}) left in the file" in found[0].message


def test_text_that_only_looks_like_a_marker_is_text() -> None:
    """Seven equals signs inside a quoted text, or indented under a key, are no marker."""
    text = SEED.replace(
        "    text: Europe should build",
        '    note: "======= not a conflict"\n    text: Europe should build',
        1,
    )
    assert check_bytes(text.encode(), "maps/europe-central-asia.yaml").ok
