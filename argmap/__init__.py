"""argmap: model the argument of a text as code, check it against its source, draw it.

The public API: :func:`load` a map file (checked; raises :class:`MapError`), or
:func:`check_file` it for its diagnostics (:func:`find_maps`: the map files of a folder); draw
it with :func:`render_map` or the map's own ``render`` and ``save``, evaluate it and measure its
coverage of the source with its ``evaluate`` and ``coverage``. The model is
:class:`ArgumentMap` and its parts, frozen attrs classes.
"""

from __future__ import annotations

__version__ = "0.1.0"

from argmap.api import (
    Checked,
    Map,
    check_bytes,
    check_file,
    load,
    render_figures,
    render_map,
    save_map,
    source_text,
)
from argmap.batch.jobs import find_maps
from argmap.diagnostics import (
    ArgmapError,
    Diagnostic,
    MapError,
    Severity,
    Span,
    UsageError,
)
from argmap.model import ArgumentMap, Claim, Kind, Quote, Reason, Ref, Source

__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Checked",
    "Claim",
    "Diagnostic",
    "Kind",
    "Map",
    "MapError",
    "Quote",
    "Reason",
    "Ref",
    "Severity",
    "Source",
    "Span",
    "UsageError",
    "__version__",
    "check_bytes",
    "check_file",
    "find_maps",
    "load",
    "render_figures",
    "render_map",
    "save_map",
    "source_text",
]
