"""Checks of the ids a map refers to: that each names a claim, not its own, and only once a list."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from argmap.checks.registry import Context, Finding, check
from argmap.diagnostics import clip
from argmap.model import Claim, Link, Ref, Relation, walk
from argmap.model.keys import ID_PATTERN, ascii_slug
from argmap.read.suggest import LONGEST, Names, Orphans
from argmap.read.syntax import YAML, Syntax

_ROLES = {
    Link.SUPPORT: "reason",
    Link.REBUT: "objection",
    Link.UNDERCUT: "objection",
    Link.CONTRADICT: "contradiction",
    Link.RESTATE: "restatement",
}


@check("AM103")
def known_references(context: Context) -> Iterator[Finding]:
    """A reason, objection, contradiction or restatement naming no claim of the map; the
    message suggests the closest id.

    Fails::

        premises:
          - id: supplier
            text: A.
        conclusions:
          - id: c
            text: C.
            reasons: [suplier]

    Passes::

        premises:
          - id: supplier
            text: A.
        conclusions:
          - id: c
            text: C.
            reasons: [supplier]
    """
    known = set(context.by_id)
    hints: Hints | None = None  # made at the first unknown id
    for relation in context.relations:
        for ref in relation.claims:
            if ref.id not in known:
                hints = hints or Hints(context.map.claims, known, context.lines, context.syntax,
                                       named(context.relations))  # fmt: skip
                role = _ROLES[relation.link]
                yield Finding(
                    "AM103",
                    ref.span,
                    f"{role} '{clip(ref.id)}' {owner(relation)} is no claim"
                    + hints.hint(ref, role),
                )


def named(relations: Iterable[Relation]) -> set[str]:
    """The ids the ``relations`` name (as reasons, objections, contradictions, restatements)."""
    return {ref.id for relation in relations for ref in relation.claims}


def owner(relation: Relation) -> str:
    """What a relation belongs to, as messages say it: ``of 'c'`` (the claim it supports or
    attacks), or for an undercut the step or attack it answers, named likewise: ``to reason
    'p' of 'c'``, ``to objection 'y' to objection 'x' of 'c'``."""
    on = relation.on
    if on is None:
        return f"of '{clip(relation.target.id)}'"
    made = " + ".join(f"'{clip(ref.id)}'" for ref in on.claims)
    return f"to {_ROLES[on.link]} {made} {owner(on)}"


#: How to write several ids that were written as one, ``a, b``, by the role of the list:
#: ``{ids}`` is the list of them, ``{linked}`` the linked objection, as the map is written.
_SEVERAL = {
    "reason": "write {ids} for one linked reason (they support only together), or each on a "
    "line of its own (- {first}) for {n} reasons",
    "objection": "write {ids} for {n} objections, or '{linked}' for one linked objection",
    "contradiction": "write {ids} for {n} claims it contradicts",
}
#: The same in a map read from JSON.
_SEVERAL_JSON = {
    "reason": "write {ids} for one linked reason (they support only together), or {each} "
    "(each an item of its own) for {n} reasons",
    "objection": "write {ids} for {n} objections, or {linked} for one linked objection",
    "contradiction": "write {ids} for {n} claims it contradicts",
}


class Hints:
    """What the writer of an unknown reference probably meant, worked out from the map's ids
    once, so that each unknown reference costs about the same however many claims there are."""

    def __init__(
        self,
        claims: tuple[Claim, ...],
        known: set[str],
        lines: list[str] | None,
        syntax: Syntax = YAML,
        named: Collection[str] = (),
    ) -> None:
        ids = [claim.id for claim in claims]
        self.known = known
        self.lines = lines
        self.syntax = syntax
        self.by_slug = {ascii_slug(claim_id): claim_id for claim_id in reversed(ids)}
        self.names = Names(ids)
        self.orphans = Orphans(claim_id for claim_id in ids if claim_id not in named)

    def meant(self, name: str) -> list[str]:
        """The claims an unknown reference ``name`` meant: several ids written as one
        (:meth:`several`), or those :meth:`close` to it."""
        return self.several(name) or self.close(name)

    def several(self, name: str) -> list[str]:
        """The ids written as one in ``name`` (items of a list joined by a '- ' out of line,
        or ids between commas), or none."""
        for separator in (" - ", ","):
            items = [item.strip() for item in name.split(separator)]
            if len(items) > 1 and all(item in self.known for item in items):
                return items
        return []

    def close(self, name: str) -> list[str]:
        """The id an unknown reference ``name`` meant: a claim whose id differs only in its
        underscores or case, or what a rename left, or the closest id; or two about as good,
        for a person to choose (:meth:`argmap.read.suggest.Names.meant`); none when nothing
        is close."""
        same = self.by_slug.get(ascii_slug(name)) if len(name) <= LONGEST else None
        return [same] if same is not None else self.names.meant(name, self.orphans)

    def hint(self, ref: Ref, role: str) -> str:
        """How the message of an unknown reference goes on: what :meth:`meant` found, and how
        to write it."""
        name = ref.id
        meant = self.several(name)
        syntax = self.syntax
        if len(meant) > 1 and " - " in name and syntax.json:
            each = ", ".join(map(syntax.value, meant))
            return f"; it reads as one item: write each id as an item of its own ({each})"
        if len(meant) > 1 and " - " in name:
            return _joined(ref, meant, self.lines)
        if len(meant) > 1:
            if syntax.json:  # a linked objection is a mapping of its own in JSON
                template, linked = _SEVERAL_JSON[role], syntax.value({"claims": meant})
            else:
                template, linked = _SEVERAL[role], syntax.entry("claims", meant)
            each = ", ".join(map(syntax.value, meant))
            ids, first, n = syntax.value(meant), meant[0], len(meant)
            return "; " + template.format(ids=ids, linked=linked, each=each, first=first, n=n)
        meant = self.close(name)
        if len(meant) > 1:
            return f"; did you mean '{meant[0]}' or '{meant[1]}'?"
        if not meant:
            return ""
        if ascii_slug(meant[0]) != ascii_slug(name):
            return f"; did you mean '{meant[0]}'?"
        if not ID_PATTERN.fullmatch(meant[0]):
            return (
                f"; the claim is defined as '{clip(meant[0])}', which is no valid id: rename it "
                f"'{ascii_slug(meant[0])}' where it is defined (ids use lowercase letters a-z, "
                "digits and hyphens)"
            )
        return f"; did you mean '{meant[0]}'? ids use lowercase letters a-z, digits and hyphens"


def _joined(ref: Ref, items: list[str], lines: list[str] | None) -> str:
    """Why the ids ``items`` were read as the one id ``ref``: the '- ' of the next item of the
    list was indented further than the one above it, which makes it go on with that item's
    text. Shown from the map's ``lines`` when they show it (else: they were written on one
    line, or the lines are not known), and how to write them."""
    row, column = ref.span.line - 1, ref.span.column - 1
    if lines is not None and row + 1 < len(lines):
        before = lines[row][:column].rstrip()
        dash = len(before) - 1
        below = lines[row + 1]
        out = len(below) - len(below.lstrip())
        if (
            before.endswith("-")
            and not before[:dash].strip()
            and below.lstrip().startswith(f"- {items[1]}")
            and out > dash
        ):
            return (
                f"; it reads as one item because the '- ' of the next item, on line {row + 2}, "
                f"is in column {out + 1}, not lined up with the '- ' above it (column "
                f"{dash + 1}): line them up, each '- ' in column {dash + 1}"
            )
    return (
        f"; it reads as one item: write each id as an item on a line of its own ('- {items[0]}', "
        f"'- {items[1]}'), their '- ' lined up"
    )


@check("AM104")
def no_self_reference(context: Context) -> Iterator[Finding]:
    """A claim that is its own reason, objection, contradiction or restatement.

    Fails::

        premises:
          - id: a
            text: A.
            objections: [a]

    Passes::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
            objections: [a]
    """
    for relation in context.relations:
        for ref in relation.claims:
            if ref.id == relation.target.id:
                role = _ROLES[relation.link]
                yield Finding("AM104", ref.span, f"'{ref.id}' lists itself as its own {role}")


def _group(relation: Relation) -> str:
    """The words for the list a relation of one claim was written in, and whose it is."""
    if relation.link is Link.UNDERCUT:
        return f"the objections {owner(relation)}"
    lists = {Link.SUPPORT: "reasons", Link.REBUT: "objections", Link.CONTRADICT: "contradicts",
             Link.RESTATE: "restates"}  # fmt: skip
    return f"{lists[relation.link]} {owner(relation)}"


def _lists(relations: Iterator[Relation]) -> Iterator[tuple[list[Ref], str]]:
    """The lists of ids written under a claim: the members of each linked reason or objection,
    and each list of single ids (its reasons, its objections, those of each step and each
    objection in full, its contradictions, its restatements)."""
    singles: dict[tuple[Link, Relation | None], tuple[list[Ref], str]] = {}
    for relation in relations:
        if relation.linked:
            kind = "reason" if relation.link is Link.SUPPORT else "objection"
            yield list(relation.claims), f"a linked {kind} {owner(relation)}"
        else:
            key = (relation.link, relation.on)
            singles.setdefault(key, ([], _group(relation)))[0].append(relation.claims[0])
    yield from singles.values()


@check("AM112")
def listed_once(context: Context) -> Iterator[Finding]:
    """The same claim twice in one list: a linked reason, the reasons of a claim, its
    objections, contradictions or restatements.

    Fails::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
            objections: [a, a]

    Passes::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
            objections: [a]
    """
    for claim in context.map.claims:
        for refs, what in _lists(walk(claim)):
            if len(refs) < 2 or len({ref.id for ref in refs}) == len(refs):
                continue  # nothing repeated: the common case, found without the loop below
            seen: dict[str, Ref] = {}
            for ref in refs:
                if ref.id in seen:
                    yield Finding(
                        "AM112",
                        ref.span,
                        f"'{clip(ref.id)}' is listed twice in {what} "
                        f"(first at {seen[ref.id].span})",
                    )
                else:
                    seen[ref.id] = ref
