"""A map + a claim → the smaller map of the claims within a few steps of it, for big maps."""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Mapping, Sequence

import attrs

from argmap.analysis.summary import thesis
from argmap.diagnostics import Diagnostic, UsageError
from argmap.model import ArgumentMap, Claim, Link, prune, relations, walk
from argmap.read.suggest import did_you_mean
from argmap.words import vocabulary

#: Steps from the focused claim that ``argmap render --focus`` shows by default.
DEFAULT_DEPTH = 2


def neighbours(amap: ArgumentMap) -> dict[str, set[str]]:
    """Claim id → the ids one step away: what it supports or attacks, what supports or
    attacks it, and what it contradicts (each relation counts both ways)."""
    found: dict[str, set[str]] = {claim.id: set() for claim in amap.claims}
    pairs = [(ref.id, r.target.id) for r in relations(amap) for ref in r.claims]
    for one, other in pairs:
        if one in found and other in found and one != other:
            found[one].add(other)
            found[other].add(one)
    return found


def around(
    amap: ArgumentMap,
    center: str,
    depth: int = DEFAULT_DEPTH,
    left_out: Mapping[str, Sequence[Diagnostic]] | None = None,
) -> dict[str, int]:
    """The claims within ``depth`` steps of ``center``, each with its distance (breadth first).
    ``left_out``: the claims of the file a draft leaves out, with their errors, by id.

    Raises:
        UsageError: ``center`` is no claim of the map (the message suggests the closest id,
            or for a claim the draft left out, says so at its first error's line), or
            ``depth`` is negative.
    """
    if depth < 0:
        raise UsageError(f"the depth of a focus must be 0 or more, not {depth}")
    graph = neighbours(amap)
    if center not in graph and left_out and left_out.get(center):
        raise UsageError(f"cannot focus on '{center}': {_left_out(left_out[center])}")
    if center not in graph:
        hint = did_you_mean(center, graph)
        raise UsageError(f"cannot focus on '{center}': the map has no such claim{hint}")
    distance = {center: 0}
    todo = deque([center])
    while todo:
        here = todo.popleft()
        if distance[here] == depth:
            continue
        for there in graph[here]:
            if there not in distance:
                distance[there] = distance[here] + 1
                todo.append(there)
    return distance


def _left_out(errors: Sequence[Diagnostic]) -> str:
    """Why a draft does not draw a claim of its file: its errors, the first named."""
    first = min(errors)
    where = f"line {first.span.line} ({first.code}, above)"
    if len(errors) == 1:
        why, fix = f"its error on {where} keeps", "fix it"
    else:
        why, fix = f"its {len(errors)} errors, the first on {where}, keep", "fix them"
    return (
        f"the draft leaves that claim out, as {why} it from being read; {fix} to draw the "
        "claim, or focus on another"
    )


def focus(
    amap: ArgumentMap,
    center: str,
    depth: int = DEFAULT_DEPTH,
    left_out: Mapping[str, Sequence[Diagnostic]] | None = None,
) -> ArgumentMap:
    """The part of ``amap`` within ``depth`` steps of the claim ``center``.

    A step is a support, an attack (rebuttal or undercut) or a contradiction, in either
    direction. Claims keep their file order; a reason or objection is kept only when all
    its claims are, so that a linked reason is never shown in part. The title says which
    part this is, in the map's language (:func:`argmap.words.vocabulary`: ``Map (around
    “C1”, 2 steps)``, ``Karte (rund um „C1“, 2 Schritte)``); the map's thesis stays its
    thesis when the part holds it, and no other claim is drawn as one. ``outside`` counts
    what each claim has beyond the part.

    Raises:
        UsageError: as :func:`around` (``left_out`` as there).
    """
    keep = set(around(amap, center, depth, left_out))
    words = vocabulary(amap.lang)
    named = words("quoted", text=_named(amap.by_id()[center]))
    title = words("around", title=amap.title, claim=named, steps=words.counted("steps", depth))
    return part(amap, keep, title)


def part(amap: ArgumentMap, keep: Collection[str], title: str) -> ArgumentMap:
    """The part of ``amap`` made of the claims ``keep`` names, titled ``title``.

    Claims keep their file order; a reason or objection is kept only when all its claims
    are, so that a linked reason is never shown in part. The map's thesis stays its thesis
    when the part holds it, and no other claim is drawn as one. ``outside`` counts what each
    claim has beyond the part.
    """
    main = thesis(amap)  # marked in the part if it is there; no other claim is its thesis
    claims = tuple(
        prune(
            attrs.evolve(claim, thesis=True) if claim is main else claim,
            lambda relation: all(ref.id in keep for ref in relation.claims),
        )
        for claim in amap.claims
        if claim.id in keep
    )
    outside, written = {}, amap.by_id()
    for claim in claims:
        was, now = _counted(written[claim.id]), _counted(claim)
        if was != now:
            outside[claim.id] = (was[0] - now[0], was[1] - now[1])
    return attrs.evolve(amap, title=title, claims=claims, outside=outside)


def _named(claim: Claim, words: int = 8) -> str:
    """A claim as a part's title names it: its label, else its text's first ``words``."""
    if claim.label:
        return claim.label
    found = claim.text.split()
    return " ".join(found[:words]) + ("…" if len(found) > words else "")


def _counted(claim: Claim) -> tuple[int, int]:
    """A claim's reasons, and its objections with the attacks on its steps."""
    found = list(walk(claim))
    reasons = sum(1 for relation in found if relation.link is Link.SUPPORT)
    return reasons, sum(1 for relation in found if relation.attack)


__all__ = ["DEFAULT_DEPTH", "around", "focus", "neighbours", "part"]
