"""argmap: model the argument of a text as code, check it against its source, draw it."""

from __future__ import annotations

from argmap.api import Checked, check_bytes, check_file, load, render_map, save_map, source_text
from argmap.diagnostics import ArgmapError, Diagnostic, MapError, Severity, Span, UsageError
from argmap.model import ArgumentMap, Claim, Kind, Quote, Reason, Ref, Source

__version__ = "0.1.0"

__all__ = [
    "ArgmapError",
    "ArgumentMap",
    "Checked",
    "Claim",
    "Diagnostic",
    "Kind",
    "MapError",
    "Quote",
    "Reason",
    "Ref",
    "Severity",
    "Source",
    "Span",
    "UsageError",
    "check_bytes",
    "check_file",
    "load",
    "render_map",
    "save_map",
    "source_text",
]
