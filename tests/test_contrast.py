"""Every theme's colours against what they are drawn on, by WCAG 2.1's contrast ratio: a claim's
outline and a link at least 3:1 against the page (1.4.11, graphical objects), text at least
4.5:1 against what is behind it (1.4.3). The legend's frame only groups, and is left out."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from argmap.draw.style import EDGE_STYLES, KIND_STYLES
from argmap.draw.themes import THEMES, Theme
from argmap.model import Kind


def luminance(colour: str) -> float:
    """WCAG 2.1's relative luminance of ``#rrggbb`` (or ``white``).

    >>> luminance("#ffffff"), luminance("#000000")
    (1.0, 0.0)
    """
    hexa = {"white": "#ffffff", "black": "#000000"}.get(colour.lower(), colour).lstrip("#")
    channels = [int(hexa[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """WCAG 2.1's contrast ratio of two colours, 1 to 21.

    >>> round(contrast("#e69f00", "white"), 2)  # the old outline of a recommendation
    2.25
    """
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def outlines(theme: Theme) -> list[tuple[str, str, str]]:
    """(what, colour, drawn on) of every outline and link of ``theme``."""
    page = theme.background
    found = [(f"{kind.name} outline", p.line, page) for kind, p in theme.kinds.items()]
    return found + [(f"{edge.name} link", colour, page) for edge, colour in theme.edges.items()]


def texts(theme: Theme) -> list[tuple[str, str, str]]:
    """(what, colour, drawn on) of every text of ``theme``: the title, source and legend on
    the page; a claim's text, kind label and scheme on its fill; a claim that does not stand
    (its fill the page's) in grey, DEFEATED in the alarm colour."""
    found = [(name, colour, theme.background)
             for name, colour in (("ink", theme.ink), ("muted", theme.muted),
                                  ("alarm", theme.alarm))]  # fmt: skip
    for kind, p in theme.kinds.items():
        for name, colour in (("label", p.accent), ("text", theme.ink), ("muted", theme.muted)):
            found.append((f"{kind.name} {name}", colour, p.fill))
    return found


@pytest.mark.parametrize("name", sorted(THEMES))
def test_outlines_and_links_stand_out_from_the_page(name: str) -> None:
    low = [(what, colour, round(contrast(colour, on), 2))
           for what, colour, on in outlines(THEMES[name])
           if contrast(colour, on) < 3]  # fmt: skip
    assert low == []


@pytest.mark.parametrize("name", sorted(THEMES))
def test_text_is_readable_on_what_it_is_drawn_on(name: str) -> None:
    low = [(what, colour, on, round(contrast(colour, on), 2))
           for what, colour, on in texts(THEMES[name])
           if contrast(colour, on) < 4.5]  # fmt: skip
    assert low == []


def test_a_claims_outline_stands_out_from_its_own_fill_too() -> None:
    """The box's edge is seen against the page outside and its tint inside."""
    for name, theme in THEMES.items():
        for kind, p in theme.kinds.items():
            if p.fill != theme.background:
                assert contrast(p.line, p.fill) >= 3, (name, kind)


def test_the_light_theme_is_the_style_tables() -> None:
    """The test reads the themes; the light one must be what the drawing is built with."""
    light = THEMES["light"]
    assert {k: light.kinds[k].line for k in Kind} == {k: s.line for k, s in KIND_STYLES.items()}
    assert dict(light.edges) == {e: s.color for e, s in EDGE_STYLES.items()}


def view_colours() -> dict[str, dict[str, str]]:
    """The HTML view's colours (its stylesheet's custom properties) by theme: light's
    ``:root``, dark's ``body.theme-dark`` and print's over light's."""
    css = resources.files("argmap.pages.assets").joinpath("view.css").read_text("utf-8")
    blocks = dict(re.findall(r"(:root|body\.theme-dark|body\.theme-print) \{([^}]*)\}", css))
    found = {}
    for theme, selector in (("light", ":root"), ("dark", "body.theme-dark"),
                            ("print", "body.theme-print")):  # fmt: skip
        own = dict(re.findall(r"--([\w-]+):\s*([^;]+);", blocks[selector]))
        found[theme] = {**found.get("light", {}), **own}
    return found


def over(colour: str, page: str) -> str:
    """``rgba(r, g, b, a)`` (or ``#rrggbb``, ``transparent``) laid over the opaque ``page``."""
    if colour.startswith("#"):
        return colour
    if colour == "transparent":
        return page
    *rgb, alpha = (float(n) for n in re.findall(r"[\d.]+", colour))
    under = [int(page.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    mixed = (round(c * alpha + u * (1 - alpha)) for c, u in zip(rgb, under, strict=True))
    return "#" + "".join(f"{c:02x}" for c in mixed)


@pytest.mark.parametrize("theme", ["light", "dark", "print"])
def test_the_view_underlines_a_quoted_passage_so_that_it_shows(theme: str) -> None:
    """A passage a claim quotes is told from the rest of the text by a faint tint and a
    dotted underline: the underline, which carries it, has 3:1 against the tint and the page
    (WCAG 1.4.11); it was 2.79:1 in the light theme."""
    colours = view_colours()[theme]
    tint = over(colours["mark"], colours["bg"])
    assert contrast(colours["mark-line"], tint) >= 3
    assert contrast(colours["mark-line"], colours["bg"]) >= 3


# --- measured on the drawings themselves ----------------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"
_NAMED = {"white": "#ffffff", "black": "#000000"}


def _colour(value: str | None) -> str | None:
    return None if value in (None, "none", "transparent") else _NAMED.get(value, value)


def _box(shape) -> tuple[float, ...] | None:  # type: ignore[no-untyped-def]
    """The bounding box of a path, polygon or ellipse Graphviz drew."""
    if shape.tag == f"{SVG}ellipse":
        cx, cy, rx, ry = (float(shape.get(k)) for k in ("cx", "cy", "rx", "ry"))
        return (cx - rx, cy - ry, cx + rx, cy + ry)
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", shape.get("d") or "")
               + re.findall(r"-?\d+(?:\.\d+)?", shape.get("points") or "")]  # fmt: skip
    xs, ys = numbers[0::2], numbers[1::2]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def drawn_pairs(svg: bytes) -> list[tuple[str, str, str, float]]:
    """(text, its colour, the fill behind it, contrast) of every text of a drawing: behind it,
    the last filled shape drawn before it whose box holds the text's middle line."""
    import xml.etree.ElementTree as ET

    fills: list[tuple[tuple[float, ...], str]] = []
    found = []
    for element in ET.fromstring(svg).iter():
        tag = element.tag.removeprefix(SVG)
        if tag in ("path", "polygon", "ellipse") and _colour(element.get("fill")):
            box = _box(element)
            if box is not None:
                fills.append((box, _colour(element.get("fill"))))  # type: ignore[arg-type]
        elif tag == "text" and "".join(element.itertext()).strip():
            x = float(element.get("x"))
            y = float(element.get("y")) - 0.35 * float(element.get("font-size", "14"))
            behind = [fill for (x0, y0, x1, y1), fill in fills if x0 <= x <= x1 and y0 <= y <= y1]
            colour = _colour(element.get("fill", "#000000"))
            text = "".join(element.itertext()).strip()
            found.append((text, colour, behind[-1], contrast(colour, behind[-1])))  # type: ignore[arg-type]
    return found


@pytest.mark.parametrize("theme", ["light", "dark", "print"])
def test_every_text_drawn_is_readable_on_what_it_is_drawn_on(theme: str) -> None:
    """Not the theme's table but the drawings: the seed map whole, with --status, and its
    figures fitted to 720 px (stubs, references, figure numbers), every text against the fill
    behind it at least 4.5:1; a mark that is no word (the legend's ``•`` for claims that
    support only together) is a graphic, at least 3:1 (WCAG 1.4.11)."""
    from argmap.api import load, render_figures, render_map

    from .conftest import SEED_MAP

    seed = load(SEED_MAP)
    drawings = [render_map(seed, "svg", theme=theme, status=True),
                *render_figures(seed, "svg", theme=theme, status=True, fit=720)]  # fmt: skip
    pairs = [pair for svg in drawings for pair in drawn_pairs(svg)]
    assert len(pairs) > 300  # the texts were found
    low = {(text[:30], colour, behind, round(ratio, 2))
           for text, colour, behind, ratio in pairs
           if ratio < (4.5 if any(c.isalnum() for c in text) else 3)}  # fmt: skip
    assert low == set()
