"""``argmap preview MAP``: the HTML view of a map, served on 127.0.0.1 and redrawn on save.

:mod:`argmap.preview.state` re-checks and redraws the map when it or its source changes,
:mod:`argmap.preview.page` builds the page (the view, a diagnostics panel, the refresh script)
and :mod:`argmap.preview.server` serves it with an event stream.
"""

from __future__ import annotations

from argmap.preview.server import serve

__all__ = ["serve"]
