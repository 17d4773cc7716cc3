"""A map of a debate + one side → that side's handout: its case, and the other side's claims
that clash with it (what it must answer, and what it attacks).

Claims say who holds them with ``role``; a claim without a role is the proponent's (the
proponent argues for the map's thesis, and drawings already show such claims as the
proponent's: only the opponent's are marked).
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.analysis.focus import part
from argmap.diagnostics import UsageError
from argmap.model import ArgumentMap, Claim, Link, Relation, Role, relations
from argmap.model.blank import is_blank
from argmap.read.suggest import side_hint
from argmap.words import vocabulary

#: The sides a map has, as ``render --side`` names them.
SIDES = tuple(role.value for role in Role)
#: What ``eval --side`` and ``questions --side`` say of a map in which no claim has a role.
NO_ROLES = (
    "no claim of the map has a role, so all are the proponent's: give the claims of each side "
    "role: proponent or role: opponent"
)


def side_of(claim: Claim) -> Role:
    """Who holds ``claim``: its role; the proponent when it has none."""
    return Role.PROPONENT if claim.role is None else claim.role


def debated(claims: Iterable[Claim]) -> bool:
    """Whether ``claims`` are a debate's: some claim says whose it is (``role:``), so each
    claim's side (:func:`side_of`) is worth telling."""
    return any(claim.role is not None for claim in claims)


def objecting(found: Iterable[Relation]) -> set[str]:
    """The ids of the claims that attack in ``found`` (relations) and support nothing:
    objections, not reasons."""
    found = tuple(found)
    supporting = {ref.id for r in found if r.link is Link.SUPPORT for ref in r.claims}
    return {ref.id for r in found if r.attack for ref in r.claims} - supporting


def own(amap: ArgumentMap) -> dict[str, bool]:
    """The analyst's own claims (a fact-checker's): of the other side (``role: opponent``)
    in a map that quotes a source, yet neither quoting it nor taken for granted by it
    (``implicit``), so the text does not make them; each id → whether it is an objection (it
    attacks, and supports nothing) rather than a reason in the analyst's own argument. A
    debate's opponent, whose claims the text states, quotes it."""
    if amap.source is None:
        return {}
    objections = objecting(relations(amap))
    return {
        claim.id: claim.id in objections
        for claim in amap.claims
        if claim.role is Role.OPPONENT
        and not claim.quotes
        and not claim.implicit
        and not is_blank(claim.text)
    }


def clashing(amap: ArgumentMap, role: Role) -> set[str]:
    """The ids of the claims of ``role``'s handout: every claim of that side; each claim of
    the other side that attacks one of them (a rebuttal of it, an undercut of its step or of
    its objection), or that one of them attacks, with what its attack hangs on (the claims up
    an undercut's chain, so that the attack can be drawn); and each claim one of them
    contradicts or is contradicted by."""
    own = {claim.id for claim in amap.claims if side_of(claim) is role}
    keep = set(own)
    for relation in relations(amap):
        makers = {ref.id for ref in relation.claims}
        if relation.link is Link.CONTRADICT and (makers | {relation.target.id}) & own:
            keep |= makers | {relation.target.id}
        elif relation.attack and (makers | _attacked(relation)) & own:
            keep |= makers | _hung_on(relation)
    return keep


def _attacked(relation: Relation) -> set[str]:
    """Whose claim or move an attack is against: the claim a rebuttal attacks, the claims of
    the step or objection an undercut attacks."""
    if relation.on is None:
        return {relation.target.id}
    return {ref.id for ref in relation.on.claims}


def _hung_on(relation: Relation) -> set[str]:
    """The claims an attack needs drawn to be drawn: those of every step and objection up its
    chain, and the claim at its root."""
    found = {relation.target.id}
    above = relation.on
    while above is not None:
        found |= {ref.id for ref in above.claims}
        above = above.on
    return found


def side(amap: ArgumentMap, name: str) -> ArgumentMap:
    """The handout of the side ``name`` (``proponent`` or ``opponent``): the part of ``amap``
    (:func:`argmap.analysis.focus.part`) of :func:`clashing`'s claims, in file order. The
    other side's case beyond them is left out; each claim shown says what it has outside the
    handout. The title says which side it is, in the map's language.

    Raises:
        UsageError: ``name`` is no side, no claim of the map has a role, or none is the side's.
    """
    if name not in SIDES:
        raise UsageError(f"a side is {' or '.join(SIDES)}, not '{name}'{side_hint(name, SIDES)}")
    role = Role(name)
    if all(claim.role is None for claim in amap.claims):
        raise UsageError(
            f"cannot draw the {name}'s side: no claim of the map has a role; give the claims "
            "of each side role: proponent or role: opponent (a claim without one is the "
            "proponent's)"
        )
    if not any(side_of(claim) is role for claim in amap.claims):
        held = "" if role is Role.OPPONENT else " (nor is any without a role)"
        raise UsageError(
            f"cannot draw the {name}'s side: no claim of the map has role: {name}{held}"
        )
    title = vocabulary(amap.lang)(f"{name} side", title=amap.title)
    return part(amap, clashing(amap, role), title)


__all__ = ["SIDES", "clashing", "debated", "objecting", "own", "side", "side_of"]
