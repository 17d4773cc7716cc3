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
