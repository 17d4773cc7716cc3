"""Maps on disk + their changes → drawings kept up to date: ``argmap render --watch``.

The operating system tells argmap when a file changes (watchfiles: inotify, FSEvents,
ReadDirectoryChangesW; polling where none of these can run). Each time, argmap compares the
size, modification time and inode of every map it watches, and of each map's source text,
with what it saw before, and checks and draws again the maps that changed, in this process,
which keeps Graphviz loaded: a drawing follows a save within a render. A save that does not
check (a half-typed YAML line, an unknown id) prints its diagnostics and leaves the last good
drawing in place; with ``--draft``, a map with errors is drawn as a draft
(:mod:`argmap.analysis.draft`), and only a save that gives no map (a YAML syntax error)
leaves the last drawing. A deleted map is reported and watched for until it comes back.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator

from argmap.batch.jobs import Outcome, clashes, scan
from argmap.batch.pool import render_one, run
from argmap.draw.engine import load_graphviz
from argmap.draw.options import DrawOptions
from argmap.io import Stamp, stamp

#: Milliseconds watchfiles waits for more changes after one (an editor's save is often a
#: write and a rename), and between its looks for them.
DEBOUNCE = 50


def folder_of(path: str) -> str:
    """The folder to be told about to see a file saved (saving by renaming replaces the file
    itself): its own, or for a file not there yet, the nearest folder above it that exists."""
    folder = os.path.dirname(os.path.abspath(path))
    while not os.path.isdir(folder) and os.path.dirname(folder) != folder:
        folder = os.path.dirname(folder)
    return folder


class Watcher:
    """The maps named or found under folders, their source texts, and their last stamps.

    Args:
        paths: Map files and folders of maps (the folders are searched again at each look,
            so new maps are picked up).
        target: Where a map's drawing goes.
        force: Write over a file of another kind there (:mod:`argmap.overwrite`).
    """

    def __init__(
        self,
        paths: list[str],
        target: Callable[[str], str],
        source_root: str | None = None,
        force: bool = False,
    ) -> None:
        self.paths = paths
        self.target = target
        self.source_root, self.force = source_root, force
        self.stamps: dict[str, Stamp] = {}  # every map and source file watched
        self.sources: dict[str, str | None] = {}  # map → its source text's path, once drawn
        self.skipped: list[str] = []  # notes on entries of the folders that are no maps
        self.current: list[str] = []  # the maps found at the last look (:meth:`changed`)

    def maps(self) -> list[str]:
        """The maps watched now: the files named (present or not) and those in the folders
        (:func:`argmap.batch.jobs.scan`; the entries it skips are noted in ``skipped``)."""
        found: list[str] = []
        self.skipped = []
        for path in self.paths:
            if os.path.isdir(path):
                maps, skipped = scan(path)
                found += maps
                self.skipped += skipped
            else:
                found.append(path)
        return list(dict.fromkeys(found))

    def folders(self) -> list[str]:
        """The folders to be told about (each on its own, not what is under it): each folder
        named and the folders under it where maps are looked for, and the folder of each map
        named and of each source text (saving by renaming replaces the file itself); for one
        that does not exist yet, the nearest folder above it that does."""
        files = [p for p in self.paths if not os.path.isdir(p)]
        files += [source for source in self.sources.values() if source is not None]
        found: set[str] = set()
        for path in self.paths:
            for root, dirs, _ in os.walk(path) if os.path.isdir(path) else ():
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.add(os.path.abspath(root))
        found.update(folder_of(path) for path in files)
        return sorted(found)

    def changed(self) -> tuple[list[str], list[str]]:
        """The maps to draw again (they or their source changed, or they are new) and the
        maps that disappeared, since the last call. The first call returns every map."""
        self.current = maps = self.maps()
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

    def draw(self, paths: list[str], fmt: str, options: DrawOptions) -> list[Outcome]:
        """Check and draw maps now (several in parallel); remember their source texts so
        that edits to those count too. Maps whose drawings would go to one file are not
        drawn (:func:`argmap.batch.jobs.clashes`)."""
        clashing = clashes((path, self.target(path)) for path in self.current)
        drawable = [path for path in paths if path not in clashing]
        root = self.source_root
        if len(drawable) == 1:  # in this process, warm
            path = drawable[0]
            drawn = [render_one(path, self.target(path), fmt, options, root, self.force)]
        else:
            pairs = [(path, self.target(path)) for path in drawable]
            drawn = list(run(pairs, fmt, options, source_root=root, force=self.force))
        done = dict(zip(drawable, drawn, strict=True))
        outcomes = [
            done.get(path) or Outcome(path, self.target(path), problem=clashing[path])
            for path in paths
        ]
        for path, outcome in zip(paths, outcomes, strict=True):
            if outcome.wrote:
                source = outcome.source
                self.sources[path] = source
                if source is not None:
                    self.stamps[source] = stamp(source)
            else:
                self.sources.setdefault(path, None)
        return outcomes


class Session:
    """What ``render --watch`` has drawn and says: each :meth:`look` draws what changed."""

    def __init__(
        self,
        paths: list[str],
        target: Callable[[str], str],
        fmt: str,
        options: DrawOptions,
        echo: Callable[[str], None],
        source_root: str | None = None,
        force: bool = False,
    ) -> None:
        self.watcher = Watcher(paths, target, source_root, force)
        self.fmt, self.options, self.echo = fmt, options, echo
        self.last: dict[str, int] = {}  # each map's exit status, as last drawn
        self.looks = 0
        self.noted: set[str] = set()  # notes said already (each is said once)

    def look(self) -> None:
        """Draw again every map that changed (all of them, the first time) and say so."""
        watcher, echo = self.watcher, self.echo
        redraw, gone = watcher.changed()
        for line in watcher.skipped:
            if line not in self.noted:
                self.noted.add(line)
                echo(line)
        for path in gone:
            echo(f"argmap: {path} was deleted; its drawing is kept, waiting for it to return")
            self.last.pop(path, None)
        for path, outcome in zip(redraw, watcher.draw(redraw, self.fmt, self.options),
                                 strict=True):  # fmt: skip
            for line in outcome.report(timing=True):
                echo(line)
            if outcome.status and not outcome.problem and not outcome.wrote:
                echo(f"argmap: {path} has errors; kept its last drawing")
            self.last[path] = outcome.status
        if self.looks == 0:
            for path in watcher.current:
                if watcher.stamps.get(path) is None:
                    echo(f"argmap: {path} does not exist yet; waiting for it")
            if not watcher.current:
                echo("argmap: no maps to watch yet; waiting")
        self.looks += 1

    @property
    def status(self) -> int:
        """The exit status of the last drawing of each map: 0 all drawn, 1 some have errors,
        2 some could not be read or drawn."""
        return max(self.last.values(), default=0)


def changes(folders: Callable[[], list[str]], stop: threading.Event | None) -> Iterator[None]:
    """Once each time something changes under the folders, until ``stop`` is set. The folders
    are asked for again after each change (a map may name a new source text)."""
    import watchfiles  # the system's notifications: loaded for watching only

    polling: bool | None = None  # watchfiles decides (it polls where it must, e.g. under WSL)
    while stop is None or not stop.is_set():
        watched = folders()
        try:
            for _ in watchfiles.watch(*watched, debounce=DEBOUNCE, step=DEBOUNCE,
                                      stop_event=stop, force_polling=polling,
                                      recursive=False):  # fmt: skip
                yield
                if folders() != watched:
                    break
            else:
                return  # stopped
        except OSError:  # the system's notifications are not available (a limit reached)
            if polling:
                raise
            polling = True


def watch(
    paths: list[str],
    target: Callable[[str], str],
    fmt: str,
    options: DrawOptions,
    *,
    echo: Callable[[str], None],
    stop: threading.Event | None = None,
    source_root: str | None = None,
    force: bool = False,
) -> int:
    """Draw the maps, then draw each again whenever it (or its source) changes.

    Runs until ``stop`` is set, then returns the exit status of the last drawing of each map
    (see :attr:`Session.status`); or until interrupted (Ctrl-C), which it says and passes on
    (KeyboardInterrupt: the command line exits with 130).
    """
    load_graphviz()  # once, so that every drawing after a save is warm
    session = Session(paths, target, fmt, options, echo, source_root, force)
    try:
        session.look()
        for _ in changes(session.watcher.folders, stop):
            session.look()
    except KeyboardInterrupt:
        echo("argmap: stopped watching")
        raise
    return session.status


__all__ = ["DEBOUNCE", "Session", "Watcher", "changes", "folder_of", "stamp", "watch"]
