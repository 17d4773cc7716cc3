"""A map file on disk + time → what its preview shows: the last good drawing and the current
diagnostics, re-checked and redrawn whenever the map or its source text is saved.

:class:`Preview` compares the two files' stamps (size, modification time, inode: as
``argmap render --watch`` does, :func:`argmap.io.stamp`) each time the system says that
something changed in their folders. A save that checks clean gives a
new drawing; one with errors keeps the last good drawing and shows its diagnostics, as
``argmap check`` prints them (or, with ``draft``, is drawn as a draft, as ``argmap render
--draft`` draws it, when it gives any claim to draw). Each change bumps
:attr:`Preview.version`, and threads waiting in :meth:`Preview.wait` (the server's event
streams) wake up.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import attrs

from argmap.analysis.draft import Draft
from argmap.api import Checked, check_map_file, drafted, render_map
from argmap.diagnostics import ArgmapError, drawing_notes, has_errors
from argmap.io import Stamp, read_file, stamp
from argmap.model import ArgumentMap
from argmap.sources import source_of


@attrs.frozen
class Shown:
    """What the preview shows at one version: the drawing's number (it changes with every
    new drawing), the diagnostics as lines, whether any is an error, the map's title, and
    its language (``lang``, a BCP 47 tag; None until a map that says one was read), which
    the preview's own words follow."""

    version: int
    drawing: int
    diagnostics: tuple[str, ...]
    errors: bool
    title: str
    lang: str | None = None


class Preview:
    """The preview of one map file: checked and drawn on :meth:`refresh` when it changed.

    Args:
        path: The map file, as named on the command line (diagnostics name it so).
        theme: The drawing's theme (see ``argmap render --theme``).
        source_root: A folder the map may read its source from besides its project.
    """

    def __init__(
        self, path: str, theme: str = "light", source_root: str | None = None, draft: bool = False
    ) -> None:
        self.path = path
        self.draft = draft  # a save with errors drawn as a draft (render --draft), not kept
        self.theme = theme
        self.source_root = source_root
        self.view: bytes | None = None  # the last good HTML view
        self.shown = Shown(0, 0, (), False, Path(path).name)
        self.seconds = 0.0  # how long the last refresh took
        self._stamps: tuple[Stamp, Stamp] | None = None
        self._source: str | None = None  # the source text's path, once known
        self._changed = threading.Condition()

    @property
    def files(self) -> list[str]:
        """The map file and, once known, its source text's."""
        return [self.path] if self._source is None else [self.path, self._source]

    def stamps(self) -> tuple[Stamp, Stamp]:
        return stamp(self.path), stamp(self._source) if self._source else None

    def refresh(self) -> bool:
        """Check and draw the map again if it or its source changed since the last call;
        True when what the preview shows changed."""
        stamps = self.stamps()
        if stamps == self._stamps:
            return False
        self._stamps = stamps
        started = time.perf_counter()
        view, diagnostics, errors, amap = self._draw()
        self.seconds = time.perf_counter() - started
        with self._changed:
            drawing = self.shown.drawing
            if view is not None:
                self.view, drawing = view, drawing + 1
            title = (amap.title if amap is not None else None) or self.shown.title
            lang = amap.lang if amap is not None else self.shown.lang
            self.shown = Shown(self.shown.version + 1, drawing, diagnostics, errors, title, lang)
            self._changed.notify_all()
        return True

    def _draw(self) -> tuple[bytes | None, tuple[str, ...], bool, ArgumentMap | None]:
        """A new view (None when the map has errors), the diagnostics, whether there are
        errors, and the map when it could be read (its title and language)."""
        try:
            checked = check_map_file(self.path, source_root=self.source_root)
        except ArgmapError as exc:
            return None, (f"argmap: {exc}",), True, None
        lines = tuple(str(d) for d in checked.diagnostics)
        amap = checked.map
        if amap is not None and amap.source is not None:
            source = str(Path(self.path).parent / amap.source.path)
            if source != self._source:  # watched from now on, as it was when checked
                self._source = source
                self._stamps = (self._stamps[0] if self._stamps else None, stamp(source))
        draft = None
        if not checked.ok or amap is None:
            errors = has_errors(checked.diagnostics)
            found = self._drafted(checked) if self.draft and errors else None
            if found is None:
                return None, lines, errors, amap
            amap, draft = found
        try:
            with drawing_notes() as said:  # said as render says them, not as Python warnings
                text = self._source_text(amap, draft is not None)
                view = render_map(amap, "html", theme=self.theme, source=text, draft=draft)
        except ArgmapError as exc:  # the source vanished meanwhile, or Graphviz failed
            return None, (*lines, f"argmap: {exc}"), True, amap
        notes = tuple(f"{self.path}: note: {note}" for note in dict.fromkeys(map(str, said)))
        return view, (*lines, *notes), draft is not None, amap

    def _drafted(self, checked: Checked) -> tuple[ArgumentMap, Draft] | None:
        """A map with errors as a draft to draw (:func:`argmap.api.drafted`), or None."""
        try:
            return drafted(read_file(self.path), checked)
        except ArgmapError:  # the file went away meanwhile
            return None

    def _source_text(self, amap: ArgumentMap, draft: bool) -> str | None:
        """The map's source text; of a draft, None when it cannot be read (as render)."""
        try:
            return source_of(amap, self.path, self.source_root)
        except ArgmapError:
            if not draft:
                raise
            return None

    def snapshot(self) -> tuple[bytes | None, Shown]:
        """The last good view and what is shown, taken together."""
        with self._changed:
            return self.view, self.shown

    def wait(self, version: int, timeout: float) -> Shown:
        """What is shown once it differs from ``version`` (or after ``timeout`` seconds)."""
        with self._changed:
            self._changed.wait_for(lambda: self.shown.version != version, timeout)
            return self.shown

    def wake(self) -> None:
        """Wake every waiting thread (when the server stops)."""
        with self._changed:
            self._changed.notify_all()


__all__ = ["Preview", "Shown"]
