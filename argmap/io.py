"""Files in and out, at the edge: bounded reads of regular files, whole-or-nothing writes.

Maps come from other people, so every read goes through :func:`read_file`: only a regular file
is read (a FIFO, device or directory is refused at once, never waited on), and at most
:func:`read_limit` bytes of it. Writes replace regular files only (:func:`write_atomic`), and
a file being written is removed when the process is stopped (:func:`stop_cleanly`). Where a
map may read from is :mod:`argmap.project`'s question.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import BinaryIO

from argmap.diagnostics import UsageError
from argmap.meant import nearby

#: The most argmap reads of one file (a map, a source text, a file to import, the cache),
#: unless the environment variable ``ARGMAP_READ_LIMIT`` says otherwise.
READ_LIMIT = 16 * 2**20
LIMIT_VARIABLE = "ARGMAP_READ_LIMIT"
_UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30}

_KINDS = (
    (stat.S_ISDIR, "directory"),
    (stat.S_ISFIFO, "FIFO (named pipe)"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISSOCK, "socket"),
)


class Unreadable(UsageError):
    """A file that argmap could not or would not read; ``reason`` says why, without its name,
    ``hint`` what was probably meant, and ``kind`` what it is when it is no regular file
    (``"FIFO (named pipe)"``)."""

    def __init__(self, path: str, reason: str, hint: str = "", kind: str | None = None) -> None:
        self.path, self.reason, self.kind = path, reason, kind
        super().__init__(f"{path}: {reason}{hint}")


def read_limit() -> int:
    """The most bytes argmap reads of one file: ``ARGMAP_READ_LIMIT`` (bytes, or with a
    K, M or G suffix for KiB, MiB, GiB), else :data:`READ_LIMIT` (16 MiB).

    Raises:
        UsageError: The variable is set to something else than a size.
    """
    value = os.environ.get(LIMIT_VARIABLE, "").replace(" ", "").upper()
    value = value.removesuffix("B").removesuffix("I")
    if not value:
        return READ_LIMIT
    number, unit = (value[:-1], value[-1]) if value[-1] in _UNITS else (value, "")
    if not number.isdigit() or int(number) <= 0:
        raise UsageError(f"{LIMIT_VARIABLE}={os.environ[LIMIT_VARIABLE]!r} is not a size such "
                         "as 64M")  # fmt: skip
    return int(number) * _UNITS[unit]


def describe_size(size: int) -> str:
    """A size in bytes as people say it.

    >>> describe_size(16 * 2**20), describe_size(1536), describe_size(100)
    ('16 MiB', '1.5 KiB', '100 bytes')
    """
    for unit, factor in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= factor:
            return f"{size / factor:.4g} {unit}"
    return f"{size} bytes"


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is, in words (None for a regular file)."""
    return next((name for test, name in _KINDS if test(mode)), None if stat.S_ISREG(mode) else
                "special file")  # fmt: skip


def read_file(
    path: str | os.PathLike[str], *, what: str = "map file", limit: int | None = None
) -> bytes:
    """The bytes of a regular file, at most ``limit`` of them (:func:`read_limit`).

    A directory, FIFO, device or socket is refused at once, without being opened (so a FIFO
    with no writer never blocks), as is a file larger than the limit; one that grows while
    it is read is stopped at the limit.

    Raises:
        Unreadable: The file cannot be read or is refused; ``what`` names what it should be.
    """
    return read_with_stat(path, what=what, limit=limit)[0]


def read_with_stat(
    path: str | os.PathLike[str], *, what: str = "map file", limit: int | None = None
) -> tuple[bytes, os.stat_result]:
    """:func:`read_file`, with the file's stat as it was when read."""
    name = os.fspath(path)
    limit = read_limit() if limit is None else limit
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        kind = kind_of(os.stat(name).st_mode)  # not even opened unless a regular file
        if kind is not None:
            raise Unreadable(name, f"is a {kind}, not a {what}", kind=kind)
        fd = os.open(name, flags | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise Unreadable(name, "no such file", nearby(name)) from None
    except (IsADirectoryError, PermissionError):
        if os.path.isdir(name):
            raise Unreadable(name, f"is a directory, not a {what}") from None
        raise Unreadable(name, "permission denied") from None
    except OSError as exc:
        raise Unreadable(name, f"cannot read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        kind = kind_of(info.st_mode)  # replaced since: a FIFO opens without waiting
        if kind is not None:
            raise Unreadable(name, f"is a {kind}, not a {what}", kind=kind)
        if info.st_size > limit:
            raise Unreadable(name, _too_big(info.st_size, limit))
        chunks, size = [], 0
        while size <= limit:  # st_size may be 0 (/proc) or grow: read to the end or the limit
            chunk = os.read(fd, max(min(info.st_size, limit) + 1 - size, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise Unreadable(name, _too_big(None, limit))
        return b"".join(chunks), info
    except OSError as exc:
        raise Unreadable(name, f"cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def read_stream(stream: BinaryIO, name: str, *, limit: int | None = None) -> bytes:
    """The bytes of a stream (standard input) to its end, at most ``limit`` of them
    (:func:`read_limit`); ``name`` names it in the error.

    Raises:
        Unreadable: The stream is larger than the limit or cannot be read.
    """
    limit = read_limit() if limit is None else limit
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise Unreadable(name, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise Unreadable(name, _too_big(None, limit))
    return data


def _too_big(size: int | None, limit: int) -> str:
    have = f" ({describe_size(size)})" if size is not None else ""
    return (f"is larger than argmap reads{have}: the limit is {describe_size(limit)} "
            f"(set {LIMIT_VARIABLE} to change it)")  # fmt: skip


def _read_only(target: str, info: os.stat_result) -> bool:
    """Whether the file at ``target`` (not a link: a link is replaced, what it points to left
    alone) is one its owner marked read-only, or one this user may not write: renaming a new
    file over it would replace it all the same, where ``cp`` or ``>`` would refuse."""
    if os.path.islink(target):
        return False
    return not stat.S_IMODE(info.st_mode) & 0o222 or not os.access(target, os.W_OK)


def write_atomic(path: str | os.PathLike[str], data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never half.

    The bytes go to a new temporary file in the same folder, are flushed to disk (unless not
    ``durable``), and the file is renamed over ``path``. An existing file's permissions are
    kept; a new one gets the usual ones (0666 less the umask). On failure, or when the
    process is interrupted or terminated, the temporary file is removed and ``path`` is
    untouched. Only a regular file is replaced: a device, FIFO, socket or directory at
    ``path`` (or behind a link there) is refused, never replaced by a file, and so is a
    read-only file.

    Raises:
        UsageError: The file could not be written (the message says why).
    """
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    try:
        info: os.stat_result | None = os.stat(target)
    except OSError:
        info = None
    kind = None if info is None else kind_of(info.st_mode)
    if kind is not None:
        raise UsageError(f"cannot write {target}: it is a {kind}, and argmap replaces only "
                         "regular files")  # fmt: skip
    if info is not None and _read_only(target, info):
        raise UsageError(f"cannot write {target}: it is read-only (make it writable to replace it)")
    try:
        fd, temp = _create_temp(folder, os.path.basename(target))
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            if durable:
                os.fsync(out.fileno())
        if info is not None:
            os.chmod(temp, stat.S_IMODE(info.st_mode))
        os.replace(temp, target)
    except BaseException as exc:  # also KeyboardInterrupt, and SIGTERM (see argmap.cli)
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from exc
        raise
    if durable:
        _sync_folder(folder)


def write_once(path: str | os.PathLike[str], data: bytes, *, durable: bool = False) -> None:
    """Write a file unless it is there already: kept, its times too, when it is a regular
    file, not a link, holding ``data`` (a drawing that came out the same, so that a build
    depending on it is not run again); anything else there is replaced by
    :func:`write_atomic` (a link itself, never what it points to; a device or folder is
    refused). Names made from content (a document's figure) are easily worked out, so one
    planted as a link must not lead the document to another file, nor the write out of its
    folder.

    Raises:
        UsageError: The file could not be written (the message says why).
    """
    try:
        info = os.lstat(path)
        same = stat.S_ISREG(info.st_mode) and info.st_size == len(data)
        if same and read_file(path, what="figure") == data:
            return
    except (OSError, Unreadable):
        pass
    write_atomic(path, data, durable=durable)


#: Signals that ask a process to end, which argmap turns into an exception (see stop_cleanly).
STOPS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _stop(number: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + number)


def stop_cleanly() -> dict[int, object]:
    """Make SIGTERM and SIGHUP end the process as Ctrl-C does, by an exception raised where
    it runs (SystemExit, with the shell's status 128 + the signal's number): ``finally``
    blocks run, and :func:`write_atomic` removes its temporary file. A signal the process
    was started to ignore (``nohup``) stays ignored. Returns the handlers replaced; only the
    main thread can do this (elsewhere nothing changes)."""
    replaced: dict[int, object] = {}
    for number in STOPS:
        with contextlib.suppress(ValueError, OSError):  # not the main thread
            if signal.getsignal(number) is not signal.SIG_IGN:
                replaced[number] = signal.signal(number, _stop)
    return replaced


@contextlib.contextmanager
def stopping_cleanly() -> Iterator[None]:
    """:func:`stop_cleanly` for the time of a ``with`` block; the handlers are put back."""
    replaced = stop_cleanly()
    try:
        yield
    finally:
        for number, handler in replaced.items():
            signal.signal(number, handler)  # type: ignore[arg-type]


def make_folder(path: str | os.PathLike[str]) -> None:
    """Create the folder ``path`` and any missing folders above it (nothing for ``""``).

    Raises:
        UsageError: It cannot be created; the message says why (a file in the way, ...).
    """
    name = os.fspath(path)
    if not name or os.path.isdir(name):
        return
    try:
        os.makedirs(name, exist_ok=True)
    except FileExistsError:
        why = "a file of that name is in the way"
    except NotADirectoryError:
        why = "a file stands where a folder on its path should be"
    except OSError as exc:
        why = exc.strerror or str(exc)
    else:
        return
    raise UsageError(f"cannot create folder {name}: {why}")


def _create_temp(folder: str, name: str) -> tuple[int, str]:
    """A new file next to the target, created with 0666 so the umask applies as usual (never
    an existing file, nor one behind a link planted under the name)."""
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


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (``b`` need not exist)."""
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def refuse_overwrite(source: str | Path, target: Path | None, what: str, hint: str = "") -> None:
    """A UsageError when ``target`` is the file ``source`` itself, ``what`` naming it (and
    ``hint``, what to do instead, after it)."""
    if target is not None and same_file(Path(source), target):
        raise UsageError(f"{target}: refusing to overwrite {what}{hint}")


def figure_paths(where: Path, count: int) -> list[Path]:
    """Where the ``count`` figures of one drawing go: ``where`` itself for one, else
    ``NAME-1.EXT`` ... ``NAME-N.EXT`` beside it."""
    if count == 1:
        return [where]
    return [where.with_name(f"{where.stem}-{n}{where.suffix}") for n in range(1, count + 1)]


def leftover_notes(written: list[Path]) -> list[str]:
    """The notes that name the files beside the figures ``written`` (:func:`figure_paths`)
    that an earlier drawing of the same map left: the single drawing, or figures numbered past
    the last."""
    first = written[0]
    stem = first.stem[: -len("-1")] if len(written) > 1 else first.stem
    whole = first.with_name(stem + first.suffix)
    found = [whole] if len(written) > 1 and whole.exists() else []
    number = len(written) + 1 if len(written) > 1 else 1
    while (extra := first.with_name(f"{stem}-{number}{first.suffix}")).exists():
        found.append(extra)
        number += 1
    return [f"argmap: note: {stale} is left from an earlier drawing of this map" for stale in found]


#: What changes when a file is saved: (size, mtime_ns, inode); None for a missing file.
Stamp = tuple[int, int, int] | None


def stamp(path: str) -> Stamp:
    """A file's :data:`Stamp` (editors that save by renaming a new file into place change the
    inode)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


__all__ = [
    "LIMIT_VARIABLE",
    "READ_LIMIT",
    "STOPS",
    "Stamp",
    "Unreadable",
    "describe_size",
    "figure_paths",
    "kind_of",
    "leftover_notes",
    "make_folder",
    "read_file",
    "read_limit",
    "read_stream",
    "read_with_stat",
    "refuse_overwrite",
    "same_file",
    "stamp",
    "stop_cleanly",
    "stopping_cleanly",
    "write_atomic",
    "write_once",
]
