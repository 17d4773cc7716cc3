"""Folders of maps → the jobs of a batch (each map and where its drawing goes), and what became
of each: an :class:`Outcome`, and the lines that report it."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, NamedTuple

#: Map files that ``argmap render DIR`` picks up.
MAP_SUFFIXES = (".yaml", ".yml")


def find_maps(folder: str | os.PathLike[str]) -> list[str]:
    """The map files under ``folder``, sorted; hidden files and folders are left out."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            os.path.join(root, name)
            for name in files
            if name.endswith(MAP_SUFFIXES) and not name.startswith(".")
        )
    return sorted(found)


class Job(NamedTuple):
    """One map of a batch, where its drawing goes, and which cache file remembers it."""

    path: str
    target: str
    cache: str  # the folder of the cache file that remembers it; "" for none


def plan_target(path: str, folder: str, output: str | None, fmt: str) -> str:
    """Where the drawing of a map found under ``folder`` goes: beside it without ``output``,
    else at the same place relative to ``output`` as the map is to ``folder``."""
    if output is None:
        return os.path.splitext(path)[0] + "." + fmt
    return os.path.join(output, os.path.splitext(os.path.relpath(path, folder))[0] + "." + fmt)


def plan(folders: Iterable[str], output: str | None, fmt: str) -> list[Job]:
    """The jobs of ``argmap render DIR...``: every map under each folder.

    The cache of a drawing sits in ``output``, or without it in the folder given.
    """
    return [
        Job(path, plan_target(path, folder, output, fmt), folder if output is None else output)
        for folder in folders
        for path in find_maps(folder)
    ]


class Outcome(NamedTuple):
    """What became of one map: its diagnostics, and the drawing written or why not."""

    path: str
    target: str | None
    lines: tuple[str, ...] = ()  # the diagnostics, formatted
    errors: int = 0
    warnings: int = 0
    problem: str | None = None  # why the map could not be read or drawn (exit status 2)
    wrote: bool = False
    cached: bool = False  # skipped: the drawing was up to date
    seconds: float = 0.0  # spent reading, checking and drawing it
    record: dict[str, Any] | None = None  # the cache entry, once drawn
    source: str | None = None  # the source text's file, once drawn, when the map has one

    @property
    def status(self) -> int:
        """0 drawn (or up to date), 1 the map has errors, 2 it could not be read or drawn."""
        return 2 if self.problem else 1 if self.errors else 0

    def report(self, *, timing: bool = False) -> list[str]:
        """The map's diagnostics, then its problem or the drawing written, as printed."""
        lines = list(self.lines)
        if self.problem:
            lines.append(f"argmap: error: {self.problem}")
        elif self.wrote:
            took = f" ({self.seconds * 1000:.0f} ms)" if timing else ""
            lines.append(f"argmap: wrote {self.target}{took}")
        return lines


def summary(outcomes: list[Outcome]) -> str:
    """One line about a batch: how many maps were drawn, up to date, or not drawn."""
    drawn = sum(o.wrote for o in outcomes)
    cached = sum(o.cached for o in outcomes)
    failed = len(outcomes) - drawn - cached
    noun = "map" if len(outcomes) == 1 else "maps"
    return f"argmap: {len(outcomes)} {noun}: {drawn} drawn, {cached} up to date, {failed} not drawn"


__all__ = ["MAP_SUFFIXES", "Job", "Outcome", "find_maps", "plan", "plan_target", "summary"]
