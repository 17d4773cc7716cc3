"""Graphviz's SVG → an SVG made for documents: titled, described, themed, scalable, scoped.

Graphviz draws the map; this module only rewrites its output (``dot`` and ``render`` are
untouched). The result:

- is self-contained: no script, no external font, stylesheet or image, and no comment naming
  the Graphviz version; the same map and options give the same bytes;
- scales: a ``viewBox``, the natural size as ``width``/``height`` in points (which a page can
  override with CSS), and a ``max-width: 100%; height: auto`` rule so it shrinks to fit the
  column it is put in, never past readability by growing; maps of more than
  SHRINK_MAX_CLAIMS claims keep their natural size (a page scrolls them), since shrunk to a
  column their text could not be read;
- is accessible: ``role="img"``, a ``<title>`` (the map's title) and a ``<desc>`` (a summary:
  the main thesis and the recommendations); each claim's quotes stay its tooltip;
- is themed in its presentation attributes (see :mod:`argmap.themes`), so it looks the same
  in every renderer, and keeps Graphviz's classes (``node claim premise``, ``edge attack``)
  for a host page's CSS to restyle; any host rule beats an attribute;
- can share a page: its ``<style>`` rules sit under the root's id, unique to the drawing (a
  hash of it), and have no specificity (``:where``); ``id_prefix`` renames every id when
  maps on one page share claim ids.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET

from argmap.diagnostics import UsageError
from argmap.dot import clean
from argmap.model import ArgumentMap, Claim
from argmap.summary import one_line, summary
from argmap.themes import THEMES, media_rules, palette

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_S = "{" + SVG_NS + "}"

#: Fonts with Helvetica's metrics first (Graphviz measured the text with one of them), then
#: the generic family, so text keeps its size and stays inside its box wherever it can.
FONT_STACK = (
    'Helvetica, Arial, "Liberation Sans", Arimo, "Nimbus Sans", "Nimbus Sans L", '
    '"Helvetica Neue", sans-serif'
)

_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_WIDTH = re.compile(r"(\d+(?:\.\d+)?)(px|pt|pc|cm|mm|in|em|rem|%)?")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


#: Maps of more claims keep their natural size in a page (and scroll) instead of shrinking
#: to the column's width, where their text would be too small to read.
SHRINK_MAX_CLAIMS = 300


def stylesheet(theme: str, scope: str, *, shrink: bool = True) -> str:
    """The ``<style>`` text of a drawing: sizing, fonts, and for ``auto`` the dark colours.

    Every rule is scoped under ``scope`` (the root's id) and has no specificity. With
    ``shrink``, the drawing shrinks to fit its column; without, it keeps its natural size.
    """
    rules = [
        f":where({scope}){{max-width:100%;height:auto}}" if shrink else "",
        f":where({scope} text){{font-family:{FONT_STACK}}}",
    ]
    rules = [rule for rule in rules if rule]
    if theme == "auto":
        rules.append(media_rules(scope))
    return "\n" + "\n".join(rules) + "\n"


def check_theme(theme: str) -> None:
    """Raise UsageError unless ``theme`` is one of :data:`argmap.themes.THEMES`."""
    if theme not in THEMES:
        raise UsageError(f"unknown theme '{theme}'; choose one of {', '.join(THEMES)}")


# --- the rewrite --------------------------------------------------------------------------


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
    match = _WIDTH.fullmatch(width.strip())
    if match is None or float(match.group(1)) <= 0:
        raise UsageError(f"width '{width}' is no CSS length; give e.g. 800px, 16cm, 6in or 100%")
    number, unit = float(match.group(1)), match.group(2) or "px"
    if unit == "%":
        return {"width": f"{_number(match.group(1))}%"}
    height = number * h / w if w else number
    return {"width": f"{_number(str(number))}{unit}", "height": f"{_number(str(height))}{unit}"}


def _text(text: str) -> str:
    """Text for the SVG: each line cleaned of what XML cannot carry (``dot.clean``)."""
    return "\n".join(clean(line) for line in text.split("\n"))


def _claim_label(claim: Claim) -> str:
    return _text(f"{claim.kind.value.capitalize()}: {one_line(claim.text)}")


def _parse(svg: bytes) -> ET.Element:
    try:
        return ET.fromstring(svg)  # the default parser drops comments and the DOCTYPE
    except ET.ParseError as exc:
        raise ValueError(f"not an SVG document: {exc}") from None


def embed(
    svg: bytes,
    amap: ArgumentMap,
    *,
    theme: str = "light",
    width: str | None = None,
    id_prefix: str = "",
    focusable: bool = False,
) -> bytes:
    """Graphviz's SVG of ``amap`` made ready for documents (see the module docstring).

    Args:
        svg: What Graphviz drew from :func:`argmap.dot.to_dot` of ``amap``.
        amap: The map, for the title, the summary and the claims' labels.
        theme: One of :data:`argmap.themes.THEMES`.
        width: A CSS length (``800px``, ``16cm``, ``100%``) for the root's width; the height
            follows. Default: the natural size, in points.
        id_prefix: Put before every id (letters, digits, ``-`` and ``_``; starting with a
            letter), for pages that show maps sharing claim ids.
        focusable: For interactive pages: every claim can take the keyboard focus
            (``tabindex="0"``, ``role="button"``, labelled with its kind and text), and the
            drawing is a ``group`` of them rather than one image.

    Returns:
        UTF-8 SVG with an XML declaration; :func:`inline` strips it for HTML.
    """
    if id_prefix and not _PREFIX.fullmatch(id_prefix):
        raise UsageError(
            f"id prefix '{id_prefix}' must start with a letter and hold only letters, digits, "
            "'-' and '_'"
        )
    check_theme(theme)
    root = _parse(svg)
    if root.tag != _S + "svg":
        raise ValueError("not an SVG document: the root is not <svg>")
    box = (root.get("viewBox") or "").split()
    if len(box) != 4 or not all(_NUMBER.fullmatch(n) for n in box):
        raise ValueError("not a Graphviz SVG: no viewBox")
    graph = root.find(_S + "g")
    if graph is None:
        raise ValueError("not a Graphviz SVG: no graph group")

    for old in graph.findall(_S + "title"):  # Graphviz's title is the graph's name, "argmap"
        graph.remove(old)
    background = graph.find(_S + "polygon")
    if background is not None:
        background.set("class", "background")
    claims = amap.by_id()
    colours = palette(THEMES[theme])
    for element in root.iter():
        for attribute in ("fill", "stroke"):
            value = element.get(attribute)
            if value is not None and value.lower() in colours:
                element.set(attribute, colours[value.lower()])
        name = element.get("id")
        if name is not None:
            if focusable and name in claims and "claim" in element.get("class", "").split():
                element.set("tabindex", "0")
                element.set("role", "button")
                element.set("aria-label", _claim_label(claims[name]))
                element.set("data-claim", name)
            if id_prefix:
                element.set("id", id_prefix + name)

    attributes = {
        "class": f"argmap-map argmap-theme-{theme}",
        **_size(width, box),
        "viewBox": " ".join(_number(n) for n in box),
        "role": "group" if focusable else "img",
    }
    style = ET.Element(_S + "style")
    title = ET.Element(_S + "title")
    title.text = _text(one_line(amap.title))
    desc = ET.Element(_S + "desc")
    desc.text = _text(summary(amap))
    for i, element in enumerate((title, desc, style)):
        element.tail = "\n"
        root.insert(i, element)
    for element in root.iter():
        if len(element) and not (element.text or "\n").strip():
            element.text = "\n"  # the comments Graphviz wrote leave blank lines behind
        if not (element.tail or "\n").strip():
            element.tail = "\n"
    shrink = len(amap.claims) <= SHRINK_MAX_CLAIMS

    # The root's id is a hash of what the drawing is made from (Graphviz's SVG, which the map
    # determines, and the options): two different drawings on one page never share it (so
    # neither's rules reach the other), and the same drawing always gets it. Hashing the
    # input rather than the output spares serializing a big drawing twice.
    made_of = [
        svg,
        theme,
        width or "",
        id_prefix,
        str(focusable),
        title.text or "",
        desc.text or "",
    ]
    digest = hashlib.sha256(
        b"\0".join(part if isinstance(part, bytes) else part.encode() for part in made_of)
    ).hexdigest()[:10]
    root_id = f"{id_prefix}argmap-{digest}"
    root.attrib.clear()
    root.attrib.update(
        {
            "id": root_id,
            **attributes,
            "aria-labelledby": f"{root_id}-title",
            "aria-describedby": f"{root_id}-desc",
        }
    )
    title.set("id", f"{root_id}-title")
    desc.set("id", f"{root_id}-desc")
    style.text = stylesheet(theme, "#" + root_id, shrink=shrink)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + _serialize(root) + "\n").encode("utf-8")


_XML_NS = "http://www.w3.org/XML/1998/namespace"
_PREFIXES = {SVG_NS: "", XLINK_NS: "xlink:", _XML_NS: "xml:"}
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;",
     "\t": "&#9;"}
)  # fmt: skip


# Characters that need escaping: most values have none, and a search is faster than translate.
_ATTRIBUTE_SPECIAL = re.compile('[&<>"\n\r\t]')
_TEXT_SPECIAL = re.compile("[&<>]")
_NAMES: dict[str, str] = {}  # the few tag and attribute names of an SVG, once each


def _name(qualified: str) -> str:
    """``{namespace}local`` → ``prefix:local``, for the three namespaces an SVG uses here."""
    known = _NAMES.get(qualified)
    if known is not None:
        return known
    if not qualified.startswith("{"):
        return qualified
    namespace, local = qualified[1:].split("}", 1)
    if namespace not in _PREFIXES:
        raise ValueError(f"unexpected XML namespace {namespace}")
    _NAMES[qualified] = _PREFIXES[namespace] + local
    return _NAMES[qualified]


def _escaped(text: str | None, special: re.Pattern[str], table: dict[int, str]) -> str:
    return text.translate(table) if text and special.search(text) else text or ""


def _serialize(root: ET.Element) -> str:
    """The tree as XML text, with SVG as the default namespace and ``xlink:`` declared.

    Written here rather than with ``ET.tostring``, whose namespace prefixes are global state.
    """
    out: list[str] = []

    def write(element: ET.Element, top: bool) -> None:
        out.append("<" + _name(element.tag))
        if top:
            out.append(f' xmlns="{SVG_NS}" xmlns:xlink="{XLINK_NS}"')
        for key, value in element.attrib.items():
            out.append(f' {_name(key)}="{_escaped(value, _ATTRIBUTE_SPECIAL, _ATTRIBUTE_ESCAPES)}"')
        if len(element) or element.text:
            out.append(">" + _escaped(element.text, _TEXT_SPECIAL, _TEXT_ESCAPES))
            for child in element:
                write(child, False)
            out.append(f"</{_name(element.tag)}>")
        else:
            out.append("/>")
        out.append(_escaped(element.tail, _TEXT_SPECIAL, _TEXT_ESCAPES) if not top else "")

    write(root, True)
    return "".join(out)


def inline(svg: bytes) -> str:
    """An SVG document as markup to put in an HTML page: without its XML declaration."""
    text = svg.decode("utf-8")
    if text.startswith("<?xml"):
        text = text.split("?>", 1)[1].lstrip()
    return text.rstrip("\n")


__all__ = ["FONT_STACK", "check_theme", "embed", "inline", "stylesheet"]
