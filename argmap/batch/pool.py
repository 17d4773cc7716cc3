"""Jobs → drawings, in parallel across cores, skipping the ones already up to date.

``argmap render DIR`` draws every map (``*.yaml``, ``*.yml``) under a folder. Each map is
checked and drawn in a worker process (Graphviz keeps global state and is not thread-safe), so
a batch uses every core; a map with errors, or one Graphviz cannot draw, is reported and the
others go on. The cache (:mod:`argmap.batch.cache`) says which drawings are up to date.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from argmap.api import OUT_OF_MEMORY, check_map_bytes, drafted, draw
from argmap.batch.cache import Cache, hashed, settings_key, settled, sha
from argmap.batch.jobs import Job, Outcome, clashes, plan
from argmap.diagnostics import ArgmapError, Severity, UsageError
from argmap.draw.engine import load_graphviz
from argmap.draw.options import DrawOptions
from argmap.io import (
    figure_paths,
    leftover_notes,
    make_folder,
    read_with_stat,
    stop_cleanly,
    write_once,
)
from argmap.overwrite import guard
from argmap.project import confine, roots

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future


def render_one(
    path: str,
    target: str,
    fmt: str,
    options: DrawOptions,
    source_root: str | None = None,
    force: bool = False,
) -> Outcome:
    """Check one map and, when it has no errors, draw it into ``target`` (atomically), or,
    drawn as several figures (``--fit``), into ``NAME-1.EXT`` ... beside it
    (:func:`~argmap.io.figure_paths`); its source is read only inside the map's project or
    ``source_root``. Nothing is written over the map, its source, or (unless ``force``) a
    file of another kind (:func:`argmap.overwrite.guard`).

    Never raises for a problem with the map or its output: the outcome says what happened.
    The cache entry it returns hashes exactly the bytes that were checked and drawn: the
    map's as read, the drawing's as written, and the source's, read after the check but
    settled since before it; a source that changed lately is checked again once it is hashed,
    so that its hash is never of newer bytes than the check saw.
    """
    started, looked = time.perf_counter(), time.time_ns()
    try:
        data, info = read_with_stat(path)  # Unreadable (a UsageError) says why not
        map_stat = settled(info, looked)
        checked = check_map_bytes(data, path, source_root=source_root)
        location, source_file = None, None
        if checked.map is not None and checked.map.source is not None:
            location = os.path.join(os.path.dirname(path), checked.map.source.path)
            try:  # outside the project (AM117): not even hashed
                folders = roots(path, source_root)
                inside = confine(location, folders, os.path.dirname(path)) is not None
                source_file = hashed(location, looked) if inside else None
            except ArgmapError:  # not there or unreadable (AM109), or gone since: no entry
                source_file = None
            if source_file is not None and source_file["stat"] is None:
                # The source changed lately, perhaps during the check: check again, now that
                # its hash is taken, so that the hash is never of newer bytes than the check's.
                checked = check_map_bytes(data, path, source_root=source_root)
    except ArgmapError as exc:
        return Outcome(path, target, problem=str(exc), seconds=time.perf_counter() - started)
    lines = tuple(str(d) for d in checked.diagnostics)
    errors = sum(d.severity is Severity.ERROR for d in checked.diagnostics)
    counts = {"lines": lines, "errors": errors, "warnings": len(lines) - errors}
    amap, draft = checked.map, None
    if not checked.ok:  # with --draft, drawn as a draft when it gives a map
        found = drafted(data, checked) if options.draft else None
        if found is None:
            return Outcome(path, target, **counts, seconds=time.perf_counter() - started)
        amap, draft = found
    assert amap is not None
    notes: list[str] = []
    try:
        drawings = draw(amap, path, fmt, options, notes=notes, source_root=source_root,
                        draft=draft)  # fmt: skip
        paths = figure_paths(Path(target), len(drawings))  # several with --fit
        for where in paths:  # every figure, before any is written
            guard(amap, path, where, fmt, force=force)
        make_folder(os.path.dirname(target))
        for where, drawing in zip(paths, drawings, strict=True):
            write_once(where, drawing, durable=True)  # the same bytes: left untouched
    except ArgmapError as exc:
        return Outcome(
            path, target, **counts, problem=str(exc), seconds=time.perf_counter() - started
        )
    counts["lines"] = lines + tuple(f"{path}: note: {note}" for note in notes)
    left = tuple(leftover_notes(paths))
    record = None
    # A drawing with notes has text the shipped font lacks, drawn with the machine's fonts,
    # which the cache cannot see: it is drawn again on every run rather than trusted.
    if not notes and (location is None or source_file is not None):
        source = amap.source
        record = {
            "map": {"sha256": sha(data), "stat": map_stat},
            "source": None if source is None else source.path,  # as the map names it
            "source_file": source_file,
            # Just written: not settled. One record a figure, in order (figure_paths).
            "drawings": [{"sha256": sha(drawing), "stat": None} for drawing in drawings],
            "lines": [line[len(path) :] for line in lines],  # replayed after the map's path
            "errors": counts["errors"],
            "warnings": counts["warnings"],
        }
    return Outcome(
        path, target, **counts, wrote=True, seconds=time.perf_counter() - started,
        record=record, source=location, written=tuple(map(str, paths)), leftovers=left,
    )  # fmt: skip


def failure(exc: BaseException) -> str:
    """An exception that stopped a map, in words: running out of memory as such, anything
    else (a bug) by its type and message.

    >>> failure(MemoryError()).split(";")[0], failure(KeyError("x"))
    ('ran out of memory while checking or drawing it', "KeyError: 'x'")
    """
    if isinstance(exc, MemoryError):
        return OUT_OF_MEMORY
    said = str(exc)
    return f"{type(exc).__name__}: {said}" if said else type(exc).__name__


def load_pool() -> tuple[ModuleType, ModuleType]:
    """The standard library's process pool and multiprocessing: imported when several maps are
    drawn at once, rather than with this module, which one map drawn or checked never needs
    (they take a quarter as long to load as the whole of checking a small map)."""
    import concurrent.futures.process
    import multiprocessing

    return concurrent.futures.process, multiprocessing


def _pool_context(multiprocessing: ModuleType) -> multiprocessing.context.BaseContext:
    """Fork where it is safe (POSIX, no other thread running): workers start at once with
    everything the parent imported. Elsewhere, the platform's default."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1 and sys.platform != "darwin":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def run(
    jobs: list[tuple[str, str]],
    fmt: str,
    options: DrawOptions,
    *,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
    source_root: str | None = None,
    force: bool = False,
) -> Iterator[Outcome]:
    """Render ``(map, target)`` pairs, in parallel when there are several; yields each
    outcome in the order of ``jobs`` as soon as it and all before it are done.

    ``progress`` is called with the number of maps finished, as they finish. When the batch
    is stopped (Ctrl-C, SIGTERM), the maps not begun are dropped and the workers finish the
    drawings they are writing, or remove them (:func:`argmap.io.write_atomic`).
    """
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    if workers <= 1:
        for number, (path, target) in enumerate(jobs, 1):
            try:
                yield render_one(path, target, fmt, options, source_root, force)
            except Exception as exc:  # as from a worker, below
                yield Outcome(path, target, problem=f"{path}: {failure(exc)}")
            if progress:
                progress(number)
        return
    done = 0

    def finished(future: Future[Outcome]) -> None:
        nonlocal done
        if future.cancelled():  # not begun when the batch was stopped
            return
        done += 1
        if progress:
            progress(done)

    futures_module, multiprocessing = load_pool()
    context = _pool_context(multiprocessing)
    if context.get_start_method() == "fork":
        load_graphviz()  # once, in this process, rather than in every worker
    pool = futures_module.ProcessPoolExecutor(workers, mp_context=context, initializer=stop_cleanly)
    try:
        futures = []
        for path, target in jobs:
            future = pool.submit(render_one, path, target, fmt, options, source_root, force)
            future.add_done_callback(finished)
            futures.append(future)
        for (path, target), future in zip(jobs, futures, strict=True):
            try:
                yield future.result()
            except futures_module.BrokenProcessPool:
                crashed = "the renderer crashed (the system may have stopped it for lack of memory)"
                yield Outcome(path, target, problem=f"{path}: {crashed}")
            except SystemExit as exc:
                if not future.done() or future.exception() is not exc:
                    raise  # this process was told to stop
                yield Outcome(path, target, problem=f"{path}: the renderer was stopped")
            except Exception as exc:  # report it with the map, and go on with the rest
                yield Outcome(path, target, problem=f"{path}: {failure(exc)}")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def render_folders(
    folders: list[str],
    output: str | None,
    fmt: str,
    options: DrawOptions,
    *,
    workers: int | None = None,
    files: Iterable[tuple[str, str]] = (),
    progress: Callable[[int, int], None] | None = None,
    source_root: str | None = None,
    note: Callable[[str], None] | None = None,
    force: bool = False,
) -> list[Outcome]:
    """``argmap render DIR...``: draw every map under the folders that is not up to date.

    ``files`` are more maps, named one by one, with their targets: always drawn. Returns
    every map's outcome in path order (those up to date from their cache, with the cached
    warnings); ``progress`` is called with the maps finished and the maps to draw. Maps
    whose drawings would go to one file are not drawn (:func:`clashes`). ``note`` is told,
    before anything is drawn, of entries skipped (not regular files) and caches ignored;
    when the batch is stopped (Ctrl-C, SIGTERM), of how many maps were drawn, which the
    caches keep.
    """
    named = output.rstrip("/" + os.sep) or output if output is not None else None
    if named is not None and os.path.exists(named) and not os.path.isdir(named):
        raise UsageError(f"{output}: to render a folder, -o must name a folder, not a file")
    jobs, skipped = plan(folders, output, fmt)
    jobs = [Job(path, target, "") for path, target in files] + jobs
    folders_of = {job.cache for job in jobs} - {""}
    caches = {
        folder: Cache(folder, settings_key(fmt, options, source_root, maps), source_root)
        for folder in folders_of
        for maps in [[job.path for job in jobs if job.cache == folder]]
    }
    clashing = clashes((job.path, job.target) for job in jobs)
    outcomes: dict[int, Outcome] = {}
    todo: list[int] = []
    for number, job in enumerate(jobs):
        if job.path in clashing:
            outcomes[number] = Outcome(job.path, job.target, problem=clashing[job.path])
            if job.cache:
                caches[job.cache].remember(job, outcomes[number])
            continue
        fresh = caches[job.cache].fresh(job) if job.cache else None
        if fresh is None:
            todo.append(number)
        else:
            outcomes[number] = fresh
    ignored = {folder for folder, cache in caches.items() if cache.problem}
    if ignored:  # a cache found hostile part way: none of its entries holds
        todo = sorted({*todo, *(n for n in outcomes if jobs[n].cache in ignored
                                and jobs[n].path not in clashing)})  # fmt: skip
    for line in [*skipped, *(caches[folder].problem or "" for folder in sorted(ignored))]:
        if note is not None:
            note(line)
    for folder in sorted({os.path.dirname(jobs[n].target) for n in todo}):
        make_folder(folder)  # here, once, rather than in each worker: a clear error first
    pairs = [(jobs[n].path, jobs[n].target) for n in todo]

    def advance(done: int) -> None:
        if progress is not None:
            progress(done, len(pairs))

    drawn = run(pairs, fmt, options, workers=workers, progress=advance, source_root=source_root,
                force=force)  # fmt: skip
    finished = []
    try:
        for number, outcome in zip(todo, drawn, strict=True):
            outcomes[number] = outcome
            finished.append(number)
            if jobs[number].cache:
                caches[jobs[number].cache].remember(jobs[number], outcome)
    except (KeyboardInterrupt, SystemExit):  # Ctrl-C, SIGTERM
        if note is not None:
            kept = sum(outcomes[number].wrote for number in finished)
            noun = "map" if len(pairs) == 1 else "maps"
            note(f"argmap: stopped: {kept} of {len(pairs)} {noun} drawn; "
                 "the next run draws the others")  # fmt: skip
        raise
    finally:  # also when stopped (Ctrl-C, SIGTERM): what was drawn is not drawn again
        for number in finished:
            if jobs[number].cache:
                caches[jobs[number].cache].settle(jobs[number])
        for cache in caches.values():
            cache.save()
    return [outcomes[n] for n in range(len(jobs))]


__all__ = ["failure", "render_folders", "render_one", "run"]
