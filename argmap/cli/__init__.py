"""The ``argmap`` command line: thin click commands over :mod:`argmap.api`.

Each command parses its options, calls the library, prints, and sets the exit status: 0 clean
(warnings allowed), 1 a map has errors, 2 a file could not be read or written or the options
don't fit (as ruff and sqlfluff use them). A command's module is loaded when the command runs
(click's lazily loaded subcommands): ``argmap check`` loads the checking code, not the drawing
stack that ``render`` needs.
"""

from __future__ import annotations

import importlib

import click

from argmap import __version__

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


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="argmap")
def main() -> None:
    """Model the argument of a text as YAML, check it against its source, draw it.

    \b
    Example:
      argmap check maps/europe-central-asia.yaml
      argmap render maps/europe-central-asia.yaml
    """


__all__ = ["COMMANDS", "Commands", "main"]
