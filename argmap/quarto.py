"""argmap as a Quarto extension: ``argmap-pandoc --quarto-extension [FOLDER]`` writes
``FOLDER/_extensions/argmap/`` (``_extension.yml`` and ``argmap.lua``), and a document or
project of Quarto in that folder names it as ``filters: [argmap]``.

Quarto runs a filter named in ``filters:`` that is no Lua file as a JSON filter at a path
relative to the document (``filters: [argmap-pandoc]`` looks for ``argmap-pandoc`` beside the
document, not on the PATH), or as an extension of that name. The extension's Lua filter runs
argmap's Pandoc filter (:mod:`argmap.pandoc`) with the Python that wrote it, the one argmap is
installed in, whatever the PATH that ``quarto render`` runs with, and tells it that the page
is Quarto's (HTML figures then fit Quarto's column, :data:`argmap.embed.targets.QUARTO_HTML`).
Written anew by the same command where that Python moves.
"""

from __future__ import annotations

import sys
from pathlib import Path

from argmap import __version__
from argmap.diagnostics import ArgmapError, UsageError
from argmap.io import make_folder, write_atomic

#: The word the extension's filter passes after the output format: the page is Quarto's.
QUARTO = "quarto"
#: Where in a Quarto project the extension goes.
FOLDER = Path("_extensions") / "argmap"

_MANIFEST = f"""title: argmap
author: argmap
version: {__version__}
quarto-required: ">=1.3.0"
contributes:
  filters:
    - argmap.lua
"""

_LUA = """-- argmap's filter for Quarto, written by `argmap-pandoc --quarto-extension`: each
-- document goes through argmap's Pandoc filter, run by the Python argmap is installed in
-- (below). Write it anew with the same command if that Python moves.
local python = [==[{python}]==]

function Pandoc(doc)
  return pandoc.utils.run_json_filter(doc, python, {{"-m", "argmap.pandoc", FORMAT, "{quarto}"}})
end
"""


def write_extension(folder: str | Path = ".", python: str = sys.executable) -> Path:
    """Write the extension into ``folder`` (a Quarto project's, or a document's), its filter
    running argmap with ``python``; the extension's folder. Raises UsageError where it
    cannot be written."""
    if "]==]" in python or "\n" in python:
        raise UsageError(f"the path of Python cannot be written in Lua: {python!r}")
    where = Path(folder)
    if not where.is_dir():
        raise UsageError(f"'{where}' is no folder (give the folder of a Quarto project)")
    target = where / FOLDER
    make_folder(target)
    write_atomic(target / "_extension.yml", _MANIFEST.encode("utf-8"), durable=False)
    lua = _LUA.format(python=python, quarto=QUARTO)
    write_atomic(target / "argmap.lua", lua.encode("utf-8"), durable=False)
    return target


def command(args: list[str]) -> int:
    """``argmap-pandoc --quarto-extension [FOLDER]``: exit status 0, or 2 where it could not
    be written (said on stderr)."""
    if len(args) > 1:
        print("usage: argmap-pandoc --quarto-extension [FOLDER]", file=sys.stderr)
        return 2
    try:
        target = write_extension(args[0] if args else ".")
    except (ArgmapError, OSError) as exc:
        print(f"argmap-pandoc: {exc}", file=sys.stderr)
        return 2
    shown = target.as_posix()
    print(f"argmap-pandoc: wrote {shown}/ (_extension.yml, argmap.lua); in a Quarto document's "
          "or project's YAML: filters: [argmap]", file=sys.stderr)  # fmt: skip
    return 0


__all__ = ["FOLDER", "QUARTO", "command", "write_extension"]
