"""ArgumentMap → a Kialo discussion in Kialo's text outline (what ``argmap import kialo`` reads).

The thesis is claim ``1.``; under each claim, each claim of its reasons is a ``Pro`` and each
claim of its objections a ``Con``, in the map's order, or, for claims whose notes give their
numbers in a Kialo discussion (as the import writes them), in the discussion's order. A claim
in several places is written in full the first time and as ``-> See N.`` after. A map with
several theses (or claims that stand on their own) is written as Kialo writes a discussion with
several theses: under the map's title as its question, each thesis without a stance. Kialo has
fewer ways to say things than a map, so some are said more loosely, and each is named in the
losses: an objection to a reason (an undercut) is a Con of the reason's claim (Kialo's Cons
dispute a claim's truth or its relevance alike), the claims of a linked reason or objection are
each a Pro or Con of their own, and a contradiction is a Con. What Kialo cannot hold at all
(quotes and the source, kinds, notes, schemes, restatements) is left out, and said.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.diagnostics import joined
from argmap.formats.base import Exported, FormatError, counted, held
from argmap.formats.kialo.parse import parent_of, side_of
from argmap.io import LIMIT_VARIABLE, describe_size, read_limit
from argmap.model import ArgumentMap, Link, Role, relations

_SPECIAL = re.compile(r"([\\\[\]()*])")  # what Kialo's Markdown reads as links or emphasis


def escape(text: str, *, stance: bool) -> str:
    r"""A claim's text as Kialo's Markdown, on one line: what Markdown would read as a link or
    emphasis escaped, and a start that would read as a repeat (``->``), or as a stance where
    there is none (``Pro:``), escaped too.

    >>> escape("See [1] (p. 2)", stance=True)
    'See \\[1\\] \\(p. 2\\)'
    >>> escape("-> See 1.", stance=True), escape("Pro: more", stance=False)
    ('\\-> See 1.', 'Pro\\: more')
    """
    text = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    if text.startswith("->"):
        text = "\\" + text
    if not stance and re.match(r"(?:Pro|Con):", text):
        text = text[:3] + "\\" + text[3:]
    return text


def _children(amap: ArgumentMap) -> dict[str, list[tuple[str, str]]]:
    """Under each claim, its Pros and Cons: (stance, claim id), each once, in the map's order.
    Undercuts go under the claims of the step or objection they attack."""
    under: dict[str, dict[tuple[str, str], None]] = {claim.id: {} for claim in amap.claims}
    for relation in relations(amap):
        if relation.link is Link.SUPPORT:
            places = [(relation.target.id, "Pro", ref.id) for ref in relation.claims]
        elif relation.link is Link.REBUT:
            places = [(relation.target.id, "Con", ref.id) for ref in relation.claims]
        elif relation.link is Link.UNDERCUT and relation.on is not None:
            places = [(attacked.id, "Con", ref.id)
                      for attacked in relation.on.claims for ref in relation.claims]  # fmt: skip
        elif relation.link is Link.CONTRADICT:
            places = [(relation.target.id, "Con", ref.id) for ref in relation.claims]
        else:
            continue
        for target, stance, member in places:
            if member == target or target not in under or member not in under:
                continue  # (a reference to no claim: a map with errors, given from Python)
            under[target][stance, member] = None  # an ordered set: each once, in order
    places = {claim.id: numbers(claim.note) for claim in amap.claims}
    return {claim: _in_kialo_order(list(items), places[claim][:1], places)
            for claim, items in under.items()}  # fmt: skip


#: A claim's note as the Kialo import writes it: ``Kialo 1.2.`` and where it is repeated,
#: `` (and 1.4., 1.5.1.)``.
_NUMBERS = re.compile(r"Kialo ((?:\d+\.)+)(?: \(and ((?:\d+\.)+(?:, (?:\d+\.)+)*)\))?(?:;|$)")


def numbers(note: str | None) -> list[str]:
    """The numbers a claim had in the Kialo discussion it was imported from, as its note names
    them: where it is in full first, then where it is repeated (``-> See``).

    >>> numbers("Kialo 1.2. (and 1.4., 1.5.1.); other links: x"), numbers("Kialo, 1.")
    (['1.2.', '1.4.', '1.5.1.'], [])
    """
    found = _NUMBERS.match(note or "")
    if found is None:
        return []
    return [found[1], *(found[2].split(", ") if found[2] else [])]


def _in_kialo_order(
    items: list[tuple[str, str]], parent: list[str], places: dict[str, list[str]]
) -> list[tuple[str, str]]:
    """A claim's Pros and Cons in the order of the discussion the map was imported from (the
    map keeps reasons and objections apart): by the number each had under the claim, as their
    notes name them; those without one after them, in the map's order."""
    if not parent:
        return items

    def place(item: tuple[str, str]) -> float:
        for number in places.get(item[1], []):
            if parent_of(number) == parent[0]:
                return int(number[len(parent[0]) : -1])
        return float("inf")

    return sorted(items, key=place)


def _tops(amap: ArgumentMap, under: dict[str, list[tuple[str, str]]]) -> list[str]:
    """The claims at the top: the theses (else the claims under no other), then each claim
    none of those reaches, with what it reaches: first those under no other claim (the other
    theses of a discussion imported), then those in a circle of reasons, in the map's order."""
    below = {member for items in under.values() for _, member in items}
    tops = [claim.id for claim in amap.claims if claim.thesis] or [
        claim.id for claim in amap.claims if claim.id not in below
    ]
    reached: set[str] = set()

    def reach(start: str) -> None:
        stack = [start]
        while stack:
            claim_id = stack.pop()
            if claim_id not in reached:
                reached.add(claim_id)
                stack.extend(member for _, member in under[claim_id])

    for top in tops:
        reach(top)
    # the claims under no other first (a discussion's other theses), then any left in a circle
    for claim in sorted(amap.claims, key=lambda claim: claim.id in below):
        if claim.id not in reached:
            tops.append(claim.id)
            reach(claim.id)
    return tops


def _outline(amap: ArgumentMap) -> Iterator[tuple[str, str | None, str, str | None]]:
    """(number, stance, text, claim id) of each line, depth first; every claim once in full
    (the id None where it is not: the question, and a repeat)."""
    by_id = amap.by_id()
    under = _children(amap)
    tops = _tops(amap, under)
    written: dict[str, str] = {}  # claim id → its number
    several = len(tops) > 1
    if several:
        yield "1.", None, escape(amap.title, stance=False), None
    count = 0
    for top in tops:
        if top in written:
            continue
        count += 1
        stack: list[tuple[str, str | None, str]] = [(f"1.{count}." if several else "1.", None, top)]
        while stack:
            number, stance, claim_id = stack.pop()
            if claim_id in written:
                yield number, stance, f"-> See {written[claim_id]}", None
                continue
            written[claim_id] = number
            yield number, stance, escape(by_id[claim_id].text, stance=stance is not None), claim_id
            items = list(enumerate(under[claim_id], 1))
            stack.extend((f"{number}{i}.", item_stance, member)
                         for i, (item_stance, member) in reversed(items))  # fmt: skip


def write(amap: ArgumentMap) -> Exported:
    """The map as a Kialo text export, and what Kialo could not hold, in words.

    Raises:
        FormatError: the export would be longer than argmap reads (a map thousands of claims
            deep: Kialo's numbers make the outline grow with the square of its depth).
    """
    lines = [f"Discussion Title: {escape(amap.title, stance=True)}", ""]  # Markdown too
    sides: dict[str, Role] = {}  # number → the side Kialo gives it: the thesis's, or the other
    other_side = 0  # claims whose role is not the side Kialo gives them
    roles = {claim.id: claim.role for claim in amap.claims}
    size, limit = 0, read_limit()
    for number, stance, text, claim_id in _outline(amap):
        lines.append(f"{number} {stance + ': ' if stance else ''}{text}")
        size += len(lines[-1].encode("utf-8")) + 1
        if size > limit:  # a claim's number holds those above it: the square of the depth
            raise FormatError(
                f"the Kialo discussion would be over {describe_size(limit)}, more than argmap "
                f"reads back ({LIMIT_VARIABLE}): each claim's number holds the numbers above "
                f"it, and the map goes {number.count('.')} levels deep and more"
            )
        parent = parent_of(number)
        sides[number] = side_of(None if parent is None else sides.get(parent), stance)
        if claim_id is not None and roles[claim_id] not in (None, sides[number]):
            other_side += 1
    return Exported("\n".join(lines) + "\n", _losses(amap, other_side))


def _count(number: int, what: str) -> str:
    return f"{number} {what}{'s' if number != 1 else ''}"


def _losses(amap: ArgumentMap, other_side: int) -> tuple[str, ...]:
    links = list(relations(amap))
    left = counted(held(amap), "quote", "note", "label", "link", "scheme", "critical question",
                   "restatement", "implicit mark")  # fmt: skip
    if other_side:
        left.append(_count(other_side, "role that Pro and Con do not give"))
    left += ["the kinds", *([f"the language ({amap.lang})"] if amap.lang else []),
             *(["the source"] if amap.source else []),
             *(["the map's note"] if amap.note else [])]  # fmt: skip
    losses = [f"Kialo holds claims and their Pros and Cons only; left out: {joined(left)}"]
    changed = [
        (sum(relation.linked for relation in links), "linked reason or objection",
         "linked reasons or objections", "each of their claims is a Pro or a Con of its own"),
        (sum(relation.link is Link.UNDERCUT for relation in links), "objection to a reason",
         "objections to reasons", "each is a Con of the claims it attacks"),
        (sum(relation.link is Link.CONTRADICT for relation in links), "contradiction",
         "contradictions", "each is a Con"),
    ]  # fmt: skip
    for count, one, many, how in changed:
        if count:
            losses.append(f"{count} {one if count == 1 else many}: {how}")
    return tuple(losses)


__all__ = ["escape", "write"]
