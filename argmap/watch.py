"""Maps on disk + time → drawings kept up to date: ``argmap render --watch`` re-renders on save.

The watcher polls: each round it compares the size, modification time and inode of every map
it watches, and of each map's source text, with the round before (portable, needs no OS
notification service, and cheap for the few hundred files of a project). A changed map is
checked and drawn again in this process, which keeps Graphviz loaded, so a drawing follows a
save within a poll interval and a render. A save that does not check (a half-typed YAML line,
an unknown id) prints its diagnostics and leaves the last good drawing in place; a deleted map
is reported and watched for until it comes back.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from typing import Any

from argmap.batch import Outcome, find_maps, render_one, report, run

#: Seconds between two looks at the files.
INTERVAL = 0.1

Stamp = tuple[int, int, int] | None  # (size, mtime_ns, inode), None for a missing file


def stamp(path: str) -> Stamp:
    """What changes when a file is saved: its size, modification time and inode (editors
    that save by renaming a new file into place change the inode)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


class Watcher:
    """The maps named or found under folders, their source texts, and their last stamps.

    Args:
        paths: Map files and folders of maps (the folders are searched again each round,
            so new maps are picked up).
        target: Where a map's drawing goes.
    """

    def __init__(self, paths: list[str], target: Callable[[str], str]) -> None:
        self.paths = paths
        self.target = target
        self.stamps: dict[str, Stamp] = {}  # every map and source file watched
        self.sources: dict[str, str | None] = {}  # map → its source text's path, once drawn

    def maps(self) -> list[str]:
        """The maps watched now: the files named (present or not) and those in the folders."""
        found: list[str] = []
        for path in self.paths:
            found.extend(find_maps(path) if os.path.isdir(path) else [path])
        return list(dict.fromkeys(found))

    def changed(self) -> tuple[list[str], list[str]]:
        """The maps to draw again (they or their source changed, or they are new) and the
        maps that disappeared, since the last call. The first call returns every map."""
        maps = self.maps()
        now = {path: stamp(path) for path in maps}
        sources = {s for m, s in self.sources.items() if s is not None and m in now}
        now.update({source: stamp(source) for source in sources})
        changed = {path for path, new in now.items() if self.stamps.get(path, 0) != new}
        gone = [m for m in maps if now[m] is None and self.stamps.get(m) is not None]
        gone += [m for m in self.stamps if m in self.sources and m not in now]
        self.stamps = now
        redraw = [
            m
            for m in maps
            if now[m] is not None and (m in changed or self.sources.get(m) in changed)
        ]
        for path in gone:
            self.sources.pop(path, None)
        return redraw, gone

    def draw(self, paths: list[str], fmt: str, options: dict[str, Any]) -> list[Outcome]:
        """Check and draw maps now (several in parallel); remember their source texts so
        that edits to those count too."""
        if len(paths) == 1:  # in this process, warm
            outcomes = [render_one(paths[0], self.target(paths[0]), fmt, options)]
        else:
            outcomes = list(run([(path, self.target(path)) for path in paths], fmt, options))
        for path, outcome in zip(paths, outcomes, strict=True):
            if outcome.wrote:
                source = outcome.source
                self.sources[path] = source
                if source is not None:
                    self.stamps[source] = stamp(source)
            else:
                self.sources.setdefault(path, None)
        return outcomes


def watch(
    paths: list[str],
    target: Callable[[str], str],
    fmt: str,
    options: dict[str, Any],
    *,
    echo: Callable[[str], None],
    interval: float = INTERVAL,
    sleep: Callable[[float], None] = time.sleep,
    rounds: int | None = None,
) -> int:
    """Draw the maps, then draw each again whenever it (or its source) changes.

    Runs until interrupted (Ctrl-C), or for ``rounds`` looks at the files when given (for
    tests). Returns the exit status of the last drawing of each map: 0 all drawn, 1 some
    have errors, 2 some could not be read or drawn.
    """
    import pygraphviz  # noqa: F401  # loaded once, so that every re-render is warm

    gc.enable()  # it runs for hours: collect cycles (the console script turns this off)
    watcher = Watcher(paths, target)
    last: dict[str, int] = {}
    done = 0
    try:
        while True:
            redraw, gone = watcher.changed()
            for path in gone:
                echo(f"argmap: {path} was deleted; its drawing is kept, waiting for it to return")
                last.pop(path, None)
            for path, outcome in zip(redraw, watcher.draw(redraw, fmt, options), strict=True):
                report(outcome, echo, timing=True)
                if outcome.status and not outcome.problem:
                    echo(f"argmap: {path} has errors; kept its last drawing")
                last[path] = outcome.status
            if done == 0:
                for path in watcher.maps():
                    if watcher.stamps.get(path) is None:
                        echo(f"argmap: {path} does not exist yet; waiting for it")
                if not watcher.maps():
                    echo("argmap: no maps to watch yet; waiting")
            done += 1
            if rounds is not None and done >= rounds:
                break
            sleep(interval)
    except KeyboardInterrupt:
        echo("argmap: stopped watching")
    return max(last.values(), default=0)


__all__ = ["INTERVAL", "Watcher", "stamp", "watch"]
