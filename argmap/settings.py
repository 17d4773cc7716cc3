"""A map's file → its project's argmap settings: ``[tool.argmap]`` in the nearest pyproject.toml.

Read as ruff finds its own: the nearest ``pyproject.toml`` above the map (its own folder first)
that holds a ``[tool.argmap]`` table, going no higher than the folder holding ``.git`` (the
repository's top), so that a checkout never takes settings from the folders around it. The
command line, the editor and the MkDocs, Sphinx and Pandoc integrations all check a map
through :func:`argmap.checking.check_map_bytes`, which reads them: each gives the same result.

The one setting is ``ignore``, the codes silenced in every map of the project
(:mod:`argmap.checks.silence` says which may be). Settings that cannot be used are not
guessed at: :attr:`Settings.problem` says what is wrong, and the map is checked without them.
"""

from __future__ import annotations

import difflib
import functools
import os
import tomllib

import attrs

from argmap.encodings import undecodable, wide

PYPROJECT = "pyproject.toml"
#: The keys ``[tool.argmap]`` may hold.
KEYS = ("ignore",)


@attrs.frozen
class Settings:
    """The settings of a map's project: the codes it silences, the file that says so (None
    when no file does), and what is wrong with that file's settings (then none apply)."""

    ignore: tuple[str, ...] = ()
    file: str | None = None
    problem: str | None = None


def settings_of(path: str | os.PathLike[str]) -> Settings:
    """The settings for the map file ``path`` (which need not exist: ``<stdin>`` is in the
    current folder), from the nearest pyproject.toml with a ``[tool.argmap]`` table."""
    return _search(path)[0]


def settings_files(path: str | os.PathLike[str]) -> list[str]:
    """The pyproject.toml files read for the settings of the map file ``path``, nearest
    first: those a build that tracks dependencies must watch (one that gains a
    ``[tool.argmap]`` table changes the map's settings)."""
    return _search(path)[1]


def _search(path: str | os.PathLike[str]) -> tuple[Settings, list[str]]:
    read = []
    here = os.path.dirname(os.path.abspath(path))
    while True:
        candidate = os.path.join(here, PYPROJECT)
        if os.path.isfile(candidate):
            read.append(candidate)
            try:
                info = os.stat(candidate)
                found = _read(candidate, info.st_mtime_ns, info.st_size)
            except OSError as exc:
                found = Settings(file=candidate, problem=f"cannot be read ({exc.strerror})")
            if found is not None:
                return found, read
        parent = os.path.dirname(here)
        if parent == here or os.path.lexists(os.path.join(here, ".git")):
            return Settings(), read
        here = parent


@functools.lru_cache(maxsize=64)
def _read(file: str, mtime: int, size: int) -> Settings | None:
    """The settings in one pyproject.toml (read again when it changes), None when it has no
    ``[tool.argmap]`` table."""
    with open(file, "rb") as stream:
        data = stream.read()
    said = wide(data)  # UTF-16 without a BOM is UTF-8 to Python: its zeros
    if said is not None:
        return Settings(file=file, problem=f"is {said}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Settings(file=file, problem=f"is {undecodable(data, exc)[1]}")
    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError as exc:
        return Settings(file=file, problem=f"is not valid TOML ({exc})")
    table = tool.get("argmap") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        return Settings(file=file, problem="[tool.argmap] must be a table")
    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(key, KEYS, n=1)
            meant = f"; did you mean '{close[0]}'?" if close else f" (known: {', '.join(KEYS)})"
            return Settings(file=file, problem=f"[tool.argmap]: unknown key '{key}'{meant}")
    ignore = table.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(code, str) for code in ignore):
        wrong = '[tool.argmap] ignore must be a list of codes, as ["AM202"]'
        return Settings(file=file, problem=wrong)
    return Settings(tuple(code.strip().upper() for code in ignore), file)


__all__ = ["KEYS", "PYPROJECT", "Settings", "settings_files", "settings_of"]
