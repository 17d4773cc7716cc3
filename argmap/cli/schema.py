"""``argmap schema``: the map format → its JSON Schema, for editors."""

from __future__ import annotations

import click

from argmap.cli.output import write
from argmap.schema import schema_text


@click.command()
def schema() -> None:
    """Print the JSON Schema of the map format, for editors' completion and validation.

    Save it beside your maps and name it in the first line of a map (see docs/editing.md);
    editors with a YAML language server (VS Code's YAML extension, Neovim, JetBrains
    IDEs) then complete keys and flag mistakes as you type.

    \b
    Example:
      argmap schema > argmap.schema.json
    """
    write(None, schema_text().encode("utf-8"))


__all__ = ["schema"]
