"""The ``argmap`` command line: thin click commands over :mod:`argmap.api`.

Each command parses its options, calls the library, prints, and sets the exit status: 0 clean
(warnings allowed), 1 a map has errors, 2 a file could not be read or written or the options
don't fit (as ruff and sqlfluff use them); 130 after Ctrl-C, and 143 after SIGTERM (129 after
SIGHUP), as shells count them, with any file being written removed. A command's module is
loaded when the command runs (click's lazily loaded subcommands): ``argmap check`` loads the
checking code, not the drawing stack that ``render`` needs.
"""

from __future__ import annotations

import importlib

import click

from argmap import __version__
from argmap.io import stopping_cleanly

#: The exit status after Ctrl-C, as shells give it (128 + SIGINT).
EXIT_INTERRUPTED = 130

#: Each command, and where it is defined.
COMMANDS = {
    "check": "argmap.cli.check:check",
    "coverage": "argmap.cli.coverage:coverage",
    "eval": "argmap.cli.evaluate:eval_",
    "export": "argmap.cli.convert:export",
    "fmt": "argmap.cli.fmt:fmt",
    "import": "argmap.cli.convert:import_",
    "lsp": "argmap.cli.lsp:lsp",
    "preview": "argmap.cli.preview:preview",
    "render": "argmap.cli.render:render",
    "schema": "argmap.cli.schema:schema",
}


class Commands(click.Group):
    """A group that imports a command's module when the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = COMMANDS.get(cmd_name)
        if where is None:
            return None
        module, name = where.split(":")
        command = getattr(importlib.import_module(module), name)
        assert isinstance(command, click.Command)
        return command

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; Ctrl-C ends it with status 130 (click would say "Aborted!" and
        exit with 1), SIGTERM and SIGHUP as an exception that lets files be cleaned up."""
        with stopping_cleanly():
            try:
                return super().invoke(ctx)
            except KeyboardInterrupt:
                raise click.exceptions.Exit(EXIT_INTERRUPTED) from None


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="argmap")
def main() -> None:
    """Model the argument of a text as YAML, check it against its source, draw it.

    \b
    Example:
      argmap check maps/europe-central-asia.yaml
      argmap render maps/europe-central-asia.yaml
    """


__all__ = ["COMMANDS", "EXIT_INTERRUPTED", "Commands", "main"]
