"""argmap.analysis.readings: where the preferred labellings have an open claim stand or fall."""

from __future__ import annotations

from click.testing import CliRunner

from argmap.analysis.evaluate import evaluate
from argmap.analysis.preferred import preferred
from argmap.analysis.readings import where
from argmap.cli import main
from argmap.model import ArgumentMap

from .test_evaluate import conclusion, premise
from .test_preferred import FLOATING, debate


def wheres(*claims) -> dict[str, str]:
    amap = ArgumentMap("t", claims)
    found, evaluation = preferred(amap), evaluate(amap)
    return {claim.id: where(found, evaluation, claim.id) for claim in claims}


def test_floating_defeat_each_side_stands_where_the_other_falls_and_beats_the_target() -> None:
    said = wheres(premise("a", "b"), premise("b", "a"), premise("t", "a", "b"), premise("p"))
    assert said == {
        "a": "stands where 'b' is defeated; defeated where 'b' stands",
        "b": "stands where 'a' is defeated; defeated where 'a' stands",
        "t": "defeated where 'a' stands, or where 'b' stands",
        "p": "",  # grounded semantics decides it: nothing to add
    }


def test_floating_acceptance_names_the_reason_that_carries_it_in_each() -> None:
    said = wheres(premise("a", "b"), premise("b", "a"), conclusion("c", "a", "b"))
    assert said["c"] == "stands where 'a' stands, or where 'b' stands"


def test_an_odd_cycle_stays_undecided_and_says_with_what() -> None:
    said = wheres(premise("a", "c"), premise("b", "a"), premise("c", "b"))
    assert said["a"] == "undecided where 'c' is undecided"


def test_a_claim_that_never_stands_is_defeated_in_some_and_undecided_in_others() -> None:
    # a and b attack each other; b attacks the self-attacking s: s out with b, undecided with a.
    said = wheres(premise("a", "b"), premise("b", "a"), premise("s", "s", "b"), premise("t", "s"))
    assert said["s"] == "defeated where 'b' stands; undecided, as it attacks itself"
    assert said["t"] == "stands where 's' is defeated; undecided where 's' is undecided"


def test_many_claims_around_one_are_named_a_few_at_a_time() -> None:
    amap = debate(6)
    said = where(preferred(amap), evaluate(amap), "t")
    assert said == (
        "stands where 'b0', 'b1', 'b2', 'b3' and 2 more are defeated and "
        "'a0', 'a1', 'a2', 'a3' and 2 more stand; "
        "defeated where 'b5' stands, or where 'b4' stands, or …"
    )


def test_cli_eval_preferred_ends_the_why_of_each_open_claim_with_where(write_map) -> None:
    path = write_map(FLOATING)
    result = CliRunner().invoke(main, ["eval", "--semantics", "preferred", str(path)])
    lines = result.stdout.splitlines()
    assert lines[1].endswith(
        "Preferred labellings: stands where 'b' is defeated; defeated where 'b' stands"
    )
    assert lines[3].endswith("Preferred labellings: defeated where 'a' stands, or where 'b' stands")
    assert lines[4] == "p      premise  stands"
    grounded = CliRunner().invoke(main, ["eval", str(path)])
    assert "Preferred" not in grounded.stdout
