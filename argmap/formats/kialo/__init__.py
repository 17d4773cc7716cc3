"""Kialo discussions, as Kialo exports them to text: read into maps."""

from argmap.formats.kialo.read import read

__all__ = ["read"]
