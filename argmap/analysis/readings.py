"""Preferred labellings → where a claim grounded semantics leaves open stands, falls or stays
undecided, in words: the claims around it in one labelling of each kind."""

from __future__ import annotations

from argmap.analysis.evaluate import IN, OUT, UNDEC, Evaluation, Status
from argmap.analysis.preferred import Preferred
from argmap.diagnostics import joined

#: Labellings looked at for each label a claim takes, and descriptions kept of them, at most.
LOOKED, KEPT = 64, 2
#: Claims named in one description, at most (then "and N more").
NAMED = 4

_VERB = {Status.STANDS: ("stands", "stand"), Status.DEFEATED: ("is defeated", "are defeated")}
_VERB[Status.UNDECIDED] = ("is undecided", "are undecided")
_LEADS = {IN: "stands", OUT: "defeated", UNDEC: "undecided"}


def where(found: Preferred, evaluation: Evaluation, claim_id: str) -> str:
    """Where the claim stands, where it is defeated and where it is undecided among the
    preferred labellings, e.g. ``stands where 'kitchen' is defeated; defeated where 'kitchen'
    stands``; empty for a claim grounded semantics decides. ``evaluation`` is the grounded
    one: the claims it leaves undecided around the claim are the ones named."""
    g = found.graph
    c = g.same[g.at(claim_id)]
    for group, options in found.groups:  # noqa: B007 (the group found is used below)
        if c in group:
            break
    else:
        return ""
    grounded = evaluation.why(claim_id)
    against = [*grounded.contradicting]
    against += [name for attack in grounded.attacks for name in attack.claims]
    against += [n for step in grounded.steps for u in step.undercuts for n in u.claims]
    backing = [name for step in grounded.steps for name in step.claims]
    itself = claim_id in against or any(n in against for n in grounded.same)
    against = [n for n in dict.fromkeys(against) if n != claim_id and n not in grounded.same]
    backing = [n for n in dict.fromkeys(backing) if n != claim_id and n not in against]
    at = group.index(c)
    kinds: dict[int, list[bytes]] = {IN: [], OUT: [], UNDEC: []}
    for option in options:
        if len(kinds[option[at]]) < LOOKED:
            kinds[option[at]].append(option)
    parts = []
    for label, chosen in kinds.items():
        seen: dict[str, None] = {}
        for option in chosen:
            labelled = Evaluation(g, found.labelling(group, option))
            seen.setdefault(_around(labelled, label, against, backing))
            if len(seen) > KEPT:
                break
        if chosen:
            texts = [text for text in seen if text][:KEPT]
            more = ", or …" if len(seen) > len(texts) and texts else ""
            head = _LEADS[label]
            if label == UNDEC and itself and not texts:
                head += ", as it attacks itself"
            parts.append(f"{head} where " + ", or where ".join(texts) + more if texts else head)
    return "; ".join(parts)


def _around(evaluation: Evaluation, label: int, against: list[str], backing: list[str]) -> str:
    """The claims that bear on one labelled so, as they are in this labelling: for one that
    stands, its attackers (defeated) and its reasons' claims that stand; for one defeated, its
    attackers that stand, else its reasons' claims defeated; for one undecided, the undecided
    ones."""
    status = evaluation.status
    if label == IN:
        groups = [(Status.DEFEATED, against), (Status.STANDS, backing)]
    elif label == OUT:
        standing = [n for n in against if status(n) is Status.STANDS]
        groups = [(Status.STANDS, standing)] if standing else [(Status.DEFEATED, backing)]
    else:
        groups = [(Status.UNDECIDED, against + backing)]
    said = []
    for wanted, names in groups:
        named = [n for n in names if status(n) is wanted]
        if named:
            said.append(f"{_few(named)} {_VERB[wanted][len(named) > 1]}")
    return " and ".join(said)


def _few(names: list[str]) -> str:
    shown = [f"'{n}'" for n in names[:NAMED]]
    if len(names) > NAMED:
        return ", ".join(shown) + f" and {len(names) - NAMED} more"
    return joined(shown)


__all__ = ["where"]
