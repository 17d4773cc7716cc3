"""The ``argmap`` console script: how the process starts and ends around :mod:`argmap.cli`,
and the closing lines of a batch (:func:`tally`, :func:`conclude`), which both paths print.

Two things here serve speed, and only speed; each command works the same without them (tests
run :func:`argmap.cli.main` directly):

- **Out at once.** The command runs without the cyclic garbage collector, and the process
  ends with :func:`os._exit` once the usual exit work is done (see :func:`run`).
- **Up to date without click.** ``argmap render DIR...`` in a Makefile, a pre-commit hook or
  an editor's on-save task runs again and again with nothing changed, and then its answer is
  in the cache files. Importing click takes longer than reading them
  (20-30 ms on a small machine, of some 40 ms in all). So when the command line is exactly
  ``render`` followed by folders (no options, nothing else) and every drawing under them is
  up to date, :func:`_up_to_date` prints what :func:`argmap.cli.render` would (the cached
  warnings, the count, the summary line) and sets the same exit status, from the same
  functions of :mod:`argmap.batch` with the same defaults. Any other command line, or a
  single map to draw, goes to click as usual, which then does all the work.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.batch import Outcome


def tally(errors: int, warnings: int) -> str | None:
    """The closing count of problems, as in ``argmap: 1 error and 37 warnings``; None for none."""
    if not (errors or warnings):
        return None
    parts = [f"{errors} error{'s' * (errors != 1)}"] if errors else []
    parts += [f"{warnings} warning{'s' * (warnings != 1)}"] if warnings else []
    return f"argmap: {' and '.join(parts)}"


def conclude(outcomes: list[Outcome], echo: Callable[[str], None]) -> int:
    """The closing lines of ``argmap render DIR...`` (the count of problems, then the
    batch's summary), and its exit status."""
    from argmap.batch import summary

    line = tally(sum(o.errors for o in outcomes), sum(o.warnings for o in outcomes))
    if line:
        echo(line)
    echo(summary(outcomes))
    return max((o.status for o in outcomes), default=0)


def _up_to_date(args: list[str]) -> int | None:
    """The exit status of ``argmap render DIR...`` when ``args`` are ``render`` and folders
    only, and every drawing under them is up to date (after printing what the command
    prints); None for any other command line or when a map must be drawn."""
    if len(args) < 2 or args[0] != "render":
        return None
    folders = args[1:]
    if not all(folder[:1] != "-" and os.path.isdir(folder) for folder in folders):
        return None
    from argmap import batch
    from argmap.names import DEFAULT_FORMAT

    outcomes = batch.up_to_date(folders, DEFAULT_FORMAT, batch.drawing_options())
    if outcomes is None:
        return None

    def echo(line: str) -> None:
        sys.stderr.write(line + "\n")

    for outcome in outcomes:
        batch.report(outcome, echo)
    return conclude(outcomes, echo)


def run() -> None:
    """The ``argmap`` console script: the command without the garbage collector, then out of
    the process at once.

    On its way out, Python frees every object one by one; after checking a map of 20,000
    claims, that is millions of them and a noticeable pause, for memory the system takes back
    whole anyway. So once the command is done, this does what Python's exit would have done
    but that (waits for threads, runs :mod:`atexit` handlers, among them multiprocessing's
    and logging's, then flushes stdout and stderr) and ends the process with
    :func:`os._exit`. A command that fails with an unexpected exception, an exit status that
    is no number, or a stream that cannot be flushed (a closed pipe) leave the usual way, so
    Python reports them as it always does.
    """
    # A short-lived process: the cyclic garbage collector would only walk the thousands of
    # objects that importing creates again and again (a few ms of every start-up), and a
    # command leaves next to no cycles behind. (Checking pauses it anyway; watch, which runs
    # for hours, turns it back on.)
    gc.disable()
    stopped: SystemExit | None = None
    try:
        status = _up_to_date(sys.argv[1:])
        if status is not None:
            sys.exit(status)
        from argmap.cli import main

        main(prog_name="argmap")
    except SystemExit as exit:
        if exit.code is not None and not isinstance(exit.code, int):
            raise
        # Kept to the end: its traceback holds the command's frames, whose objects (the map
        # checked) would otherwise be freed here, which is what this function avoids.
        stopped = exit
    status = 0 if stopped is None else stopped.code or 0
    shutdown = getattr(sys.modules.get("threading"), "_shutdown", None)
    if shutdown is not None:
        shutdown()  # what the interpreter calls: waits for the threads that are not daemons
    import atexit

    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:
        sys.exit(status)
    os._exit(status)


__all__ = ["conclude", "run", "tally"]
