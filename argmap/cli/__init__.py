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
from argmap.read.suggest import did_you_mean

#: The exit status after Ctrl-C, as shells give it (128 + SIGINT).
EXIT_INTERRUPTED = 130

#: Each command: where it is defined, and what it does (its help's first sentence, which
#: ``argmap --help`` lists without loading the command; tests/test_cli.py holds them equal).
COMMANDS = {
    "check": (
        "argmap.cli.check:check",
        "Check maps: shape, references, logic, and every quote against the source.",
    ),
    "compare": (
        "argmap.cli.compare:compare_",
        "Compare two maps of one text: which claims they share, and where they differ.",
    ),
    "coverage": (
        "argmap.cli.coverage:coverage",
        "Show which sentences of the source the map quotes, and which it leaves out.",
    ),
    "eval": (
        "argmap.cli.evaluate:eval_",
        "Say which claims stand, which are defeated and which are undecided, and why.",
    ),
    "exercise": (
        "argmap.cli.exercise:exercise",
        "Make an exercise of a map: a worksheet with blanks to fill in, and score it.",
    ),
    "export": (
        "argmap.cli.convert:export",
        "Write a map as AIF JSON, Argdown, Mermaid, Kialo, SADFace, argmap's JSON or CSV.",
    ),
    "fmt": (
        "argmap.cli.fmt:fmt",
        "Lay out maps in argmap's one canonical layout, keeping every comment.",
    ),
    "import": (
        "argmap.cli.importing:import_",
        "Turn microtext, AIF, SADFace, Argdown, Kialo or argmap JSON files into maps.",
    ),
    "lsp": (
        "argmap.cli.lsp:lsp",
        "Run the language server: speak LSP on stdin and stdout, for any editor.",
    ),
    "preview": (
        "argmap.cli.preview:preview",
        "Show a map's HTML view in a browser, redrawn each time the map or its source is saved.",
    ),
    "questions": (
        "argmap.cli.questions:questions_",
        "Ask the critical questions of each reason's argumentation scheme.",
    ),
    "render": (
        "argmap.cli.render:render",
        "Draw maps as SVG, PNG, PDF or DOT with the bundled Graphviz, or as an HTML page.",
    ),
    "schema": (
        "argmap.cli.schema:schema",
        "Print the JSON Schema of the map format, for editors' completion and validation.",
    ),
}


class Commands(click.Group):
    """A group that imports a command's module when the command is asked for; its list of
    commands (``argmap --help``) comes from :data:`COMMANDS` and loads none."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = COMMANDS.get(cmd_name)
        if where is None:
            return None
        module, name = where[0].split(":")
        command = getattr(importlib.import_module(module), name)
        assert isinstance(command, click.Command)
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """The command named first in ``args``; for a name that is none, the error says the
        command meant (``argmap evaluate`` → ``eval``), as ``check`` does for ids."""
        name = args[0] if args else ""
        if name not in COMMANDS and not name.startswith("-"):
            hint = did_you_mean(name, COMMANDS)
            if hint:
                ctx.fail(f"No such command '{name}'{hint}")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands and what each does, in full, wrapped (click would cut it at the end
        of the line with '...')."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name][1]) for name in self.list_commands(ctx)])

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
