"""``argmap fmt``: map files in one canonical layout, every comment kept, meaning unchanged.

:func:`format_text` formats a map's text (for editors' "format document");
:mod:`argmap.fmt.files` formats files and folders for the command line.
"""

from __future__ import annotations

from argmap.fmt.formatter import LayoutError, format_text

__all__ = ["LayoutError", "format_text"]
