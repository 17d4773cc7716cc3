"""Drawings → the characters they draw; those the shipped font lacks, and what font draws them.

Only the text Graphviz draws counts (labels), not tooltips or ids, which a reader's browser
shows in the reader's own fonts. The check needs no font library: :mod:`argmap.draw.font`
lists the code points the shipped font has.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
import unicodedata

from argmap.draw.font import RANGES

_STARTS = [start for start, _end in RANGES]

_TEXT = re.compile(rb"<text\b([^>]*)>([^<]*)</text>")
_BOLD = re.compile(rb'\sfont-weight="(?:bold|bolder|[6-9]00)"')
_LABEL = re.compile(r'\b(?:label|xlabel|headlabel|taillabel)=(<|")')
_TAG = re.compile(r"<[^>]*>")
_BRACKET = re.compile(r"[<>]")
_DOT_ESCAPE = re.compile(r"\\(.)")


@functools.lru_cache(maxsize=1)  # the engine's check and the SVG's font ask for the same
def drawn_characters(svg: bytes) -> dict[int, str]:
    """The characters of each weight of text in Graphviz's SVG (400, 700), each once, in the
    order they are first drawn."""
    parts: dict[int, list[str]] = {400: [], 700: []}
    for attributes, raw in _TEXT.findall(svg):
        text = raw.decode("utf-8")
        parts[700 if _BOLD.search(attributes) else 400].append(
            html.unescape(text) if "&" in text else text
        )
    return {w: "".join(dict.fromkeys("".join(p))) for w, p in parts.items() if p}


def label_text(dot: str) -> str:
    """The text of every label in DOT source, without markup and escapes: all the text
    Graphviz draws (a tooltip, a link are not drawn)."""
    found = []
    for match in _LABEL.finditer(dot):
        start = match.end()
        if match.group(1) == "<":  # an HTML-like label: up to the '>' that closes it
            depth, end = 1, len(dot)
            for bracket in _BRACKET.finditer(dot, start):
                depth += 1 if bracket.group() == "<" else -1
                if not depth:
                    end = bracket.start()
                    break
            found.append(html.unescape(_TAG.sub(" ", dot[start:end])))
        else:  # a quoted label: up to the first '"' not escaped
            end = start
            while end < len(dot) and dot[end] != '"':
                end += 2 if dot[end] == "\\" else 1
            found.append(_DOT_ESCAPE.sub(" ", dot[start:end]))
    return "\n".join(found)


def covered(char: str) -> bool:
    """Whether the shipped font draws ``char``.

    >>> covered("ß"), covered("Ж"), covered("中")
    (True, True, False)
    """
    point = ord(char)
    index = bisect.bisect_right(_STARTS, point) - 1
    return index >= 0 and point <= RANGES[index][1]


def _drawn(char: str) -> bool:
    """Whether ``char`` shows as something at all (not a control, a format character or a
    variation selector, which every font draws as nothing)."""
    point = ord(char)
    return unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp") and not (
        0xFE00 <= point <= 0xFE0F or 0xE0100 <= point <= 0xE01EF
    )


def lacking(text: str) -> list[str]:
    """The characters of ``text`` the shipped font cannot draw, each once, in text order.

    >>> lacking("Straße → 北京, Αθήνα")
    ['→', '北', '京']
    """
    if text.isascii():
        return []
    return [c for c in dict.fromkeys(text) if not c.isascii() and not covered(c) and _drawn(c)]


# --- what to install ------------------------------------------------------------------------

_CJK = ("Noto Sans CJK", "fonts-noto-cjk")
_SYMBOLS = ("Noto Sans Symbols 2", "fonts-noto-core")
_MATHS = ("Noto Sans Math", "fonts-noto-core")
_EMOJI = ("Noto Color Emoji", "fonts-noto-color-emoji")


def _core(name: str) -> tuple[str, str]:
    return (name, "fonts-noto-core")


#: Blocks of Unicode (first, last) → the font that draws them and the Debian/Ubuntu package
#: that installs it; checked against the packages' file lists (fonts-noto-core 20201225,
#: fonts-noto-cjk 20220127, fonts-noto-color-emoji).
FONTS: tuple[tuple[int, int, tuple[str, str]], ...] = (
    (0x0530, 0x058F, _core("Noto Sans Armenian")),
    (0x0590, 0x05FF, _core("Noto Sans Hebrew")),
    (0x0600, 0x06FF, _core("Noto Sans Arabic")),
    (0x0700, 0x074F, _core("Noto Sans Syriac")),
    (0x0750, 0x077F, _core("Noto Sans Arabic")),
    (0x0780, 0x07BF, _core("Noto Sans Thaana")),
    (0x08A0, 0x08FF, _core("Noto Sans Arabic")),
    (0x0900, 0x097F, _core("Noto Sans Devanagari")),
    (0x0980, 0x09FF, _core("Noto Sans Bengali")),
    (0x0A00, 0x0A7F, _core("Noto Sans Gurmukhi")),
    (0x0A80, 0x0AFF, _core("Noto Sans Gujarati")),
    (0x0B00, 0x0B7F, _core("Noto Sans Oriya")),
    (0x0B80, 0x0BFF, _core("Noto Sans Tamil")),
    (0x0C00, 0x0C7F, _core("Noto Sans Telugu")),
    (0x0C80, 0x0CFF, _core("Noto Sans Kannada")),
    (0x0D00, 0x0D7F, _core("Noto Sans Malayalam")),
    (0x0D80, 0x0DFF, _core("Noto Sans Sinhala")),
    (0x0E00, 0x0E7F, _core("Noto Sans Thai")),
    (0x0E80, 0x0EFF, _core("Noto Sans Lao")),
    (0x0F00, 0x0FFF, _core("Noto Serif Tibetan")),
    (0x1000, 0x109F, _core("Noto Sans Myanmar")),
    (0x10A0, 0x10FF, _core("Noto Sans Georgian")),
    (0x1100, 0x11FF, _CJK),
    (0x1200, 0x139F, _core("Noto Sans Ethiopic")),
    (0x13A0, 0x13FF, _core("Noto Sans Cherokee")),
    (0x1780, 0x17FF, _core("Noto Sans Khmer")),
    (0x1800, 0x18AF, _core("Noto Sans Mongolian")),
    (0x2190, 0x21FF, _MATHS),
    (0x2200, 0x22FF, _MATHS),
    (0x2300, 0x23FF, _SYMBOLS),
    (0x2460, 0x24FF, _SYMBOLS),
    (0x2500, 0x25FF, _SYMBOLS),
    (0x2600, 0x27BF, _SYMBOLS),
    (0x27C0, 0x27FF, _MATHS),
    (0x2900, 0x2AFF, _MATHS),
    (0x2B00, 0x2BFF, _SYMBOLS),
    (0x2E80, 0x2FDF, _CJK),
    (0x3000, 0x9FFF, _CJK),
    (0xA960, 0xA97F, _CJK),
    (0xAC00, 0xD7FF, _CJK),
    (0xF900, 0xFAFF, _CJK),
    (0xFB1D, 0xFB4F, _core("Noto Sans Hebrew")),
    (0xFB50, 0xFDFF, _core("Noto Sans Arabic")),
    (0xFE30, 0xFE4F, _CJK),
    (0xFE70, 0xFEFE, _core("Noto Sans Arabic")),
    (0xFF00, 0xFFEF, _CJK),
    (0x1D400, 0x1D7FF, _MATHS),
    (0x1F000, 0x1F2FF, _SYMBOLS),
    (0x1F300, 0x1FAFF, _EMOJI),
    (0x20000, 0x3FFFF, _CJK),
)  # fmt: skip
_FONT_STARTS = [start for start, _end, _font in FONTS]
_ELSE = ("a font of their script", "fonts-noto-core has most")

#: Characters named in a warning, before "…".
SHOWN = 8


def font_for(char: str) -> tuple[str, str]:
    """The font that draws ``char`` and its Debian/Ubuntu package.

    >>> font_for("中")
    ('Noto Sans CJK', 'fonts-noto-cjk')
    """
    point = ord(char)
    index = bisect.bisect_right(_FONT_STARTS, point) - 1
    return FONTS[index][2] if index >= 0 and point <= FONTS[index][1] else _ELSE


def advice(found: dict[str, str | None]) -> str:
    """The warning for characters the shipped font lacks, grouped by the font that has them.

    Args:
        found: Each character and the family this machine draws it with, or None when no
            font here has it (:func:`argmap.draw.fontconfig.fallback_fonts`).

    >>> print(advice({"中": None, "文": None, "→": "DejaVu Sans"}))
    the drawing's font cannot draw 中 文, and no font on this machine can (PNG and PDF show empty boxes): install Noto Sans CJK (Debian/Ubuntu: fonts-noto-cjk); nor →, drawn with this machine's DejaVu Sans instead, so the drawing differs where that font is missing (Noto Sans Math has it: Debian/Ubuntu fonts-noto-core)
    """  # noqa: E501
    groups: dict[tuple[str, str], list[str]] = {}
    for char in found:
        groups.setdefault(font_for(char), []).append(char)
    parts = []
    for (font, package), chars in groups.items():
        shown = " ".join(chars[:SHOWN])
        if len(chars) > SHOWN:
            shown += f" … ({len(chars)} characters)"
        families = ", ".join(sorted({f for c in chars if (f := found[c]) is not None}))
        empty = sum(found[c] is None for c in chars)
        install = f"install {font} (Debian/Ubuntu: {package})"
        if not families:
            parts.append(f"{shown}, and no font on this machine can (PNG and PDF show empty "
                         f"boxes): {install}")  # fmt: skip
        elif empty:
            parts.append(f"{shown}, drawn with this machine's {families}, {empty} of them by no "
                         f"font (empty boxes in PNG and PDF): {install}")  # fmt: skip
        else:
            them = "them" if len(chars) > 1 else "it"
            parts.append(f"{shown}, drawn with this machine's {families} instead, so the drawing "
                         f"differs where that font is missing ({font} has {them}: Debian/Ubuntu "
                         f"{package})")  # fmt: skip
    return "the drawing's font cannot draw " + "; nor ".join(parts)


__all__ = ["FONTS", "advice", "covered", "drawn_characters", "font_for", "label_text", "lacking"]
