"""DOT source → SVG/PNG/PDF bytes with the Graphviz bundled in pygraphviz, in process, in the
shipped font (:mod:`argmap.draw.fontconfig`)."""

from __future__ import annotations

import logging
import os
import re
import struct
import threading
import warnings
import zlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

from argmap.diagnostics import ArgmapError, FontWarning
from argmap.draw import fontconfig, supersample
from argmap.draw.capture import graphviz_messages, quiet
from argmap.draw.font import FAMILY, PROBE, PROBE_ADVANCE, UNITS_PER_EM
from argmap.draw.frame import SLACK, frame
from argmap.draw.glyphs import advice, label_text, lacking
from argmap.draw.options import DEFAULT_DPI, ENGINE_FORMATS
from argmap.draw.style import FALLBACK_FONT

FORMATS = ENGINE_FORMATS
PNG_DPI = DEFAULT_DPI
"""Resolution of PNG output: 1.5 times Graphviz's 96, sharp on high-density screens and paper."""


log = logging.getLogger(__name__)


class RenderError(ArgmapError):
    """Graphviz could not lay out or draw a diagram; the message is what Graphviz said."""


# Graphviz keeps global state and is not thread-safe; the stderr capture
# (:func:`argmap.draw.capture.quiet`) swaps a process-wide file descriptor. One render at a time.
_LOCK = threading.Lock()


def load_graphviz() -> ModuleType:
    """pygraphviz, with Graphviz's C libraries: imported on first use rather than with this
    module, so that what only checks maps (``--help``, ``check``) never loads them."""
    import pygraphviz

    return pygraphviz


def render(
    dot_source: str,
    fmt: str,
    *,
    dpi: float | None = None,
    adjust: Callable[[Any], object] | None = None,
    most: tuple[int, int] | None = None,
) -> bytes:
    """Lay out DOT source with Graphviz's ``dot`` and draw it, in process.

    Text in the family :data:`argmap.draw.font.FAMILY` is measured and drawn with the font
    argmap ships (:mod:`argmap.draw.fontconfig`), whatever fonts the machine has; where
    Graphviz cannot be given it (another platform's pygraphviz), with the machine's fonts, as
    :data:`argmap.draw.style.FALLBACK_FONT` asks, and a :class:`FontWarning` says so once.

    Args:
        dot_source: A DOT graph, e.g. from :func:`argmap.draw.graph.to_dot`.
        fmt: ``svg``, ``png``, ``pdf``, or ``dot`` (the source itself, as UTF-8).
        dpi: The resolution of a PNG, recorded in it (default :data:`PNG_DPI`).
        most: A PNG's largest width and height in pixels (a screen's); it is as many as
            Graphviz rounds the drawing to, at most these, and its background fills every
            one (:mod:`argmap.draw.frame`).
        adjust: Called with the laid-out graph (a pygraphviz AGraph) before it is drawn, to
            move what ``dot`` placed (:func:`argmap.draw.layout.centre`); the drawing then
            keeps every position and spline as the graph has them.

    Returns:
        The drawing. The same source gives the same bytes (PDF's creation date is fixed),
        on every machine when the shipped font draws all its text.

    Raises:
        ValueError: ``fmt`` is not one of :data:`FORMATS`.
        RenderError: Graphviz rejected the source; the message says why.

    Nothing reaches stderr: Graphviz's warnings are logged to ``argmap.draw.engine`` at INFO,
    library noise at DEBUG. Text the shipped font cannot draw is drawn with the machine's
    fonts, and a :class:`~argmap.diagnostics.FontWarning` names it and what to install.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt == "dot":
        return dot_source.encode("utf-8")
    pygraphviz = load_graphviz()
    resolution = PNG_DPI if dpi is None else dpi
    page = (f"{resolution:g}", most) if fmt == "png" else None
    found: dict[str, str | None] = {}
    with _LOCK, quiet() as said:
        # The machine's fonts only for the drawn text (the labels) the shipped font lacks,
        # known before drawing in every format, so that such text is laid out under the
        # machine's configuration first whatever the format: pango keeps what it first works
        # out for a font (a box for a character no font has, say), and an SVG laid out under
        # argmap's own first came out 3 pt shorter in a fresh process than after its PNG.
        # The same characters, in the order of the labels, are named in the warning.
        chars = lacking(label_text(dot_source))
        machine = bool(chars)
        shipped = _shipped_font(pygraphviz, machine)
        data, failure = _draw(pygraphviz, _named(dot_source, shipped, machine), fmt, page, adjust)
        if shipped and machine and data:  # each with the font of this machine that draws it
            found = fontconfig.fallback_fonts("".join(chars))
    errors = graphviz_messages(said, log)
    if errors or failure is not None or not data:
        if errors:
            detail = "; ".join(errors)
        elif isinstance(failure, pygraphviz.DotError) or not dot_source.strip():
            detail = "the DOT source could not be read"
        else:
            detail = str(failure or "Graphviz produced no output")
        raise RenderError(f"Graphviz could not draw the diagram: {detail}") from failure
    _warn_once_about_setup()
    if found:
        warnings.warn(FontWarning(advice(found), found), stacklevel=2)
    if fmt == "pdf":
        data = _fixed_pdf_date(data)
    elif fmt == "png":
        data = with_resolution(data, resolution * _scaled(said))
    return data


def _draw(
    pygraphviz: ModuleType,
    source: str,
    fmt: str,
    page: tuple[str, tuple[int, int] | None] | None = None,
    adjust: Callable[[Any], object] | None = None,
) -> tuple[bytes, Exception | None]:
    """One gvLayout + gvRender, as ``dot -T<fmt>``; with ``adjust``, the layout, ``adjust``,
    then the drawing from the positions as set (``nop2``): the drawing, or what went wrong.
    A PNG (``page``: its dpi, as Graphviz is given it, and its most pixels) is drawn from
    the positions too, on a page of whole pixels (:func:`argmap.draw.frame.frame`)."""
    args = "" if page is None else f"-Gdpi={page[0]}"
    try:
        graph = pygraphviz.AGraph(string=source)
        if adjust is None and page is None:
            return graph.draw(format=fmt, prog="dot"), None
        graph.layout(prog="dot")
        if adjust is not None:
            adjust(graph)
        if page is None:
            return graph.draw(format=fmt, prog="nop2", args=args), None
        graph.layout(prog="nop2")  # the bounding box the drawing will have
        pixels = frame(graph, *page)
        dpi = float(page[0])
        drawn = supersample.drawn_at(dpi)
        larger = supersample.larger(pixels, dpi, drawn) if drawn != dpi else None
        if larger is None:  # a multiple of 96 dpi already, or too large for cairo
            return graph.draw(format=fmt, prog="nop2", args=args), None
        # Drawn where every glyph falls on a whole pixel, then reduced (argmap.draw.supersample).
        wide, high = (side + SLACK for side in larger)
        graph.graph_attr["viewport"] = f"{wide * 72 / drawn:.6f},{high * 72 / drawn:.6f},1"
        png = graph.draw(format=fmt, prog="nop2", args=f"-Gdpi={drawn:g}")
        return supersample.reduced(png, pixels, drawn / dpi), None
    except (pygraphviz.DotError, ValueError, TypeError, OSError) as exc:
        return b"", exc


def font_ready() -> bool:
    """Whether Graphviz lays out in the shipped font here (checked once: :func:`_shipped_font`),
    so that the font's metrics (:mod:`argmap.draw.metrics`) tell how wide it sets a text."""
    if _font_ready is None:
        pygraphviz = load_graphviz()
        with _LOCK, quiet():
            _shipped_font(pygraphviz, machine=False)
    return bool(_font_ready)


def node_sizes(dot_source: str) -> dict[str, tuple[float, float]]:
    """Each node's width and height in points as Graphviz sizes it for the DOT source (its
    label measured in the font a drawing uses), without laying the graph out."""
    pygraphviz = load_graphviz()
    with _LOCK, quiet():
        shipped = _shipped_font(pygraphviz, machine=False)
        graph = pygraphviz.AGraph(string=_named(dot_source, shipped, machine=False))
        for node in graph.nodes_iter():
            node.attr["pos"] = "0,0"
        graph.layout(prog="nop")  # sizes every node, moves none
        return {
            str(node): (float(node.attr["width"]) * 72, float(node.attr["height"]) * 72)
            for node in graph.nodes_iter()
        }


# --- the font -------------------------------------------------------------------------------

_SHIPPED = f'="{FAMILY}"'
#: The family asked for where the machine's fonts draw what the shipped font lacks: another
#: name, so that nothing pango caches by name under argmap's own configuration (where the
#: shipped font is alone) can serve a drawing made under the machine's, or the other way.
_WITH_MACHINE = f'="{FAMILY},sans-serif"'
_FALLBACK = f'="{FALLBACK_FONT}"'
_font_ready: bool | None = None  # None: not tried yet in this process
_setup_problem: str | None = None
_setup_told = False


def _named(dot_source: str, shipped: bool, machine: bool) -> str:
    """The source with the fonts Graphviz is to use (see :data:`_WITH_MACHINE`)."""
    if not shipped:
        return dot_source.replace(_SHIPPED, _FALLBACK)
    return dot_source.replace(_SHIPPED, _WITH_MACHINE) if machine else dot_source


def _shipped_font(pygraphviz: ModuleType, machine: bool) -> bool:
    """Whether Graphviz lays out and draws with the shipped font, alone or (``machine``) with
    the machine's fonts for the rest (:func:`argmap.draw.fontconfig.use`). The first time,
    checked by drawing :data:`argmap.draw.font.PROBE`, so that no drawing ever embeds a font
    it was not laid out with. Called under the lock."""
    global _font_ready, _setup_problem
    if _font_ready is False:
        return False
    folder = os.path.dirname(pygraphviz.__file__)
    try:
        if _font_ready is None:
            fontconfig.use(folder, machine=False)
            _probe(pygraphviz)
        fontconfig.use(folder, machine=machine)
        _font_ready = True
    except fontconfig.FontSetupError as exc:
        _font_ready, _setup_problem = False, str(exc)
        fontconfig.release()
    return _font_ready


_PROBE_WIDTH = re.compile(rb"\bT -?[\d.]+ -?[\d.]+ -?\d ([\d.]+) ")
_PROBE_SIZE = 100


def _probe(pygraphviz: ModuleType) -> None:
    """Raise FontSetupError unless Graphviz measures the probe text, regular and bold, as wide
    as HarfBuzz does in the shipped font (within 0.5 %; other fonts differ by 3 % and more)."""
    dot = (
        f'digraph{{node[shape=plaintext margin=0 fontname="{FAMILY}" fontsize={_PROBE_SIZE}];'
        f'r[label="{PROBE}"];b[label=<<B>{PROBE}</B>>]}}'
    )
    drawn = pygraphviz.AGraph(string=dot).draw(format="xdot", prog="dot")
    widths = [float(w) for w in _PROBE_WIDTH.findall(drawn)]
    expected = [PROBE_ADVANCE[w] * _PROBE_SIZE / UNITS_PER_EM for w in (400, 700)]
    off = [abs(got / want - 1) for got, want in zip(widths, expected, strict=False)]
    if len(widths) != 2 or max(off) > 0.005:
        raise fontconfig.FontSetupError(
            f"Graphviz measures text in another font (widths {widths}, expected {expected})"
        )


def _warn_once_about_setup() -> None:
    global _setup_told
    if _setup_problem is not None and not _setup_told:
        _setup_told = True
        warnings.warn(
            FontWarning(
                f"argmap could not give Graphviz its font ({_setup_problem}): drawings use "
                "this machine's fonts, so their layout differs between machines"
            ),
            stacklevel=3,
        )


# --- PNG's resolution -----------------------------------------------------------------------

_SCALED = re.compile(r"too large for cairo-renderer bitmaps\. Scaling by ([\d.]+)")


def _scaled(said: list[str]) -> float:
    """The factor by which Graphviz shrank a bitmap too large for cairo (1 when it did not)."""
    for line in said:
        match = _SCALED.search(line)
        if match:
            return float(match.group(1))
    return 1.0


def with_resolution(png: bytes, dpi: float) -> bytes:
    """The PNG with its resolution recorded (a pHYs chunk after IHDR, in pixels per metre)."""
    if not png.startswith(b"\x89PNG\r\n\x1a\n") or png[12:16] != b"IHDR":
        return png
    after_header = 8 + 8 + struct.unpack(">I", png[8:12])[0] + 4
    per_metre = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)  # unit 1: the metre
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body))
    rest = png[after_header:]
    if rest[4:8] == b"pHYs":  # one there already: replaced
        rest = rest[8 + 9 + 4 :]
    return png[:after_header] + chunk + rest


_PDF_DATE = re.compile(rb"/CreationDate \(D:[0-9Z+\-']*\)")


def _fixed_pdf_date(data: bytes) -> bytes:
    """Replace cairo's creation date by 1970-01-01, keeping its length (xref offsets hold)."""

    def fixed(match: re.Match[bytes]) -> bytes:
        digits = iter(b"19700101000000" + b"0" * 16)
        return bytes(next(digits) if 0x30 <= c <= 0x39 else c for c in match.group())

    return _PDF_DATE.sub(fixed, data, count=1)


__all__ = [
    "FORMATS",
    "PNG_DPI",
    "RenderError",
    "font_ready",
    "load_graphviz",
    "node_sizes",
    "render",
    "with_resolution",
]
