"""``argmap exercise``: a finished map and the claims to blank → a worksheet (its map, and a
drawing to print); with ``--check``, students' filled-in worksheets → each blank scored."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import attrs
import click

from argmap.analysis.exercise import score, unknown, worksheet
from argmap.analysis.filled import BLANKS
from argmap.api import Checked, draw, refuse_own_files
from argmap.cli.compare import _source
from argmap.cli.maps import STDIN, Run, attempt, checked_map, named, problems, told
from argmap.cli.options import force_option, not_empty, source_root_option
from argmap.cli.output import EXIT_ERRORS, EXIT_OK, Failure, say, show
from argmap.diagnostics import CODES, ArgmapError, Severity, UsageError
from argmap.draw.options import PAGE_NAMES, THEME_NAMES, DrawOptions, check_options
from argmap.formats.yaml import dump
from argmap.io import make_folder, write_atomic
from argmap.model import ArgumentMap
from argmap.model.blank import is_blank
from argmap.overwrite import guard
from argmap.read.suggest import did_you_mean
from argmap.sources import read_source

#: The first line of a worksheet's file: what wrote it, so that it is written over again.
HEADER = "A worksheet written by argmap exercise from {answer}: fill in each ___"


@click.command("exercise")
@click.argument("answer", metavar="ANSWER", callback=not_empty)
@click.option("--blank", "blanks", multiple=True, metavar="ID,ID",
              help="The claims to blank, by id (a comma-separated list, or the option "
              "again).")  # fmt: skip
@click.option("-o", "--output", metavar="PATH",
              help="The worksheet's map (its drawing goes beside it). Default: the answer's "
              "name with -exercise, beside it.")  # fmt: skip
@click.option("--note", metavar="TEXT",
              help="Your instructions, drawn under the worksheet's title (the answer's notes "
              "are not copied: they may say what the blanks are).")  # fmt: skip
@click.option("-f", "--format", "fmt", type=click.Choice(("pdf", "svg", "png")),
              default="pdf", show_default=True, help="The drawing's format.")  # fmt: skip
@click.option(
    "--theme",
    type=click.Choice(THEME_NAMES, case_sensitive=False),
    default="print",
    show_default=True,
    help="The drawing's colours (print: black on white).",
)
@click.option("--page", type=click.Choice(PAGE_NAMES, case_sensitive=False),
              help="Draw the worksheet as a PDF of printed pages (a4, letter; a3 to a0: one "
              "poster page), as render --page does: a wide map on several pages rather than "
              "one page shrunk, blanks and all, when printed.")  # fmt: skip
@click.option("--landscape", is_flag=True, help="With --page: pages in landscape.")
@click.option("--check", "students", multiple=True, metavar="STUDENT|DIR",
              help="Score these filled-in worksheets (a folder: every map under it) on the "
              "blanks alone, and write nothing.")  # fmt: skip
@force_option
@source_root_option
def exercise(
    answer: str,
    blanks: tuple[str, ...],
    output: str | None,
    note: str | None,
    fmt: str,
    theme: str,
    page: str | None,
    landscape: bool,
    students: tuple[str, ...],
    force: bool,
    source_root: str | None,
) -> None:
    """Make an exercise of a map: a worksheet with blanks to fill in, and score it.

    ANSWER is the finished map. The claims --blank names keep their kind and place (their
    reasons, objections, what they support or attack) and lose their text, quotes and note:
    each reads ___ (plain YAML), which check takes as a blank to fill in (no quote asked
    for). The worksheet's map is written (ANSWER's name with -exercise, or -o), and beside
    it its drawing to print, each blank an empty box to write two or three lines in, and
    the map's note (your instructions) under the title. Its header names the blanks: a
    student's argmap check of it says which are still blank, and whether the quotes of those
    filled in are found in the source.

    With --check, each student's filled-in worksheet is scored against ANSWER on the blanks
    alone, nothing else counted: a blank is found when a claim of the student's quotes the
    passage the answer's does (or, with no quote, says it in much the same words: claims
    pair as in argmap compare), and in the right place when its links are the answer's too.
    Each blank is told by its id, with the student's claim and, if misplaced, how its links
    differ; never with the answer's text or quotes, so the report can go to the student.
    Under the score, the worksheet's problems summed up, a line a code (argmap check shows
    each); a worksheet that cannot be scored has its errors in full. The answer's warnings
    are counted in one line, its errors told in full.
    A folder stands for every map under it: each student's blanks, then a row each. Without
    --blank, the blanks are those of the worksheet made before (-o, or the default name).
    The answer must check without errors to make a worksheet of (exit status 1 otherwise).

    \b
    Example:
      argmap exercise answer.yaml --blank office,corridors    # answer-exercise.yaml and .pdf
      argmap exercise answer.yaml --blank office -o week3/worksheet.yaml -f png
      argmap exercise answer.yaml --blank office -o week3/ --note "Fill in the box."
      argmap exercise answer.yaml --blank office --page a4   # on A4 pages, to print
      argmap exercise answer.yaml --check students/   # the blanks of answer-exercise.yaml
    """
    if answer == STDIN:
        raise click.UsageError("the answer is a map file (its worksheet is written beside it)")
    if os.path.isdir(answer):
        raise click.UsageError(
            f"{answer} is a folder: the answer is a map file (its worksheet is written beside it)"
        )
    target = _target(answer, output)
    options = DrawOptions(theme=theme.lower(), page=page and page.lower(), landscape=landscape)
    try:  # options that don't go together are refused before any map is read
        check_options(fmt, options)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    ids = [name.strip() for value in blanks for name in value.split(",") if name.strip()]
    if not ids:
        ids = _blanks_of(target, students, source_root)
    checked = _answer(answer, source_root) if students else checked_map(answer, source_root)
    assert checked.map is not None  # checked_map exits otherwise
    for name in unknown(checked.map, ids):
        hint = did_you_mean(name, (claim.id for claim in checked.map.claims))
        raise click.UsageError(f"--blank: '{name}' is no claim of {named(answer)}{hint}")
    if students:
        _check(answer, checked.map, ids, students, source_root)
    if not checked.ok:
        say(f"argmap: {named(answer)} has errors: fix the answer first; no worksheet written")
        sys.exit(EXIT_ERRORS)
    sheet = _moved(worksheet(checked.map, ids, note), Path(answer).parent, target.parent)
    drawing = target.with_suffix(f".{fmt}")
    try:
        refuse_own_files(checked.map, answer, target, "; give another -o")
        _refuse(target, force)
        guard(sheet, str(target), str(drawing), fmt, force=force)
        if drawing.is_dir():
            raise Failure(f"{drawing}: is a folder; give another -o")
        header = HEADER.format(answer=Path(answer).name)
        text = dump(sheet, header=f"{header}\n{BLANKS.format(ids=', '.join(dict.fromkeys(ids)))}")
        notes: list[str] = []  # text the font cannot draw: said as render says it
        drawn = draw(sheet, str(target), fmt, options, notes=notes, source_root=source_root)[0]
        for drawing_note in notes:
            say(f"{target}: note: {drawing_note}")
        make_folder(target.parent)
        write_atomic(target, text.encode("utf-8"))
        say(f"argmap: wrote {target}")
        write_atomic(drawing, drawn)
        say(f"argmap: wrote {drawing}")
    except ArgmapError as exc:
        raise Failure(str(exc)) from None


def _target(answer: str, output: str | None) -> Path:
    """The worksheet's map: ``output`` (a folder, when it ends in / or is one: the default
    name in it), else the answer's name with -exercise, beside it."""
    name = Path(answer).stem + "-exercise.yaml"
    if not output:
        return Path(answer).with_name(name)
    if output.endswith(("/", os.sep)) or Path(output).is_dir():
        return Path(output) / name
    if Path(output).suffix.lower() not in (".yaml", ".yml"):
        raise click.UsageError(
            f"-o {output}: names the worksheet's map (.yaml, or a folder); its drawing is "
            "written beside it"
        )
    return Path(output)


def _blanks_of(target: Path, students: tuple[str, ...], source_root: str | None) -> list[str]:
    """With --check and no --blank, the blanks of the worksheet made before (``target``)."""
    if not students or not target.is_file():
        where = f" (or make the worksheet {target} first)" if students else ""
        raise click.UsageError(f"name the claims to blank: --blank ID,ID{where}")
    sheet = checked_map(str(target), source_root).map
    assert sheet is not None  # checked_map exits otherwise
    found = [claim.id for claim in sheet.claims if is_blank(claim.text)]
    if not found:
        raise click.UsageError(f"{target} has no blanks (___): name them with --blank ID,ID")
    return found


def _moved(sheet: ArgumentMap, here: Path, there: Path) -> ArgumentMap:
    """The worksheet's source path as seen from the folder it is written to."""
    if sheet.source is None or here.resolve() == there.resolve():
        return sheet
    path = os.path.relpath(here.resolve() / sheet.source.path, there.resolve())
    return attrs.evolve(sheet, source=attrs.evolve(sheet.source, path=Path(path).as_posix()))


def _refuse(target: Path, force: bool) -> None:
    """A worksheet is written over only when the file there is one (or with --force)."""
    if force or not target.exists():
        return
    head = target.read_bytes()[:200].decode("utf-8", "replace")
    if not head.startswith("# " + HEADER.split("{")[0]):
        raise Failure(
            f"{target}: exists and is not a worksheet argmap wrote; give --force to overwrite "
            "it, or another -o"
        )


def _check(
    answer: str,
    amap: ArgumentMap,
    ids: list[str],
    students: tuple[str, ...],
    source_root: str | None,
) -> None:
    """Score each student's worksheet on the blanks, then exit."""
    source = read_source(amap, answer, source_root)[0]
    run = Run(students, ("found", "placed", "blanks", "map"))
    for item, checked in run.maps(source_root, "scored", brief=True):
        assert checked.map is not None
        other = read_source(checked.map, item.path, source_root)[0]
        maps = (amap, named(answer)), (checked.map, named(item.path))
        shared, _, note = _source((source, other), maps)
        marked = score(amap, checked.map, ids, shared)
        found = sum(mark.found is not None for mark in marked)
        placed = sum(mark.placed for mark in marked)
        show(f"blanks: {found} of {len(marked)} found, {placed} in the right place", err=False)
        wide = max(len(mark.blank) for mark in marked)
        for mark in marked:
            show(f"  {mark.blank:<{wide}}  {mark}", err=False)
        for line in _problems(checked):
            show(line, err=False)
        if note is not None:
            say(f"argmap: {note}")
        path = item.path + ("" if checked.ok else " (has errors)")
        run.rows.append((str(found), str(placed), str(len(marked)), path))
    run.worst = max(run.worst, EXIT_OK)
    run.finish()


def _answer(answer: str, source_root: str | None) -> Checked:
    """The answer read and checked to score against: its errors told in full, as
    :func:`told` tells them (they may make the scores wrong), its warnings counted."""
    checked = attempt(answer, source_root)
    if isinstance(checked, str):
        raise Failure(checked)
    if checked.ok:
        if (found := problems(checked)) is not None:
            them = "it" if len(checked.diagnostics) == 1 else "them"
            say(f"argmap: {named(answer)}: {found} (argmap check {named(answer)} shows {them})")
        return checked
    return told(checked)


#: Of a code found on many lines, the lines named before the rest are counted.
LINES = 5


def _problems(checked: Checked) -> list[str]:
    """A student's map's problems, under its score: how many, then a line a code (what it
    is, on which lines), errors first; none for a clean map."""
    found = problems(checked)
    if found is None:
        return []
    lines: dict[str, list[int]] = {}
    for d in sorted(checked.diagnostics, key=lambda d: (d.severity is not Severity.ERROR, d.code)):
        lines.setdefault(d.code, []).append(d.span.line)
    said = [f"  problems: {found} (argmap check shows each)"]
    for code, where in lines.items():
        where = sorted(set(where))
        more = f" and {len(where) - LINES} more" if len(where) > LINES else ""
        places = ", ".join(map(str, where[:LINES])) + more
        said.append(f"    {code}  {CODES[code][1]}: line{'s' * (len(where) != 1)} {places}")
    return said
