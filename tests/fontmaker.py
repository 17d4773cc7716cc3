"""Fonts for tests, made with fontTools: any family, any characters, boxes of any width; and
simulated machines, each a private fontconfig configuration (FONTCONFIG_FILE), so that tests
can try other fonts without installing any."""

from __future__ import annotations

import os
from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

UNITS = 1000


def make_font(
    path: Path, family: str, chars: str, advance: int, *, bold: bool = False, version: float = 1
) -> Path:
    """A TrueType font named ``family`` that draws each of ``chars`` as a filled box
    ``advance`` units wide (a thousand to the em), written to ``path``; its ``version`` is
    the one fontconfig prefers the highest of, among fonts that match as well."""
    style = "Bold" if bold else "Regular"
    names = [".notdef"] + [f"uni{ord(c):04X}" for c in chars]
    builder = FontBuilder(UNITS, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(c): f"uni{ord(c):04X}" for c in chars})
    glyphs = {}
    for name in names:
        pen = TTGlyphPen(None)
        if name not in (".notdef", "uni0020"):
            pen.moveTo((50, 0))
            pen.lineTo((50, 700))
            pen.lineTo((advance - 50, 700))
            pen.lineTo((advance - 50, 0))
            pen.closePath()
        glyphs[name] = pen.glyph()
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (advance, 50) for name in names})
    builder.setupHorizontalHeader(ascent=900, descent=-200)
    builder.setupNameTable(
        {"familyName": family, "styleName": style, "psName": f"{family.replace(' ', '')}-{style}"}
    )
    builder.setupOS2(
        sTypoAscender=900, sTypoDescender=-200, usWinAscent=900, usWinDescent=200,
        usWeightClass=700 if bold else 400, fsSelection=0x20 if bold else 0x40,
    )  # fmt: skip
    builder.setupPost()
    builder.font["head"].macStyle = 1 if bold else 0
    builder.font["head"].fontRevision = version
    builder.save(str(path))
    return path


def machine(
    folder: Path, name: str, font_dirs: list[Path], *, system: bool = True, rules: str = ""
) -> dict[str, str]:
    """The environment of a simulated machine: a fontconfig configuration in ``folder`` with
    the system's configuration (when ``system``), the font folders ``font_dirs``, and
    ``rules`` (fontconfig XML); fontconfig's cache kept in ``folder``."""
    cache = folder / f"{name}-cache"
    cache.mkdir(parents=True, exist_ok=True)
    lines = ['<?xml version="1.0"?>', "<fontconfig>", f"  <cachedir>{cache}</cachedir>"]
    if system:
        lines.append('  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>')
    lines += [f"  <dir>{d}</dir>" for d in font_dirs]
    lines += [rules, "</fontconfig>", ""]
    config = folder / f"{name}.conf"
    config.write_text("\n".join(lines), encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(config.resolve())}


__all__ = ["machine", "make_font"]
