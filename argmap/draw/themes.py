"""Themes: the drawing's light colours (those of the style tables) → each theme's, a mapping.

A theme is a table of the same roles as the style tables of :mod:`argmap.draw.style`
(background, ink, each kind's fill, outline and label colour, each relation's colour).
:func:`palette` turns it into a mapping *from the colour the light drawing uses to the theme's
colour*; :func:`themed_dot` applies it to the DOT source before Graphviz draws it, so every
format (SVG, PNG, PDF, the DOT itself, the HTML view) comes out in the theme's colours and a
themed SVG looks the same in every renderer (browsers, ``<img>``, converters that ignore CSS).
The ``auto`` theme, which follows the reader's system (or, on a page of Material for MkDocs,
the site's colour scheme), needs CSS: it is drawn light, and :func:`media_rules` writes the
dark mapping as rules on the SVG's ``fill`` and ``stroke`` inside ``@media
(prefers-color-scheme: dark)``, and under Material's dark scheme (a PNG or PDF, which have no
CSS, stay light).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from argmap.draw.style import ALARM, EDGE_STYLES, INK, KIND_STYLES, MUTED, Edge
from argmap.model import Kind

#: The legend's frame in the light drawing.
FRAME = "#d0d7de"
#: Graphviz writes the background (and the legend's fill) as this colour name.
BACKGROUND = "white"


@attrs.frozen
class Palette:
    """A kind of claim in a theme: its box's fill and outline, and the colour of its label."""

    fill: str
    line: str
    accent: str


@attrs.frozen
class Theme:
    """Colours for every part of a drawing, by role."""

    background: str
    ink: str
    muted: str
    frame: str
    alarm: str
    """The word DEFEATED on a claim that does not stand (and in the legend)."""
    kinds: Mapping[Kind, Palette]
    edges: Mapping[Edge, str]


LIGHT = Theme(
    background=BACKGROUND,
    ink=INK,
    muted=MUTED,
    frame=FRAME,
    alarm=ALARM,
    kinds={kind: Palette(s.fill, s.line, s.accent) for kind, s in KIND_STYLES.items()},
    edges={relation: s.color for relation, s in EDGE_STYLES.items()},
)

# Okabe-Ito hues again, lightened for outlines and labels, darkened for fills; contrast of
# text on fill and of fill on background at least 4.5:1 (WCAG AA); outlines and links at least
# 15 apart (CIEDE2000) in every simulated colour vision, as in the light theme.
DARK = Theme(
    background="#0d1117",
    ink="#e6edf3",
    muted="#9198a1",
    frame="#3d444d",
    alarm="#ff8b3d",
    kinds={
        Kind.PREMISE: Palette("#0c2d48", "#84d2fe", "#8ccff5"),
        Kind.CONCLUSION: Palette("#0b3327", "#39a871", "#73dbb5"),
        Kind.RECOMMENDATION: Palette("#3b2a06", "#f0ad1e", "#ffcc66"),
    },
    edges={Edge.SUPPORT: "#747474", Edge.ATTACK: "#d25f18", Edge.UNDERCUT: "#b975af"},
)

# Black on white. Nothing is lost: kinds differ by their corners (square, rounded, double
# border) and their label, links by line and arrowhead (solid ▶, dashed ⊣, dotted ⊣).
PRINT = Theme(
    background="#ffffff",
    ink="#000000",
    muted="#333333",
    frame="#777777",
    alarm="#000000",
    kinds={kind: Palette("#ffffff", "#000000", "#000000") for kind in Kind},
    edges={relation: "#000000" for relation in Edge},
)

#: Built-in themes by name. ``auto`` is light, or dark where the reader's system prefers it.
THEMES: dict[str, Theme] = {"light": LIGHT, "dark": DARK, "print": PRINT, "auto": LIGHT}


def _roles(theme: Theme) -> list[str]:
    kinds = [c for kind in Kind for c in attrs.astuple(theme.kinds[kind])]
    return [theme.background, theme.ink, theme.muted, theme.frame, theme.alarm, *kinds] + [
        theme.edges[relation] for relation in Edge
    ]


def palette(theme: Theme) -> dict[str, str]:
    """Light colour → ``theme``'s colour, for every colour the light drawing uses.

    >>> palette(PRINT)["#eaf3fa"], palette(PRINT)["white"]
    ('#ffffff', '#ffffff')
    """
    mapping: dict[str, str] = {}
    for light, themed in zip(_roles(LIGHT), _roles(theme), strict=True):
        if mapping.setdefault(light.lower(), themed) != themed:
            raise ValueError(f"light colour {light} has two roles with different colours")
    return mapping


def recolours(theme: str) -> bool:
    """Whether ``theme`` draws in colours of its own (dark, print), not the light drawing's
    (light, and auto: light, made dark by the reader's system through CSS).

    >>> recolours("dark"), recolours("auto")
    (True, False)
    """
    return any(light != themed for light, themed in palette(THEMES[theme]).items())


# DOT as the graph builder writes it: a quoted string (skipped whole), an HTML-like label
# (tags hold no '<' or '>', text has them escaped), or a colour attribute outside of both.
_DOT_TOKEN = re.compile(
    r'"(?:[^"\\]|\\.)*"'
    r"|<(?:[^<>]|<[^<>]*>)*>"
    r'|\b(color|fillcolor|fontcolor|bgcolor|pencolor)=(")?([#\w]+(?::[#\w]+)*)(?(2)")'
)
_HTML_COLOUR = re.compile(r'\b(COLOR|BGCOLOR)="([^"]*)"')


def themed_dot(dot: str, theme: str) -> str:
    """DOT source drawn in ``theme``'s colours: every colour attribute, and the ``COLOR`` of
    the HTML-like labels, that holds a light colour gets the theme's (text is left alone).

    >>> themed_dot('a [color="#0467af" label=<<FONT COLOR="#1f2328">color="#0467af"</FONT>>]',
    ...            "print")
    'a [color="#000000" label=<<FONT COLOR="#000000">color="#0467af"</FONT>>]'
    >>> themed_dot('a -> b [color="#272a2a:white:#272a2a"]', "dark")
    'a -> b [color="#747474:#0d1117:#747474"]'
    """
    if not recolours(theme):
        return dot  # light, and auto (drawn light)
    colours = palette(THEMES[theme])

    def html(attribute: re.Match[str]) -> str:
        themed = colours.get(attribute[2].lower())
        return attribute[0] if themed is None else f'{attribute[1]}="{themed}"'

    def token(found: re.Match[str]) -> str:
        if found[1] is not None:  # a colour, or a list of them (a:b:c draws parallel lines)
            parts = [colours.get(part.lower(), part) for part in found[3].split(":")]
            themed = ":".join(parts)
            return found[0] if themed == found[3] else f'{found[1]}="{themed}"'
        if found[0].startswith("<"):
            return _HTML_COLOUR.sub(html, found[0])
        return found[0]

    return _DOT_TOKEN.sub(token, dot)


#: The attribute Material for MkDocs sets on a page's body to its colour scheme (its
#: light/dark toggle changes it), and the scheme that is dark.
MATERIAL_SCHEME, MATERIAL_DARK = "data-md-color-scheme", "slate"
#: The classes Quarto's HTML sets on a page's body: one of them on every page, as its
#: stylesheet is light or dark (its light/dark toggle switches them).
QUARTO_LIGHT, QUARTO_DARK = "quarto-light", "quarto-dark"


def media_rules(scope: str) -> str:
    """CSS that repaints a light drawing dark where the page is dark: on a page of Material
    for MkDocs, when its scheme (:data:`MATERIAL_SCHEME`, which the reader's toggle sets) is
    ``slate``; on a page of Quarto, when its body is :data:`QUARTO_DARK`; on any other page,
    when the reader's system prefers dark.

    Each rule matches a presentation attribute's value under ``scope`` (the root's id) and
    is wrapped in ``:where()``: no specificity, so a host page's own rules still win.
    """
    system = (  # on no Material or Quarto page
        f"{scope}:not([{MATERIAL_SCHEME}] *):not(.{QUARTO_LIGHT} *):not(.{QUARTO_DARK} *)"
    )
    pages = (f"[{MATERIAL_SCHEME}={MATERIAL_DARK}] {scope}", f".{QUARTO_DARK} {scope}")
    by_system: list[str] = []
    by_page: list[str] = []
    for light, dark in palette(DARK).items():
        for attribute in ("fill", "stroke"):
            value = f'[{attribute}="{light}"]'
            by_system.append(f":where({system} {value}){{{attribute}:{dark}}}")
            dark_page = ",".join(f"{where} {value}" for where in pages)
            by_page.append(f":where({dark_page}){{{attribute}:{dark}}}")
    return (
        "@media (prefers-color-scheme:dark){\n" + "\n".join(by_system) + "\n}\n"
        + "\n".join(by_page)
    )  # fmt: skip


__all__ = [
    "DARK",
    "LIGHT",
    "MATERIAL_DARK",
    "MATERIAL_SCHEME",
    "PRINT",
    "QUARTO_DARK",
    "QUARTO_LIGHT",
    "THEMES",
    "Palette",
    "Theme",
    "media_rules",
    "palette",
    "recolours",
    "themed_dot",
]
