"""A map's text in NFC: each accented letter one character, as the map is drawn.

Some Mac tools write a file in NFD: ``é`` as ``e`` and a combining acute. Checking a map
already reads either form against either form of its source; drawing one measures, wraps and
writes its text, where the two forms differ (two characters where one was meant), and the same
map in NFD drew at another size and split into other figures. Drawing reads the map's text in
NFC (:func:`composed`); the file itself stays as it was written.
"""

from __future__ import annotations

import unicodedata
from typing import Any, TypeVar, cast

import attrs

T = TypeVar("T")


def composed(value: T) -> T:
    """``value`` (a map, or any part of one) with every text in it in NFC; the same object
    when all already is.

    >>> composed("ide\\u0301e") == "id\\u00e9e", composed(("a", "b")) == ("a", "b")
    (True, True)
    """
    return cast(T, _nfc(value))


def _composed(text: str) -> str:
    """``text`` in NFC, but for the characters NFC would replace by another one alone (a CJK
    compatibility ideograph, ``豈`` U+F900, by ``豈`` U+8C48; the ohm sign by omega): those the
    writer chose, and no accent is decomposed in them.

    >>> _composed("e\u0301\uf900") == "\u00e9\uf900"
    True
    """
    kept = [i for i, char in enumerate(text) if _singleton(char)]
    if not kept:
        return unicodedata.normalize("NFC", text)
    pieces, start = [], 0
    for i in kept:
        pieces += [unicodedata.normalize("NFC", text[start:i]), text[i]]
        start = i + 1
    return "".join([*pieces, unicodedata.normalize("NFC", text[start:])])


def _singleton(char: str) -> bool:
    """Whether NFC replaces ``char`` by one other character (a canonical singleton)."""
    decomposition = unicodedata.decomposition(char)
    return bool(decomposition) and decomposition[0] != "<" and " " not in decomposition


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        if value.isascii() or unicodedata.is_normalized("NFC", value):
            return value
        return _composed(value)
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        items = tuple(_nfc(item) for item in value)
        same = all(new is old for new, old in zip(items, value, strict=True))
        return value if same else items
    if attrs.has(type(value)):
        changes: dict[str, Any] = {}
        for field in attrs.fields(type(value)):
            if not field.init:
                continue
            old = getattr(value, field.name)
            new = _nfc(old)
            if new is not old:
                changes[field.alias or field.name] = new
        return attrs.evolve(value, **changes) if changes else value
    return value  # numbers, enums, places in the file, mappings of them


__all__ = ["composed"]
