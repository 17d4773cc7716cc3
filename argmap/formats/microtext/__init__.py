"""Argumentative microtexts (Peldszus & Stede): ``read`` their XML and text, ``steps`` the
supports and attacks of their edges as a map can hold them."""

from argmap.formats.microtext.read import parse, read

__all__ = ["parse", "read"]
