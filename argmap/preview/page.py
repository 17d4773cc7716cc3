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

#: The view's policy, plus the preview's own event stream.
LIVE_CSP = CSP + "; connect-src 'self'"


def _asset(name: str) -> str:
    return resources.files("argmap.preview").joinpath(name).read_text(encoding="utf-8")


def state_json(shown: Shown) -> str:
    """What the page's script needs to know, as JSON safe inside ``<script>``."""
    data = {"version": shown.version, "drawing": shown.drawing,
            "diagnostics": list(shown.diagnostics), "errors": shown.errors}  # fmt: skip
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def panel(shown: Shown) -> str:
    """The diagnostics panel: open and marked when there are errors, a closed summary for
    warnings only, hidden when the map is clean."""
    lines = "\n".join(f"<li>{html.escape(line)}</li>" for line in shown.diagnostics)
    count = len(shown.diagnostics)
    summary = f"{count} warning{'s' * (count != 1)}"
    if shown.errors:
        kept = ": showing the last good drawing" if shown.drawing else ""
        summary = "The map has errors" + kept
    return (
        f'<details id="argmap-preview" class="preview-panel{" has-errors" * shown.errors}"'
        f'{" open" * shown.errors}{" hidden" * (not count)} aria-live="polite">\n'
        f"<summary>{html.escape(summary)}</summary>\n<ul>{lines}</ul>\n</details>"
    )


def _live_parts(shown: Shown) -> str:
    return (
        f"{panel(shown)}\n<style>\n{_asset('preview.css')}</style>\n"
        f'<script type="application/json" id="argmap-preview-state">{state_json(shown)}</script>\n'
        f"<script>\n{_asset('preview.js')}</script>\n"
    )


def live_page(view: bytes | None, shown: Shown) -> bytes:
    """The page of the preview: the view with the panel and script, or, before the map was
    ever drawn, a page with the panel alone."""
    if view is None:
        title = html.escape(f"{shown.title} (argmap preview)")
        document = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{LIVE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
</head>
<body class="preview-empty">
<p>No drawing yet: the map has not checked clean since the preview started.</p>
{_live_parts(shown)}</body>
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
