"""Graphviz's SVG → ``@font-face`` rules that give a browser the font Graphviz measured its text
in: the shipped font cut to exactly the characters drawn, as WOFF2 in ``data:`` URLs.

A subset is made with HarfBuzz's subsetter (:mod:`argmap.draw.subset`), which keeps what
shaping those characters needs (kerning, ligatures, marks), so that a browser lays the text
out as pango did in Graphviz; it takes about a millisecond, where fontTools' subsetter takes
60 ms to import.

The family name of the rules is a hash of the fonts they hold: two drawings inlined in one page
never take each other's subset (a page's ``@font-face`` rules are global, and the last of a
name would win), and the same drawing always gets the same name.
"""

from __future__ import annotations

import base64
import functools
import hashlib

from argmap.draw.font import FILES
from argmap.draw.glyphs import drawn_characters
from argmap.draw.subset import subset
from argmap.draw.woff2 import woff2

#: After the embedded font, for a page that blocks ``data:`` fonts: the font it was cut from,
#: where installed (the same design and widths), then fonts narrower than it rather than
#: wider (Helvetica's metrics: its text then stays inside its boxes), then the generic family.
FALLBACK = '"Noto Sans",Helvetica,Arial,"Liberation Sans",Arimo,sans-serif'


def font_faces(svg: bytes) -> tuple[str, str] | None:
    """The family name and ``@font-face`` rules for the text of Graphviz's SVG ``svg``;
    None when it has no text."""
    drawn = drawn_characters(svg)
    fonts = {weight: _cut(weight, "".join(sorted(chars))) for weight, chars in drawn.items()}
    if not fonts:
        return None
    digest = hashlib.sha256()
    for weight, data in sorted(fonts.items()):
        digest.update(b"%d\0%d\0%s" % (weight, len(data), data))
    family = f"argmap-font-{digest.hexdigest()[:10]}"
    rules = "".join(
        f'@font-face{{font-family:"{family}";font-weight:{weight};'
        f'src:url(data:font/woff2;base64,{base64.b64encode(data).decode()}) format("woff2")}}\n'
        for weight, data in sorted(fonts.items())
    )
    return family, rules


@functools.lru_cache(maxsize=256)
def _cut(weight: int, chars: str) -> bytes:
    """The font's ``weight`` cut to ``chars`` (sorted), as WOFF2: once for the figures of a
    map that draw the same characters in it (their kind words, say)."""
    return woff2(subset(FILES[weight], chars))


__all__ = ["FALLBACK", "font_faces"]
