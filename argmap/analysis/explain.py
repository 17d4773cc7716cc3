"""An evaluation → why a claim stands or not, in words: its direct causes, then theirs."""

from __future__ import annotations

from argmap.analysis.evaluate import Evaluation, Status, Step, Why
from argmap.diagnostics import joined


def chain(evaluation: Evaluation, claim_id: str, limit: int | None = None) -> list[tuple[str, Why]]:
    """The claim's explanation, then those of the claims it names that do not stand, and so
    on: each claim once, in the order met, at most ``limit`` of them. Empty for a claim that
    stands."""
    if evaluation.status(claim_id) is Status.STANDS:
        return []
    found: list[tuple[str, Why]] = []
    seen = {claim_id}
    todo = [claim_id]
    while todo and (limit is None or len(found) < limit):
        current = todo.pop()
        why = evaluation.why(current)
        found.append((current, why))
        more = [  # once each: a claim may rebut and contradict, or attack twice
            other
            for other in dict.fromkeys(why.named())
            if other not in seen and evaluation.status(other) is not Status.STANDS
        ]
        seen.update(more)
        todo.extend(reversed(more))
    return found


def defeaters(evaluation: Evaluation, claim_id: str, limit: int | None = None) -> list[str]:
    """The claims that keep a claim from standing, at the ends of its chain: for a defeated
    claim the attackers that stand, for an undecided one the undecided attackers (looking at
    most ``limit`` claims down the chain); never the claim itself, which a cycle of attacks
    brings back at the end of its own chain."""
    found: dict[str, None] = {}
    root = evaluation.status(claim_id)
    wanted = Status.STANDS if root is Status.DEFEATED else Status.UNDECIDED
    for _, why in chain(evaluation, claim_id, limit):
        if why.status is not root:  # a defeated reason of an undecided claim: beside the point
            continue
        attacks = [*why.attacks, *(u for step in why.steps for u in step.undercuts)]
        for attack in attacks:
            for other in attack.named():
                if evaluation.status(other) is wanted:
                    found.setdefault(other)
        found.update(dict.fromkeys(why.contradicting))
    return [other for other in found if other != claim_id]


def _attackers(why: Why) -> list[str]:
    """The claims that attack a claim directly: its objections' claims, the claims it
    contradicts, and the claims undercutting its steps."""
    found = [name for attack in why.attacks for name in attack.claims]
    found += why.contradicting
    found += [name for step in why.steps for undercut in step.undercuts for name in undercut.claims]
    return found


def cycles(found: list[tuple[str, Why]]) -> list[list[str]]:
    """The cycles of attacks among the undecided claims of a chain (:func:`chain`): each as
    the claims that attack one another round it, in the order the chain met them; a claim
    that attacks itself alone. They are why a grounded evaluation leaves those claims open."""
    undecided = [name for name, why in found if why.status is Status.UNDECIDED]
    among = set(undecided)
    attacked_by = {
        name: {other for other in _attackers(why) if other in among}
        for name, why in found
        if name in among
    }
    reach: dict[str, set[str]] = {}
    for name in undecided:  # a chain is short (CHAIN_LIMIT claims): a search from each
        seen: set[str] = set()
        todo = list(attacked_by[name])
        while todo:
            other = todo.pop()
            if other not in seen:
                seen.add(other)
                todo.extend(attacked_by[other])
        reach[name] = seen
    found_cycles: list[list[str]] = []
    placed: set[str] = set()
    for name in undecided:
        if name in placed or name not in reach[name]:
            continue
        cycle = [other for other in undecided if other in reach[name] and name in reach[other]]
        placed.update(cycle)
        found_cycles.append(cycle)
    return found_cycles


def _cycle(names: list[str]) -> str:
    """A cycle of attacks in words, e.g. ``'a' and 'b' attack each other, ...``."""
    if len(names) == 1:
        return f"'{names[0]}' attacks itself, and nothing in the map settles it"
    how = "each other" if len(names) == 2 else "each other in a cycle"
    return f"{_names(names)} attack {how}, and nothing in the map settles which gives way"


def _names(ids: tuple[str, ...] | list[str]) -> str:
    return joined([f"'{i}'" for i in ids])


def _which(count: int, status: Status) -> str:
    if status is Status.STANDS:
        return "which stands" if count == 1 else "which stand"
    return "which is undecided" if count == 1 else "which are undecided"


def _attacks(links: tuple[Step, ...]) -> str:
    """Attacks by name: ``'a'``, ``'b' + 'c'`` for claims that attack only jointly."""
    return joined([" + ".join(f"'{c}'" for c in link.claims) for link in links])


def _link_failure(link: Step) -> str:
    """Why a step or attack does not hold, e.g. ``'m' is defeated``."""
    parts = []
    if link.blocking:
        verb = "is" if len(link.blocking) == 1 else "are"
        parts.append(f"{_names(link.blocking)} {verb} {link.status.value}")
    if link.undercuts:
        made = " + ".join(f"'{c}'" for c in link.claims)
        status = Status.STANDS if link.status is Status.DEFEATED else Status.UNDECIDED
        words = "the step from" if link.number else "the attack by"
        parts.append(
            f"{words} {made} is undercut by {_attacks(link.undercuts)}, "
            + _which(len(link.undercuts), status)
            + "".join(f" ({_link_failure(u)})" for u in link.undercuts if u.undercuts)
        )
    return " and ".join(parts) or "it names no claim of the map"


def describe(why: Why) -> str:
    """One claim's direct causes in words, e.g. ``rebutted by 'a', which stands``."""
    parts = []
    if why.attacks:
        status = Status.STANDS if why.status is Status.DEFEATED else Status.UNDECIDED
        text = f"rebutted by {_attacks(why.attacks)}, {_which(len(why.attacks), status)}"
        details = [_link_failure(a) for a in why.attacks if a.undercuts or len(a.blocking) > 1]
        parts.append(text + "".join(f" ({d})" for d in details if d))
    if why.contradicting:
        status = Status.STANDS if why.status is Status.DEFEATED else Status.UNDECIDED
        parts.append(
            f"contradicted by {_names(why.contradicting)}, "
            + _which(len(why.contradicting), status)
        )
    if why.steps:
        steps = [_link_failure(step) for step in why.steps]
        if why.status is Status.STANDS:  # the steps that do not hold: failed or undecided
            failed = {step.status is Status.DEFEATED for step in why.steps}
            if len(steps) == 1:
                head = "though a reason " + ("fails" if True in failed else "is undecided")
            else:
                said = {frozenset({True}): "fail", frozenset({False}): "are undecided"}
                head = "though some reasons " + said.get(frozenset(failed), "fail or are undecided")
        elif len(steps) == 1:
            failed = why.steps[0].status is Status.DEFEATED
            head = "its only reason fails" if failed else "its only reason is undecided"
        elif why.status is Status.DEFEATED:
            head = "none of its reasons holds"
        else:
            head = "none of its reasons stands"
        if len(steps) == 1:
            parts.append(f"{head}: {steps[0]}")
        else:
            parts.append(f"{head}: " + "; ".join(f"({i}) {s}" for i, s in enumerate(steps, 1)))
    if why.answered:  # a claim that stands though attacked: how each attack fails
        failing = "; ".join(dict.fromkeys(_link_failure(a) for a in why.answered))
        head = "its attack fails" if len(why.answered) == 1 else "every attack on it fails"
        parts.insert(0, f"{head}: {failing}")
    if why.outdone:
        parts.append(
            f"contradicted by {_names(why.outdone)}, "
            + ("which is defeated" if len(why.outdone) == 1 else "which are defeated")
        )
    if not parts and why.status is Status.DEFEATED:
        parts.append("it has no reasons")
    if why.same and why.status is not Status.STANDS:
        parts.insert(0, f"it is one statement with {_names(why.same)} through restatements")
    return "; ".join(parts)


#: Claims explained along a chain, at most: enough for a reader, and explaining every claim
#: of a big map stays linear in its size.
CHAIN_LIMIT = 12


def explain(evaluation: Evaluation, claim_id: str, limit: int = CHAIN_LIMIT) -> str:
    """The chain that keeps a claim from standing, in words: its causes, then theirs.

    Each claim along the chain is explained once, at most ``limit`` of them (then ``…``).
    For a claim that stands: its failing reasons, if any.
    """
    found = chain(evaluation, claim_id, limit + 1)
    if not found:
        return describe(evaluation.why(claim_id))
    sentences = [describe(found[0][1])]
    sentences += [
        f"'{other}' is {why.status.value}: {describe(why)}" for other, why in found[1:limit]
    ]
    sentences += [_cycle(names) for names in cycles(found[:limit])]
    return ". ".join(sentences) + (". …" if len(found) > limit else "")


__all__ = ["CHAIN_LIMIT", "chain", "cycles", "defeaters", "describe", "explain"]
