"""argmap.analysis.preferred: preferred labellings on textbook cases and against brute force."""

from __future__ import annotations

import itertools

from click.testing import CliRunner
from hypothesis import given, settings

from argmap.analysis.evaluate import evaluate, grounded_labels
from argmap.analysis.framework import Graph
from argmap.analysis.preferred import (
    _OPEN,
    LIMIT,
    TooHard,
    Verdict,
    _Search,
    maximal,
    nodes,
    preferred,
)
from argmap.cli import main
from argmap.model import ArgumentMap, Claim, Kind, Reason, Ref

from .conftest import SEED_MAP
from .test_evaluate import conclusion, dung_framework, premise, small_maps

IN, OUT, UNDEC = 1, 2, 0
SCEPTICAL, CREDULOUS = Verdict.SCEPTICAL, Verdict.CREDULOUS
DEFEATED, UNDECIDED = Verdict.DEFEATED, Verdict.UNDECIDED


def claims_of(amap: ArgumentMap) -> list[dict[str, int]]:
    """Each preferred labelling of the map's claims, as claim id → label, sorted."""
    found = preferred(amap)
    ids = list(amap.by_id())
    return sorted(
        ({cid: labels[i] for i, cid in enumerate(ids)} for labels in found.labellings()),
        key=lambda d: sorted(d.items()),
    )


# --- the brute-force reference ------------------------------------------------------------


def rule(g: Graph, x: int, label: tuple[int, ...] | bytearray) -> int:
    """The label the rules of evaluate give node x from its neighbours' labels, written
    plainly from the graph's edge lists (no counters, no chains)."""
    members = [f for f, t in zip(g.member_from, g.member_to, strict=True) if t == x]
    attackers = [f for f, t in zip(g.attack_from, g.attack_to, strict=True) if t == x]
    steps = [s for s in range(g.n, g.size) if g.support[s] == x]
    attacked = any(label[a] == IN for a in attackers)
    unattacked = all(label[a] == OUT for a in attackers)
    if x < g.n:
        held = g.premise[x] or any(label[s] == IN for s in steps)
        failed = not g.premise[x] and all(label[s] == OUT for s in steps)
    else:
        held = x not in g.empty and all(label[m] == IN for m in members)
        failed = x in g.empty or any(label[m] == OUT for m in members)
    if attacked or failed:
        return OUT
    return IN if held and unattacked else UNDEC


def complete(g: Graph, label: tuple[int, ...] | bytearray) -> bool:
    return all(label[x] == rule(g, x, label) for x in range(g.size))


def brute_preferred(g: Graph, fixed: bytearray) -> set[tuple[int, ...]]:
    """Every labelling of the nodes ``fixed`` leaves undecided (the others as it has them)
    that is complete, then those whose set of nodes in is maximal."""
    free = [x for x in range(g.size) if fixed[x] == UNDEC]
    found = []
    for choice in itertools.product((IN, OUT, UNDEC), repeat=len(free)):
        label = bytearray(fixed)
        for x, v in zip(free, choice, strict=True):
            label[x] = v
        if complete(g, label):
            found.append(tuple(label))
    return {lab for lab in found if not any(extends(other, lab) for other in found)}


def extends(bigger: tuple[int, ...], smaller: tuple[int, ...]) -> bool:
    """Whether ``bigger`` decides every node ``smaller`` decides, alike, and more."""
    return bigger != smaller and all(v in (UNDEC, w) for v, w in zip(smaller, bigger, strict=True))


def dung_preferred(amap: ArgumentMap) -> set[tuple[int, ...]] | None:
    """The claims' labels in each preferred extension of the map's abstract framework: its
    maximal admissible sets, every set of arguments tried (None when there are over 13)."""
    attackers = dung_framework(amap)
    names = sorted(attackers)
    if len(names) > 13:
        return None
    bit = {name: 1 << i for i, name in enumerate(names)}
    by = [sum(bit[a] for a in attackers[name]) for name in names]  # who attacks each
    hits = [sum(bit[b] for b in names if name in attackers[b]) for name in names]
    admissible = []
    for chosen in range(1 << len(names)):
        members = [i for i in range(len(names)) if chosen >> i & 1]
        beaten = 0
        for i in members:
            beaten |= hits[i]
        if chosen & beaten == 0 and all(by[i] & beaten == by[i] for i in members):
            admissible.append((chosen, beaten))
    found = set()
    for chosen, beaten in admissible:
        if any(other != chosen and other & chosen == chosen for other, _ in admissible):
            continue
        found.add(
            tuple(
                IN if chosen & bit[claim.id] else OUT if beaten & bit[claim.id] else UNDEC
                for claim in amap.claims
            )
        )
    return found


RUNS = {"least": 0, "preferred": 0, "dung": 0}


@settings(max_examples=300, deadline=None)
@given(amap=small_maps(max_claims=4))
def test_grounded_is_the_least_complete_labelling(amap: ArgumentMap) -> None:
    """Over every labelling of every node of a small map: the grounded one is complete, and
    every complete one agrees with it wherever it decides."""
    g = Graph(amap, True)
    if g.size > 9:
        return
    RUNS["least"] += 1
    grounded = grounded_labels(g)
    assert complete(g, grounded)
    for label in itertools.product((IN, OUT, UNDEC), repeat=g.size):
        if complete(g, label):
            assert all(v == label[x] for x, v in enumerate(grounded) if v != UNDEC)


@settings(max_examples=500, deadline=None)
@given(amap=small_maps())
def test_the_search_finds_exactly_the_preferred_labellings(amap: ArgumentMap) -> None:
    g = Graph(amap, True)
    grounded = grounded_labels(g)
    if sum(v == UNDEC for v in grounded) > 9:
        return
    RUNS["preferred"] += 1
    found = preferred(amap)
    assert {tuple(labels) for labels in found.labellings()} == brute_preferred(g, grounded)
    assert found.count == len(found.labellings())


@settings(max_examples=500, deadline=None)
@given(amap=small_maps(max_claims=4))
def test_the_preferred_labellings_are_the_preferred_extensions_of_the_abstract_framework(
    amap: ArgumentMap,
) -> None:
    expected = dung_preferred(amap)
    if expected is None:
        return
    RUNS["dung"] += 1
    n = len(amap.claims)
    assert {tuple(labels[:n]) for labels in preferred(amap).labellings()} == expected


@settings(max_examples=300, deadline=None)
@given(amap=small_maps(max_claims=8))
def test_a_part_at_a_time_finds_what_searching_each_group_whole_finds(amap: ArgumentMap) -> None:
    """On maps too big for brute force: labelling a group one strongly connected part at a
    time gives the maximal complete labellings of the group searched whole."""
    g = Graph(amap, True)
    grounded = grounded_labels(g)
    found = nodes(g, grounded)
    label = [_OPEN if x in found else v for x, v in enumerate(grounded)]
    budget = [LIMIT, LIMIT]
    result = preferred(amap)
    for group, labellings in result.groups:
        whole = _Search(found, label, budget, group)
        whole.run()
        assert labellings == maximal(whole.complete, budget)


# --- the textbook cases -------------------------------------------------------------------


def test_an_even_cycle_has_two_preferred_labellings_each_side_in_one() -> None:
    amap = ArgumentMap("t", (premise("a", "b"), premise("b", "a")))
    assert claims_of(amap) == [{"a": IN, "b": OUT}, {"a": OUT, "b": IN}]
    assert dict(preferred(amap).verdicts) == {"a": CREDULOUS, "b": CREDULOUS}


def test_an_odd_cycle_of_three_leaves_all_undecided() -> None:
    amap = ArgumentMap("t", (premise("a", "c"), premise("b", "a"), premise("c", "b")))
    assert claims_of(amap) == [{"a": UNDEC, "b": UNDEC, "c": UNDEC}]
    assert set(preferred(amap).verdicts.values()) == {UNDECIDED}


def test_floating_defeat_the_target_is_out_in_every_preferred_labelling() -> None:
    amap = ArgumentMap("t", (premise("a", "b"), premise("b", "a"), premise("t", "a", "b")))
    assert evaluate(amap).status("t").value == "undecided"
    assert claims_of(amap) == [{"a": IN, "b": OUT, "t": OUT}, {"a": OUT, "b": IN, "t": OUT}]
    assert preferred(amap).verdicts["t"] is DEFEATED


def test_floating_acceptance_what_both_sides_support_is_in_every_one() -> None:
    amap = ArgumentMap(
        "t", (premise("a", "b"), premise("b", "a"), conclusion("c", "a", "b"), conclusion("d", "c"))
    )
    verdicts = preferred(amap).verdicts
    assert (verdicts["c"], verdicts["d"]) == (SCEPTICAL, SCEPTICAL)


def test_reinstatement_within_a_cycle_follows_the_side_that_wins() -> None:
    # a and b attack each other; b attacks c, c attacks d: c is in with a, d with b.
    amap = ArgumentMap(
        "t", (premise("a", "b"), premise("b", "a"), premise("c", "b"), premise("d", "c"))
    )
    assert claims_of(amap) == [
        {"a": IN, "b": OUT, "c": IN, "d": OUT},
        {"a": OUT, "b": IN, "c": OUT, "d": IN},
    ]


def test_a_claim_out_in_some_and_undecided_in_others_never_stands() -> None:
    # a and b attack each other; b attacks the self-attacking s; s attacks t.
    amap = ArgumentMap(
        "t", (premise("a", "b"), premise("b", "a"), premise("s", "s", "b"), premise("t", "s"))
    )
    found = preferred(amap)
    assert found.verdicts["s"] is Verdict.NEVER  # out with b, undecided with a
    assert found.verdicts["t"] is CREDULOUS


def test_independent_cycles_are_searched_apart_and_counted_together() -> None:
    claims = [premise(f"{s}{i}", f"{t}{i}") for i in range(20) for s, t in (("a", "b"), ("b", "a"))]
    found = preferred(ArgumentMap("t", tuple(claims)), limit=200)
    assert found.count == 2**20
    assert len(found.groups) == 20


def debate(k: int) -> ArgumentMap:
    """A motion with k reasons for it and k objections, each objection contradicting its
    reason: the even cycles meet in one claim, so they form one group."""
    pairs = [premise(f"a{i}", contradicts=(f"b{i}",)) for i in range(k)]
    pairs += [premise(f"b{i}") for i in range(k)]
    motion = conclusion(
        "t", *(f"a{i}" for i in range(k)), attackers=tuple(f"b{i}" for i in range(k))
    )
    return ArgumentMap("t", (*pairs, motion))


def test_cycles_meeting_in_one_claim_cost_their_preferred_labellings_not_their_complete_ones() -> (
    None
):
    # Twelve contradictions bearing on one motion: 3**12 complete labellings, 2**12 preferred
    # ones. Searched as one group they were past the cap; a part at a time, they are found.
    found = preferred(debate(12))
    assert found.count == 2**12
    assert len(found.groups) == 1
    assert found.verdicts["t"] is CREDULOUS  # it stands when every objection gives way
    assert {found.verdicts[f"{s}{i}"] for s in "ab" for i in range(12)} == {CREDULOUS}


def test_cycles_meeting_in_one_claim_agree_with_brute_force() -> None:
    amap = debate(3)
    g = Graph(amap, True)
    assert {tuple(labels) for labels in preferred(amap).labellings()} == brute_preferred(
        g, grounded_labels(g)
    )


def test_too_many_preferred_labellings_still_stop_at_the_cap() -> None:
    try:
        preferred(debate(18))
    except TooHard:
        pass
    else:
        raise AssertionError("2**18 preferred labellings were carried past the cap")


def test_an_undercut_in_a_cycle_and_restated_claims() -> None:
    undercut = Reason((Ref("p"),), objections=(Ref("a"),))
    amap = ArgumentMap(
        "t",
        (
            premise("a", "b"),
            premise("b", "a"),
            premise("p"),
            Claim("c", Kind.CONCLUSION, "c", reasons=(undercut,)),
            Claim(
                "c2", Kind.CONCLUSION, "c2", reasons=(Reason((Ref("b"),)),), restates=(Ref("c"),)
            ),
        ),
    )
    found = preferred(amap)
    # With a in, the step from p is undercut and c2's reason b is out: c (and c2) out.
    assert claims_of(amap) == [
        {"a": IN, "b": OUT, "p": IN, "c": OUT, "c2": OUT},
        {"a": OUT, "b": IN, "p": IN, "c": IN, "c2": IN},
    ]
    assert found.verdicts["c"] is found.verdicts["c2"] is CREDULOUS


def test_a_support_cycle_stands_in_one_preferred_labelling_and_falls_in_another() -> None:
    # An error (AM105); the abstract framework's preferred extensions say the same.
    amap = ArgumentMap("t", (conclusion("a", "b"), conclusion("b", "a")))
    assert evaluate(amap).status("a").value == "undecided"
    assert claims_of(amap) == [{"a": IN, "b": IN}, {"a": OUT, "b": OUT}]
    assert dung_preferred(amap) == {(IN, IN), (OUT, OUT)}


def test_the_search_stops_at_its_cap() -> None:
    # A long chain of odd cycles tied together: more labels to try than the cap allows.
    claims = [premise(f"c{i}", f"c{(i + 1) % 9}", f"c{(i + 3) % 9}") for i in range(9)]
    amap = ArgumentMap("t", tuple(claims))
    try:
        preferred(amap, limit=5)
    except TooHard:
        pass
    else:
        raise AssertionError("the cap was not applied")
    assert preferred(amap).count >= 1


# --- argmap eval --semantics preferred ----------------------------------------------------

FLOATING = (
    "argmap: 1\ntitle: t\npremises:\n"
    "  - id: a\n    text: A\n    objections: [b]\n"
    "  - id: b\n    text: B\n    objections: [a]\n"
    "  - id: t\n    text: T\n    objections: [a, b]\n"
    "  - id: p\n    text: P\n"
)


def test_cli_eval_preferred_says_what_the_preferred_labellings_do_with_open_claims(
    write_map,
) -> None:
    path = write_map(FLOATING)
    result = CliRunner().invoke(main, ["eval", "--semantics", "preferred", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()  # stderr: 'p' is connected to nothing (AM201)
    assert lines[0].split() == ["claim", "kind", "status", "preferred", "why"]
    assert lines[1].startswith("a      premise  undecided  stands in some     rebutted by 'b', ")
    assert lines[3].startswith("t      premise  undecided  defeated in every  rebutted by 'a' and")
    assert lines[4] == "p      premise  stands"
    assert lines[-2] == "4 claims: 1 stand, 0 defeated, 3 undecided; 0 implicit"
    assert lines[-1] == (
        "2 preferred labellings; of the 3 undecided claims: 0 stand in every one, 2 in some, "
        "1 defeated in every one, 0 undecided in every one, 0 never stand"
    )


def test_cli_eval_grounded_is_the_default_and_unchanged(write_map) -> None:
    path = write_map(FLOATING)
    plain = CliRunner().invoke(main, ["eval", str(path)])
    grounded = CliRunner().invoke(main, ["eval", "--semantics", "grounded", str(path)])
    assert plain.output == grounded.output
    assert plain.stdout.splitlines()[0].split() == ["claim", "kind", "status", "why"]


def test_cli_eval_preferred_of_the_seed_map() -> None:
    result = CliRunner().invoke(main, ["eval", "--semantics", "preferred", str(SEED_MAP)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "1 preferred labelling; no claim is undecided"


def test_cli_eval_preferred_past_the_cap_says_so_and_exits_2(write_map, monkeypatch) -> None:
    import argmap.analysis.preferred as module

    monkeypatch.setattr(module, "LIMIT", 3)
    path = write_map(FLOATING)
    result = CliRunner().invoke(main, ["eval", "--semantics", "preferred", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""  # no half table
    assert result.stderr.endswith(
        f"argmap: error: {path}: gave up looking for the preferred labellings after setting 3 "
        "labels; `argmap eval` without --semantics evaluates it\n"
    )
