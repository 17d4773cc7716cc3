"""AIF JSON (AIFdb, OVA) ↔ ArgumentMap: I-nodes are claims, RA-nodes reasons, CA-nodes attacks."""

from __future__ import annotations

from argmap.formats.aif.read import EXTENSION, read
from argmap.formats.aif.write import TIMESTAMP, write

__all__ = ["EXTENSION", "TIMESTAMP", "read", "write"]
