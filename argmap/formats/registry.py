"""Format names → their readers and writers: the one table ``import`` and ``export`` look up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

import attrs

from argmap.formats import aif, argdown, json, mermaid, microtext
from argmap.formats.base import Exported, Imported
from argmap.model import ArgumentMap


@attrs.frozen
class Importer:
    """A format argmap reads. ``read`` takes a file's bytes and ``path`` (to name it); a
    format with a ``companion`` also takes the text of the file beside it with that suffix
    (a microtext's ``.txt``) and that file's path as the map will name it (``source_path``)."""

    read: Callable[..., Imported]
    companion: str | None = None


@attrs.frozen
class Exporter:
    """A format argmap writes, and the extension of its files."""

    write: Callable[[ArgumentMap], Exported]
    extension: str


def _aif(data: bytes, *, path: str) -> Imported:
    return aif.read(data, name=PurePath(path).name)


def _microtext(data: bytes, text: str, *, path: str, source_path: str) -> Imported:
    return microtext.read(data, text, name=PurePath(path).name, source_path=source_path)


IMPORTS: dict[str, Importer] = {
    "microtext": Importer(_microtext, companion=".txt"),
    "aif": Importer(_aif),
    "json": Importer(json.read),
}

EXPORTS: dict[str, Exporter] = {
    "aif": Exporter(aif.write, ".aif.json"),
    "argdown": Exporter(argdown.write, ".argdown"),
    "mermaid": Exporter(mermaid.write, ".mmd"),
    "json": Exporter(json.write, ".json"),
}

__all__ = ["EXPORTS", "IMPORTS", "Exporter", "Importer"]
