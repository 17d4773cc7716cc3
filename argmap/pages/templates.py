"""Template and asset files of the pages → text: a page is its template filled in."""

from __future__ import annotations

import functools
import html
import string
from importlib import resources

from argmap.model import ArgumentMap


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


def languages(amap: ArgumentMap) -> tuple[str, str]:
    """A page's ``lang`` attribute (the map's language, where it says it), and the one that
    marks the page's own words English where the map is in another language (WCAG 3.1.1 and
    3.1.2); both empty for a map that does not say its language."""
    if not amap.lang:
        return "", ""
    english = amap.lang.split("-")[0].lower() == "en"
    return f' lang="{html.escape(amap.lang)}"', "" if english else ' lang="en"'


__all__ = ["asset", "fill", "languages"]
