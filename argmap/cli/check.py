"""``argmap check``: maps → their diagnostics, like a compiler's."""

from __future__ import annotations

import sys

import click

from argmap.api import Checked, check_file
from argmap.cli.options import source_root_option
from argmap.cli.output import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, error, report, summary
from argmap.diagnostics import UsageError


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@source_root_option
def check(files: tuple[str, ...], source_root: str | None) -> None:
    """Check maps: shape, references, logic, and every quote against the source.

    Prints each problem as PATH:LINE:COL: error|warning: message [CODE] on stderr and
    nothing when the maps are clean. Exit status: 0 clean or warnings only, 1 errors,
    2 a file could not be read.

    \b
    Example:
      argmap check maps/europe-central-asia.yaml
      argmap check maps/*.yaml
    """
    status = EXIT_OK
    results: list[Checked] = []
    for name in files:
        try:
            checked = check_file(name, source_root=source_root)
        except UsageError as exc:
            error(str(exc))
            status = EXIT_USAGE
            continue
        results.append(checked)
        report(checked.diagnostics)
        if not checked.ok:
            status = max(status, EXIT_ERRORS)
    summary(d for checked in results for d in checked.diagnostics)
    sys.exit(status)


__all__ = ["check"]
