"""SADFace JSON (the Simple Argument Description Format) ↔ ArgumentMap: atoms are claims,
support schemes reasons, conflicts objections, rephrases restatements."""

from __future__ import annotations

from argmap.formats.sadface.read import read
from argmap.formats.sadface.write import write

__all__ = ["read", "write"]
