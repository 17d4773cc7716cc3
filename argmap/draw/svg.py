"""Graphviz's SVG → an SVG made for documents: titled, described, themed, scalable, scoped.

Graphviz draws the map; this module only rewrites its output (the graph and the engine are
untouched), as text: it finds the few things it changes in Graphviz's regular markup and
leaves the rest as Graphviz wrote it (see "the rewrite" below). The result:

- is self-contained: no script, no external font, stylesheet or image, and no comment naming
  the Graphviz version; the same map and options give the same bytes;
- carries its font: the text Graphviz measured in the shipped font is shown in that font,
  cut to the characters drawn (:mod:`argmap.draw.webfont`), so that it fits its boxes in
  every browser whatever fonts the reader has;
- scales: a ``viewBox``, the natural size as ``width``/``height`` in points (which a page can
  override with CSS), and a ``max-width: 100%; height: auto`` rule so it shrinks to fit the
  column it is put in, never past readability by growing; maps of more than
  SHRINK_MAX_CLAIMS claims keep their natural size (a page scrolls them), since shrunk to a
  column their text could not be read; in a box of class ``argmap-scroll`` on a screen
  (:func:`scroll_box`, a phone's column) it shrinks no further than the width at which its
  text is readable (:func:`argmap.draw.scroll.least_width`), and the box scrolls, its edge
  fading out where there is more to scroll to, opening with the thesis in the middle;
- is accessible: ``role="img"``, a ``<title>`` (the map's title) and a ``<desc>`` (a summary:
  the main thesis and the recommendations); each claim's quotes stay its tooltip, and each
  line's its relation, without Graphviz's ``<title>`` naming the edge (``a->b``);
- is themed in its presentation attributes (Graphviz draws the DOT in the theme's colours,
  :func:`argmap.draw.themes.themed_dot`), so it looks the same in every renderer, and
  keeps Graphviz's classes (``node claim premise``, ``edge attack``)
  for a host page's CSS to restyle; any host rule beats an attribute;
- can share a page: its ``<style>`` rules sit under the root's id, unique to the drawing (a
  hash of it), and have no specificity (``:where``), but for one that keeps pages from
  underlining the claims' tooltip links; ``id_prefix`` renames every id when
  maps on one page share claim ids.
"""

from __future__ import annotations

import hashlib
import re

from argmap.analysis.sides import own
from argmap.analysis.summary import one_line, reading_order
from argmap.diagnostics import UsageError
from argmap.draw.bidi import mark_right_to_left
from argmap.draw.describe import summary
from argmap.draw.font import FAMILY
from argmap.draw.legend import smooth_arrowheads
from argmap.draw.lines import edge_titles_out, round_dots
from argmap.draw.options import check_width
from argmap.draw.scroll import SCROLL_BOX, box_rules, least_width, thesis_middle
from argmap.draw.stops import stops
from argmap.draw.text import clean
from argmap.draw.themes import THEMES, media_rules
from argmap.draw.webfont import FALLBACK, font_faces
from argmap.model import ArgumentMap
from argmap.words import vocabulary

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

#: For a drawing that Graphviz could not draw in the shipped font (another platform's
#: pygraphviz): fonts with Helvetica's metrics first (Graphviz measured the text with one of
#: them), then the generic family, so text keeps its size and stays inside its box wherever
#: it can.
FONT_STACK = (
    'Helvetica, Arial, "Liberation Sans", Arimo, "Nimbus Sans", "Nimbus Sans L", '
    '"Helvetica Neue", sans-serif'
)
#: How Graphviz's SVG names the shipped font on each text it drew with it: alone, or first
#: with the machine's fonts after it for text it lacks (:data:`argmap.draw.engine._WITH_MACHINE`).
_SHIPPED = re.compile(rb'font-family="%s(?:,[^"]*)?"' % re.escape(FAMILY.encode()))


_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


#: Maps of more claims keep their natural size in a page (and scroll) instead of shrinking
#: to the column's width, where their text would be too small to read.
SHRINK_MAX_CLAIMS = 300


def stylesheet(
    theme: str,
    scope: str,
    *,
    shrink: bool = True,
    font: tuple[str, str] | None = None,
    least: float | None = None,
    middle: float | None = None,
) -> str:
    """The ``<style>`` text of a drawing: its font, sizing, and for ``auto`` the dark colours.

    Every rule is scoped under ``scope`` (the root's id) and has no specificity, but the one
    that keeps a page from underlining the claims' tooltip links. With
    ``shrink``, the drawing shrinks to fit its column; without, it keeps its natural size.
    ``least`` (CSS px) is the width it shrinks to at the least on a screen, in a box of class
    :data:`SCROLL_BOX` (which scrolls): elsewhere, and in print, it shrinks to its column;
    there the box fades out at an edge with more beyond it, and opens with ``middle`` (the
    thesis's place, a fraction of the drawing's width) in the middle
    (:func:`argmap.draw.scroll.box_rules`).
    ``font`` is the family and ``@font-face`` rules of the font embedded
    (:func:`argmap.draw.webfont.font_faces`); its text is set in it, with kerning as pango
    sets it, and in the same widths at every zoom (``geometricPrecision``: else Chromium
    rounds them to the pixel grid of each size).
    """
    text = f":where({scope} text){{font-family:{FONT_STACK}}}"
    if font is not None:
        text = (
            f':where({scope} text){{font-family:"{font[0]}",{FALLBACK};'
            "font-kerning:normal;text-rendering:geometricPrecision}"
        )
    rules = [
        font[1].rstrip("\n") if font is not None else "",
        f":where({scope}){{max-width:100%;height:auto}}" if shrink else "",
        box_rules(scope, least, middle) if shrink and least else "",
        text,
        # The one rule with the root's specificity: the links Graphviz wraps claims in (for
        # their tooltips) are no links to underline, as pages' ``a`` rules do (Sphinx's
        # alabaster, with ``a {text-decoration: underline}``).
        f"{scope} a{{text-decoration:none}}",
    ]
    rules = [rule for rule in rules if rule]
    if theme == "auto":
        rules.append(media_rules(scope))
    return "\n" + "\n".join(rules) + "\n"


def check_theme(theme: str) -> None:
    """Raise UsageError unless ``theme`` is one of :data:`argmap.themes.THEMES`."""
    if theme not in THEMES:
        raise UsageError(f"unknown theme '{theme}'; choose one of {', '.join(THEMES)}")


# --- the root and the elements added -------------------------------------------------------


def _number(text: str) -> str:
    """A coordinate without trailing zeros: '2239.00' → '2239', '10.50' → '10.5'."""
    value = round(float(text), 2)
    return f"{value:.2f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def _size(width: str | None, box: list[str]) -> dict[str, str]:
    """The root's width and height: natural (in points, as laid out), or ``width`` with the
    height that keeps the aspect ratio (none for a percentage: the viewBox gives it)."""
    w, h = float(box[2]), float(box[3])
    if width is None:
        return {"width": f"{_number(box[2])}pt", "height": f"{_number(box[3])}pt"}
    match = check_width(width)
    number, unit = float(match.group(1)), match.group(2) or "px"
    if unit == "%":
        return {"width": f"{_number(match.group(1))}%"}
    height = number * h / w if w else number
    return {"width": f"{_number(str(number))}{unit}", "height": f"{_number(str(height))}{unit}"}


def _text(text: str) -> str:
    """Text for the SVG: each line cleaned of what XML cannot carry (:func:`.text.clean`)."""
    return "\n".join(clean(line) for line in text.split("\n"))


_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
     "\t": "&#9;"}
)  # fmt: skip
# Characters that need escaping: most values have none, and a search is faster than translate.
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\n\r\t]')
_TEXT_SPECIAL = re.compile("[&<>]")


def _escaped(text: str, special: re.Pattern[str], table: dict[int, str]) -> str:
    return text.translate(table) if special.search(text) else text


def _element(tag: str, attributes: dict[str, str], text: str | None) -> str:
    """An element of ours as XML: ``text`` None leaves it open, empty closes it at once."""
    start = "<" + tag
    for name, value in attributes.items():
        start += f' {name}="{_escaped(value, _ATTRIBUTE_SPECIAL, _ATTRIBUTE_ESCAPES)}"'
    if text is None:
        return start + ">"
    if not text:
        return start + "/>"
    return f"{start}>{_escaped(text, _TEXT_SPECIAL, _TEXT_ESCAPES)}</{tag}>"


# --- the rewrite --------------------------------------------------------------------------
#
# Graphviz writes its SVG in one regular form: a prolog (XML declaration, DOCTYPE, comment),
# the root <svg>, then an element or two a line, with every attribute in double quotes and a
# comment before each node, edge and cluster. In text and in attribute values it escapes
# every character that could be markup (& < > " ') and every '-' (as &#45;, so that no '--'
# ends a comment early). So a literal '<' always starts markup and ' id="' always starts an
# id: the rewrite finds what it changes with a few searches over the bytes, and leaves the
# rest as Graphviz wrote it, escapes and all, rather than parsing the drawing and writing it
# out again element by element (bench/README.md says what that cost).

_COMMENT = re.compile(rb"<!--[^-]*(?:-(?!->)[^-]*)*-->\n?")  # a comment and its line break
_PROLOG = re.compile(rb"(?:\s+|<\?[^>]*\?>|<!DOCTYPE[^>\[]*>)*")  # once comments are gone
_ROOT = re.compile(rb'<svg((?:\s+[\w:.-]+="[^"<]*")*)\s*>')
_ATTRIBUTE = re.compile(rb'([\w:.-]+)="([^"<]*)"')
_GRAPH = re.compile(rb"\s*(<g\b[^>]*?(/?)>)")  # the graph's group, the root's first child
_GRAPH_TITLE = re.compile(rb"\s*<title>[^<]*</title>")  # the graph's name, "argmap"
_BACKGROUND = re.compile(rb"(\s*<polygon\b[^>]*?)(/?>)")  # drawn first in the graph


def _root(text: bytes) -> tuple[dict[str, str], int, int]:
    """The attributes of Graphviz's root ``<svg>``, and where the markup inside it starts and
    ends."""
    root = _ROOT.match(text, _PROLOG.match(text).end())  # type: ignore[union-attr]
    end = len(text.rstrip()) - len(b"</svg>")
    if root is None or end < root.end() or not text.startswith(b"</svg>", end):
        raise ValueError("not an SVG document: no <svg> root holding the drawing")
    attributes = {k.decode(): v.decode() for k, v in _ATTRIBUTE.findall(root.group(1))}
    return attributes, root.end(), end


_GENERIC_ID = re.compile(rb' id="[\w-]*?argmap_(graph(?:_edge\d+)?)"')


def _graph(text: bytes, start: int, end: int) -> bytes:
    """The markup from ``start`` to ``end`` (the graph's group), without white space around
    it or the graph's title, and with the background polygon of class ``background``."""
    graph = _GRAPH.match(text, start, end)
    if graph is None:
        raise ValueError("not a Graphviz SVG: no graph group")
    first, last = graph.start(1), end
    while text[last - 1 : last].isspace():
        last -= 1
    if graph.group(2):  # <g/>: an empty drawing
        return text[first:last]
    position = graph.end()
    pieces = [text[first:position]]
    title = _GRAPH_TITLE.match(text, position, end)
    if title is not None:
        position = title.end()
    background = _BACKGROUND.match(text, position, end)
    if background is not None:
        pieces += [background.group(1), b' class="background"', background.group(2)]
        position = background.end()
    return b"".join([*pieces, text[position:last]])


def embed(
    svg: bytes,
    amap: ArgumentMap,
    *,
    theme: str = "light",
    width: str | None = None,
    id_prefix: str = "",
    focusable: bool = False,
    desc: str | None = None,
) -> bytes:
    """Graphviz's SVG of ``amap`` made ready for documents (see the module docstring).

    Args:
        svg: What Graphviz drew from :func:`argmap.draw.graph.to_dot` of ``amap``, in the
            colours of ``theme`` (:func:`argmap.draw.themes.themed_dot`).
        amap: The map, for the title, the summary and the claims' labels.
        theme: One of :data:`argmap.themes.THEMES`.
        width: A CSS length (``800px``, ``16cm``, ``100%``) for the root's width; the height
            follows. Default: the natural size, in points.
        id_prefix: Put before every id (letters, digits, ``-`` and ``_``; starting with a
            letter), for pages that show maps sharing claim ids.
        focusable: For interactive pages: every claim can take the keyboard focus
            (``tabindex="0"``, ``role="button"``, labelled with its kind and text), and the
            drawing is a ``group`` of them rather than one image.
        desc: The ``<desc>``, when it is known already (the figures of one map share it);
            by default the map's summary in its language (:func:`argmap.draw.describe.summary`).

    Returns:
        UTF-8 SVG with an XML declaration; :func:`inline` strips it for HTML.

    Raises:
        ValueError: ``svg`` is not an SVG that Graphviz drew.
    """
    if id_prefix and not _PREFIX.fullmatch(id_prefix):
        raise UsageError(
            f"id prefix '{id_prefix}' must start with a letter and hold only letters, digits, "
            "'-' and '_'"
        )
    check_theme(theme)
    text = _COMMENT.sub(b"", svg).replace(b"&#45;", b"-")  # ids and text as written
    graphviz_root, start, end = _root(text)
    box = graphviz_root.get("viewBox", "").split()
    if len(box) != 4 or not all(_NUMBER.fullmatch(n) for n in box):
        raise ValueError("not a Graphviz SVG: no viewBox")
    body = edge_titles_out(_graph(text, start, end))
    body = mark_right_to_left(round_dots(smooth_arrowheads(body)))
    if focusable:
        body = stops(body, amap.by_id(), reading_order(amap), vocabulary(amap.lang), own(amap))
    if id_prefix:
        body = body.replace(b' id="', b' id="' + id_prefix.encode())

    title = _text(one_line(amap.title))
    desc = _text(summary(amap) if desc is None else desc)
    # The root's id is a hash of what the drawing is made from (Graphviz's SVG, which the map
    # determines, and the options): two different drawings on one page never share it (so
    # neither's rules reach the other), and the same drawing always gets it.
    digest = hashlib.sha256(svg)
    for option in (theme, width or "", id_prefix, str(focusable), title, desc):
        digest.update(b"\0" + option.encode())
    if amap.lang:  # the map's language, where it says it (drawings that do not are as before)
        digest.update(b"\0lang=" + amap.lang.encode())
    root_id = f"{id_prefix}argmap-{digest.hexdigest()[:10]}"
    attributes = {
        "id": root_id,
        "class": f"argmap-map argmap-theme-{theme}",
        **_size(width, box),
        "viewBox": " ".join(_number(n) for n in box),
        # its language, for a screen reader's voice: SVG 2 and HTML read lang, SVG 1.1 xml:lang
        **({"lang": amap.lang, "xml:lang": amap.lang} if amap.lang else {}),
        "role": "group" if focusable else "img",
        "aria-labelledby": f"{root_id}-title",
        "aria-describedby": f"{root_id}-desc",
    }
    # Graphviz's own ids (the graph's, an edge's without an id of argmap's) are the same in
    # every drawing: named after the root, so that figures of one map share no id on a page.
    body = _GENERIC_ID.sub(lambda m: b' id="%s-%s"' % (root_id.encode(), m[1]), body)
    shrink = len(amap.claims) <= SHRINK_MAX_CLAIMS
    # The font only where Graphviz drew with it: never one the layout did not use.
    font = font_faces(svg) if _SHIPPED.search(svg) else None
    least = least_width(attributes["width"], float(box[2]))
    middle = thesis_middle(svg)
    middle = middle / float(box[2]) if middle is not None and float(box[2]) else None
    style = stylesheet(theme, "#" + root_id, shrink=shrink, font=font, least=least, middle=middle)
    head = "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            _element("svg", {"xmlns": SVG_NS, "xmlns:xlink": XLINK_NS, **attributes}, None),
            _element("title", {"id": f"{root_id}-title"}, title),
            _element("desc", {"id": f"{root_id}-desc"}, desc),
            _element("style", {}, style),
        ]
    )
    return b"".join([head.encode(), b"\n", body, b"\n</svg>\n"])


def inline(svg: bytes) -> str:
    """An SVG document as markup to put in an HTML page: without its XML declaration."""
    text = svg.decode("utf-8")
    if text.startswith("<?xml"):
        text = text.split("?>", 1)[1].lstrip()
    return text.rstrip("\n")


_ROOT_ID = re.compile(r'<svg\b[^>]*?\sid="([^"]+)"')


def scroll_box(svg: bytes) -> str:
    """An SVG document as markup for an HTML page, in a box that scrolls sideways: on a screen
    narrower than the drawing's :func:`least_width` (a phone), the drawing keeps that width,
    its text readable, and the box scrolls (``overflow-x: auto``) within the column; wider,
    it is shown as :func:`inline` shows it. The box is a region named by the drawing's title,
    reached with Tab, so that it can be scrolled with the arrow keys."""
    markup = inline(svg)
    root = _ROOT_ID.search(markup)
    named = f' aria-labelledby="{root.group(1)}-title"' if root else ""
    return (
        f'<div class="{SCROLL_BOX}" role="region" tabindex="0"{named} '
        f'style="overflow-x:auto">\n{markup}\n</div>'
    )


__all__ = [
    "FONT_STACK",
    "SCROLL_BOX",
    "check_theme",
    "embed",
    "inline",
    "scroll_box",
    "stylesheet",
]
