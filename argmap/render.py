"""DOT source → SVG/PNG/PDF bytes with the Graphviz bundled in pygraphviz; atomic file writes."""

from __future__ import annotations

import contextlib
import io
import os
import re
import stat
import sys
import tempfile  # pygraphviz imports it anyway
import threading
import warnings
from collections.abc import Iterator
from typing import IO

from argmap.diagnostics import ArgmapError, UsageError

FORMATS = ("svg", "png", "pdf", "dot")
PNG_DPI = 144
"""Resolution of PNG output: 1.5 times Graphviz's 96, sharp on high-density screens and paper."""


def _log(level: str, message: str) -> None:
    """``message`` to this module's logger at ``level`` ("debug" or "info"), when logging is in
    use: if nothing has imported :mod:`logging`, nothing has configured it, and unconfigured
    logging drops debug and info messages; importing it only to drop them would cost more
    than drawing a small map."""
    logging = sys.modules.get("logging")
    if logging is not None:
        getattr(logging.getLogger(__name__), level)("%s", message)


class RenderError(ArgmapError):
    """Graphviz could not lay out or draw a diagram; the message is what Graphviz said."""


# Graphviz keeps global state and is not thread-safe; the stderr capture below swaps a
# process-wide file descriptor. One render at a time.
_LOCK = threading.Lock()

# What C libraries print on stderr during a render, apart from Graphviz's own messages.
# The fontconfig built into the pygraphviz wheel is older than many systems' configuration
# and reads it anyway, printing e.g. 'Fontconfig warning: ... unknown element "reset-dirs"';
# GLib-based libraries (pango) print '(process:123): Pango-WARNING **: ...'.
_LIBRARY_NOISE = re.compile(
    r"Fontconfig (warning|error)"
    r"|\([^)\s]*:\d+\): [\w-]+-(WARNING|CRITICAL)"  # GLib's "(process:123): Pango-WARNING"
)
_GRAPHVIZ_MESSAGE = re.compile(r"(Error|Warning): ")


def render(dot_source: str, fmt: str) -> bytes:
    """Lay out DOT source with Graphviz's ``dot`` and draw it, in process.

    Args:
        dot_source: A DOT graph, e.g. from :func:`argmap.dot.to_dot`.
        fmt: ``svg``, ``png``, ``pdf``, or ``dot`` (the source itself, as UTF-8).

    Returns:
        The drawing. The same source gives the same bytes (PDF's creation date is fixed).

    Raises:
        ValueError: ``fmt`` is not one of :data:`FORMATS`.
        RenderError: Graphviz rejected the source; the message says why.

    Nothing reaches stderr: Graphviz's warnings are logged to ``argmap.render`` at INFO,
    library noise at DEBUG.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt == "dot":
        return dot_source.encode("utf-8")
    import pygraphviz  # here, not at the top: it loads Graphviz's C libraries (startup speed)

    args = f"-Gdpi={PNG_DPI}" if fmt == "png" else ""
    failure: Exception | None = None
    data = b""
    with _LOCK, _quiet() as said:
        try:
            graph = pygraphviz.AGraph(string=dot_source)
            # One gvLayout + gvRender: the same as `dot -T<fmt>`, with no position round trip.
            data = graph.draw(format=fmt, prog="dot", args=args)
        except (pygraphviz.DotError, ValueError, TypeError, OSError) as exc:
            failure = exc
    errors = _graphviz_messages(said)
    if errors or failure is not None or not data:
        if errors:
            detail = "; ".join(errors)
        elif isinstance(failure, pygraphviz.DotError) or not dot_source.strip():
            detail = "the DOT source could not be read"
        else:
            detail = str(failure or "Graphviz produced no output")
        raise RenderError(f"Graphviz could not draw the diagram: {detail}") from failure
    if fmt == "pdf":
        data = _fixed_pdf_date(data)
    return data


def _graphviz_messages(said: list[str]) -> list[str]:
    """Log what Graphviz and the libraries said; return Graphviz's errors, one per message.

    A line starting ``Error:`` or ``Warning:`` starts a Graphviz message and the lines after
    it continue it (Graphviz quotes the offending source on them); library noise and other
    stray lines are logged and never count as errors.
    """
    messages: list[list[str]] = []  # [kind, text] with kind "Error", "Warning" or "other"
    for line in said:
        start = _GRAPHVIZ_MESSAGE.match(line)
        if _LIBRARY_NOISE.match(line):
            _log("debug", line)
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
            _log("info", f"graphviz: {text}")
    return errors


@contextlib.contextmanager
def _quiet() -> Iterator[list[str]]:
    """Collect, instead of showing, all that a render prints or warns; yields the lines.

    Graphviz and the C libraries under it (fontconfig, pango, cairo) write straight to file
    descriptor 2, and pygraphviz 2.x has no hook for Graphviz's messages. So fd 2 is pointed
    at a temporary file for the duration of the render and restored afterwards; Python-level
    stderr and Python warnings are captured too. This is chosen over pointing FONTCONFIG_FILE
    at a config of our own: that would change which fonts the system's configuration picks
    (aliases such as sans-serif → DejaVu Sans live in it), leak into child processes through
    the environment, and would still leave Graphviz's own warnings on the user's terminal.
    The fd swap is process-wide: another thread printing to stderr during a render has its
    output collected with the render's (and logged, not lost).
    """
    said: list[str] = []
    with tempfile.TemporaryFile() as sink:
        with (
            _fd2_to(sink),
            contextlib.redirect_stderr(io.StringIO()) as py_err,
            warnings.catch_warnings(record=True) as caught,
        ):
            warnings.simplefilter("always")
            yield said
        sink.seek(0)
        text = sink.read().decode("utf-8", "replace") + py_err.getvalue()
    said.extend(line for line in text.splitlines() if line.strip())
    said.extend(line for w in caught for line in str(w.message).splitlines() if line.strip())


@contextlib.contextmanager
def _fd2_to(sink: IO[bytes]) -> Iterator[None]:
    with contextlib.suppress(Exception):
        sys.stderr.flush()  # what Python wrote before belongs on the real stderr
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all (e.g. pythonw): nothing can leak
        yield
        return
    try:
        os.dup2(sink.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


_PDF_DATE = re.compile(rb"/CreationDate \(D:[0-9Z+\-']*\)")


def _fixed_pdf_date(data: bytes) -> bytes:
    """Replace cairo's creation date by 1970-01-01, keeping its length (xref offsets hold)."""

    def fixed(match: re.Match[bytes]) -> bytes:
        digits = iter(b"19700101000000" + b"0" * 16)
        return bytes(next(digits) if 0x30 <= c <= 0x39 else c for c in match.group())

    return _PDF_DATE.sub(fixed, data, count=1)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never half.

    The bytes go to a temporary file in the same folder, are flushed to disk, and the file is
    renamed over ``path``. An existing file's permissions are kept; a new one gets the usual
    ones (0666 less the umask). On failure the temporary file is removed and ``path`` is
    untouched.

    Raises:
        UsageError: The file could not be written (the message says why).
    """
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = None
    try:
        fd, temp = _create_temp(folder, os.path.basename(target))
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from exc
        raise
    _sync_folder(folder)


def _create_temp(folder: str, name: str) -> tuple[int, str]:
    """A new file next to the target, created with 0666 so the umask applies as usual."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = os.path.join(folder, f".{name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable where the platform allows (POSIX)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


__all__ = ["FORMATS", "RenderError", "render", "write_atomic"]
