"""``argmap eval`` of a debate's map (claims with ``role:``) says in its table whose each claim
is, in a column of its own: a coach reads at a glance which of each team's claims stand. A
map without roles has no sides, and its table is as it was; so is that of ``--side``, which
lists one side's claims alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run
from .test_eval_only import DEBATE


@pytest.fixture
def debate(tmp_path: Path) -> Path:
    path = tmp_path / "debate.yaml"
    path.write_text(DEBATE, encoding="utf-8")
    return path


def test_a_debates_table_says_whose_each_claim_is(debate: Path) -> None:
    result = run("eval", str(debate))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["claim", "kind", "side", "status", "why"]
    assert [line.split()[:4] for line in lines[1:-1]] == [
        ["health", "premise", "proponent", "defeated"],
        ["unfair", "premise", "opponent", "stands"],
        ["exempt", "premise", "proponent", "defeated"],
        ["fraud", "premise", "opponent", "stands"],
        ["moves", "premise", "opponent", "stands"],
        ["ban", "recommendation", "proponent", "defeated"],
    ]
    assert lines[-1] == "6 claims: 3 stand, 3 defeated, 0 undecided; 0 implicit"


def test_the_side_column_goes_with_the_preferred_one(debate: Path) -> None:
    result = run("eval", "--semantics", "preferred", str(debate))
    assert result.stdout.splitlines()[0].split() == [
        "claim", "kind", "side", "status", "preferred", "why",
    ]  # fmt: skip


def test_a_map_without_roles_has_no_side_column(debate: Path) -> None:
    debate.write_text(DEBATE.replace("    role: opponent\n", ""), encoding="utf-8")
    assert run("eval", str(debate)).stdout.splitlines()[0].split() == [
        "claim", "kind", "status", "why",
    ]  # fmt: skip


def test_one_sides_table_has_no_side_column(debate: Path) -> None:
    lines = run("eval", "--side", "opponent", str(debate)).stdout.splitlines()
    assert lines[0].split() == ["claim", "kind", "status", "why"]
