"""The formats argmap reads and writes, by name: what the command line offers before it has
loaded anything else (:mod:`argmap.api` re-exports them)."""

from __future__ import annotations

#: Output formats of ``render``, by name and file extension.
FORMATS = ("svg", "png", "pdf", "dot", "html")

#: Formats ``import_file`` reads and ``export_map`` writes, and the extension of each export.
IMPORT_FORMATS = ("microtext", "aif", "json")
EXPORT_FORMATS = {"aif": ".aif.json", "argdown": ".argdown", "mermaid": ".mmd", "json": ".json"}

__all__ = ["EXPORT_FORMATS", "FORMATS", "IMPORT_FORMATS"]
