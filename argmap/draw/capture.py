"""What Graphviz and the C libraries under it print during a render → lines collected instead
of shown on the user's terminal, Graphviz's errors among them, the rest logged.

Graphviz and the libraries it draws with (fontconfig, pango, cairo) write straight to file
descriptor 2, and pygraphviz 2.x has no hook for Graphviz's messages. So :func:`quiet` points
fd 2 at a file of its own for the duration of a render and restores it afterwards; Python-level
stderr and Python warnings are collected too. This is chosen over pointing FONTCONFIG_FILE at a
config of our own: that would change which fonts the system's configuration picks (aliases such
as sans-serif → DejaVu Sans live in it), leak into child processes through the environment,
and would still leave Graphviz's own warnings on the user's terminal. The fd swap is
process-wide: another thread printing to stderr during a render has its output collected with
the render's (and logged, not lost); the caller holds the engine's lock.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import logging
import os
import re
import sys
import tempfile
import warnings
from collections.abc import Iterator
from typing import IO

# What C libraries print on stderr during a render, apart from Graphviz's own messages.
# The fontconfig built into the pygraphviz wheel is older than many systems' configuration
# and reads it anyway, printing e.g. 'Fontconfig warning: ... unknown element "reset-dirs"';
# GLib-based libraries (pango) print '(process:123): Pango-WARNING **: ...'.
_LIBRARY_NOISE = re.compile(
    r"Fontconfig (warning|error)"
    r"|\([^)\s]*:\d+\): [\w-]+-(WARNING|CRITICAL)"  # GLib's "(process:123): Pango-WARNING"
)
_GRAPHVIZ_MESSAGE = re.compile(r"(Error|Warning): ")

#: The file fd 2 is pointed at during a render (a temporary file, removed when closed) and the
#: process that made it: one for the process, emptied before each render, rather than one a
#: figure; a forked child (the batch's pool) makes its own.
_sink: tuple[IO[bytes], int] | None = None


def graphviz_messages(said: list[str], log: logging.Logger) -> list[str]:
    """Log what Graphviz and the libraries said to ``log``; return Graphviz's errors, one per
    message.

    A line starting ``Error:`` or ``Warning:`` starts a Graphviz message and the lines after
    it continue it (Graphviz quotes the offending source on them); library noise and other
    stray lines are logged and never count as errors.
    """
    messages: list[list[str]] = []  # [kind, text] with kind "Error", "Warning" or "other"
    for line in said:
        start = _GRAPHVIZ_MESSAGE.match(line)
        if _LIBRARY_NOISE.match(line):
            log.debug("%s", line)
            messages.append(["noise", ""])
        elif start:
            messages.append([start.group(1), line[start.end() :].strip()])
        elif messages and messages[-1][0] in ("Error", "Warning"):
            messages[-1][1] += " " + line.strip()
        else:
            messages.append(["other", line.strip()])
    errors = []
    for kind, text in messages:
        if kind == "Error":
            errors.append(text)
        elif kind != "noise":
            log.info("graphviz: %s", text)
    return errors


@contextlib.contextmanager
def quiet() -> Iterator[list[str]]:
    """Collect, instead of showing, all that a render prints or warns; yields the lines (they
    are there once the block is left)."""
    global _sink
    if _sink is None or _sink[1] != os.getpid():
        if _sink is not None:  # a forked child's copy of its parent's: closed here only
            _sink[0].close()
        # TemporaryFile, not mkstemp and unlink: Windows cannot remove a file that is open.
        _sink = (tempfile.TemporaryFile(prefix="argmap-graphviz-"), os.getpid())  # noqa: SIM115
        atexit.register(_sink[0].close)
    sink = _sink[0].fileno()
    os.ftruncate(sink, 0)
    os.lseek(sink, 0, os.SEEK_SET)
    said: list[str] = []
    with (
        _fd2_to(sink),
        contextlib.redirect_stderr(io.StringIO()) as py_err,
        warnings.catch_warnings(record=True) as caught,
    ):
        warnings.simplefilter("always")
        yield said
    os.lseek(sink, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(sink, 65536):
        chunks.append(chunk)
    text = b"".join(chunks).decode("utf-8", "replace") + py_err.getvalue()
    said.extend(line for line in text.splitlines() if line.strip())
    said.extend(line for w in caught for line in str(w.message).splitlines() if line.strip())


@contextlib.contextmanager
def _fd2_to(sink: int) -> Iterator[None]:
    with contextlib.suppress(Exception):
        sys.stderr.flush()  # what Python wrote before belongs on the real stderr
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all (e.g. pythonw): nothing can leak
        yield
        return
    try:
        os.dup2(sink, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


__all__ = ["graphviz_messages", "quiet"]
