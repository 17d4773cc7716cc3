"""Files in other formats → maps, and maps → text in other formats: the API of import and export.

Reads the files the format modules (:mod:`argmap.formats`) need; they themselves are pure.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import attrs

from argmap.analysed import place
from argmap.diagnostics import UsageError, shell_word
from argmap.encodings import undecodable, wide
from argmap.formats.argdown.lex import INCLUDED_AGAIN
from argmap.formats.base import Exported, FormatError, Imported
from argmap.formats.kinds import written_language
from argmap.formats.registry import EXPORTS, IMPORTS, Importer
from argmap.io import Unreadable, read_file
from argmap.model import ArgumentMap
from argmap.project import (
    SOURCE_ROOT_HINT,
    confine,
    project_of,
    project_of_folder,
    refusal,
    refused,
    roots,
)
from argmap.read.yamltree import decode
from argmap.sources import Root, read_source


def import_file(
    fmt: str,
    path: str | os.PathLike[str],
    output: str | os.PathLike[str] | None = None,
    *,
    source_root: str | os.PathLike[str] | None = None,
    replace: bool = False,
) -> Imported:
    """A map read from a file in another format (see :data:`IMPORTS`).

    ``output`` is where the map will be written (None: the current folder); the map's source
    is named relative to it: a microtext's, the ``.txt`` beside its XML, and the source a
    JSON, AIF or Argdown map names relative to the file it came from (a note says so). The
    text a file holds (a SADFace resource, handed over as ``source_text`` for the caller to
    write) is named beside ``output``, never where a file holds another text but the one the
    map at ``output`` alone quotes when ``replace`` says that map will be replaced
    (:mod:`argmap.analysed`); the caller writes it there unless the file holds it already. Raises
    UsageError when a file cannot be read, FormatError when it is not in the format (not XML,
    not JSON, not Argdown), MapError when a JSON map has errors of shape. A file the
    import follows (a microtext's ``.txt``) is read only inside the project of ``path`` or
    ``source_root``, as a map's source would be.
    """
    importer = IMPORTS.get(fmt)
    if importer is None:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(IMPORTS)}")
    imported = _imported(importer, path, output, source_root=source_root, replace=replace)
    if not importer.guesses_language or imported.map.lang is not None:
        return imported
    written = written_language(claim.text for claim in imported.map.claims)
    if written is None:
        return imported
    lang, note = written
    return attrs.evolve(imported, map=attrs.evolve(imported.map, lang=lang),
                        notes=(*imported.notes, note))  # fmt: skip


def _imported(
    importer: Importer,
    path: str | os.PathLike[str],
    output: str | os.PathLike[str] | None,
    *,
    source_root: str | os.PathLike[str] | None,
    replace: bool,
) -> Imported:
    """:func:`import_file` but for the map's language."""
    data, name = read_file(path, what="regular file"), os.fspath(path)
    folder = Path(output).parent if output is not None else Path()
    if importer.companion is None:
        if importer.includes is not None:
            text, origins = _included(path, importer.includes, data, source_root=source_root)
            try:
                imported = importer.read(text, path=name)
            except FormatError as exc:
                raise _placed(exc, origins, name) from None
        elif importer.holds_source:
            imported = _holding(importer, data, path, output, replace=replace)
            if imported.source_text is not None:
                return imported  # its source is named relative to the map already
        else:
            imported = importer.read(data, path=name)
        rebased = rebase(imported.map, Path(path).parent, folder)
        if rebased is imported.map:
            return imported
        assert rebased.source is not None and imported.map.source is not None
        note = (
            f"the source's path is now '{rebased.source.path}', relative to the map written "
            f"(it was '{imported.map.source.path}', relative to {name})"
        )
        return attrs.evolve(imported, map=rebased, notes=(*imported.notes, note))
    if importer.recognise is not None:
        importer.recognise(data)  # not XML: say so before looking for its text
    beside = Path(path).with_suffix(importer.companion)
    text = _companion_text(_followed(beside, name, roots(path, source_root)), beside)
    return importer.read(data, text, path=name, source_path=_relative(beside, folder))


def _holding(
    importer: Importer,
    data: bytes,
    path: str | os.PathLike[str],
    output: str | os.PathLike[str] | None,
    *,
    replace: bool,
) -> Imported:
    """A file that may hold the text analysed, read with the text named where it may be
    written beside ``output`` (:func:`argmap.analysed.place`): the map's name with ``.txt``,
    else a free name, and a note saying why."""
    name, wanted = os.fspath(path), _text_beside(path, output)
    imported = importer.read(data, path=name, source_path=wanted)
    if imported.source_text is None or output is None:
        return imported
    folder = Path(output).parent
    placed = place(imported.source_text, folder / wanted, Path(output), replace=replace,
                   avoid=(Path(path),))  # fmt: skip
    if placed.note is None:
        return imported
    imported = importer.read(data, path=name, source_path=placed.name)  # its notes name it
    return attrs.evolve(imported, notes=(*imported.notes, placed.note))


def without_source(imported: Imported) -> Imported:
    """An import whose file held the text analysed, for a map not written to a file (stdout):
    nowhere to write the text beside it, so the map has no source and no quotes, and a note
    says so. Any other import as it is."""
    if imported.source_text is None:
        return imported
    claims = tuple(attrs.evolve(claim, quotes=()) for claim in imported.map.claims)
    note = ("the text analysed is written beside a map written to a file, not to stdout: the "
            "map has no source and no quotes")  # fmt: skip
    amap = attrs.evolve(imported.map, source=None, claims=claims)
    kept = tuple(said for said in imported.notes if "the map's source" not in said)
    return Imported(amap, (*kept, note))


def _text_beside(path: str | os.PathLike[str], output: str | os.PathLike[str] | None) -> str:
    """The name of the text file beside the map that holds the text a file imported holds:
    the map's name with ``.txt`` (``maps/lanes.yaml``: ``lanes.txt``), else the file's.

    >>> _text_beside("in/bikes.sadface.json", None), _text_beside("b.json", "maps/lanes.yaml")
    ('bikes.txt', 'lanes.txt')
    """
    if output is not None:
        name = Path(output).name
        stem = Path(name).stem
        return f"{stem}.source.txt" if name == f"{stem}.txt" else f"{stem}.txt"
    return Path(path).name.removesuffix(".json").removesuffix(".sadface") + ".txt"


def _companion_text(data: bytes, path: Path) -> str:
    """The text of the file an import follows (a microtext's ``.txt``), or a UsageError naming
    that file and what is wrong, as a map's source is told: its encoding if UTF-16 or UTF-32,
    else where its first byte that is not UTF-8 is."""
    body = data.removeprefix(b"\xef\xbb\xbf")
    said = wide(body)
    if said is not None:
        raise UsageError(f"{path}: the file is {said}")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: the file is {undecodable(body, exc)[1]}") from None


def _followed(path: Path, name: str, folders: list[str]) -> bytes:
    """The bytes of a file an import follows from the file ``name``: only inside ``folders``
    (its project, or the source root), links resolved, as a regular file under the limit."""
    real = confine(path, folders, near=Path(name).parent)
    if real is None:
        only = f"argmap reads source texts only there {SOURCE_ROOT_HINT}"
        said = refused(path, folders, Path(name).parent, f"the project of {name}", only=only)
        raise UsageError(f"{path}: {said.removeprefix('is ')}")
    try:
        return read_file(real, what="text file")  # as resolved: no link followed again
    except Unreadable as exc:
        raise Unreadable(str(path), exc.reason, kind=exc.kind) from None


def _relative(path: Path, folder: Path) -> str:
    """``path`` named from ``folder``, with forward slashes (absolute on another drive)."""
    try:
        return Path(os.path.relpath(path, folder)).as_posix()
    except ValueError:  # another drive (Windows)
        return path.resolve().as_posix()


#: How deep includes may nest (a file including one that includes another ...): far more
#: than a text needs, and few enough that following them cannot run out of stack.
MAX_INCLUDE_DEPTH = 32


def included_text(
    path: str | os.PathLike[str],
    includes: re.Pattern[str],
    data: bytes | None = None,
    *,
    source_root: str | os.PathLike[str] | None = None,
) -> str:
    """A file's text with every include (``includes``' group 1: a path relative to the
    including file) replaced by that file's text, as Argdown's command line does: each file
    included once, again only a comment saying so. ``data`` is the file's bytes if already
    read. Raises UsageError when a file cannot be read or lies outside the project of
    ``path`` (and ``source_root``), FormatError when one is not UTF-8 or includes nest deeper
    than MAX_INCLUDE_DEPTH."""
    return _included(path, includes, data, source_root=source_root)[0]


@attrs.frozen
class _Origin:
    """Where a line of a text with includes comes from: a line of ``file``, which ``by``
    includes at line ``at`` (None for the file imported)."""

    file: str
    line: int
    by: str | None = None
    at: int = 0


def _included(
    path: str | os.PathLike[str],
    includes: re.Pattern[str],
    data: bytes | None = None,
    *,
    source_root: str | os.PathLike[str] | None = None,
) -> tuple[str, list[_Origin]]:
    """:func:`included_text`, and where each of its lines comes from."""
    folders = roots(path, source_root)
    included: list[Path] = []
    pieces: list[tuple[str, _Origin]] = []  # text, and where its first line comes from

    def text_of(data: bytes, path: Path, shown: str, depth: int, by: _Origin | None) -> None:
        text, problems = decode(data, os.fspath(path))
        if text is None:
            where = f"{problems[0].span}"
            if by is not None:  # an included file's place, not the file imported's
                where = f"line {where} of {by.file} (which {by.by} includes at line {by.at})"
            raise FormatError(f"not Argdown: {where}: {problems[0].message}")

        def piece(start: int, stop: int) -> None:
            line = text.count("\n", 0, start) + 1
            pieces.append((text[start:stop], attrs.evolve(by, line=line) if by else
                           _Origin(shown, line)))  # fmt: skip

        done = 0
        for found in includes.finditer(text):
            piece(done, found.start())
            done = found.end()
            other = (path.parent / found.group(1)).resolve()
            if other in included:
                piece(found.start(), found.start())
                pieces[-1] = (INCLUDED_AGAIN.format(other), pieces[-1][1])
                continue
            if depth == MAX_INCLUDE_DEPTH:
                raise FormatError(f"{path} includes {found.group(1)}: includes nested more than "
                                  f"{MAX_INCLUDE_DEPTH} files deep; argmap follows at most "
                                  f"{MAX_INCLUDE_DEPTH}")  # fmt: skip
            included.append(other)
            data = _followed(path.parent / found.group(1), str(path), folders)
            named = os.path.normpath(Path(shown).parent / found.group(1))
            at = text.count("\n", 0, found.start()) + 1
            text_of(data, other, named, depth + 1, _Origin(named, 1, shown, at))
        piece(done, len(text))

    text_of(read_file(path) if data is None else data, Path(path), os.fspath(path), 0, None)
    origins: list[_Origin] = []
    starts = True  # the next piece starts a line
    for text, origin in pieces:
        parts = text.split("\n")
        origins += [attrs.evolve(origin, line=origin.line + j) for j, part in enumerate(parts)
                    if (j or starts) and (part or j < len(parts) - 1)]  # fmt: skip
        starts = starts if not text else parts[-1] == ""
    return "".join(text for text, _ in pieces), origins


_PLACE = re.compile(r"not Argdown: line (\d+)(:\d+)?: ")


def _placed(error: FormatError, origins: list[_Origin], name: str) -> FormatError:
    """``error`` placed at the line of the file it is in, when includes moved it."""
    found = _PLACE.match(str(error))
    if found is None or not origins:
        return error
    line = int(found.group(1))
    origin = origins[min(line, len(origins)) - 1]
    origin = attrs.evolve(origin, line=origin.line + max(line - len(origins), 0))
    if origin == _Origin(name, line):
        return error
    where = f"line {origin.line}{found.group(2) or ''}"
    if origin.by is not None:
        where += f" of {origin.file} (which {origin.by} includes at line {origin.at})"
    return FormatError(f"not Argdown: {where}: {str(error)[found.end() :]}")


def rebase(amap: ArgumentMap, before: Path, after: Path) -> ArgumentMap:
    """The map with its source's path, which was relative to the folder ``before``, made
    relative to the folder ``after``: for a map written elsewhere than the file it came from.
    An absolute path, or a map without a source, is returned as it was (the same object).

    >>> from argmap.model import Source
    >>> amap = ArgumentMap(title="t", claims=(), source=Source("../seeds/a.txt"))
    >>> rebase(amap, Path("maps"), Path("elsewhere/deep")).source.path
    '../../seeds/a.txt'
    """
    source = amap.source
    if source is None or os.path.isabs(source.path) or before == after:
        return amap
    moved = _relative(Path(os.path.normpath(before / source.path)), after)
    if moved == source.path:
        return amap
    return attrs.evolve(amap, source=attrs.evolve(source, path=moved))


def export_map(
    amap: ArgumentMap,
    fmt: str,
    path: str | os.PathLike[str] | None = None,
    output: str | os.PathLike[str] | None = None,
    *,
    source_root: Root = None,
) -> Exported:
    """A map in another format (see :data:`EXPORTS`), with what the format lost.

    Given the map's file ``path``, its source's path is written relative to ``output``, the
    file exported (None: the current folder), as a map's source path always is relative to
    the file that holds it; a format that holds the text (SADFace) is given it, read as
    ``check`` reads it (inside the map's project or ``source_root``).
    """
    exporter = EXPORTS.get(fmt)
    if exporter is None:
        raise UsageError(f"unknown format '{fmt}'; choose one of {', '.join(EXPORTS)}")
    if not exporter.reads_source:
        return exporter.write(_rebased(amap, path, output))
    text = read_source(amap, os.fspath(path), source_root)[0] if path is not None else None
    source = text.text if text is not None else None
    return exporter.write(_rebased(amap, path, output), source=source)


def _rebased(
    amap: ArgumentMap, path: str | os.PathLike[str] | None, output: str | os.PathLike[str] | None
) -> ArgumentMap:
    """The map with its source's path relative to ``output`` (:func:`export_map`)."""
    if path is None:
        return amap
    return rebase(amap, Path(path).parent, Path(output).parent if output is not None else Path())


def unreached_source(
    amap: ArgumentMap,
    fmt: str,
    path: str | os.PathLike[str],
    output: str | os.PathLike[str] | None = None,
) -> str | None:
    """What to do, in words, when the map at ``path`` exported as ``fmt`` to ``output`` (None:
    stdout, its source named from the current folder) names a source outside the export's
    own project: a map imported from it, beside it, would not read it (AM117). None when the
    export names no source (Kialo, Mermaid) or one inside its project. The path cannot be
    named otherwise: it names the one file the map quotes, relative to the export
    (:func:`export_map`)."""
    exporter = EXPORTS.get(fmt)
    if exporter is None or not exporter.names_source or amap.source is None:
        return None
    location = Path(path).parent / amap.source.path
    near = Path(output).parent if output is not None else Path()
    folders = [project_of_folder(near)]
    if confine(location, folders, near=near) is not None:
        return None
    where = refusal(location, folders, near, "its project")[0]
    named = rebase(amap, Path(path).parent, near).source
    assert named is not None
    export = f"{output} names its source '{named.path}'" if output is not None else (
        f"the export names its source '{named.path}' (from the current folder)")  # fmt: skip
    root = os.path.dirname(os.path.abspath(location))  # wherever the import is run from
    said = (f"{export}, which {where}: a map imported from it reads the source only with "
            f"--source-root {shell_word(root)} (give it to import, check and render)")  # fmt: skip
    home = project_of(path)
    if confine(location, [home], near=Path(path).parent) is None:
        return said  # the map reads it through --source-root too
    return f"{said}, or export it into the map's project ({home})"


__all__ = ["export_map", "import_file", "included_text", "rebase", "unreached_source"]
