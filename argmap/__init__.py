"""argmap: model the argument of a text as code, check it against its source, draw it.

The names below are imported on first use (PEP 562), not with the package: ``import argmap``
stays cheap, so that the command line starts quickly, and ``argmap.load`` and the rest load
the checking pipeline when they are first touched. (The loader stage is the submodule
:mod:`argmap.loader`, so that no submodule shadows the function ``argmap.load``.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Where each public name lives.
_HOMES = {
    "Checked": "argmap.api",
    "check_bytes": "argmap.api",
    "check_file": "argmap.api",
    "load": "argmap.api",
    "render_map": "argmap.api",
    "save_map": "argmap.api",
    "source_text": "argmap.api",
    "ArgmapError": "argmap.diagnostics",
    "Diagnostic": "argmap.diagnostics",
    "MapError": "argmap.diagnostics",
    "Severity": "argmap.diagnostics",
    "Span": "argmap.diagnostics",
    "UsageError": "argmap.diagnostics",
    "ArgumentMap": "argmap.model",
    "Claim": "argmap.model",
    "Kind": "argmap.model",
    "Quote": "argmap.model",
    "Reason": "argmap.model",
    "Ref": "argmap.model",
    "Source": "argmap.model",
}

if TYPE_CHECKING:
    from argmap.api import Checked, check_bytes, check_file, load, render_map, save_map, source_text
    from argmap.diagnostics import ArgmapError, Diagnostic, MapError, Severity, Span, UsageError
    from argmap.model import ArgumentMap, Claim, Kind, Quote, Reason, Ref, Source


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'argmap' has no attribute '{name}'")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


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
