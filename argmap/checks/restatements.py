"""Checks of restatements: a claim and what it restates are one statement, so neither may
contradict or attack the other (nor any claim that restates either of them)."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.registry import Context, Finding, check
from argmap.model import Link, equivalents


@check("AM116")
def not_against_itself(context: Context) -> Iterator[Finding]:
    """A claim that contradicts or rebuts a claim it is one statement with through
    restatements: that statement would attack itself.

    Fails::

        premises:
          - id: a
            text: A.
          - id: b
            text: A, in other words.
            restates: a
            contradicts: a

    Passes::

        premises:
          - id: a
            text: A.
          - id: b
            text: A, in other words.
            restates: a
          - id: c
            text: Not A.
            contradicts: b
    """
    same = equivalents(context.map)
    if all(claim == first for claim, first in same.items()):
        return  # no restatement: the common case
    for relation in context.relations:
        if relation.link is not Link.CONTRADICT and relation.link is not Link.REBUT:
            continue
        target = relation.target.id
        for ref in relation.claims:
            if ref.id in same and ref.id != target and same[ref.id] == same.get(target):
                said = (f"'{target}' contradicts '{ref.id}'" if relation.link is Link.CONTRADICT
                        else f"'{ref.id}' attacks '{target}'")  # fmt: skip
                yield Finding(
                    "AM116",
                    ref.span,
                    f"'{ref.id}' and '{target}' are one statement through restatements, yet {said}",
                )
