"""``argmap import``: files in other formats → maps, one file or a whole corpus (several files,
or the files of a folder), each imported as if alone, then a count of them all."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

import click

from argmap.api import check_map_bytes
from argmap.batch.jobs import clashes, walk
from argmap.cli.options import (
    MAX_PER_CODE,
    max_per_code_option,
    not_empty,
    output_option,
    source_root_option,
)
from argmap.cli.output import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    error,
    names_folder,
    output_path,
    report,
    say,
    tally,
    write,
)
from argmap.convert import import_file, without_source
from argmap.diagnostics import ArgmapError, Diagnostic, MapError, Severity, UsageError, shell_word
from argmap.formats.base import FormatError, Imported
from argmap.formats.registry import EXPORTS, IMPORTS
from argmap.formats.sniff import NAMES, map_json, sniff
from argmap.formats.yaml import dump
from argmap.io import read_file, refuse_overwrite


class Outcome(NamedTuple):
    """What became of one file: the exit status it gives, whether its map was written, the
    map's errors and warnings, and the ``--source-root`` that would let it read its source
    when it reads it from outside its project (AM117)."""

    status: int
    written: bool = False
    errors: int = 0
    warnings: int = 0
    outside: str | None = None


@click.command("import")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(list(IMPORTS), case_sensitive=False))
@click.argument("files", nargs=-1, required=True, metavar="FILE|DIR...", callback=not_empty)
@output_option(
    "The map to write, or - for stdout (one file only); or a folder to write the maps into "
    "(ending in /, or an existing folder), the only OUT several files take. Default: beside "
    "each FILE, with the extension .yaml."
)
@click.option("--force", is_flag=True, help="Overwrite maps that exist.")
@source_root_option
@max_per_code_option
def import_(
    fmt: str,
    files: tuple[str, ...],
    output: str | None,
    force: bool,
    source_root: str | None,
    max_per_code: int,
) -> None:
    """Turn microtext, AIF, SADFace, Argdown, Kialo or argmap JSON files into maps.

    Each map is written as YAML and checked. What the import left out or changed is noted on
    stderr, with the file and the ids of the nodes concerned, and so are the check's
    findings (at most --max-per-code of one code for each map, then a line counting the
    rest). A microtext's .txt (beside its XML) becomes the map's source, and so does the text
    a SADFace document analyses (its resource), written beside the map with the map's name
    and .txt, never over another text (not even with --force: a free name, NAME-2.txt, is
    taken instead; only the text of a map --force replaces, which no other map beside it
    quotes, is replaced); the map's source path is written relative to OUT (to the current
    folder for stdout), so the map checks wherever it is written.

    A folder (DIR) stands for the files under it (hidden ones left out) with the format's
    extensions, sorted: microtext *.xml; aif *.json; argdown *.argdown, *.ad; kialo *.txt;
    sadface *.json; json *.json. Several files are imported into the folder OUT (a file
    found in a subfolder of DIR into the same subfolder of OUT), or each beside its file:
    one that cannot be imported is said and the others go on, two that would be written to
    one map are neither imported, and a count of them all closes the run.

    Exit status: 0 written (warnings allowed), 1 a file is not in the format or a map has
    errors, 2 a file could not be read or its map not written (the map exists and --force
    was not given, two files would be written to it, a disk error); for several files, the
    worst of theirs.

    \b
    Example:
      argmap import microtext micro_b001.xml -o maps/micro_b001.yaml
      argmap import microtext corpus/*.xml -o maps/
      argmap import aif araucaria/ -o maps/            # every *.json under araucaria/
      argmap import argdown debate.argdown -o maps/debate.yaml
      argmap import kialo discussion.txt -o maps/discussion.yaml
      argmap import sadface analysis.json -o maps/analysis.yaml
      argmap import json map.json -o - | less
    """
    if len(files) > 1 or any(os.path.isdir(name) for name in files):
        _refuse_single_output(output)
        sys.exit(_import_many(fmt, files, output, force, source_root, max_per_code))
    target = output_path(output, _map_name(Path(files[0]), fmt))
    outcome = import_one(fmt, files[0], target, force=force, source_root=source_root,
                         most=max_per_code)  # fmt: skip
    line = tally(outcome.errors, outcome.warnings)
    if line:
        say(line)
    if outcome.outside is not None:
        say(_outside([target], outcome.outside))
    sys.exit(outcome.status)


def _refuse_single_output(output: str | None) -> None:
    """A usage error, before anything is read, when ``-o`` names one file for several."""
    if output is None or (output != "-" and names_folder(output)):
        return
    if output == "-":
        raise click.UsageError("-o - (stdout) takes one file; give a folder to import several")
    if os.path.exists(output):
        raise click.UsageError(
            f"{output}: to import several files, -o must name a folder, not a file"
        )
    raise click.UsageError(
        f"-o {output}: several files are imported into a folder; end it with / ({output}/)"
    )


def import_one(
    fmt: str,
    file: str,
    target: Path | None,
    *,
    force: bool,
    source_root: str | None,
    clash: str | None = None,
    most: int = MAX_PER_CODE,
) -> Outcome:
    """Import ``file`` and write its map to ``target`` (None: stdout), saying what the import
    noted and the check found (at most ``most`` problems of one code, 0: all); an error
    (``clash``: a problem found before) is said and nothing written. Existing maps are
    overwritten only with ``force``."""
    try:
        if clash is not None:
            raise UsageError(clash)
        refuse_overwrite(file, target, "the file imported")
        imported = import_file(fmt, file, target, source_root=source_root, replace=force)
        if target is not None and target.exists() and not force:
            raise UsageError(f"{target}: exists; give --force to overwrite it, or another -o")
        if target is None:
            imported = without_source(imported)  # nowhere to write the text analysed
        text = _source_file(file, imported, target)
        for note in imported.notes:
            say(f"{file}: note: {note}")
        if text is not None:
            write(*text)
        data = dump(imported.map).encode("utf-8")
        write(target, data)
    except MapError as exc:
        report(exc.diagnostics, most)
        return _counted(Outcome(EXIT_ERRORS), exc.diagnostics)
    except FormatError as exc:
        error(f"{file}: {exc}{_in_another_format(fmt, file)}")
        return Outcome(EXIT_ERRORS)
    except ArgmapError as exc:
        error(str(exc))
        return Outcome(EXIT_USAGE)
    checked = check_map_bytes(data, "-" if target is None else str(target), source_root=source_root)
    report(checked.diagnostics, most)
    outside = None
    if any(d.code == "AM117" for d in checked.diagnostics) and imported.map.source is not None:
        outside = _root_of(target, imported.map.source.path)
    status = EXIT_OK if checked.ok else EXIT_ERRORS
    return _counted(Outcome(status, True, outside=outside), checked.diagnostics)


def _source_file(file: str, imported: Imported, target: Path | None) -> tuple[Path, bytes] | None:
    """Where to write the text analysed that the file imported holds (a SADFace resource),
    and its bytes: where the map's source names it, beside the map, a name the import chose
    to write it to (:mod:`argmap.analysed`); None when a file there holds it already."""
    if target is None or imported.source_text is None or imported.map.source is None:
        return None
    text = target.parent / imported.map.source.path
    refuse_overwrite(file, text, "the file imported")
    data = imported.source_text.encode("utf-8")
    if os.path.isfile(text) and read_file(text, what="text file") == data:
        return None  # the same text: the map quotes it where it is
    return text, data


def _counted(outcome: Outcome, diagnostics: Iterable[Diagnostic]) -> Outcome:
    found = list(diagnostics)
    errors = sum(d.severity is Severity.ERROR for d in found)
    return outcome._replace(errors=errors, warnings=len(found) - errors)


def _import_many(
    fmt: str,
    names: Iterable[str],
    output: str | None,
    force: bool,
    source_root: str | None,
    most: int,
) -> int:
    """Import every file ``names`` stand for, each into ``output`` or beside it; say what
    became of them all. The worst exit status."""
    files, worst = inputs(fmt, names)
    targets = [(file, _target(output, file, folder, fmt)) for file, folder in files.items()]
    clashing = clashes(((file, str(target)) for file, target in targets), done="imported")
    outcomes = [
        import_one(fmt, file, target, force=force, source_root=source_root,
                   clash=clashing.get(file), most=most)
        for file, target in targets
    ]  # fmt: skip
    outside: dict[str, list[Path | None]] = {}
    for (_, target), outcome in zip(targets, outcomes, strict=True):
        if outcome.outside is not None:
            outside.setdefault(outcome.outside, []).append(target)
    for root, maps in outside.items():
        say(_outside(maps, root))
    line = tally(sum(o.errors for o in outcomes), sum(o.warnings for o in outcomes))
    if line:
        say(line)
    say(summary(outcomes))
    return max([worst, *(o.status for o in outcomes)])


def inputs(fmt: str, names: Iterable[str]) -> tuple[dict[str, str | None], int]:
    """The files ``names`` stand for, each once, in order, each with the folder named that
    holds it (None for a file named itself): a file as given, the files under a folder in
    the format (by extension; hidden files and folders left out, links to folders not
    followed), sorted; and the exit status so far: 2 when a folder holds no such file
    (said)."""
    suffixes = IMPORTS[fmt].suffixes
    files: dict[str, tuple[str, str | None]] = {}
    status = EXIT_OK
    for name in names:
        found: list[str] = [name]
        if os.path.isdir(name):
            try:
                found, notes = _under(name, suffixes)
            except OSError as exc:
                error(f"{name}: cannot read the folder: {exc.strerror or exc}")
                status = EXIT_USAGE
                continue
            for note in notes:
                say(note)
            if not found:
                error(f"{name}: no files to import under it ({_globs(suffixes)}){_theirs(name)}")
                status = EXIT_USAGE
        for file in found:
            folder = name if file != name else None
            files.setdefault(os.path.normcase(os.path.abspath(file)), (file, folder))
    return dict(files.values()), status


def _map_name(file: Path, fmt: str) -> Path:
    """The map's file for the imported ``file``: its name with ``.yaml`` for its extension, or
    for the extension argmap's export of the format gave it (``seed.aif.json``: ``seed.yaml``,
    not ``seed.aif.yaml``)."""
    exporter = EXPORTS.get(fmt)
    suffix = exporter.extension if exporter is not None else ""
    if suffix and file.name.lower().endswith(suffix) and len(file.name) > len(suffix):
        return file.with_name(file.name[: -len(suffix)] + ".yaml")
    return file.with_suffix(".yaml")


def _target(output: str | None, file: str, folder: str | None, fmt: str) -> Path | None:
    """Where the map of ``file`` goes: beside it without ``output``; in the folder ``output``
    names, where ``file`` is in ``folder`` (the folder named that holds it); else
    ``output``."""
    default = _map_name(Path(file), fmt)
    if output is None or folder is None or output == "-" or not names_folder(output):
        return output_path(output, default)
    return Path(output) / _map_name(Path(os.path.relpath(file, folder)), fmt)


def _under(folder: str, suffixes: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The files under ``folder`` named with one of ``suffixes`` (in any case), sorted, and
    notes on those skipped as ``render DIR`` skips maps (:func:`argmap.batch.jobs.walk`),
    and on subfolders that cannot be listed; the folder itself raises OSError."""
    found, notes = walk(folder, lambda name: name.lower().endswith(suffixes),
                        "a file to import", strict=True)  # fmt: skip
    return sorted(found, key=lambda path: os.path.relpath(path, folder).split(os.sep)), notes


#: How many of a folder's files are read to tell what format they are in.
_SNIFFED = 20


def _theirs(folder: str) -> str:
    """For a folder without files in the format asked for: the format argmap imports its
    files are in, and the command (``; its files are AIF graphs: argmap import aif DIR``),
    or nothing. The first files found of any format's extensions are read."""
    suffixes = tuple(sorted({s for spec in IMPORTS.values() for s in spec.suffixes}))
    for file in _under(folder, suffixes)[0][:_SNIFFED]:
        try:
            found = sniff(read_file(file, what="file to import"), file)
        except ArgmapError:
            continue
        if found is not None:
            kind = NAMES[found].split(" ", 1)[1]  # "an AIF graph" → "AIF graph"
            return f"; its files are {kind}s: argmap import {found} {shell_word(folder)}"
    return ""


def _globs(suffixes: tuple[str, ...]) -> str:
    return ", ".join(f"*{suffix}" for suffix in suffixes)


def summary(outcomes: list[Outcome]) -> str:
    """One line about a run over several files: how many maps were written (how many of them
    with errors), and how many files were not imported."""
    written = sum(o.written for o in outcomes)
    with_errors = sum(o.written and o.status == EXIT_ERRORS for o in outcomes)
    noun = "file" if len(outcomes) == 1 else "files"
    of_them = f" ({with_errors} with errors)" if with_errors else ""
    return (f"argmap: {len(outcomes)} {noun}: {written} imported{of_them}, "
            f"{len(outcomes) - written} not imported")  # fmt: skip


def _in_another_format(fmt: str, file: str) -> str:
    """For a file not in ``fmt``: the format argmap imports that it is in, and the command
    (``; it is an AIF graph: argmap import aif FILE``), or nothing."""
    try:
        data = read_file(file)
        other = sniff(data, file)
    except ArgmapError:
        return ""
    if other is None and fmt != "json" and map_json(data):
        return f"; it is a map in argmap's JSON: argmap import json {shell_word(file)}"
    if other is None or other == fmt:
        return ""
    return f"; it is {NAMES[other]}: argmap import {other} {shell_word(file)}"


def _root_of(target: Path | None, source: str) -> str:
    """The folder to pass as --source-root for a map written to ``target`` (None: stdout)
    whose source, ``source``, lies outside its project."""
    folder = os.path.normpath((Path.cwd() if target is None else target.parent) / source)
    return os.path.dirname(folder) or "."


def _outside(maps: list[Path | None], root: str) -> str:
    """How to read maps written where their source lies outside their project, said after
    AM117: ``root`` to pass as --source-root, or where to write them."""
    if len(maps) == 1:
        written = "the map" if maps[0] is None else str(maps[0])
        return (
            f"argmap: {written} reads its source from outside its project: check and draw it "
            f"with --source-root {root}, or write the map in a folder that holds its source (or "
            "in a project: a folder with .git, pyproject.toml or mkdocs.yml)"
        )
    return (
        f"argmap: {len(maps)} maps read their source from outside their project: check and "
        f"draw them with --source-root {root}, or write the maps in a folder that holds their "
        "source (or in a project: a folder with .git, pyproject.toml or mkdocs.yml)"
    )


__all__ = ["Outcome", "import_", "import_one", "inputs", "summary"]
