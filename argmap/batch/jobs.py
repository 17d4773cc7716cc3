"""Folders of maps → the jobs of a batch (each map and where its drawing goes), and what became
of each: an :class:`Outcome`, and the lines that report it."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

import yaml

from argmap.io import kind_of
from argmap.project import confine, project_of_folder, refusal

#: Map files that ``argmap render DIR`` picks up (in any case: ``.YAML`` too, as Windows has it).
MAP_SUFFIXES = (".yaml", ".yml")
#: A map saved by Windows Notepad with ``.txt`` after its name, which a folder names in a note.
SAVED_AS_TEXT = tuple(suffix + ".txt" for suffix in MAP_SUFFIXES)
#: A line opening one of a map's own top-level keys, and one opening any top-level key of a
#: YAML mapping in block style (``site_name:`` in a ``mkdocs.yml``, ``jobs:`` in a workflow).
#: A map's keys are matched in any case and in the singular too: a slip (``Premises:``) is a
#: map with errors, not another file.
_MAP_KEY = re.compile(
    rb"""^(?:\xef\xbb\xbf)?["']?(?:argmap|premises?|conclusions?|recommendations?)["']?[ \t]*:""",
    re.M | re.I,
)
_TOP_KEY = re.compile(rb"""^["']?[A-Za-z_][\w.-]*["']?[ \t]*:(?:[ \t]|\r?$)""", re.M)
#: How much of a file is read to tell whether it is some other YAML.
_HEAD = 1 << 20
OTHER_YAML = ("YAML that is no map (none of its top-level keys is argmap, premises, "
              "conclusions or recommendations); skipped")  # fmt: skip
#: What is said of a folder named on the command line that holds none.
NO_MAPS = f"no maps under it ({', '.join('*' + suffix for suffix in MAP_SUFFIXES)})"


class Found(NamedTuple):
    """The maps under a folder, sorted, and a note for each entry named like a map that is
    left out: one that is not a regular file (a FIFO, a device, a folder), or a link that
    leads out of the folder's project."""

    maps: list[str]
    skipped: list[str]


def scan(folder: str | os.PathLike[str]) -> Found:
    """The maps under ``folder`` (hidden files and folders left out, links to folders not
    followed), and notes on the entries named like maps that are skipped: not regular files,
    links out of the project, other YAML (:func:`other_yaml`), a map saved with ``.txt``
    after its name (:func:`saved_as_text`)."""
    found, skipped = walk(folder, _named_like_a_map, "a map file")
    maps: list[str] = []
    for path in found:
        if path.lower().endswith(SAVED_AS_TEXT):
            taken = os.path.lexists(os.path.splitext(path)[0])
            skipped.append(f"{path}: note: {saved_as_text(os.path.basename(path), taken)}")
        elif other_yaml(path):
            skipped.append(f"{path}: note: {OTHER_YAML}")
        else:
            maps.append(path)
    return Found(sorted(maps), sorted(skipped))


def _named_like_a_map(name: str) -> bool:
    return name.lower().endswith(MAP_SUFFIXES + SAVED_AS_TEXT)


def saved_as_text(name: str, taken: bool = False) -> str:
    """What is said of a file named like a map with ``.txt`` after it (``carte.yaml.txt``);
    when its name without ``.txt`` is ``taken`` (a map read beside it), not to rename it over
    that map."""
    stem, txt = os.path.splitext(name)
    what = f"'{stem}' beside it is read instead" if taken else f"rename it '{stem}' to read it"
    return (f"a map saved with '{txt}' after its name (as Windows Notepad saves it); "
            f"{what}; skipped")  # fmt: skip


def walk(
    folder: str | os.PathLike[str],
    named: Callable[[str], bool],
    what: str,
    *,
    strict: bool = False,
) -> tuple[list[str], list[str]]:
    """The files under ``folder`` whose names ``named`` takes, in the order found (hidden
    files and folders left out, links to folders not followed), and a note on each such
    entry skipped: one that is no regular file (``not {what}``), a link leading out of the
    folder's project. A link to nothing is kept, for reading it to say so. A folder that
    cannot be listed is passed over; with ``strict``, with a note, and the folder given
    itself raises OSError."""
    files: list[str] = []
    skipped: list[str] = []
    project: list[str] = []  # the folder's project, found at the first link
    top = os.fspath(folder)
    todo = [top]
    while todo:
        here = todo.pop()
        try:
            with os.scandir(here) as listing:
                entries = [entry for entry in listing if not entry.name.startswith(".")]
        except OSError as exc:
            if strict and here == top:
                raise
            if strict:
                skipped.append(f"{here}: note: cannot read the folder: "
                               f"{exc.strerror or exc}; skipped")  # fmt: skip
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                todo.append(entry.path)
            elif not named(entry.name):
                continue
            elif not entry.is_file():  # not a regular file, even behind a link
                why = _kind(entry)
                if why is None:
                    files.append(entry.path)  # a link to nothing: reading it says so
                else:
                    skipped.append(f"{entry.path}: note: {why}, not {what}; skipped")
            elif entry.is_symlink() and (link := link_out(entry.path, folder, project)):
                skipped.append(f"{entry.path}: note: {link}; skipped")
            else:
                files.append(entry.path)
    return files, skipped


def link_out(path: str, folder: str | os.PathLike[str], project: list[str]) -> str | None:
    """What a link that leads out of the folder's project is, or None for one inside it;
    ``project`` holds the project, found at the first link."""
    if not project:
        project.append(project_of_folder(folder))
    if confine(path, project) is not None:
        return None
    where, hidden = refusal(path, project, whose="the project")
    return (
        f"a link to what {where}" if hidden else f"a link leading out of the project ({project[0]})"
    )


def other_yaml(path: str) -> bool:
    """Whether a file named like a map is plainly some other YAML found in the same folders
    (a ``mkdocs.yml``, a CI workflow, a Jekyll ``_config.yml``): top-level keys in block style,
    none of them one of a map's own. A map that lacks ``argmap:`` but has claims is still a
    map (its check says what it lacks); one in flow style, unreadable, or not YAML at all (a
    map gone wrong, whose check says where), too."""
    try:
        with open(path, "rb") as file:
            head = file.read(_HEAD)
    except OSError:
        return False
    if _TOP_KEY.search(head) is None or _MAP_KEY.search(head) is not None:
        return False
    return len(head) == _HEAD or _is_yaml(head)


def _is_yaml(data: bytes) -> bool:
    """Whether ``data`` parses as YAML (tags and all, nothing built of it)."""
    try:
        for _ in yaml.parse(data, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            pass
    except (yaml.YAMLError, ValueError):
        return False
    return True


def _kind(entry: os.DirEntry[str]) -> str | None:
    """What an entry that is no regular file is ("a FIFO (named pipe)"), or None when it is a
    link to nothing."""
    try:
        kind = kind_of(entry.stat().st_mode)
    except OSError:
        return None
    return f"a {kind}" if kind else None


def find_maps(folder: str | os.PathLike[str]) -> list[str]:
    """The map files under ``folder``, sorted (see :func:`scan`)."""
    return scan(folder).maps


def clashes(pairs: Iterable[tuple[str, str]], done: str = "drawn") -> dict[str, str]:
    """Maps whose drawings (or pages: ``done`` says what is made of them) would go to one
    file (``a.yaml`` and ``a.yml``), each with the problem that names them all: neither is
    drawn, so that neither silently replaces the other. The same map named twice is no
    clash."""
    by_target: dict[str, dict[str, str]] = {}
    shown: dict[str, str] = {}
    for path, target in pairs:
        key = os.path.normcase(os.path.abspath(target))
        by_target.setdefault(key, {})[os.path.normcase(os.path.abspath(path))] = path
        shown.setdefault(key, target)
    problems: dict[str, str] = {}
    for key, paths in by_target.items():
        names = sorted(paths.values())
        for name in names if len(names) > 1 else ():
            others = " and ".join(other for other in names if other != name)
            what = "neither is" if len(names) == 2 else "none is"
            rename = "rename one" if len(names) == 2 else "rename all but one"
            problems[name] = (f"{name}: would be {done} to {shown[key]}, as {others} would; "
                              f"{what} {done} ({rename})")  # fmt: skip
    return problems


class Job(NamedTuple):
    """One map of a batch, where its drawing goes, and which cache file remembers it."""

    path: str
    target: str
    cache: str  # the folder of the cache file that remembers it; "" for none


def plan_target(path: str, folder: str, output: str | None, fmt: str) -> str:
    """Where the drawing of a map found under ``folder`` goes: beside it without ``output``,
    else at the same place relative to ``output`` as the map is to ``folder``."""
    if output is None:
        return os.path.splitext(path)[0] + "." + fmt
    return os.path.join(output, os.path.splitext(os.path.relpath(path, folder))[0] + "." + fmt)


def plan(folders: Iterable[str], output: str | None, fmt: str) -> tuple[list[Job], list[str]]:
    """The jobs of ``argmap render DIR...``: every map under each folder; and the notes on
    the entries skipped (:func:`scan`) and on the folders without maps.

    The cache of a drawing sits in ``output``, or without it in the folder given.
    """
    jobs: list[Job] = []
    notes: list[str] = []
    for folder in folders:
        found = scan(folder)
        if not found.maps:
            notes.append(f"argmap: {folder}: {NO_MAPS}")
        cache = folder if output is None else output
        jobs += [Job(path, plan_target(path, folder, output, fmt), cache) for path in found.maps]
        notes += found.skipped
    return jobs, notes


class Outcome(NamedTuple):
    """What became of one map: its diagnostics, and the drawing (or figures) written or why
    not."""

    path: str
    target: str | None
    lines: tuple[str, ...] = ()  # the diagnostics, formatted
    errors: int = 0
    warnings: int = 0
    problem: str | None = None  # why the map could not be read or drawn (exit status 2)
    wrote: bool = False
    cached: bool = False  # skipped: the drawing was up to date
    seconds: float = 0.0  # spent reading, checking and drawing it
    record: dict[str, Any] | None = None  # the cache entry, once drawn
    source: str | None = None  # the source text's file, once drawn, when the map has one
    written: tuple[str, ...] = ()  # the files written: the target, or its figures
    leftovers: tuple[str, ...] = ()  # notes on figures an earlier drawing left beside them

    @property
    def status(self) -> int:
        """0 drawn (or up to date), 1 the map has errors, 2 it could not be read or drawn."""
        return 2 if self.problem else 1 if self.errors else 0

    def report(self, *, timing: bool = False) -> list[str]:
        """The map's diagnostics, then its problem or the drawing written, as printed."""
        lines = list(self.lines)
        if self.problem:
            lines.append(f"argmap: error: {self.problem}")
        elif self.wrote:
            if self.errors:  # render --draft
                lines.append(f"argmap: {self.path} has errors; drawn as a draft")
            took = f" ({self.seconds * 1000:.0f} ms)" if timing else ""
            written = self.written or (self.target,)
            lines += [f"argmap: wrote {path}" for path in written[:-1]]
            lines += [f"argmap: wrote {written[-1]}{took}", *self.leftovers]
        return lines


def summary(outcomes: list[Outcome]) -> str:
    """One line about a batch: how many maps were drawn, up to date, or not drawn."""
    drawn = sum(o.wrote for o in outcomes)
    cached = sum(o.cached for o in outcomes)
    failed = len(outcomes) - drawn - cached
    noun = "map" if len(outcomes) == 1 else "maps"
    return f"argmap: {len(outcomes)} {noun}: {drawn} drawn, {cached} up to date, {failed} not drawn"


__all__ = [
    "MAP_SUFFIXES",
    "NO_MAPS",
    "SAVED_AS_TEXT",
    "Found",
    "Job",
    "Outcome",
    "clashes",
    "find_maps",
    "link_out",
    "plan",
    "plan_target",
    "saved_as_text",
    "scan",
    "summary",
    "walk",
]
