"""``argmap eval`` of a debate's map (claims with ``role:``) says in its table whose each claim
is, in a column of its own: a coach reads at a glance which of each team's claims stand. A
map without roles has no sides, and its table is as it was; so is that of ``--side``, which
lists one side's claims alone."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from argmap.results import result_schema

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


def _json(*args: str) -> list[dict]:
    result = run("eval", "--output-format", "json", *args)
    return json.loads(result.stdout)


def test_a_debates_json_says_whose_each_claim_is_as_its_table_does(debate: Path) -> None:
    """The table's side column was in the text alone: a script reading the JSON of a debate
    could not tell the teams' claims apart. Each claim has ``side`` now, as the table has it
    (a key added: the shape's version stays 1), valid against the shipped schema."""
    (found,) = _json(str(debate))
    table = [line.split()[:3] for line in run("eval", str(debate)).stdout.splitlines()[1:-1]]
    assert [[c["id"], c["kind"], c["side"]] for c in found["claims"]] == table
    assert found["version"] == 1
    jsonschema.validate([found], json.loads(result_schema("eval")))
    (one,) = _json("--side", "opponent", str(debate))  # one side's claims: each says so still
    assert {c["side"] for c in one["claims"]} == {"opponent"}
    (preferred,) = _json("--semantics", "preferred", str(debate))
    assert [c["side"] for c in preferred["claims"]] == [row[2] for row in table]


def test_a_map_without_roles_has_no_side_in_its_json(debate: Path) -> None:
    debate.write_text(DEBATE.replace("    role: opponent\n", ""), encoding="utf-8")
    (found,) = _json(str(debate))
    assert not any("side" in claim for claim in found["claims"])
