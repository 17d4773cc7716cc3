"""DOT source → SVG/PNG/PDF bytes with the Graphviz bundled in pygraphviz, in process."""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import io
import logging
import os
import re
import sys
import tempfile
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import IO

from argmap.diagnostics import ArgmapError
from argmap.draw.options import ENGINE_FORMATS

FORMATS = ENGINE_FORMATS
PNG_DPI = 144
"""Resolution of PNG output: 1.5 times Graphviz's 96, sharp on high-density screens and paper."""


log = logging.getLogger(__name__)


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


def graphviz_identity() -> str:
    """The Graphviz this process draws with, without loading it: a hash of the list of files
    that the installed pygraphviz wheel holds (its ``RECORD``, which hashes each of them, the
    bundled Graphviz libraries too), or of pygraphviz's own file where there is no such list."""
    spec = importlib.util.find_spec("pygraphviz")
    if spec is None or spec.origin is None:
        return "none"
    package = Path(spec.origin).parent
    records = sorted(package.parent.glob("pygraphviz-*.dist-info/RECORD"))
    source = records[-1] if records else Path(spec.origin)
    return hashlib.sha256(source.read_bytes()).hexdigest()[:16]


def load_graphviz() -> ModuleType:
    """pygraphviz, with Graphviz's C libraries: imported on first use rather than with this
    module, so that what only checks maps (``--help``, ``check``) never loads them."""
    import pygraphviz

    return pygraphviz


def render(dot_source: str, fmt: str) -> bytes:
    """Lay out DOT source with Graphviz's ``dot`` and draw it, in process.

    Args:
        dot_source: A DOT graph, e.g. from :func:`argmap.draw.graph.to_dot`.
        fmt: ``svg``, ``png``, ``pdf``, or ``dot`` (the source itself, as UTF-8).

    Returns:
        The drawing. The same source gives the same bytes (PDF's creation date is fixed).

    Raises:
        ValueError: ``fmt`` is not one of :data:`FORMATS`.
        RenderError: Graphviz rejected the source; the message says why.

    Nothing reaches stderr: Graphviz's warnings are logged to ``argmap.draw.engine`` at INFO,
    library noise at DEBUG.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt == "dot":
        return dot_source.encode("utf-8")
    pygraphviz = load_graphviz()
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


__all__ = ["FORMATS", "RenderError", "graphviz_identity", "load_graphviz", "render"]
