"""The formats argmap reads and writes, by name: what the command line offers before it has
loaded anything else (:mod:`argmap.api` re-exports them)."""

from __future__ import annotations

#: Output formats of ``render``, by name and file extension.
FORMATS = ("svg", "png", "pdf", "dot", "html")
#: The format drawn when neither ``-f`` nor the output's extension names one.
DEFAULT_FORMAT = "svg"
#: Colour themes of svg and html, and the one drawn without ``--theme``.
THEMES = ("light", "dark", "print", "auto")
DEFAULT_THEME = "light"

#: Formats ``import_file`` reads and ``export_map`` writes, and the extension of each export.
IMPORT_FORMATS = ("microtext", "aif", "json")
EXPORT_FORMATS = {"aif": ".aif.json", "argdown": ".argdown", "mermaid": ".mmd", "json": ".json"}

__all__ = [
    "DEFAULT_FORMAT",
    "DEFAULT_THEME",
    "EXPORT_FORMATS",
    "FORMATS",
    "IMPORT_FORMATS",
    "THEMES",
]
