"""Folders of maps → drawings, in parallel across cores, skipping the ones already up to date.

``argmap render DIR`` draws every map (``*.yaml``, ``*.yml``) under a folder. Each map is
checked and drawn in a worker process (Graphviz keeps global state and is not thread-safe), so
a batch uses every core; a map with errors, or one Graphviz cannot draw, is reported and the
others go on. A small cache file, :data:`CACHE_NAME`, in the output folder (the map folder
itself without ``-o``) remembers for each drawing the hashes of what it was made from: the
map's bytes, its source text's bytes, and the settings (argmap's and Graphviz's versions, the
format and the drawing options). A map whose three hashes match, and whose drawing is still
the file that was written, is skipped, and its warnings are repeated from the cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from argmap.api import check_bytes, read_file, render_map, source_text
from argmap.diagnostics import ArgmapError, Severity, UsageError
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    import concurrent.futures
    import multiprocessing.context

#: The cache file, written in the folder that receives the drawings.
CACHE_NAME = ".argmap-cache.json"
#: Map files that ``argmap render DIR`` picks up.
MAP_SUFFIXES = (".yaml", ".yml")
_CACHE_FORMAT = 1


# --- drawing one map ----------------------------------------------------------------------


def draw(amap: ArgumentMap, path: str, fmt: str, options: dict[str, Any]) -> bytes:
    """A checked map drawn as ``fmt`` with the render command's ``options``.

    ``options`` holds every option that changes the drawing, by the render command's
    parameter names: ``focus`` and ``depth`` select part of the map
    (:func:`argmap.focus.focus`); the rest go to :func:`argmap.api.render_map`. ``path`` is
    the map file's, to find the source text an HTML page shows.
    """
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


@attrs.frozen
class Outcome:
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

    @property
    def status(self) -> int:
        """0 drawn (or up to date), 1 the map has errors, 2 it could not be read or drawn."""
        return 2 if self.problem else 1 if self.errors else 0


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def render_one(path: str, target: str, fmt: str, options: dict[str, Any]) -> Outcome:
    """Check one map and, when it has no errors, draw it into ``target`` (atomically).

    Never raises for a problem with the map or its output: the outcome says what happened.
    """
    from argmap.render import write_atomic

    started = time.perf_counter()
    try:
        data = read_file(path)
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
    source = _source_path(checked.map, path)
    record = {
        "map": _sha(data),
        "source": None if source is None else os.path.abspath(source),
        "source_sha": None if source is None else _file_sha(source),
        "lines": [line[len(path) :] for line in lines],  # replayed after the map's path
        "errors": errors,
        "warnings": warnings,
        **_stamp(target),
    }
    return Outcome(
        path, target, **counts, wrote=True, seconds=time.perf_counter() - started, record=record
    )


def _source_path(amap: ArgumentMap, path: str) -> str | None:
    if amap.source is None:
        return None
    return os.path.join(os.path.dirname(path), amap.source.path)


def _file_sha(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return _sha(handle.read())
    except OSError:
        return None


def _stamp(target: str) -> dict[str, int]:
    """What identifies the drawing as the file argmap wrote: its size and modification time."""
    info = os.stat(target)
    return {"size": info.st_size, "mtime_ns": info.st_mtime_ns}


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


@attrs.frozen
class Job:
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
    """A hash of everything besides the map and its source that shapes a drawing."""
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
    return _sha(json.dumps(settings, sort_keys=True, default=str).encode("utf-8"))


class Cache:
    """The drawings of one output folder and what each was made from (:data:`CACHE_NAME`)."""

    def __init__(self, folder: str, settings: str) -> None:
        self.file = os.path.join(folder, CACHE_NAME)
        self.settings = settings
        self.entries: dict[str, dict[str, Any]] = {}
        self.changed = False
        with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
            with open(self.file, encoding="utf-8") as handle:
                stored = json.load(handle)
            if stored.get("format") == _CACHE_FORMAT and stored.get("settings") == settings:
                self.entries = dict(stored["drawings"])

    def _key(self, job: Job) -> str:
        return os.path.relpath(job.target, os.path.dirname(self.file)).replace(os.sep, "/")

    def fresh(self, job: Job) -> Outcome | None:
        """The outcome of an up-to-date map, from the cache; None when it must be drawn."""
        entry = self.entries.get(self._key(job))
        if entry is None:
            return None
        try:
            if _stamp(job.target) != {"size": entry["size"], "mtime_ns": entry["mtime_ns"]}:
                return None
            if _file_sha(job.path) != entry["map"]:
                return None
            if entry["source"] is not None and _file_sha(entry["source"]) != entry["source_sha"]:
                return None
            lines = tuple(job.path + line for line in entry["lines"])
            errors, warnings = int(entry["errors"]), int(entry["warnings"])
        except (OSError, KeyError, TypeError, ValueError):
            return None
        return Outcome(job.path, job.target, lines, errors, warnings, cached=True)

    def remember(self, job: Job, outcome: Outcome) -> None:
        key = self._key(job)
        if outcome.record is not None:
            self.entries[key] = {"path": job.path, **outcome.record}
            self.changed = True
        elif key in self.entries and not outcome.cached:
            del self.entries[key]
            self.changed = True

    def save(self) -> None:
        """Write the cache if it changed; a cache that cannot be written is no error."""
        if not self.changed:
            return
        from argmap.render import write_atomic

        content = {
            "format": _CACHE_FORMAT,
            "about": "argmap's record of the drawings in this folder; safe to delete",
            "settings": self.settings,
            "drawings": dict(sorted(self.entries.items())),
        }
        text = json.dumps(content, indent=1, ensure_ascii=False) + "\n"
        with contextlib.suppress(ArgmapError, OSError):
            os.makedirs(os.path.dirname(self.file) or ".", exist_ok=True)
            write_atomic(self.file, text.encode("utf-8"))


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

    import pygraphviz  # noqa: F401  # once, before the workers fork, rather than once in each

    done = 0

    def finished(_: concurrent.futures.Future[Outcome]) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done)

    with concurrent.futures.ProcessPoolExecutor(workers, mp_context=_pool_context()) as pool:
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
        raise UsageError(f"{output}: to render a folder, -o must name a folder")
    jobs = [Job(path, target, "") for path, target in files] + plan(folders, output, fmt)
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
    "MAP_SUFFIXES",
    "Cache",
    "Job",
    "Outcome",
    "draw",
    "find_maps",
    "plan",
    "plan_target",
    "render_folders",
    "render_one",
    "report",
    "run",
    "settings_key",
    "summary",
]
