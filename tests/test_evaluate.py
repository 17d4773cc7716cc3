"""argmap.evaluate: grounded semantics on known cases, and against a brute-force reference."""

from __future__ import annotations

import hypothesis.strategies as st
import pytest
from click.testing import CliRunner
from hypothesis import given, settings

from argmap.analysis.evaluate import Status, evaluate
from argmap.analysis.explain import chain, cycles, defeaters, explain
from argmap.cli import main
from argmap.model import ArgumentMap, Claim, Kind, Objection, Reason, Ref

from .conftest import SEED_MAP

P, C, R = Kind.PREMISE, Kind.CONCLUSION, Kind.RECOMMENDATION
STANDS, DEFEATED, UNDECIDED = Status.STANDS, Status.DEFEATED, Status.UNDECIDED


def refs(*ids: str) -> tuple[Ref, ...]:
    return tuple(Ref(i) for i in ids)


def premise(cid: str, *attackers: str, contradicts: tuple[str, ...] = ()) -> Claim:
    return Claim(cid, P, cid, objections=refs(*attackers), contradicts=refs(*contradicts))


def conclusion(cid: str, *reasons: Reason | str, attackers: tuple[str, ...] = ()) -> Claim:
    built = tuple(Reason(refs(r)) if isinstance(r, str) else r for r in reasons)
    return Claim(cid, C, cid, reasons=built, objections=refs(*attackers))


def statuses(*claims: Claim) -> dict[str, Status]:
    return dict(evaluate(ArgumentMap("t", claims)).statuses)


# --- oracles ------------------------------------------------------------------------------


def test_an_unattacked_premise_stands_and_so_does_what_it_supports() -> None:
    assert statuses(premise("a"), conclusion("c", "a")) == {"a": STANDS, "c": STANDS}


def test_a_standing_attacker_defeats_its_target_and_what_rests_on_it() -> None:
    got = statuses(premise("a"), premise("b", "a"), conclusion("c", "b"))
    assert got == {"a": STANDS, "b": DEFEATED, "c": DEFEATED}


def test_an_attack_on_the_attacker_reinstates_the_target() -> None:
    # a attacks b, b attacks c: c is reinstated.
    got = statuses(premise("a"), premise("b", "a"), premise("c", "b"))
    assert got == {"a": STANDS, "b": DEFEATED, "c": STANDS}


def test_an_even_attack_cycle_leaves_both_undecided() -> None:
    got = statuses(premise("a", "b"), premise("b", "a"), premise("c", "a"))
    assert got == {"a": UNDECIDED, "b": UNDECIDED, "c": UNDECIDED}


def test_an_odd_attack_cycle_leaves_all_undecided() -> None:
    got = statuses(premise("a", "c"), premise("b", "a"), premise("c", "b"))
    assert set(got.values()) == {UNDECIDED}


def test_a_cycle_attacked_from_outside_is_resolved() -> None:
    got = statuses(premise("a", "b", "x"), premise("b", "a"), premise("x"))
    assert got == {"a": DEFEATED, "b": STANDS, "x": STANDS}


def test_a_self_attacking_claim_is_undecided_and_so_is_its_target() -> None:
    got = statuses(premise("a", "a"), premise("b", "a"), premise("c", "b"))
    assert got == {"a": UNDECIDED, "b": UNDECIDED, "c": UNDECIDED}


def test_an_undercut_defeats_the_step_not_the_claim() -> None:
    undercut = Reason(refs("a"), objections=refs("u"))
    got = statuses(premise("a"), premise("u"), conclusion("c", undercut))
    assert got == {"a": STANDS, "u": STANDS, "c": DEFEATED}


def test_a_rebuttal_of_the_reason_defeats_it_and_the_conclusion() -> None:
    got = statuses(premise("a", "r"), premise("r"), conclusion("c", "a"))
    assert got == {"a": DEFEATED, "r": STANDS, "c": DEFEATED}


def test_an_undercut_reason_leaves_the_other_reasons_standing() -> None:
    undercut = Reason(refs("a"), objections=refs("u"))
    amap = ArgumentMap(
        "t", (premise("a"), premise("b"), premise("u"), conclusion("c", undercut, "b"))
    )
    evaluation = evaluate(amap)
    assert evaluation.status("c") is STANDS
    assert evaluation.step_status("c", 1) is DEFEATED
    assert evaluation.step_status("c", 2) is STANDS


def test_a_linked_reason_falls_with_one_defeated_member() -> None:
    linked = Reason(refs("a", "b"))
    got = statuses(premise("a"), premise("b", "x"), premise("x"), conclusion("c", linked))
    assert got["c"] is DEFEATED


def test_a_convergent_reason_survives_one_defeated_member() -> None:
    got = statuses(premise("a"), premise("b", "x"), premise("x"), conclusion("c", "a", "b"))
    assert got["c"] is STANDS


def test_undecided_support_leaves_the_conclusion_undecided() -> None:
    got = statuses(premise("a", "b"), premise("b", "a"), conclusion("c", "a"))
    assert got["c"] is UNDECIDED


def test_a_conclusion_with_one_standing_and_one_undecided_reason_stands() -> None:
    got = statuses(premise("a", "b"), premise("b", "a"), premise("d"), conclusion("c", "a", "d"))
    assert got["c"] is STANDS


def test_a_contradiction_is_a_mutual_rebuttal() -> None:
    got = statuses(premise("a", contradicts=("b",)), premise("b"))
    assert got == {"a": UNDECIDED, "b": UNDECIDED}
    got = statuses(premise("a", "x", contradicts=("b",)), premise("b"), premise("x"))
    assert got == {"a": DEFEATED, "b": STANDS, "x": STANDS}


def test_contradictions_can_be_left_out() -> None:
    amap = ArgumentMap("t", (premise("a", contradicts=("b",)), premise("b")))
    assert set(evaluate(amap, contradictions=False).statuses.values()) == {STANDS}


def test_an_attack_on_an_attack_reinstates_the_target() -> None:
    attack = Objection(refs("a"), objections=refs("u"))
    got = statuses(premise("a"), premise("u"), Claim("b", P, "b", objections=(attack,)))
    assert got == {"a": STANDS, "u": STANDS, "b": STANDS}


def test_a_linked_objection_attacks_only_when_all_its_claims_stand() -> None:
    linked = Objection(refs("a", "b"))
    target = Claim("t", P, "t", objections=(linked,))
    assert statuses(premise("a"), premise("b"), target)["t"] is DEFEATED
    assert statuses(premise("a"), premise("b", "x"), premise("x"), target)["t"] is STANDS


def test_a_support_cycle_without_outside_support_is_undecided() -> None:
    got = statuses(conclusion("a", "b"), conclusion("b", "a"))
    assert got == {"a": UNDECIDED, "b": UNDECIDED}


def test_unknown_references_and_duplicates_do_not_break_evaluation() -> None:
    amap = ArgumentMap(
        "t", (premise("a", "nobody"), premise("a", "a"), conclusion("c", "ghost"), conclusion("d"))
    )
    assert evaluate(amap).statuses == {"a": STANDS, "c": DEFEATED, "d": DEFEATED}


# --- explanations -------------------------------------------------------------------------


def test_explain_gives_the_chain_down_to_what_stands() -> None:
    amap = ArgumentMap("t", (premise("a"), premise("b", "a"), conclusion("c", "b")))
    evaluation = evaluate(amap)
    assert explain(evaluation, "c") == (
        "its only reason fails: 'b' is defeated. 'b' is defeated: rebutted by 'a', which stands"
    )
    assert defeaters(evaluation, "c") == ["a"]
    assert explain(evaluation, "a") == ""


def test_a_claim_that_stands_though_attacked_says_how_each_attack_fails() -> None:
    # A debate coach: the motion stood through rebuttals, an undercut attack and more, and
    # eval's "why" was empty, where a debater wants it most.
    answered = Objection(refs("unfair"), objections=refs("exemptions"))
    ban = Claim("ban", P, "ban", objections=(*refs("shops"), answered), contradicts=refs("cars"))
    amap = ArgumentMap(
        "t",
        (premise("shops", "footfall"), premise("footfall"), premise("unfair"),
         premise("exemptions"), premise("cars", "facts"), premise("facts"), ban),
    )  # fmt: skip
    evaluation = evaluate(amap)
    assert evaluation.status("ban") is STANDS
    assert explain(evaluation, "ban") == (
        "every attack on it fails: 'shops' is defeated; the attack by 'unfair' is undercut by "
        "'exemptions', which stands; contradicted by 'cars', which is defeated"
    )
    assert explain(evaluation, "footfall") == ""  # not attacked: nothing to say


def test_explain_names_undercuts_linked_attacks_and_cycles() -> None:
    undercut = Reason(refs("a"), objections=refs("u", "v"))
    amap = ArgumentMap(
        "t",
        (
            premise("a"),
            premise("u"),
            premise("v"),
            premise("x", "y"),
            premise("y", "x"),
            Claim("t", P, "t", objections=(Objection(refs("a", "u")),)),
            conclusion("c", undercut, "x"),
        ),
    )
    evaluation = evaluate(amap)
    assert explain(evaluation, "t") == "rebutted by 'a' + 'u', which stands"
    assert explain(evaluation, "c") == (
        "none of its reasons stands: (1) the step from 'a' is undercut by 'u' and 'v', which "
        "stand; (2) 'x' is undecided. 'x' is undecided: rebutted by 'y', which is undecided. "
        "'y' is undecided: rebutted by 'x', which is undecided. 'x' and 'y' attack each other, "
        "and nothing in the map settles which gives way"
    )
    assert defeaters(evaluation, "c") == ["y", "x"]


def test_explain_names_the_cycle_of_attacks_that_leaves_claims_undecided() -> None:
    # 'a' -> 'b' -> 'c' -> 'a' rebut one another round a cycle; 'a' and 'b' both rebut 't'
    # (floating defeat: grounded semantics leaves 't' undecided), and 's' rests on 't'.
    amap = ArgumentMap(
        "t",
        (
            premise("a", "c"),
            premise("b", "a"),
            premise("c", "b"),
            premise("t", "a", "b"),
            conclusion("s", "t"),
        ),
    )
    evaluation = evaluate(amap)
    cycle = "and nothing in the map settles which gives way"
    assert explain(evaluation, "s").endswith(
        f"'a', 'c' and 'b' attack each other in a cycle, {cycle}"
    )
    assert cycles(chain(evaluation, "b")) == [["b", "a", "c"]]
    two = ArgumentMap("t", (premise("a", "b"), premise("b", "a"), premise("t", "a", "b")))
    assert explain(evaluate(two), "t").endswith(f"'a' and 'b' attack each other, {cycle}")
    # A chain with no cycle in it says none: 'd' is undecided only through what it rests on.
    amap = ArgumentMap(
        "t",
        (
            premise("x", "y"),
            premise("y", "x"),
            conclusion("d", "x"),
            conclusion("e", "d"),
        ),
    )
    assert cycles(chain(evaluate(amap), "e")[:2]) == []


def test_explain_names_a_claim_once_when_it_attacks_in_two_ways() -> None:
    # 'b' both rebuts and contradicts 'a' (an analyst's map says both): nothing settles the
    # cycle, and the chain explains 'b' once; neither claim is its own defeater.
    amap = ArgumentMap("t", (premise("a", "b", contradicts=("b",)), premise("b")))
    evaluation = evaluate(amap)
    assert explain(evaluation, "a") == (
        "rebutted by 'b', which is undecided; contradicted by 'b', which is undecided. "
        "'b' is undecided: contradicted by 'a', which is undecided. 'a' and 'b' attack each "
        "other, and nothing in the map settles which gives way"
    )
    assert defeaters(evaluation, "a") == ["b"]
    assert defeaters(evaluation, "b") == ["a"]


def test_a_claim_that_stands_says_a_reason_is_undecided_not_that_it_fails() -> None:
    # The step from 'a' is undercut by 'x', caught in a cycle with 'y': undecided, not failed.
    undercut = Reason(refs("a"), objections=refs("x"))
    amap = ArgumentMap(
        "t", (premise("a"), premise("c"), premise("x", "y"), premise("y", "x"),
              conclusion("k", undercut, "c")),
    )  # fmt: skip
    evaluation = evaluate(amap)
    assert evaluation.status("k") is STANDS
    assert explain(evaluation, "k") == (
        "though a reason is undecided: the step from 'a' is undercut by 'x', which is undecided"
    )


def test_the_seed_map_evaluates_as_the_note_says() -> None:
    from argmap.api import load

    evaluation = evaluate(load(SEED_MAP))
    beaten = {cid: s for cid, s in evaluation.statuses.items() if s is not STANDS}
    assert beaten == {"continued-deference": DEFEATED}
    assert defeaters(evaluation, "continued-deference") == [
        "no-leader-backs-war",
        "went-further",
        "tokayev-refusal",
    ]
    assert evaluation.step_status("import-energy", 1) is DEFEATED


# --- the brute-force reference ------------------------------------------------------------


def dung_framework(amap: ArgumentMap) -> dict[str, set[str]]:
    """The map translated into an abstract argumentation framework (Dung): each argument and
    the arguments attacking it.

    Each claim, step and full objection is an argument; ``not:c`` (attacked by c) stands in for
    "c is out", so that "every member must stand" becomes "every not:member must be out";
    ``unsupported:c`` is attacked by c's steps and attacks c.
    """
    attackers: dict[str, set[str]] = {}

    def attack(a: str, b: str) -> None:
        attackers.setdefault(a, set())
        attackers.setdefault(b, set()).add(a)

    counter = iter(range(10**6))

    def objections(items: tuple[Ref | Objection, ...], target: str) -> None:
        for item in items:
            if isinstance(item, Ref):
                attack(item.id, target)
                continue
            node = f"attack:{next(counter)}"
            for member in item.claims:
                attack(f"not:{member.id}", node)
            attack(node, target)
            objections(item.objections, node)

    for claim in amap.claims:
        attack(claim.id, f"not:{claim.id}")
        if claim.kind is not Kind.PREMISE:
            attack(f"unsupported:{claim.id}", claim.id)
        for number, reason in enumerate(claim.reasons):
            step = f"step:{claim.id}:{number}"
            for member in reason.claims:
                attack(f"not:{member.id}", step)
            if claim.kind is not Kind.PREMISE:
                attack(step, f"unsupported:{claim.id}")
            objections(reason.objections, step)
        objections(claim.objections, claim.id)
        for other in claim.contradicts:
            attack(claim.id, other.id)
            attack(other.id, claim.id)
    return attackers


def dung(amap: ArgumentMap) -> dict[str, Status]:
    """The same semantics the slow, obvious way: translate the map into an abstract
    argumentation framework (:func:`dung_framework`) and iterate its characteristic function
    from the empty set."""
    attackers = dung_framework(amap)
    extension: set[str] = set()
    while True:
        defeated = {b for b, by in attackers.items() if by & extension}
        grown = {a for a, by in attackers.items() if by <= defeated}
        if grown == extension:
            break
        extension = grown
    return {
        claim.id: STANDS
        if claim.id in extension
        else DEFEATED
        if claim.id in defeated
        else UNDECIDED
        for claim in amap.claims
    }


_UP_TO = [st.integers(0, k) for k in range(10)]


@st.composite
def small_maps(draw: st.DrawFn, max_claims: int = 8) -> ArgumentMap:
    """Any small map over ids c0..c7, consistent or not: support and attack cycles,
    self-attacks, linked reasons and objections, attacks on attacks, contradictions.

    Drawn from integers only (building strategies per example would cost more than the test).
    """
    n = 1 + draw(_UP_TO[max_claims - 1])

    def number(most: int) -> int:
        return draw(_UP_TO[most])

    def some_refs(above: int = -1) -> tuple[Ref, ...]:
        """One to three ids; mostly of later claims when ``above`` is given (fewer cycles)."""
        low = above + 1 if 0 <= above < n - 1 and number(3) else 0
        return refs(*(f"c{low + number(n - 1 - low)}" for _ in range(1 + number(2))))

    def objections(depth: int) -> tuple[Ref | Objection, ...]:
        items: list[Ref | Objection] = []
        for _ in range(max(0, number(3) - 1)):  # none half the time
            if depth > 0 and number(2) == 0:
                items.append(Objection(some_refs(), objections(depth - 1)))
            else:
                items.append(Ref(f"c{number(n - 1)}"))
        return tuple(items)

    claims = []
    for i in range(n):
        reasons = tuple(Reason(some_refs(i), objections(1)) for _ in range(number(2)))
        kind = (C, R)[number(1)] if reasons else P
        if number(9) == 0:
            kind = (P, C)[number(1)]  # a premise with reasons, a bare conclusion
        contradicts = refs(f"c{number(n - 1)}") if number(3) == 0 else ()
        claims.append(
            Claim(
                f"c{i}",
                kind,
                f"c{i}",
                reasons=reasons,
                objections=objections(2),
                contradicts=contradicts,
            )
        )
    return ArgumentMap("random", tuple(claims))


@settings(max_examples=400, deadline=None)
@given(amap=small_maps())
def test_the_evaluator_agrees_with_the_brute_force_reference(amap: ArgumentMap) -> None:
    assert dict(evaluate(amap).statuses) == dung(amap)


@settings(max_examples=200, deadline=None)
@given(amap=small_maps())
def test_every_claim_that_does_not_stand_is_explained_by_claims_of_the_map(
    amap: ArgumentMap,
) -> None:
    evaluation = evaluate(amap)
    ids = {claim.id for claim in amap.claims}
    for cid, status in evaluation.statuses.items():
        if status is STANDS:
            continue
        assert explain(evaluation, cid)
        for other in defeaters(evaluation, cid):
            assert other in ids
            wanted = STANDS if status is DEFEATED else UNDECIDED
            assert evaluation.status(other) is wanted


# --- argmap eval --------------------------------------------------------------------------


def test_cli_eval_of_the_seed_map() -> None:
    result = CliRunner().invoke(main, ["eval", str(SEED_MAP)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["claim", "kind", "status", "why"]
    (row,) = [line for line in lines if line.startswith("continued-deference ")]
    assert row.split()[1:4] == ["conclusion,", "implicit", "defeated"]
    assert row.endswith("'went-further' and 'tokayev-refusal', which stand")
    assert lines[-1] == "29 claims: 28 stand, 1 defeated, 0 undecided; 1 implicit"


def test_cli_eval_of_a_map_with_errors_evaluates_it_and_exits_1(write_map) -> None:
    path = write_map(
        "argmap: 1\ntitle: t\npremises:\n  - id: a\n    text: A\n    objections: [b, ghost]\n"
        "  - id: b\n    text: B\n    objections: [a]\n"
    )
    result = CliRunner().invoke(main, ["eval", str(path)])
    assert result.exit_code == 1
    assert f"{path}:6:21: error: objection 'ghost' of 'a' is no claim [AM103]" in result.output
    assert (
        "a      premise  undecided  rebutted by 'b', which is undecided. 'b' is undecided: "
        "rebutted by 'a', which is undecided. 'a' and 'b' attack each other, and nothing in "
        "the map settles which gives way\n"
    ) in result.output
    assert result.output.endswith("2 claims: 0 stand, 0 defeated, 2 undecided; 0 implicit\n")


def test_cli_eval_of_a_missing_file_is_a_usage_error(tmp_path) -> None:
    result = CliRunner().invoke(main, ["eval", str(tmp_path / "absent.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_cli_eval_counts_one_claim_as_one_claim(write_map) -> None:
    path = write_map("argmap: 1\ntitle: t\npremises:\n  - id: a\n    text: A\n")
    result = CliRunner().invoke(main, ["eval", str(path)])
    assert result.output.endswith("1 claim: 1 stand, 0 defeated, 0 undecided; 0 implicit\n")


def test_an_id_the_map_does_not_have_is_a_key_error_naming_it_and_the_id_meant() -> None:
    evaluation = evaluate(ArgumentMap("m", (premise("supplier"), conclusion("energy", "supplier"))))
    said = "no claim of the map has the id 'suplier'; did you mean 'supplier'?"
    with pytest.raises(KeyError, match=said):
        evaluation.status("suplier")
    with pytest.raises(KeyError, match=said):
        evaluation.why("suplier")
    with pytest.raises(KeyError, match=said):
        explain(evaluation, "suplier")
