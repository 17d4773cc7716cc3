"""Argdown (argdown.org) ↔ ArgumentMap: statements are claims, arguments and relations reasons
and objections; the text read as Argdown 1.7 reads it, and written so it reads back the same."""

from __future__ import annotations

from argmap.formats.argdown.read import model_of, read
from argmap.formats.argdown.write import MARK, STRUCTURE, escape, write

__all__ = ["MARK", "STRUCTURE", "escape", "model_of", "read", "write"]
