"""Format names → their readers and writers: the one table ``import`` and ``export`` look up."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath

import attrs

from argmap.formats import aif, argdown, json, kialo, mermaid, microtext, sadface, spreadsheet
from argmap.formats.argdown.lex import INCLUDE
from argmap.formats.base import Exported, Imported
from argmap.formats.sniff import ARGDOWN_SUFFIXES
from argmap.formats.written import WRITTEN, Written


@attrs.frozen
class Importer:
    """A format argmap reads. ``read`` takes a file's bytes and ``path`` (to name it); a
    format with a ``companion`` also takes the text of the file beside it with that suffix
    (a microtext's ``.txt``) and that file's path as the map will name it (``source_path``),
    once ``recognise`` (which raises FormatError) has found the file in the format. A format
    with ``includes`` (Argdown's ``@include(path)``: group 1 a path relative to the including
    file) is given the file's text with each include replaced by that file's text instead.
    ``suffixes`` are the extensions of its files: those a folder given to ``import`` stands
    for. ``guesses_language``: the map read is given the language of its texts when clear and
    the file gives none (not so for argmap's own JSON, a map whose ``lang`` is its author's).
    ``holds_source``: the file may hold the text analysed (SADFace's resource); ``read`` takes
    the name of the text file beside the map to write it to (``source_path``)."""

    read: Callable[..., Imported]
    suffixes: tuple[str, ...]
    companion: str | None = None
    recognise: Callable[[bytes], object] | None = None
    includes: re.Pattern[str] | None = None
    guesses_language: bool = True
    holds_source: bool = False


@attrs.frozen
class Exporter:
    """A format argmap writes: ``write``, the extension of its files, and how its files are
    told (``written``: :data:`argmap.formats.written.WRITTEN`), so that exporting again
    replaces an export and nothing else (:mod:`argmap.overwrite`). ``names_source``: its
    files name the map's source (by a path relative to the file), as Kialo's and Mermaid's
    do not. ``reads_source``: ``write`` takes the text of the map's source too
    (``source=``, None when it was not read), as SADFace's export embeds it."""

    write: Callable[..., Exported]
    extension: str
    written: Written
    names_source: bool = True
    reads_source: bool = False

    def text_for(self, exported: Exported, suffix: str) -> str:
        """The text of ``exported`` as written to a file with ``suffix``: in a Markdown file,
        the one fenced block its format's ``fence`` says, if it says one."""
        fence = self.written.fence
        if fence is not None and suffix.lower() == ".md":
            return f"```{fence}\n{exported.text}```\n"
        return exported.text


def _aif(data: bytes, *, path: str) -> Imported:
    return aif.read(data, name=PurePath(path).name)


def _microtext(data: bytes, text: str, *, path: str, source_path: str) -> Imported:
    return microtext.read(data, text, name=PurePath(path).name, source_path=source_path)


def _kialo(data: bytes, *, path: str) -> Imported:
    return kialo.read(data, path=path)


def _sadface(data: bytes, *, path: str, source_path: str | None = None) -> Imported:
    return sadface.read(data, name=PurePath(path).name, source_path=source_path)


def _argdown(text: str, *, path: str) -> Imported:
    return argdown.read(text, name=PurePath(path).name)


IMPORTS: dict[str, Importer] = {
    "microtext": Importer(_microtext, (".xml",), companion=".txt", recognise=microtext.parse),
    "aif": Importer(_aif, (".json",)),
    "argdown": Importer(_argdown, ARGDOWN_SUFFIXES, includes=INCLUDE),
    "kialo": Importer(_kialo, (".txt",)),
    "sadface": Importer(_sadface, (".json",), holds_source=True),
    "json": Importer(json.read, (".json",), guesses_language=False),
}

EXPORTS: dict[str, Exporter] = {
    "aif": Exporter(aif.write, ".aif.json", WRITTEN["aif"]),
    "argdown": Exporter(argdown.write, ".argdown", WRITTEN["argdown"]),
    "mermaid": Exporter(mermaid.write, ".mmd", WRITTEN["mermaid"], names_source=False),
    "kialo": Exporter(kialo.write, ".kialo.txt", WRITTEN["kialo"], names_source=False),
    "sadface": Exporter(sadface.write, ".sadface.json", WRITTEN["sadface"], reads_source=True),
    "json": Exporter(json.write, ".json", WRITTEN["json"]),
    "csv": Exporter(spreadsheet.write, ".csv", WRITTEN["csv"], names_source=False),
}

__all__ = ["EXPORTS", "IMPORTS", "Exporter", "Importer"]
