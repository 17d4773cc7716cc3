"""``argmap check``: maps → their diagnostics, like a compiler's."""

from __future__ import annotations

import os
import sys

import click

from argmap.analysis.filled import report as blanks_filled
from argmap.api import Checked
from argmap.batch.jobs import NO_MAPS
from argmap.checks.silence import codes, problem
from argmap.cli.annotations import (
    FORMATS,
    Unreadable,
    as_github,
    as_json,
    github_notices,
    github_warning,
)
from argmap.cli.maps import (
    STDIN,
    STDIN_NAME,
    attempt_read,
    expand,
    problems,
    several,
    status,
    stdin_once,
)
from argmap.cli.options import (
    max_per_code_option,
    not_empty,
    output_format_option,
    source_root_option,
    stdin_filename_option,
)
from argmap.cli.output import EXIT_ERRORS, EXIT_OK, error, report, say, show, summary, write
from argmap.cli.sarif import Log
from argmap.diagnostics import Diagnostic, UsageError


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE|DIR|-...", callback=not_empty)
@source_root_option
@stdin_filename_option
@click.option("--fix", is_flag=True, help="Make the safe fixes in place (see above).")
@click.option(
    "--diff", is_flag=True, help="Write nothing; print the fixes --fix would make as a diff."
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff, make the likely fixes a person should read over too.",
)
@output_format_option(
    FORMATS,
    "text: for people, on stderr. json: one JSON array of every problem on stdout "
    "(path, line, column, severity, code, message; a file that cannot be read: line, column "
    "and code null), nothing else. github: GitHub Actions annotations on stdout, which GitHub "
    "shows on the lines of a pull request. sarif: a SARIF 2.1.0 log on stdout, for GitHub code "
    "scanning and other SARIF readers: every map read (clean ones too), each problem with its "
    "rule and place, and each file that could not be read.",
)
@max_per_code_option
@click.option(
    "--ignore",
    metavar="CODES",
    multiple=True,
    callback=lambda _context, _option, given: _codes(given),
    help="Silence these codes (AM202,AM204) in this run, besides those the maps and their "
    "project silence (see above). Errors that leave a map unsound cannot be.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Exit with status 1 on warnings too (those not silenced), as on errors; the output "
    "is the same. For CI that holds maps to no warnings.",
)
def check(
    files: tuple[str, ...], source_root: str | None, stdin_filename: str | None, fix: bool,
    diff: bool, unsafe_fixes: bool, output_format: str, max_per_code: int,
    ignore: tuple[str, ...], strict: bool,
) -> None:  # fmt: skip
    """Check maps: shape, references, logic, and every quote against the source.

    Prints each problem as PATH:LINE:COL: error|warning: message [CODE] on stderr and
    nothing when the maps are clean, then the count of problems; of a code found more
    than --max-per-code times in one map, the first ones and a line counting the rest (json,
    github and sarif give every problem). A folder (DIR) stands for
    every map under it (*.yaml, *.yml), as for render; a count of the maps closes the run,
    after a line per map with problems when several have them. A - reads a map from
    standard input (an editor's unsaved buffer, a version kept by git). Exit status: 0 clean
    or warnings only, 1 errors (or, with --strict, warnings), 2 a file could not be read or
    the options do not fit. For programs and CI, --output-format json, github or sarif.

    A worksheet (argmap exercise) is told, after its problems, how each blank stands: still
    blank, or filled in and whether its quotes are found in the source; never whether it is
    right. A student checks their own before handing it in.

    --fix mends what needs no one to look: a quote the source now sets otherwise in its
    typography alone (punctuation, letter case, dashes, a hyphen, 10% for 10 per cent: the
    same words), or in a word of the quote misspelt by a letter ("anounced"), when one
    passage alone is close, becomes the source's words; an unknown id or key with one name
    alone close to it, that name. It edits only those values, writes a map only when it
    changed, says what it fixed, and reports what remains (the exit status is on that).
    --diff shows the same as a diff, on stdout, and writes nothing.
    --unsafe-fixes adds what a person should read over (a quote whose words the source
    changed: "cannot" for "can", "90" for "80"; a reworded sentence; the id a rename left;
    the source path meant); without it, a run says how many such fixes it would make.

    A code is silenced (docs/checks.md) where a map or its project says so, for render,
    the editor and the MkDocs, Sphinx and Pandoc integrations too, or in one run by
    --ignore. A comment that silences nothing is reported (AM209).

    \b
      # argmap: ignore[AM202]        at the end of a line: that line (alone: the next)
      # argmap: ignore-map[AM202]    anywhere in a map: the whole map
      [tool.argmap]                  in the project's pyproject.toml: every map
      ignore = ["AM202"]

    \b
    Example:
      argmap check maps/europe-central-asia.yaml
      argmap check maps/                       # every map under maps/
      git show HEAD:maps/europe-central-asia.yaml \\
        | argmap check --stdin-filename maps/europe-central-asia.yaml -
      argmap check --output-format github maps/   # in a GitHub Actions workflow
      argmap check --output-format sarif maps/ > argmap.sarif   # for code scanning
      argmap check --strict maps/              # warnings fail too (exit status 1)
      argmap check --diff maps/                # what --fix would change, as a diff
      argmap check --fix maps/                 # after the source texts were revised
      argmap check --ignore AM202,AM204 maps/  # silence two codes in this run
      argmap check answer-exercise.yaml       # a worksheet: which blanks are left to do
    """
    _usage(files, stdin_filename, fix or diff, unsafe_fixes, diff, output_format)
    fixing = fix or diff
    found = expand(files)
    many = several(found)
    worst = EXIT_OK
    log = Log() if output_format == "sarif" else None
    for name in files:  # said on stderr by expand, shown on GitHub and in SARIF
        if name != STDIN and os.path.isdir(name) and all(item.folder != name for item in found):
            if output_format == "github":
                show(github_warning(f"{name}: {NO_MAPS}"), err=False)
            if log is not None:
                log.no_maps(name, f"{name}: {NO_MAPS}")
            worst = EXIT_ERRORS if strict else worst
    results: list[tuple[str, Checked | None]] = []
    found_all: list[Diagnostic | Unreadable] = []
    hidden = 0
    for item in found:
        if fixing:
            read, more, modified = _fixed(item.path, source_root, unsafe_fixes, diff, ignore)
            hidden += more
        else:
            read, modified = attempt_read(item.path, source_root, stdin_filename, ignore), False
        if isinstance(read, str):  # said at once, as the text's diagnostics are
            error(read)
            found_all.append(Unreadable(item.path, read))
            if log is not None:
                log.cannot_read(item.path, read)
            checked = None
        else:
            checked, data = read
            if output_format == "text":
                report(checked.diagnostics, max_per_code)
                if checked.map is not None:  # a worksheet: its blanks, for the student
                    filled = blanks_filled(checked.path, checked.map, data, checked.diagnostics,
                                           checked.source is not None)  # fmt: skip
                    for line in filled:
                        say(line)
            if log is not None:
                log.map(checked, data, modified=modified)
            found_all += checked.diagnostics
        worst = max(worst, status(checked))
        if strict and checked is not None and checked.diagnostics:  # warnings, or errors
            worst = max(worst, EXIT_ERRORS)
        results.append((checked.path if checked is not None else item.path, checked))
    if output_format == "json":
        show(as_json(found_all), err=False)
        sys.exit(worst)
    for diagnostic in found_all if output_format == "github" else ():
        for line in (as_github(diagnostic), *github_notices(diagnostic)):
            show(line, err=False)
    if log is not None:  # ASCII: every other character, and every control one, escaped
        write(None, (log.dumps(worst) + "\n").encode("ascii"))
    summary(d for _, checked in results if checked for d in checked.diagnostics)
    if stdin_filename is None and any(
        checked is not None and checked.path == STDIN_NAME and _source_unread(checked)
        for _, checked in results
    ):
        say(f"argmap: {STDIN_NAME} finds its source text from the current folder; give "
            "--stdin-filename PATH (the map's file) to find it from there")  # fmt: skip
    if many and any(checked is None or checked.diagnostics for _, checked in results):
        _per_file(results)
    if hidden:
        say(f"argmap: {hidden} more fix{'es' * (hidden != 1)} offered with --unsafe-fixes")
    sys.exit(worst)


def _usage(
    files: tuple[str, ...],
    stdin_name: str | None,
    fixing: bool,
    unsafe: bool,
    diff: bool,
    output_format: str,
) -> None:
    """A UsageError for options that do not go together."""
    stdin_once(list(files), stdin_name)
    if fixing and STDIN in files:
        raise click.UsageError(
            "--fix and --diff work on map files, not - (standard input): give its path"
        )
    if unsafe and not fixing:
        raise click.UsageError("--unsafe-fixes goes with --fix or --diff")
    if diff and output_format != "text":
        raise click.UsageError(
            "--diff prints on stdout: not with --output-format json, github or sarif"
        )


def _codes(given: tuple[str, ...]) -> tuple[str, ...]:
    """The codes of ``--ignore`` (each may list several), or a usage error for one that
    cannot be silenced."""
    found = tuple(code for written in given for code in codes(written.replace(",", " ")))
    for code in found:
        if (why := problem(code)) is not None:
            raise click.BadParameter(why, param_hint="'--ignore'")
    return found


def _fixed(
    path: str, source_root: str | None, unsafe: bool, diff: bool, ignore: tuple[str, ...]
) -> tuple[tuple[Checked, bytes] | str, int, bool]:
    """A map fixed (or with ``diff`` its fixes printed), said on stderr, and checked again,
    with its bytes as checked; or why it could not be read or written. With it, how many
    fixes more --unsafe-fixes would make, and whether the map was written."""
    from argmap.fix.files import fix_file  # the outline and the ranked sentences: --fix only

    try:
        fixed = fix_file(
            path, source_root=source_root, unsafe=unsafe, write=not diff, ignore=ignore
        )
    except UsageError as exc:
        return str(exc), 0, False
    if fixed.made:
        if diff:
            write(None, fixed.diff(path).encode("utf-8"))
        say(f"argmap: {'would fix' if diff else 'fixed'} {fixed.said()} in {path}")
        if not diff:  # (a diff shows them)
            for line in fixed.listed(path):
                say(f"  {line}")
    if diff:
        return (fixed.before, fixed.old), fixed.hidden, False
    return (fixed.checked, fixed.new), fixed.hidden, bool(fixed.made)


def _source_unread(checked: Checked) -> bool:
    """Whether the map's source text was not found, or was outside the map's project."""
    return any(
        d.code == "AM117" or (d.code == "AM109" and " not found " in d.message)
        for d in checked.diagnostics
    )


def _per_file(results: list[tuple[str, Checked | None]]) -> None:
    """How the total divides, a line for each map with problems, when several have them
    (one map's line would say the total again; an unreadable map's error said it already);
    then how many maps had what (stderr)."""
    kinds = {"with errors": 0, "with warnings": 0, "clean": 0, "unreadable": 0}
    lines = []
    for path, checked in results:
        if checked is None:
            kinds["unreadable"] += 1
            continue
        count = problems(checked)
        if count is None:
            kinds["clean"] += 1
            continue
        kinds["with warnings" if checked.ok else "with errors"] += 1
        lines.append(f"argmap: {path}: {count}")
    for line in lines if len(lines) > 1 else ():
        say(line)
    shown = ", ".join(f"{n} {what}" for what, n in kinds.items() if n)
    say(f"argmap: {len(results)} map{'s' * (len(results) != 1)}: {shown}")


__all__ = ["check"]
