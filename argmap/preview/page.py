"""What the preview shows → the page the browser gets: the HTML view of the last good drawing
(:mod:`argmap.pages.view`) with a panel of diagnostics and the script that refreshes it.

The view's Content-Security-Policy stays as strict as the file's, with one addition:
``connect-src 'self'``, for the event stream from the preview's own server. Nothing else may
be fetched.
"""

from __future__ import annotations

import html
import json
from importlib import resources

from argmap.pages.view import CSP
from argmap.preview.state import Shown
from argmap.words import Words, vocabulary

#: The view's policy, plus the preview's own event stream.
LIVE_CSP = CSP + "; connect-src 'self'"


def _asset(name: str) -> str:
    return resources.files("argmap.preview").joinpath(name).read_text(encoding="utf-8")


def state_json(shown: Shown) -> str:
    """What the page's script needs to know, as JSON safe inside ``<script>``."""
    data = {"version": shown.version, "drawing": shown.drawing,
            "diagnostics": list(shown.diagnostics), "errors": shown.errors}  # fmt: skip
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def _summary(shown: Shown, words: Words) -> str:
    """What the panel's summary says: the map's errors, or how many warnings it has."""
    if shown.errors:
        return words.typeset("map has errors kept" if shown.drawing else "map has errors")
    count = len(shown.diagnostics)
    return words.typeset(words.plural("warnings", count), n=count)


def _said(words: Words) -> str:
    """The panel's words for the script, which says them anew as diagnostics come: the
    language whose plural forms it picks (``data-plural``), each form of the count of
    warnings (``{n}`` the count), and the summaries of a map with errors."""
    forms = {form: words.typeset(f"warnings.{form}", n="{n}") for form in ("one", "few", "many")}
    said = {"plural": words.lang, **forms, "errors": words.typeset("map has errors"),
            "kept": words.typeset("map has errors kept")}  # fmt: skip
    return "".join(f' data-{key}="{html.escape(value)}"' for key, value in said.items())


def panel(shown: Shown, drawn: bool = True) -> str:
    """The diagnostics panel: open and marked when there are errors, a closed summary for
    warnings only, hidden when the map is clean. Its words are in the map's language where
    argmap speaks it; the diagnostics, argmap's, in English, marked so on a page in another
    language (the view's, in the map's; before a drawing, ``drawn`` False, in the panel's)."""
    words = vocabulary(shown.lang)
    page = shown.lang if drawn or words.lang != "en" else "en"  # the language of the page
    foreign = bool(page) and str(page).split("-")[0].lower() != "en"
    # English on a page in another language is marked: the whole panel where its words are
    # English too (a language argmap does not speak), else the diagnostics alone.
    whole = ' lang="en"' if foreign and words.lang == "en" else ""
    listed = ' lang="en"' if foreign and not whole else ""
    lines = "\n".join(f"<li>{html.escape(line)}</li>" for line in shown.diagnostics)
    count = len(shown.diagnostics)
    return (
        f'<details id="argmap-preview" class="preview-panel{" has-errors" * shown.errors}"'
        f'{" open" * shown.errors}{" hidden" * (not count)}{whole} aria-live="polite"'
        f"{_said(words)}>\n<summary>{html.escape(_summary(shown, words))}</summary>\n"
        f"<ul{listed}>{lines}</ul>\n</details>"
    )


def _live_parts(shown: Shown, drawn: bool = True) -> str:
    return (
        f"{panel(shown, drawn)}\n<style>\n{_asset('preview.css')}</style>\n"
        f'<script type="application/json" id="argmap-preview-state">{state_json(shown)}</script>\n'
        f"<script>\n{_asset('preview.js')}</script>\n"
    )


def live_page(view: bytes | None, shown: Shown) -> bytes:
    """The page of the preview: the view with the panel and script, or, before the map was
    ever drawn, a page with the panel alone, under the map's title and a line that says so."""
    if view is None:
        words = vocabulary(shown.lang)
        lang = html.escape(shown.lang if shown.lang and words.lang != "en" else "en")
        title = html.escape(words.typeset("preview title", title=shown.title))
        # the map's title as the page's heading, in the map's language where the page is not
        own = f' lang="{html.escape(shown.lang)}"' if shown.lang and lang != shown.lang else ""
        document = f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{LIVE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
</head>
<body class="preview-empty">
<main>
<h1{own}>{html.escape(shown.title)}</h1>
<p>{html.escape(words.typeset("no drawing yet"))}</p>
</main>
{_live_parts(shown, drawn=False)}</body>
</html>
"""
        return document.encode("utf-8")
    text = view.decode("utf-8")
    policy = f'content="{CSP}"'
    if text.count(policy) != 1 or "</body>" not in text:  # pragma: no cover - htmlview changed
        raise ValueError("the HTML view has no Content-Security-Policy or body to extend")
    text = text.replace(policy, f'content="{LIVE_CSP}"')
    head, tail = text.rsplit("</body>", 1)
    return (head + _live_parts(shown) + "</body>" + tail).encode("utf-8")


__all__ = ["LIVE_CSP", "live_page", "panel", "state_json"]
