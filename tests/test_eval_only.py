"""argmap eval --only STATUS: a debate coach with a long map asks for the claims that fail,
without grep; the closing count still counts every claim."""

from __future__ import annotations

import json

from click.testing import CliRunner

from argmap.cli import main

SEED = "maps/europe-central-asia.yaml"


def test_eval_only_defeated_lists_just_the_defeated_claims_and_counts_all() -> None:
    result = CliRunner().invoke(main, ["eval", "--only", "defeated", SEED])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["claim", "kind", "status", "why"]
    assert [line.split()[0] for line in lines[1:-1]] == ["continued-deference"]
    assert lines[-1] == "29 claims: 28 stand, 1 defeated, 0 undecided; 1 implicit"


def test_eval_only_takes_several_statuses_and_says_when_none_match() -> None:
    result = CliRunner().invoke(main, ["eval", "--only", "undecided", SEED])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "no claim is undecided"
    both = CliRunner().invoke(main, ["eval", "--only", "defeated", "--only", "undecided", SEED])
    assert [line.split()[0] for line in both.stdout.splitlines()[1:-1]] == ["continued-deference"]


def test_eval_only_filters_the_json_claims_too() -> None:
    args = ["eval", "--only", "stands", "--output-format", "json", SEED]
    (found,) = json.loads(CliRunner().invoke(main, args).stdout)
    assert len(found["claims"]) == 28
    assert {c["status"] for c in found["claims"]} == {"stands"}


def test_eval_only_refuses_an_unknown_status() -> None:
    result = CliRunner().invoke(main, ["eval", "--only", "failed", SEED])
    assert result.exit_code == 2
    assert "'failed' is not one of 'stands', 'defeated', 'undecided'" in result.stderr


DEBATE = """\
argmap: 1
title: Ban cars from the centre
recommendations:
  - id: ban
    text: Ban private cars from the centre.
    thesis: true
    reasons: [health]
    objections: [unfair]
premises:
  - id: health
    text: Health would improve.
    objections: [moves]
  - id: unfair
    text: A ban is unfair to those who need cars.
    role: opponent
    objections: [exempt]
  - id: exempt
    text: The ban has exemptions.
    objections: [fraud]
  - id: fraud
    text: Exemptions breed fraud.
    role: opponent
  - id: moves
    text: A ban moves traffic elsewhere.
    role: opponent
"""


def test_eval_side_lists_one_sides_claims_after_the_rebuttals(tmp_path) -> None:
    """Which of our claims stand once the other side has rebutted them: --side proponent
    lists the proponent's (a claim without a role is the proponent's); the count is of all."""
    path = tmp_path / "debate.yaml"
    path.write_text(DEBATE, encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--side", "proponent", str(path)])
    lines = result.stdout.splitlines()
    assert [line.split()[:3] for line in lines[1:-1]] == [
        ["health", "premise", "defeated"],
        ["exempt", "premise", "defeated"],
        ["ban", "recommendation", "defeated"],
    ]
    assert lines[-1] == "6 claims: 3 stand, 3 defeated, 0 undecided; 0 implicit"
    theirs = CliRunner().invoke(
        main, ["eval", "--side", "opponent", "--only", "defeated", str(path)]
    )
    assert theirs.stdout.splitlines()[0] == "no claim of the opponent's is defeated"
    args = ["eval", "--side", "opponent", "--output-format", "json", str(path)]
    (found,) = json.loads(CliRunner().invoke(main, args).stdout)
    assert [claim["id"] for claim in found["claims"]] == ["unfair", "fraud", "moves"]


def test_eval_side_of_a_map_without_roles_says_how_to_give_them(tmp_path) -> None:
    path = tmp_path / "plain.yaml"
    path.write_text(DEBATE.replace("    role: opponent\n", ""), encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--side", "opponent", str(path)])
    assert result.stdout.splitlines() == [
        "no claim is the opponent's",
        "6 claims: 3 stand, 3 defeated, 0 undecided; 0 implicit",
        "  no claim of the map has a role, so all are the proponent's: give the claims of each "
        "side role: proponent or role: opponent",
    ]
