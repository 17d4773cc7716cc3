"""Folders of maps → drawings, in parallel across cores, skipping the ones already up to date.

``argmap render DIR`` draws every map (``*.yaml``, ``*.yml``) under a folder. Each map is
checked and drawn in a worker process (Graphviz keeps global state and is not thread-safe), so
a batch uses every core; a map with errors, or one Graphviz cannot draw, is reported and the
others go on.

A small cache file, :data:`CACHE_NAME`, in the output folder (the map folder itself without
``-o``) remembers each drawing and what it was made from: the SHA-256 of the map's bytes, of
its source text's bytes and of the drawing written, and the settings (argmap's and
Graphviz's versions, the format and the drawing options). A map whose map, source and drawing
still have those hashes, under the same settings, is skipped, and its warnings are repeated
from the cache.

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
file again, and drawing the map again only if the hash changed. The hashes recorded are of
the very bytes checked and drawn: the map's as read, the drawing's as written; the source's is
taken after the check, which is done again if the source changed lately (see
:func:`render_one`).

Importing this module loads nothing of the checking and drawing pipeline: a run that finds
everything up to date needs only the cache file and ``os.stat``.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from argmap.names import DEFAULT_THEME

if TYPE_CHECKING:
    import concurrent.futures
    import multiprocessing.context

    from argmap.model import ArgumentMap

#: The cache file, written in the folder that receives the drawings.
CACHE_NAME = ".argmap-cache.json"
#: Map files that ``argmap render DIR`` picks up.
MAP_SUFFIXES = (".yaml", ".yml")
_CACHE_FORMAT = 2

#: How long after its last change a file's stat is trusted to show the next change, in
#: nanoseconds: file systems with sub-second times stamp them from a clock that ticks every
#: few milliseconds (1-16 ms); the rest keep whole seconds, FAT even seconds.
FINE_WINDOW = 100_000_000
COARSE_WINDOW = 3_000_000_000


# --- drawing one map ----------------------------------------------------------------------


def draw(amap: ArgumentMap, path: str, fmt: str, options: dict[str, Any]) -> bytes:
    """A checked map drawn as ``fmt`` with the render command's ``options``.

    ``options`` holds every option that changes the drawing, by the render command's
    parameter names: ``focus`` and ``depth`` select part of the map
    (:func:`argmap.focus.focus`); the rest go to :func:`argmap.api.render_map`. ``path`` is
    the map file's, to find the source text an HTML page shows.
    """
    from argmap.api import render_map, source_text
    from argmap.diagnostics import UsageError

    options = dict(options)
    center, depth = options.pop("focus", None), options.pop("depth", None)
    if center is not None:
        from argmap.focus import DEFAULT_DEPTH, focus

        if options.get("status"):  # a part's statuses would ignore attacks from outside it
            raise UsageError("--status needs the whole map; it cannot be combined with --focus")

        amap = focus(amap, center, DEFAULT_DEPTH if depth is None else depth)
    if fmt == "html":
        options["source"] = source_text(amap, path)
    return render_map(amap, fmt, **options)


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


# --- files: hashes and stats ---------------------------------------------------------------


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _stat(info: os.stat_result) -> list[int]:
    """What a change to a file changes: size, modification and change times, inode."""
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def _settled(info: os.stat_result, looked: int) -> list[int] | None:
    """The file's stat when a later change would show in it, else None.

    ``looked`` is the time (:func:`time.time_ns`) taken before the file was opened or
    stat'ed. A change after that moment gets a modification or change time at most one tick
    of the file system's clock earlier; so when the file's last change is older than that by
    more than the tick, any later change moves a time. (Also a file renamed into place with
    an old modification time: renaming sets the change time.)
    """
    window = COARSE_WINDOW if info.st_mtime_ns % 1_000_000_000 == 0 else FINE_WINDOW
    last = max(info.st_mtime_ns, info.st_ctime_ns)
    return _stat(info) if last < looked - window else None


def _hashed(path: str, looked: int) -> dict[str, Any]:
    """A file's hash and, when it has settled, its stat (see :func:`_settled`)."""
    with open(path, "rb") as handle:
        info = os.fstat(handle.fileno())
        digest = _sha(handle.read())
    return {"sha256": digest, "stat": _settled(info, looked)}


def render_one(path: str, target: str, fmt: str, options: dict[str, Any]) -> Outcome:
    """Check one map and, when it has no errors, draw it into ``target`` (atomically).

    Never raises for a problem with the map or its output: the outcome says what happened.
    The cache entry it returns hashes exactly the bytes that were checked and drawn: the
    map's as read, the drawing's as written, and the source's, read after the check but
    settled since before it; a source that changed lately is checked again once it is hashed,
    so that its hash is never of newer bytes than the check saw.
    """
    from argmap.api import check_bytes, read_file
    from argmap.diagnostics import ArgmapError, Severity, UsageError
    from argmap.render import write_atomic

    started, looked = time.perf_counter(), time.time_ns()
    try:
        try:
            with open(path, "rb") as handle:
                data, info = handle.read(), os.fstat(handle.fileno())
            map_stat = _settled(info, looked)
        except OSError:
            data, map_stat = read_file(path), None  # UsageError, saying why; or read after all
        checked = check_bytes(data, path)
        location, source_file = None, None
        if checked.map is not None and checked.map.source is not None:
            location = os.path.join(os.path.dirname(path), checked.map.source.path)
            with contextlib.suppress(OSError):  # not there (AM109), or gone since: no entry
                source_file = _hashed(location, looked)
            if source_file is not None and source_file["stat"] is None:
                # The source changed lately, perhaps during the check: check again, now that
                # its hash is taken, so that the hash is never of newer bytes than the check's.
                checked = check_bytes(data, path)
    except ArgmapError as exc:
        return Outcome(path, target, problem=str(exc), seconds=time.perf_counter() - started)
    lines = tuple(str(d) for d in checked.diagnostics)
    errors = sum(d.severity is Severity.ERROR for d in checked.diagnostics)
    warnings = len(lines) - errors
    counts = {"lines": lines, "errors": errors, "warnings": warnings}
    if not checked.ok or checked.map is None:
        return Outcome(path, target, **counts, seconds=time.perf_counter() - started)
    try:
        if os.path.exists(target) and os.path.samefile(path, target):
            raise UsageError(f"{target}: refusing to overwrite the map itself")
        drawing = draw(checked.map, path, fmt, options)
        write_atomic(target, drawing)
    except ArgmapError as exc:
        return Outcome(
            path, target, **counts, problem=str(exc), seconds=time.perf_counter() - started
        )
    record = None
    if location is None or source_file is not None:
        source = checked.map.source
        record = {
            "map": {"sha256": _sha(data), "stat": map_stat},
            "source": None if source is None else source.path,  # as the map names it
            "source_file": source_file,
            "drawing": {"sha256": _sha(drawing), "stat": None},  # just written: not settled
            "lines": [line[len(path) :] for line in lines],  # replayed after the map's path
            "errors": errors,
            "warnings": warnings,
        }
    return Outcome(
        path, target, **counts, wrote=True, seconds=time.perf_counter() - started,
        record=record, source=location,
    )  # fmt: skip


# --- finding maps and their drawings ------------------------------------------------------


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


# --- the cache ----------------------------------------------------------------------------


def settings_key(fmt: str, options: dict[str, Any]) -> str:
    """Everything besides the map and its source that shapes a drawing, as canonical JSON."""
    import json
    from importlib.util import find_spec

    from argmap import __version__

    # Graphviz as installed: where pygraphviz is and when it was installed, which changes
    # with every upgrade; cheaper than importing it or reading package metadata.
    spec = find_spec("pygraphviz")
    origin = spec.origin if spec is not None and spec.origin else ""
    installed = os.stat(origin).st_mtime_ns if origin else 0
    settings = {
        "argmap": __version__,
        "pygraphviz": [origin, installed],
        "format": fmt,
        "options": options,
    }
    return json.dumps(settings, sort_keys=True, default=str)


class Cache:
    """The drawings of one output folder and what each was made from (:data:`CACHE_NAME`)."""

    def __init__(self, folder: str, settings: str) -> None:
        import json

        self.file = os.path.join(folder, CACHE_NAME)
        self.settings = settings
        self.entries: dict[str, dict[str, Any]] = {}
        self.changed = False
        try:
            with open(self.file, encoding="utf-8") as handle:
                stored = json.load(handle)
            if (
                stored.get("format") == _CACHE_FORMAT
                and json.dumps(stored.get("settings"), sort_keys=True) == settings
            ):
                self.entries = dict(stored["drawings"])
        except (OSError, ValueError, TypeError, AttributeError, KeyError):
            pass  # no cache, or not one of this version and these settings: draw everything

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
        try:
            if not all(self._same(path, known) for path, known in _files(job, entry)):
                return None
            lines = tuple(job.path + line for line in entry["lines"])
            errors, warnings = int(entry["errors"]), int(entry["warnings"])
        except (OSError, KeyError, TypeError, ValueError, AttributeError):
            return None
        return Outcome(job.path, job.target, lines, errors, warnings, cached=True)

    def _same(self, path: str, known: dict[str, Any]) -> bool:
        """Whether the file holds the bytes ``known`` hashes: by its stat alone when that
        is the settled one recorded, else by hashing it (then recording its stat, once
        settled)."""
        if known["stat"] is not None and _stat(os.stat(path)) == known["stat"]:
            return True
        now = _hashed(path, time.time_ns())
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
        for path, known in _files(job, entry):
            if known["stat"] is not None:
                continue
            with contextlib.suppress(OSError):
                if _settled(os.stat(path), looked) is not None:
                    now = _hashed(path, looked)
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

    def save(self) -> None:
        """Write the cache if it changed; a cache that cannot be written is no error.

        Written whole or not at all (a new file renamed into place), but not synced to disk:
        a cache lost in a crash only means drawing everything again.
        """
        if not self.changed:
            return
        import json

        def dumps(value: object) -> str:
            return json.dumps(value, ensure_ascii=False)

        # JSON with one drawing a line: readable, and quicker to write than indent= would be.
        about = "argmap's record of the drawings in this folder; safe to delete"
        head = [f' "format": {_CACHE_FORMAT},', f' "about": {dumps(about)},']
        head.append(f' "settings": {dumps(json.loads(self.settings))},')
        drawings = [f"  {dumps(key)}: {dumps(self.entries[key])}" for key in sorted(self.entries)]
        lines = ["{", *head, ' "drawings": {', *([",\n".join(drawings)] if drawings else [])]
        data = "\n".join([*lines, " }", "}", ""]).encode("utf-8")
        temp = f"{self.file}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.file) or ".", exist_ok=True)
            with open(temp, "wb") as out:
                out.write(data)
            os.replace(temp, self.file)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _files(job: Job, entry: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The drawing, map and source (if any) of a cache entry: their paths and records."""
    files = [(job.target, entry["drawing"]), (job.path, entry["map"])]
    if entry["source"] is not None:
        source = os.path.join(os.path.dirname(job.path), entry["source"])
        files.append((source, entry["source_file"]))
    return files


# --- running a batch ----------------------------------------------------------------------


def _pool_context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe (POSIX, no other thread running): workers start at once with
    everything the parent imported. Elsewhere, the platform's default."""
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1 and sys.platform != "darwin":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _warm_up(fmt: str) -> None:
    """Import what every worker needs (the checking pipeline, Graphviz, the writers of
    ``fmt``) once, in the parent, before the workers fork, rather than once in each."""
    import argmap.api
    import argmap.dot
    import argmap.render  # and pygraphviz with it

    if fmt in ("svg", "html"):
        import argmap.svg
    if fmt == "html":
        import argmap.htmlview  # noqa: F401


def run(
    jobs: list[tuple[str, str]],
    fmt: str,
    options: dict[str, Any],
    *,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """Render ``(map, target)`` pairs, in parallel when there are several; yields each
    outcome in the order of ``jobs`` as soon as it and all before it are done.

    ``progress`` is called with the number of maps finished, as they finish.
    """
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    if workers <= 1:
        for number, (path, target) in enumerate(jobs, 1):
            yield render_one(path, target, fmt, options)
            if progress:
                progress(number)
        return
    import concurrent.futures
    from concurrent.futures.process import BrokenProcessPool

    context = _pool_context()
    if context.get_start_method() == "fork":
        _warm_up(fmt)
    done = 0

    def finished(_: concurrent.futures.Future[Outcome]) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done)

    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context) as pool:
        futures = []
        for path, target in jobs:
            future = pool.submit(render_one, path, target, fmt, options)
            future.add_done_callback(finished)
            futures.append(future)
        for (path, target), future in zip(jobs, futures, strict=True):
            try:
                yield future.result()
            except BrokenProcessPool:
                yield Outcome(path, target, problem=f"{path}: the renderer crashed")
            except Exception as exc:  # a bug: report it with the map, and go on with the rest
                yield Outcome(path, target, problem=f"{path}: {type(exc).__name__}: {exc}")


def drawing_options(
    theme: str = DEFAULT_THEME,
    width: str | None = None,
    id_prefix: str = "",
    *,
    status: bool = False,
    focus: str | None = None,
    depth: int | None = None,
) -> dict[str, Any]:
    """The options of ``argmap render`` that change a drawing, by name, as :func:`draw` takes
    them and the cache keys drawings by them; the defaults are the command's."""
    options: dict[str, Any] = {"theme": theme, "width": width, "id_prefix": id_prefix}
    if status:
        options["status"] = True
    if focus is not None:
        options.update(focus=focus, depth=depth)
    return options


def _look(
    jobs: list[Job], fmt: str, options: dict[str, Any]
) -> tuple[dict[str, Cache], dict[int, Outcome], list[int]]:
    """The caches of ``jobs``, the outcomes of the jobs up to date (from their caches), by
    number, and the numbers of the others."""
    settings = settings_key(fmt, options)
    caches = {folder: Cache(folder, settings) for folder in {job.cache for job in jobs} if folder}
    outcomes: dict[int, Outcome] = {}
    todo: list[int] = []
    for number, job in enumerate(jobs):
        fresh = caches[job.cache].fresh(job) if job.cache else None
        if fresh is None:
            todo.append(number)
        else:
            outcomes[number] = fresh
    return caches, outcomes, todo


def up_to_date(folders: list[str], fmt: str, options: dict[str, Any]) -> list[Outcome] | None:
    """``argmap render DIR...`` (drawings beside the maps) when every drawing is up to date:
    the outcomes from the caches, in :func:`render_folders`'s order; None if any map must be
    drawn. Loads nothing but the cache files (see :mod:`argmap.console`)."""
    jobs = plan(folders, None, fmt)
    caches, outcomes, todo = _look(jobs, fmt, options)
    if todo:
        return None
    for cache in caches.values():
        cache.save()  # stats recorded anew, when a file was touched but not changed
    return [outcomes[n] for n in range(len(jobs))]


def render_folders(
    folders: list[str],
    output: str | None,
    fmt: str,
    options: dict[str, Any],
    *,
    workers: int | None = None,
    echo: Callable[[str], None],
    progress_bar: bool = False,
    files: Iterable[tuple[str, str]] = (),
) -> list[Outcome]:
    """``argmap render DIR...``: draw every map under the folders that is not up to date.

    ``files`` are more maps, named one by one, with their targets: always drawn. Reports
    through ``echo`` (each map's diagnostics, then what was written, in path order; the
    cached warnings of maps that are up to date), and returns every map's outcome.
    """
    if output is not None and os.path.isfile(output):
        from argmap.diagnostics import UsageError

        raise UsageError(f"{output}: to render a folder, -o must name a folder")
    jobs = [Job(path, target, "") for path, target in files] + plan(folders, output, fmt)
    caches, outcomes, todo = _look(jobs, fmt, options)
    for folder in {os.path.dirname(jobs[n].target) for n in todo}:
        os.makedirs(folder or ".", exist_ok=True)
    pairs = [(jobs[n].path, jobs[n].target) for n in todo]
    if progress_bar and len(pairs) > 1:
        import click

        with click.progressbar(
            length=len(pairs), label="argmap: rendering", file=sys.stderr
        ) as bar:
            shown = 0

            def advance(done: int) -> None:
                nonlocal shown
                bar.update(done - shown)
                shown = done

            fresh_outcomes = list(run(pairs, fmt, options, workers=workers, progress=advance))
    else:
        fresh_outcomes = list(run(pairs, fmt, options, workers=workers))
    for number, outcome in zip(todo, fresh_outcomes, strict=True):
        outcomes[number] = outcome
        if jobs[number].cache:
            caches[jobs[number].cache].remember(jobs[number], outcome)
    for number in todo:
        if jobs[number].cache:
            caches[jobs[number].cache].settle(jobs[number])
    for cache in caches.values():
        cache.save()
    ordered = [outcomes[n] for n in range(len(jobs))]
    for outcome in ordered:
        report(outcome, echo)
    return ordered


def report(outcome: Outcome, echo: Callable[[str], None], *, timing: bool = False) -> None:
    """A map's diagnostics, then its problem or the drawing written, as the CLI prints them."""
    for line in outcome.lines:
        echo(line)
    if outcome.problem:
        echo(f"argmap: error: {outcome.problem}")
    elif outcome.wrote:
        took = f" ({outcome.seconds * 1000:.0f} ms)" if timing else ""
        echo(f"argmap: wrote {outcome.target}{took}")


def summary(outcomes: list[Outcome]) -> str:
    """One line about a batch: how many maps were drawn, up to date, or not drawn."""
    drawn = sum(o.wrote for o in outcomes)
    cached = sum(o.cached for o in outcomes)
    failed = len(outcomes) - drawn - cached
    noun = "map" if len(outcomes) == 1 else "maps"
    return f"argmap: {len(outcomes)} {noun}: {drawn} drawn, {cached} up to date, {failed} not drawn"


__all__ = [
    "CACHE_NAME",
    "COARSE_WINDOW",
    "FINE_WINDOW",
    "MAP_SUFFIXES",
    "Cache",
    "Job",
    "Outcome",
    "draw",
    "drawing_options",
    "find_maps",
    "plan",
    "plan_target",
    "render_folders",
    "render_one",
    "report",
    "run",
    "settings_key",
    "summary",
    "up_to_date",
]
