"""The argument map as typed, frozen values (no I/O, no YAML, no drawing), and its relations."""

from __future__ import annotations

from argmap.model.claims import (
    FORMAT_VERSION,
    NOWHERE,
    ArgumentMap,
    Claim,
    Kind,
    Objection,
    Quote,
    Reason,
    Ref,
    Source,
)
from argmap.model.relations import (
    Link,
    Relation,
    attackers,
    attacks,
    contradictions,
    prune,
    relations,
    supports,
    walk,
)

__all__ = [
    "FORMAT_VERSION",
    "NOWHERE",
    "ArgumentMap",
    "Claim",
    "Kind",
    "Link",
    "Objection",
    "Quote",
    "Reason",
    "Ref",
    "Relation",
    "Source",
    "attackers",
    "attacks",
    "contradictions",
    "prune",
    "relations",
    "supports",
    "walk",
]
