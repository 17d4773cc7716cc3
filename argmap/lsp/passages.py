"""Source texts on disk → their sentences (:class:`argmap.analysis.sentences.Source`), read
once and kept until the file changes, for the features that offer passages of a map's source."""

from __future__ import annotations

import os
from pathlib import Path

from argmap.analysis.sentences import Source
from argmap.diagnostics import ArgmapError
from argmap.io import Stamp, read_file, stamp
from argmap.project import confine, roots
from argmap.read.sourcefile import with_line_ends
from argmap.read.yamltree import decode


class Sources:
    """Source texts read from disk, kept until the file changes (size, time or inode), read
    only inside each map's project or ``root`` (the server's source root, when it has one)."""

    def __init__(self, root: str | None = None) -> None:
        self.root = root
        self._read: dict[str, tuple[Stamp, Source | None]] = {}

    def locate(self, map_path: str, relative: str) -> str | None:
        """Where a map's source is, or None when it lies outside the map's project and the
        source root (which argmap does not read: AM117)."""
        path = os.path.normpath(Path(map_path).parent / relative)
        folder = os.path.dirname(map_path)
        return path if confine(path, roots(map_path, self.root), folder) is not None else None

    def for_map(self, map_path: str, relative: str | None) -> tuple[str, Source] | None:
        """Where a map's source text is and the text, when the map names one (``relative``,
        its ``source: path``) that argmap reads and that can be read; else None."""
        path = None if relative is None else self.locate(map_path, relative)
        source = None if path is None else self.get(path)
        return None if path is None or source is None else (path, source)

    def get(self, path: str) -> Source | None:
        """The source text at ``path``, or None when it cannot be read as UTF-8."""
        found = stamp(path)
        if found is None:
            self._read.pop(path, None)
            return None
        known = self._read.get(path)
        if known is not None and known[0] == found:
            return known[1]
        try:
            data = read_file(path, what="text file")  # a regular file, at most the limit
        except ArgmapError:
            return None
        text, _ = decode(data, path)
        source = Source(with_line_ends(text)) if text is not None else None
        self._read[path] = (found, source)
        return source

    def changed(self, paths: list[str]) -> list[str]:
        """Those of ``paths`` whose file changed since it was last read (or appeared, or
        went away)."""
        found = []
        for path in paths:
            known = self._read.get(path)
            now = stamp(path)
            if (known[0] if known else None) != now:
                found.append(path)
                if now is None:
                    self._read.pop(path, None)
        return found


__all__ = ["Source", "Sources"]
