"""Drawings and what each was made from → whether it is up to date: the batch's cache file.

A small cache file, :data:`CACHE_NAME`, in the output folder (the map folder itself without
``-o``) remembers each drawing and what it was made from: the SHA-256 of the map's bytes, of
its source text's bytes and of the drawing written (of each of its figures, with ``--fit``),
and the settings (argmap's version, the installed Graphviz, the shipped font's files and the
libraries that embed it, the format and the drawing options). A map whose map, source and
drawing still have those hashes, under the same settings, is skipped, and its warnings are
repeated from the cache.

Hashing every file on every run would read them all, so the cache also keeps, as git's index
does, each file's size, modification and change times and inode, once the file has *settled*:
a file whose stat is as recorded is not read again. A stat is recorded only when the file's
last change is older, by more than the file system's timestamp granularity
(:data:`FINE_WINDOW`, or :data:`COARSE_WINDOW` where times are whole seconds), than the moment
argmap looked at it: a change after that moment shows in the stat, whereas a change within
the same clock tick as the one before could leave the stat as it was. (This takes the file
system's clock to be no more than the window behind this machine's, as it is on local disks.)
A file not settled yet (a drawing just written, say) is hashed once more at the end of the
batch, if it has settled by then (most drawings of a batch have), or else on the next run, and
its stat recorded then. A stat that differs in anything (inode, size, a time) means hashing the
file again, and drawing the map again only if the hash changed.

The cache is read as untrusted input, since it comes with the folder: it is read as a regular
file under the size limit (:func:`argmap.io.read_file`), its shape is checked entry by entry
(:func:`problem`), and a source it names is followed only inside the map's project or the
source root given, as the map's own source would be. A cache that fails any of this is
ignored and written anew, with a note; the lines it replays are escaped when printed, as
everything is (:func:`argmap.diagnostics.printable`). It is written by
:func:`argmap.io.write_atomic`, never through a file or link planted under its name.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from argmap import __version__
from argmap.batch.jobs import Job, Outcome
from argmap.diagnostics import ArgmapError
from argmap.draw.identity import drawing_identity
from argmap.draw.options import DrawOptions
from argmap.io import Unreadable, figure_paths, read_file, read_with_stat, write_atomic
from argmap.project import confine, roots
from argmap.settings import settings_of

#: The cache file, written in the folder that receives the drawings.
CACHE_NAME = ".argmap-cache.json"
CACHE_FORMAT = 5  # 5: a record per figure ("drawings"), for --fit
_SHA = re.compile(r"[0-9a-f]{64}")
_DRIVE = re.compile(r"[A-Za-z]:")

#: How long after its last change a file's stat is trusted to show the next change, in
#: nanoseconds: file systems with sub-second times stamp them from a clock that ticks every
#: few milliseconds (1-16 ms); the rest keep whole seconds, FAT even seconds.
FINE_WINDOW = 100_000_000
COARSE_WINDOW = 3_000_000_000


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stat_of(info: os.stat_result) -> list[int]:
    """What a change to a file changes: size, modification and change times, inode."""
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def settled(info: os.stat_result, looked: int) -> list[int] | None:
    """The file's stat when a later change would show in it, else None.

    ``looked`` is the time (:func:`time.time_ns`) taken before the file was opened or
    stat'ed. A change after that moment gets a modification or change time at most one tick
    of the file system's clock earlier; so when the file's last change is older than that by
    more than the tick, any later change moves a time. (Also a file renamed into place with
    an old modification time: renaming sets the change time.)
    """
    window = COARSE_WINDOW if info.st_mtime_ns % 1_000_000_000 == 0 else FINE_WINDOW
    last = max(info.st_mtime_ns, info.st_ctime_ns)
    return stat_of(info) if last < looked - window else None


def hashed(path: str, looked: int) -> dict[str, Any]:
    """A file's hash and, when it has settled, its stat (see :func:`settled`).

    Raises:
        Unreadable: The file is not a regular file, too large, or cannot be read.
    """
    data, info = read_with_stat(path, what="regular file")
    return {"sha256": sha(data), "stat": settled(info, looked)}


def settings_key(
    fmt: str,
    options: DrawOptions,
    source_root: str | None = None,
    maps: Iterable[str] = (),
) -> str:
    """Everything besides the map and its source that shapes a drawing, as canonical JSON:
    argmap's version, the installed Graphviz, the shipped font's files and the libraries that
    embed it in an SVG (:func:`~argmap.draw.identity.drawing_identity`), the format, the
    drawing options, the folder sources may also come from, and the codes the projects of
    the ``maps`` silence (:mod:`argmap.settings`), which decide what is said and drawn.
    (A drawing whose text the shipped font lacks depends on the machine's fonts too: such
    drawings are never taken as up to date; see :mod:`argmap.batch.pool`.)"""
    read = (settings_of(path) for path in maps)
    projects = {json.dumps(attrs.astuple(each)) for each in read if each.file is not None}
    settings: dict[str, Any] = {
        "argmap": __version__,
        "drawing": drawing_identity(),
        "format": fmt,
        "options": options.key(),
        "source_root": None if source_root is None else os.path.realpath(source_root),
    }
    if projects:  # none: the key of a map folder as before there were settings
        settings["projects"] = sorted(projects)
    return json.dumps(settings, sort_keys=True)


def _record(value: object) -> bool:
    """Whether ``value`` is a file's record: its SHA-256 and its stat or null."""
    if not isinstance(value, dict) or set(value) != {"sha256", "stat"}:
        return False
    stat = value["stat"]
    stat_ok = stat is None or (
        isinstance(stat, list) and len(stat) == 4 and all(type(n) is int for n in stat)
    )
    return isinstance(value["sha256"], str) and bool(_SHA.fullmatch(value["sha256"])) and stat_ok


_ENTRY = {"path", "map", "source", "source_file", "drawings", "lines", "errors", "warnings"}


def problem(drawings: object) -> str | None:
    """What is wrong with the ``drawings`` of a cache file, or None when each entry has the
    shape argmap writes: its key a relative path with no ``..``, its records of files, its
    source a relative path or null, its lines text and its counts whole numbers."""
    if not isinstance(drawings, dict):
        return "its drawings are not a mapping"
    for key, entry in drawings.items():
        parts = key.split("/")
        if not key or key.startswith("/") or ".." in parts or _DRIVE.match(key) or "\\" in key:
            return f"an entry is not a path inside the folder ({json.dumps(key)[:80]})"
        if not isinstance(entry, dict) or set(entry) != _ENTRY:
            return f"the entry of {key} does not have the keys of one"
        source = entry["source"]
        if not (
            isinstance(entry["path"], str)
            and _record(entry["map"])
            and isinstance(entry["drawings"], list)
            and bool(entry["drawings"])
            and all(_record(drawing) for drawing in entry["drawings"])
            and (source is None) == (entry["source_file"] is None)
            and (source is None or (isinstance(source, str) and _record(entry["source_file"])))
            and isinstance(entry["lines"], list)
            and all(isinstance(line, str) for line in entry["lines"])
            and all(type(entry[n]) is int and entry[n] >= 0 for n in ("errors", "warnings"))
        ):
            return f"the entry of {key} is not one argmap writes"
    return None


class Cache:
    """The drawings of one output folder and what each was made from (:data:`CACHE_NAME`).

    ``problem`` says why a cache file that was there is ignored (None when it was read, or
    when there was none, or one of another version or other settings, ignored silently).
    """

    def __init__(self, folder: str, settings: str, source_root: str | None = None) -> None:
        self.file = os.path.join(folder, CACHE_NAME)
        self.settings = settings
        self.source_root = source_root
        self.entries: dict[str, dict[str, Any]] = {}
        self.changed = False
        self.problem: str | None = None
        self._inside: dict[tuple[str, str], bool] = {}  # (folder, source): in the project?
        try:
            stored = json.loads(read_file(self.file, what="cache file").decode("utf-8"))
        except Unreadable as exc:
            if exc.reason != "no such file":
                self.ignore(exc.reason)
            return
        except (ValueError, RecursionError):  # not UTF-8, not JSON, nested past all reason
            self.ignore("it is not JSON")
            return
        if not isinstance(stored, dict):
            self.ignore("it is not a JSON object")
        elif stored.get("format") == CACHE_FORMAT and (
            json.dumps(stored.get("settings"), sort_keys=True) == settings
        ):
            wrong = problem(stored.get("drawings"))
            if wrong is None:
                self.entries = dict(stored["drawings"])
            else:
                self.ignore(wrong)
        # else: another version of argmap, or other settings: everything is drawn anew

    def ignore(self, why: str) -> None:
        """Forget the cache file read, and write it anew: it is not one argmap wrote."""
        self.entries = {}
        self.changed = True
        self.problem = f"{self.file}: note: ignored, and written anew: {why}"

    def _key(self, job: Job) -> str:
        """The drawing's path relative to the cache's folder, with ``/``."""
        folder = os.path.dirname(self.file)
        if folder and job.target.startswith(folder + os.sep):  # as plan() makes them: quicker
            relative = os.path.normpath(job.target[len(folder) :].lstrip(os.sep))
        else:
            relative = os.path.relpath(job.target, folder)
        return relative.replace(os.sep, "/")

    def fresh(self, job: Job) -> Outcome | None:
        """The outcome of an up-to-date map, from the cache; None when it must be drawn."""
        entry = self.entries.get(self._key(job))
        if entry is None:
            return None
        files = self._files(job, entry)
        if files is None:  # a source outside the map's project: this cache was not ours
            self.ignore(f"the entry of {self._key(job)} names a source outside the project")
            return None
        try:
            if not all(self._same(path, known) for path, known in files):
                return None
        except (OSError, ArgmapError):
            return None
        lines = tuple(job.path + line for line in entry["lines"])
        errors, warnings = entry["errors"], entry["warnings"]
        return Outcome(job.path, job.target, lines, errors, warnings, cached=True)

    def _same(self, path: str, known: dict[str, Any]) -> bool:
        """Whether the file holds the bytes ``known`` hashes: by its stat alone when that
        is the settled one recorded, else by hashing it (then recording its stat, once
        settled)."""
        if known["stat"] is not None and stat_of(os.stat(path)) == known["stat"]:
            return True
        now = hashed(path, time.time_ns())
        if now["sha256"] != known["sha256"]:
            return False
        if now["stat"] != known["stat"]:
            known["stat"] = now["stat"]
            self.changed = True
        return True

    def settle(self, job: Job) -> None:
        """Record the stats of a drawing just made, and of its map and source, that have
        settled by now, after hashing them once more; so that the next run need not read
        them. (A drawing settles while the rest of the batch is drawn.)"""
        entry = self.entries.get(self._key(job))
        if entry is None:
            return
        looked = time.time_ns()
        for path, known in self._files(job, entry) or []:
            if known["stat"] is not None:
                continue
            with contextlib.suppress(OSError, ArgmapError):
                if settled(os.stat(path), looked) is not None:
                    now = hashed(path, looked)
                    if now["sha256"] == known["sha256"]:
                        known["stat"] = now["stat"]

    def remember(self, job: Job, outcome: Outcome) -> None:
        key = self._key(job)
        if outcome.record is not None:
            self.entries[key] = {"path": job.path, **outcome.record}
            self.changed = True
        elif key in self.entries and not outcome.cached:
            del self.entries[key]
            self.changed = True

    def _files(self, job: Job, entry: dict[str, Any]) -> list[tuple[str, dict[str, Any]]] | None:
        """The drawing (or its figures), map and source (if any) of a cache entry: their paths
        and records;
        None when the source lies outside the map's project and the source root (worked out
        once for each folder and source: maps of a folder mostly share theirs)."""
        drawings = entry["drawings"]
        paths = figure_paths(Path(job.target), len(drawings))
        files = [*zip(map(str, paths), drawings, strict=True), (job.path, entry["map"])]
        if entry["source"] is not None:
            folder = os.path.dirname(job.path)
            source = os.path.join(folder, entry["source"])
            inside = self._inside.get((folder, entry["source"]))
            if inside is None:
                inside = confine(source, roots(job.path, self.source_root), folder) is not None
                self._inside[folder, entry["source"]] = inside
            if not inside:
                return None
            files.append((source, entry["source_file"]))
        return files

    def save(self) -> None:
        """Write the cache if it changed; a cache that cannot be written is no error.

        Written whole or not at all (a new file renamed into place), but not synced to disk:
        a cache lost in a crash only means drawing everything again.
        """
        if not self.changed:
            return

        def dumps(value: object) -> str:
            return json.dumps(value, ensure_ascii=False)

        # JSON with one drawing a line: readable, and quicker to write than indent= would be.
        about = "argmap's record of the drawings in this folder; safe to delete"
        head = [f' "format": {CACHE_FORMAT},', f' "about": {dumps(about)},']
        head.append(f' "settings": {dumps(json.loads(self.settings))},')
        drawings = [f"  {dumps(key)}: {dumps(self.entries[key])}" for key in sorted(self.entries)]
        lines = ["{", *head, ' "drawings": {', *([",\n".join(drawings)] if drawings else [])]
        data = "\n".join([*lines, " }", "}", ""]).encode("utf-8")
        with contextlib.suppress(OSError, ArgmapError):
            os.makedirs(os.path.dirname(self.file) or ".", exist_ok=True)
            write_atomic(self.file, data, durable=False)


__all__ = [
    "CACHE_NAME",
    "COARSE_WINDOW",
    "FINE_WINDOW",
    "Cache",
    "hashed",
    "problem",
    "settings_key",
    "settled",
    "sha",
]
