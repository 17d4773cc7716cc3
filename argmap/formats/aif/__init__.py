"""AIF JSON (AIFdb, OVA) ↔ ArgumentMap: I-nodes are claims, RA-nodes reasons, CA-nodes attacks,
MA-nodes restatements, pairs of CA-nodes each way contradictions; what the map does not draw it
carries, so the round trip loses nothing but what docs/import-export.md lists."""

from __future__ import annotations

from argmap.formats.aif.graph import EXTENSION
from argmap.formats.aif.read import read
from argmap.formats.aif.write import TIMESTAMP, write

__all__ = ["EXTENSION", "TIMESTAMP", "read", "write"]
