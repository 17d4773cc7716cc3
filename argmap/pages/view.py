"""Map + source text → one self-contained HTML page: the map beside the article it maps.

Hovering or focusing a claim lights up the passages it quotes and scrolls the article to
them (tapping, on a touch screen); hovering, clicking or focusing a passage lights up the claims
that quote it. On a narrow screen the map is above the article. Everything
is in the one file (the SVG, the stylesheet and a small script, ``argmap/pages/assets/view.*``) and
a Content-Security-Policy forbids the page any request: it works offline, from a file or an
e-mail attachment, and shows no one that it was opened.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re

import attrs

from argmap.draw.fit import CSS_PX_PER_PT, TARGETS
from argmap.draw.svg import embed, inline
from argmap.model import ArgumentMap
from argmap.pages.spans import Sweep
from argmap.pages.templates import asset, fill, languages
from argmap.read.source import SourceText
from argmap.words import Words, vocabulary

#: Nothing may be fetched: no script, style, font or image but what the page holds (the
#: drawing's font is in it, as data).
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
    "font-src data:"
)
#: The page's own words that are labels (of panes, buttons), from :data:`~argmap.words.WORDS`.
_LABELS = ("source text", "argument map", "zoom", "zoom out", "zoom in", "fit map", "fit")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@attrs.frozen(order=True)
class Quoted:
    """A stretch of the source (character offsets) that a claim quotes."""

    start: int
    end: int
    claim: str


def passages(amap: ArgumentMap, source: SourceText) -> list[Quoted]:
    """Every quoted stretch of the source, with the claim quoting it, sorted by place: a
    quote is marked wherever it occurs (a standfirst repeating a sentence of the body is
    marked twice, as coverage counts it), and of a quote with elisions only its parts."""
    found = {
        (match.start, match.end, claim.id)  # tuples: sorted and hashed in C, not through attrs
        for claim in amap.by_id().values()
        for quote in claim.quotes
        for occurrence in source.occurrences(quote.text)
        for match in occurrence
    }
    return [Quoted(*place) for place in sorted(found)]


def article(text: str, quoted: list[Quoted]) -> str:
    """The source as HTML paragraphs, each quoted stretch a focusable ``<mark>`` naming its
    claims, a link (Enter goes to its claim); where quotes overlap, a stretch names all their
    claims. Each line of text starts
    with an empty marker of its number (as ``check`` and ``coverage`` count lines), which the
    stylesheet shows in the margin: no text, so copying the article copies the source alone,
    and hidden from screen readers."""
    out: list[str] = []
    start = 0
    sweep = Sweep(quoted)
    breaks = [*_PARAGRAPH_BREAK.finditer(text), None]
    number = 1
    for gap in breaks:
        end = gap.start() if gap else len(text)
        if text[start:end].strip():
            lines = _lines(text, start, end, number)
            out.append("<p>" + _marked(text, start, end, sweep, lines) + "</p>")
        if gap:
            number += text.count("\n", start, gap.end())
            start = gap.end()
    return "\n".join(out)


def _lines(text: str, start: int, end: int, number: int) -> dict[int, int]:
    """Where each line of a paragraph that has text starts → its number; ``number`` is the
    first line's."""
    found = {}
    at = start
    while at < end:
        stop = text.find("\n", at, end)
        stop = end if stop < 0 else stop
        if text[at:stop].strip():
            found[at] = number
        number += 1
        at = stop + 1
    return found


def _line(number: int) -> str:
    return f'<span class="ln" data-line="{number}" aria-hidden="true"></span>'


def _marked(text: str, start: int, end: int, sweep: Sweep, lines: dict[int, int]) -> str:
    pieces = []
    starts = sorted(lines)
    for a, b, over in sweep.pieces(start, end):
        if a in lines:  # a line that begins with a piece: its number before it (and its mark)
            pieces.append(_line(lines[a]))
        inside = starts[bisect.bisect_right(starts, a) : bisect.bisect_left(starts, b)]
        cuts = [a, *inside, b]
        piece = "".join(
            (_line(lines[x]) if x != a else "") + html.escape(text[x:y])
            for x, y in itertools.pairwise(cuts)
        )
        if over:
            claims = " ".join(sorted(set(over)))
            pieces.append(
                f'<mark tabindex="0" role="link" data-claims="{claims}" data-start="{a}" '
                f'data-end="{b}">{piece}</mark>'
            )
        else:
            pieces.append(piece)
    return "".join(pieces)


def _about(amap: ArgumentMap, words: Words) -> str:
    """The source's title, publisher and date, linked to its URL when it has one."""
    if amap.source is None:
        return ""
    text = html.escape(" · ".join(" ".join(p.split()) for p in amap.source.about))
    if amap.source.url and text:
        url = html.escape(amap.source.url, quote=True)
        text = f'<a href="{url}" rel="noopener noreferrer">{text}</a>'
    return f'<p class="about">{words.typeset("source", source=text)}</p>' if text else ""


def _hint(view: str, words: Words, english: str) -> str:
    """What the line under the title says before a claim is chosen, beside the article
    (``view``: ``article``) or with the map alone (``map``): with a mouse, and on a touch
    screen (shown instead there by the stylesheet); its spans marked ``english``."""
    hover, touch = (html.escape(words.typeset(f"hint {view} {how}")) for how in ("hover", "touch"))
    return (f'<span class="hint-hover"{english}>{hover}</span>'
            f'<span class="hint-touch"{english}>{touch}</span>')  # fmt: skip


def _counts(words: Words) -> str:
    """The live region's words for the passages a chosen claim quotes, for the script: the
    language whose plural forms it picks (``data-plural``) and each form, ``{n}`` the count."""
    forms = {form: words.typeset(f"quoted.{form}", n="{n}") for form in ("one", "few", "many")}
    said = {"plural": words.lang, **forms, "none": words.typeset("no quote")}
    return "".join(f' data-{key}="{html.escape(value)}"' for key, value in said.items())


#: The least zoom (of the drawing's natural size, where claim text is 16 px) at which claim
#: text comes out as large as a column shows the figures of ``--fit``: 9 px.
READABLE = TARGETS["claim"][1] / (TARGETS["claim"][0] * CSS_PX_PER_PT)


def page(
    amap: ArgumentMap,
    drawn: bytes,
    source: str | None = None,
    *,
    theme: str = "light",
    id_prefix: str = "",
    fit: int | None = None,
) -> bytes:
    """The HTML page of a map, beside its source text (the map alone without one).

    Args:
        amap: A checked map (its quotes are looked up in ``source``).
        drawn: Graphviz's SVG of the map (:func:`argmap.draw.engine.render` of its DOT).
        source: The source's text, e.g. from :func:`argmap.api.source_text`.
        theme: The map's theme (:data:`argmap.draw.themes.THEMES`); the page follows it.
        id_prefix: Put before every id of the drawing.
        fit: Open the map at the scale a column this many CSS px wide shows its figures
            (the whole map across the column, or larger, so that claim text is at least 9 px:
            the map then scrolls); by default the whole map fitted to its pane.
    """
    drawing = embed(drawn, amap, theme=theme, id_prefix=id_prefix, focusable=True)
    words = vocabulary(amap.lang)
    said = {key: html.escape(words.typeset(key)) for key in _LABELS}
    title = html.escape(" ".join(amap.title.split()))
    if source is not None:
        quoted = passages(amap, SourceText(source))
        text_pane = (
            f'<article id="argmap-article" class="article" aria-label="{said["source text"]}">\n'
            f"{article(source, quoted)}\n</article>"
        )
    else:
        text_pane = ""
    lang, english = languages(amap)
    if words.lang != "en":  # the page's own words are in the map's language: nothing to mark
        english = ""
    hint = _hint("article" if source is not None else "map", words, english)
    document = fill(
        "view.html",
        lang=lang,
        english=english,
        csp=CSP,
        title=title,
        css=asset("view.css"),
        theme=theme,
        about=_about(amap, words),
        hint=hint,
        counts=_counts(words),
        argument_map=said["argument map"],
        zoom=said["zoom"],
        zoom_out=said["zoom out"],
        zoom_in=said["zoom in"],
        fit_map=said["fit map"],
        fit_word=said["fit"],
        view="view" if source is not None else "view map-only",
        fit=str(fit or ""),
        readable=f"{READABLE:.4f}",
        drawing=inline(drawing),
        text=text_pane,
        script=asset("view.js"),
    )
    return document.encode("utf-8")


__all__ = ["CSP", "READABLE", "Quoted", "article", "page", "passages"]
