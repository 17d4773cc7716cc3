"""``argmap fmt``: maps → the one canonical layout, every comment kept."""

from __future__ import annotations

import sys

import click

from argmap.cli.maps import STDIN, STDIN_NAME, from_stdin
from argmap.cli.options import not_empty
from argmap.cli.output import EXIT_ERRORS, Failure, report, say, write
from argmap.diagnostics import UsageError
from argmap.fmt.files import format_stdin
from argmap.fmt.files import run as format_files
from argmap.read.yamltree import decode


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE|DIR|-...", callback=not_empty)
@click.option("--check", is_flag=True, help="Write nothing; list the maps that would change.")
@click.option("--diff", is_flag=True, help="Write nothing; print the changes as a unified diff.")
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="The name of the map read from standard input (-), in messages; a name ending in "
    ".json lays it out as JSON, any other as YAML. Default: <stdin>, YAML.",
)
def fmt(files: tuple[str, ...], check: bool, diff: bool, stdin_filename: str | None) -> None:
    """Lay out maps in argmap's one canonical layout, keeping every comment.

    Keys in a fixed order, two-space indentation, short lists of ids as [a, b], one blank
    line before each list of claims; text and comments as written. The map's meaning never
    changes (the formatted file loads to the same map, with the same 'export json'). A map
    that does not load is left as it is and its diagnostics are printed. A folder stands
    for every map under it (*.yaml, *.yml); a .json map is laid out as canonical JSON, as
    'export json' writes it; - reads a map on stdin and writes it formatted on stdout (for
    editors; --stdin-filename names its file, a .json one for JSON). Exit status: 0 done,
    1 with --check or --diff some maps would change, or some do not load, 2 a file could not
    be read or written (argmap check finds the other errors).

    \b
    Example:
      argmap fmt maps/                        # format every map under maps/
      argmap fmt --check maps/                # in CI or a pre-commit hook
      argmap fmt --diff maps/europe-central-asia.yaml   # show what would change
      argmap fmt - < maps/europe-central-asia.yaml     # as an editor's formatter
      argmap fmt --stdin-filename maps/m.json - < maps/m.json   # a .json map's buffer
    """

    def out(text: str) -> None:
        write(None, text.encode("utf-8"))  # stdout; a full or closed one ends with status 2

    if stdin_filename is not None and STDIN not in files:
        raise click.UsageError("--stdin-filename names the map read from standard input: add -")
    if STDIN in files:
        if len(files) > 1 or diff:
            raise click.UsageError("- (stdin) is one map alone, without --diff")
        name = stdin_filename or STDIN_NAME
        try:
            data = from_stdin(name)
        except UsageError as exc:
            raise Failure(str(exc)) from None
        text, problems = decode(data, name)
        if text is None:
            report(problems)
            sys.exit(EXIT_ERRORS)
        sys.exit(format_stdin(text, name, check=check, echo=say, out=out))
    sys.exit(format_files(files, check=check, diff=diff, echo=say, out=out))


__all__ = ["fmt"]
