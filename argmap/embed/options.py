"""A block's options as written (``theme=dark``, ``:fit: 720``) → the map file, its caption,
the column its figures fit and the :class:`~argmap.draw.options.DrawOptions` it is drawn with.

Every field of ``DrawOptions`` is an option of every integration, named with hyphens
(``id_prefix`` → ``id-prefix``) and read from text by the field's type: so an option added to
drawings (``page``, ``legend``…) reaches blocks and directives without code here. ``fit`` is
the one read apart: its default, ``auto``, is the column of the document's output, which only
the integration knows (:class:`argmap.embed.figures.Target`); ``none`` draws the whole map.
"""

from __future__ import annotations

import shlex
import types
import typing
from collections.abc import Iterable
from typing import Any

import attrs

from argmap.diagnostics import ArgmapError, UsageError
from argmap.draw.options import DrawOptions, Fit

#: Options that say what to draw rather than how: the map's file, and its caption.
MAP_OPTIONS = ("file", "caption")
#: ``fit=auto``: the column of the output the document is built for (the default).
AUTO = "auto"
_TRUE = ("", "true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


class OptionError(ArgmapError):
    """An option that is unknown or whose value cannot be read (the message says which)."""


def _name(field: str) -> str:
    return field.replace("_", "-")


def _kind(annotation: Any) -> type:
    """The plain type of a field: ``int | None`` → int, ``bool`` → bool, else str."""
    found = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    plain = found[0] if isinstance(annotation, types.UnionType) and found else annotation
    return plain if plain in (bool, int, float) else str


_FIELDS = {f.name: _kind(f.type) for f in attrs.fields(attrs.resolve_types(DrawOptions))}
#: The drawing options' names as a block writes them, in DrawOptions' order.
DRAW_OPTIONS = tuple(_name(field) for field in _FIELDS)
#: Every option a block or directive takes.
OPTIONS = (*MAP_OPTIONS, *DRAW_OPTIONS)


@attrs.frozen
class BlockOptions:
    """What one block asks for: a map ``file`` (None for a map written in the block), a
    ``caption``, how to draw it, and the column its figures ``fit``: :data:`AUTO` (the
    output's), a :class:`~argmap.draw.options.Fit`, or None (the whole map)."""

    draw: DrawOptions = attrs.Factory(DrawOptions)
    file: str | None = None
    caption: str | None = None
    fit: Fit | str | None = AUTO


def read_fit(text: str) -> Fit | str | None:
    """``fit=`` as written: ``auto`` (or nothing), ``none``, or a column (:meth:`Fit.parse`).

    >>> read_fit("auto"), read_fit("none"), str(read_fit("468pt"))
    ('auto', None, '468pt')
    """
    word = text.strip().lower()
    if word in ("", AUTO):
        return AUTO
    if word == "none":
        return None
    try:
        return Fit.parse(word)
    except UsageError as exc:
        raise OptionError(f"argmap option 'fit' is auto, none or a column: {exc}") from None


def _value(name: str, kind: type, text: str) -> Any:
    if kind is bool:
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise OptionError(f"argmap option '{name}' is true or false, not '{text}'")
    if kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            raise OptionError(f"argmap option '{name}' takes a number, not '{text}'") from None
    return text


def parse(pairs: Iterable[tuple[str, str]], defaults: DrawOptions | None = None) -> BlockOptions:
    """The options of one block from its ``(name, value)`` pairs; drawing options not given
    keep ``defaults``. Raises OptionError naming an unknown option or a bad value.

    >>> parse([("file", "m.yaml"), ("theme", "dark"), ("status", "")]).draw.status
    True
    """
    draw: dict[str, Any] = {}
    defaults = DrawOptions() if defaults is None else defaults
    chosen: dict[str, str] = {}
    fit: Fit | str | None = AUTO
    for name, text in pairs:
        field = name.replace("-", "_")
        if name in MAP_OPTIONS:
            chosen[name] = text
        elif name == "fit":
            fit = read_fit(text)
        elif field in _FIELDS and name == _name(field):
            draw[field] = _value(name, _FIELDS[field], text.strip())
        else:
            raise OptionError(f"unknown argmap block option '{name}'; use " + ", ".join(OPTIONS))
    return BlockOptions(
        attrs.evolve(defaults, **draw), chosen.get("file"), chosen.get("caption"), fit
    )


def words(text: str) -> list[tuple[str, str]]:
    """``key=value`` words of a fence's info string (values may be quoted) as pairs.

    >>> words('file=maps/a.yaml caption="The map"')
    [('file', 'maps/a.yaml'), ('caption', 'The map')]
    """
    try:
        split = shlex.split(text)
    except ValueError as exc:
        raise OptionError(f"argmap block options cannot be read: {exc}") from None
    pairs = []
    for word in split:
        key, equals, value = word.partition("=")
        flag = not equals and _FIELDS.get(key.replace("-", "_")) is bool
        if key not in OPTIONS or not (equals or flag):
            raise OptionError(
                f"unknown argmap block option '{word}'; use "
                + ", ".join(f"{option}=..." for option in OPTIONS)
            )
        pairs.append((key, value))
    return pairs


__all__ = [
    "AUTO",
    "DRAW_OPTIONS",
    "MAP_OPTIONS",
    "OPTIONS",
    "BlockOptions",
    "OptionError",
    "parse",
    "read_fit",
    "words",
]
