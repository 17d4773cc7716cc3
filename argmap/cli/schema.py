"""``argmap schema``: the map format → its JSON Schema, for editors; ``argmap schema COMMAND``:
the schema of the JSON that ``check``, ``eval``, ``coverage`` or ``questions`` prints."""

from __future__ import annotations

import click

from argmap.cli.output import write
from argmap.results import RESULT_COMMANDS, result_schema
from argmap.schema import schema_text


@click.command()
@click.argument("of", metavar="[map|check|eval|coverage|questions|compare]", required=False,
                default="map", type=click.Choice(("map", *RESULT_COMMANDS)))  # fmt: skip
def schema(of: str) -> None:
    """Print the JSON Schema of the map format, for editors' completion and validation.

    Save it beside your maps and name it in the first line of a map (see docs/editing.md);
    editors with a YAML language server (VS Code's YAML extension, Neovim, JetBrains
    IDEs) then complete keys and flag mistakes as you type.

    Given a command (check, eval, coverage, questions or compare), print instead the JSON
    Schema of what its --output-format json prints, for programs: each object of it says
    which command wrote it and the version of its shape ("format": "argmap-eval",
    "version": 1), which the schema describes (see docs/cli.md).

    \b
    Example:
      argmap schema > argmap.schema.json
      argmap schema eval > eval.schema.json   # the shape of argmap eval --output-format json
    """
    write(None, (schema_text() if of == "map" else result_schema(of)).encode("utf-8"))


__all__ = ["schema"]
