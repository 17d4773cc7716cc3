"""Checks of the claims themselves: that there are some, and that their ids are good and unique."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.registry import Context, Finding, check
from argmap.model import Claim
from argmap.model.keys import ID_PATTERN, MAX_ID, ascii_slug


@check("AM113")
def has_claims(context: Context) -> Iterator[Finding]:
    """A map without claims (almost always a forgotten or misplaced section).

    Fails::

        premises: []

    Passes::

        premises:
          - id: a
            text: A.
    """
    if not context.map.claims:
        yield Finding(
            "AM113",
            context.map.where(),
            "the map has no claims: add premises, conclusions or recommendations",
        )


@check("AM101")
def valid_ids(context: Context) -> Iterator[Finding]:
    """An id that is not lowercase letters, digits and single hyphens from a letter, or is
    longer than 64 characters; the message suggests one that is.

    Fails::

        premises:
          - id: Energy_Interest
            text: A.

    Passes::

        premises:
          - id: energy-interest
            text: A.
    """
    for claim in context.map.claims:
        if len(claim.id) > MAX_ID:
            yield Finding(
                "AM101",
                claim.where("id"),
                f"claim id is {len(claim.id)} characters; the limit is {MAX_ID}",
            )
        elif not ID_PATTERN.fullmatch(claim.id):
            yield Finding(
                "AM101",
                claim.where("id"),
                f"invalid claim id '{claim.id}': use lowercase letters a-z, digits and single "
                f"hyphens, starting with a letter (e.g. '{ascii_slug(claim.id)}')",
            )


@check("AM102")
def unique_ids(context: Context) -> Iterator[Finding]:
    """A second claim with an id already taken, pointing back at the first.

    Fails::

        premises:
          - id: a
            text: A.
          - id: a
            text: Also A.

    Passes::

        premises:
          - id: a
            text: A.
          - id: b
            text: B.
    """
    first: dict[str, Claim] = {}
    for claim in context.map.claims:
        other = first.setdefault(claim.id, claim)
        if other is not claim:
            yield Finding(
                "AM102",
                claim.where("id"),
                f"duplicate claim id '{claim.id}' (first defined as a {other.kind.value} "
                f"at {other.where('id')})",
            )
