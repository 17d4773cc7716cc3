"""Files in and out, at the edge: reading a file whole, writing one whole or not at all."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from argmap.diagnostics import UsageError


def read_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file, or a UsageError that says plainly why not."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise UsageError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{name}: is a directory, not a map file") from None
    except PermissionError:
        raise UsageError(f"{name}: permission denied") from None
    except OSError as exc:
        raise UsageError(f"{name}: cannot read ({exc.strerror or exc})") from None


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


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (``b`` need not exist)."""
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def refuse_overwrite(source: str | Path, target: Path | None, what: str) -> None:
    """A UsageError when ``target`` is the file ``source`` itself, ``what`` naming it."""
    if target is not None and same_file(Path(source), target):
        raise UsageError(f"{target}: refusing to overwrite {what}")


__all__ = ["make_folder", "read_file", "refuse_overwrite", "same_file", "write_atomic"]
