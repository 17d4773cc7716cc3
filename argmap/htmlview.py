"""Map + source text → one self-contained HTML page: the map beside the article it maps.

Hovering or focusing a claim lights up the passages it quotes and scrolls the article to
them; hovering, clicking or focusing a passage lights up the claims that quote it. Everything
is in the one file (the SVG, the stylesheet and a small script, ``argmap/assets/view.*``) and
a Content-Security-Policy forbids the page any request: it works offline, from a file or an
e-mail attachment, and shows no one that it was opened.
"""

from __future__ import annotations

import html
import itertools
import re
from importlib import resources

import attrs

from argmap.model import ArgumentMap
from argmap.quotes import _ELLIPSIS, SourceText
from argmap.svg import embed, inline

#: Nothing may be fetched: no script, style, font or image but what the page holds.
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@attrs.frozen(order=True)
class Quoted:
    """A stretch of the source (character offsets) that a claim quotes."""

    start: int
    end: int
    claim: str


def _parts(source: SourceText, quote: str) -> list[tuple[int, int]]:
    """Where each part of a quote is in the source; a quote with elisions (``…``) has several."""
    whole = source.find(quote)
    if whole is None:
        return []
    parts = [p for p in _ELLIPSIS.split(quote) if p.strip()]
    if len(parts) <= 1:
        return [(whole.start, whole.end)]
    found: list[tuple[int, int]] = []
    position = whole.start
    for part in parts:  # each part in order, within the whole quote's stretch
        rest = SourceText(source.text[position : whole.end])
        match = rest.find(part)
        if match is None:
            return [(whole.start, whole.end)]
        found.append((position + match.start, position + match.end))
        position += match.end
    return found


def passages(amap: ArgumentMap, source: SourceText) -> list[Quoted]:
    """Every quoted stretch of the source, with the claim quoting it, sorted by place."""
    found = {
        Quoted(start, end, claim.id)
        for claim in amap.by_id().values()
        for quote in claim.quotes
        for start, end in _parts(source, quote.text)
    }
    return sorted(found)


def article(text: str, quoted: list[Quoted]) -> str:
    """The source as HTML paragraphs, each quoted stretch a focusable ``<mark>`` naming its
    claims; where quotes overlap, a stretch names all their claims."""
    out: list[str] = []
    start = 0
    breaks = [*_PARAGRAPH_BREAK.finditer(text), None]
    for gap in breaks:
        end = gap.start() if gap else len(text)
        if text[start:end].strip():
            out.append("<p>" + _marked(text, start, end, quoted) + "</p>")
        if gap:
            start = gap.end()
    return "\n".join(out)


def _marked(text: str, start: int, end: int, quoted: list[Quoted]) -> str:
    inside = [p for p in quoted if p.start < end and p.end > start]
    cuts = sorted(
        {start, end} | {max(p.start, start) for p in inside} | {min(p.end, end) for p in inside}
    )
    pieces = []
    for a, b in itertools.pairwise(cuts):
        piece = html.escape(text[a:b])
        claims = sorted({p.claim for p in inside if p.start <= a and p.end >= b})
        if claims:
            pieces.append(
                f'<mark tabindex="0" data-claims="{" ".join(claims)}" data-start="{a}" '
                f'data-end="{b}">{piece}</mark>'
            )
        else:
            pieces.append(piece)
    return "".join(pieces)


def _asset(name: str) -> str:
    return resources.files("argmap").joinpath("assets", name).read_text(encoding="utf-8")


def _about(amap: ArgumentMap) -> str:
    """The source's title, publisher and date, linked to its URL when it has one."""
    if amap.source is None:
        return ""
    parts = [p for p in (amap.source.title, amap.source.publisher, amap.source.date) if p]
    text = html.escape(" · ".join(" ".join(p.split()) for p in parts))
    if amap.source.url and text:
        url = html.escape(amap.source.url, quote=True)
        text = f'<a href="{url}" rel="noopener noreferrer">{text}</a>'
    return f'<p class="about">Source: {text}</p>' if text else ""


def page(
    amap: ArgumentMap,
    drawn: bytes,
    source: str | None = None,
    *,
    theme: str = "light",
    id_prefix: str = "",
) -> bytes:
    """The HTML page of a map, beside its source text (the map alone without one).

    Args:
        amap: A checked map (its quotes are looked up in ``source``).
        drawn: Graphviz's SVG of the map (:func:`argmap.render.render` of its DOT).
        source: The source's text, e.g. from :func:`argmap.api.source_text`.
        theme: The map's theme (:data:`argmap.themes.THEMES`); the page follows it.
        id_prefix: Put before every id of the drawing.
    """
    drawing = embed(drawn, amap, theme=theme, id_prefix=id_prefix, focusable=True)
    title = html.escape(" ".join(amap.title.split()))
    if source is not None:
        quoted = passages(amap, SourceText(source))
        text_pane = (
            '<article id="argmap-article" class="article" aria-label="Source text">\n'
            f"{article(source, quoted)}\n</article>"
        )
    else:
        text_pane = ""
    hint = (
        "Hover or focus a claim to see the passages it quotes; select a passage to see its claim."
        if source is not None
        else "Hover or focus a claim; its quotes show as a tooltip."
    )
    body = f"""<header>
<h1>{title}</h1>
{_about(amap)}
<p id="argmap-status" class="status" role="status" aria-live="polite">{hint}</p>
</header>
<main class="{"view" if source is not None else "view map-only"}">
<section id="argmap-map" class="map" aria-label="Argument map" tabindex="-1">
<div class="zoom" role="toolbar" aria-label="Zoom">
<button type="button" data-zoom="out" aria-label="Zoom out" title="Zoom out (-)">−</button>
<button type="button" data-zoom="fit" aria-label="Fit to width" title="Fit (0)">Fit</button>
<button type="button" data-zoom="in" aria-label="Zoom in" title="Zoom in (+)">+</button>
</div>
{inline(drawing)}
</section>
{text_pane}
</main>"""
    document = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="argmap">
<title>{title}</title>
<style>
{_asset("view.css")}</style>
</head>
<body class="theme-{theme}">
{body}
<script>
{_asset("view.js")}</script>
</body>
</html>
"""
    return document.encode("utf-8")


__all__ = ["CSP", "Quoted", "article", "page", "passages"]
