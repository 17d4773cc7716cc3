"""Template and asset files of the pages → text: a page is its template filled in."""

from __future__ import annotations

import functools
import string
from importlib import resources


@functools.cache
def asset(name: str) -> str:
    """The text of a file in ``argmap/pages/assets`` (a stylesheet, a script)."""
    return resources.files("argmap.pages").joinpath("assets", name).read_text(encoding="utf-8")


@functools.cache
def _template(name: str) -> string.Template:
    folder = resources.files("argmap.pages").joinpath("templates")
    return string.Template(folder.joinpath(name).read_text(encoding="utf-8"))


def fill(name: str, **values: str) -> str:
    """The template ``argmap/pages/templates/NAME`` with each ``${key}`` replaced by its value
    (already escaped or markup: the pages build their pieces with :func:`html.escape`)."""
    return _template(name).substitute(values)


__all__ = ["asset", "fill"]
