"""Kialo discussions, in the text outline Kialo exports: read into maps, and maps written so."""

from argmap.formats.kialo.read import read
from argmap.formats.kialo.write import write

__all__ = ["read", "write"]
