"""``argmap render --check``: the figures a map would be drawn as → which files there differ
from them or are missing, said as ``fmt --check`` says the maps it would reformat."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attrs

from argmap.cli.maps import expand
from argmap.cli.output import say
from argmap.io import figure_paths, leftover_notes


@attrs.define
class Stale:
    """What ``render --check`` found: figures that would be drawn (differing or missing), figures
    up to date, figures left from an earlier drawing (which render leaves in place, where a page
    may still show them: the check fails until they are deleted), and maps not drawn (errors, or
    a file that could not be read)."""

    drawn: int = 0
    fresh: int = 0
    left: int = 0
    undrawn: int = 0

    @property
    def failed(self) -> bool:
        """Whether a figure would be drawn, or one is left from an earlier drawing."""
        return bool(self.drawn or self.left)

    def compare(self, where: Path, drawings: list[bytes]) -> None:
        """The figures of one map, ``drawings``, against the files at ``where`` (and
        ``NAME-1`` ... beside it): each that differs or is missing said, nothing written."""
        paths = figure_paths(where, len(drawings))
        for path, drawing in zip(paths, drawings, strict=True):
            if not path.is_file():
                say(f"argmap: would draw {path} (missing)")
            elif path.read_bytes() != drawing:
                say(f"argmap: would redraw {path}")
            else:
                self.fresh += 1
                continue
            self.drawn += 1
        for note in leftover_notes(paths):
            say(note)
            self.left += 1

    def summary(self) -> str:
        """The closing line, e.g. ``argmap: 1 figure would be drawn, 3 up to date``."""
        parts = [(self.drawn, "figure", "would be drawn"), (self.fresh, "figure", "up to date"),
                 (self.left, "figure", "left from an earlier drawing"),
                 (self.undrawn, "map", "not drawn")]  # fmt: skip
        shown = [part for part in parts if part[0]] or parts[1:2]
        said = [f"{n} {noun}{'s' * (n != 1)} {words}" if i == 0 or noun != shown[0][1]
                else f"{n} {words}" for i, (n, noun, words) in enumerate(shown)]  # fmt: skip
        return "argmap: " + ", ".join(said)


def places(
    files: tuple[str, ...], output: str | None, fmt: str, beside: Callable[[str], Path]
) -> list[tuple[str, Path]]:
    """Each map ``render`` would draw, and where: a folder's maps at the places it draws them
    (beside each, or at the same place under ``output``), a map named itself where ``beside``
    says."""
    from argmap.batch.jobs import plan_target

    return [(item.path, Path(plan_target(item.path, item.folder, output, fmt)) if item.folder
             else beside(item.path)) for item in expand(files)]  # fmt: skip


__all__ = ["Stale", "places"]
