"""The argument map as typed, frozen values (no I/O, no YAML, no drawing), and its relations."""

from __future__ import annotations

from argmap.model.claims import (
    FORMAT_VERSION,
    NOWHERE,
    ArgumentMap,
    Carried,
    Claim,
    Kind,
    Objection,
    Quote,
    Reason,
    Ref,
    Restatement,
    Role,
    Source,
)
from argmap.model.relations import (
    Link,
    Relation,
    attackers,
    attacks,
    contradictions,
    equivalents,
    prune,
    relations,
    restated,
    supports,
    walk,
)

__all__ = [
    "FORMAT_VERSION",
    "NOWHERE",
    "ArgumentMap",
    "Carried",
    "Claim",
    "Kind",
    "Link",
    "Objection",
    "Quote",
    "Reason",
    "Ref",
    "Relation",
    "Restatement",
    "Role",
    "Source",
    "attackers",
    "attacks",
    "contradictions",
    "equivalents",
    "prune",
    "relations",
    "restated",
    "supports",
    "walk",
]
