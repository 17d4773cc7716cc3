"""What the JSON that ``check``, ``eval`` and ``coverage`` print for programs says of itself:
each object names the command that wrote it and the version of its shape, and argmap ships a
JSON Schema of each (``argmap/schemas/COMMAND.schema.json``, printed by ``argmap schema
COMMAND``).

The version is of the shape, not of argmap: it changes only when a key is removed or renamed,
or its value changes type or meaning; a key added keeps it (a program should pass over keys it
does not know). The schemas describe exactly what this argmap writes.
"""

from __future__ import annotations

from importlib import resources

#: The version of the shape of the JSON of ``check``, ``eval`` and ``coverage``.
RESULT_VERSION = 1

#: The commands whose ``--output-format json`` has a shipped schema.
RESULT_COMMANDS = ("check", "eval", "coverage")


def stamped(command: str, found: dict[str, object]) -> dict[str, object]:
    """``found``, one object of ``command``'s JSON, with what it is first.

    >>> stamped("eval", {"path": "m.yaml", "claims": None})
    {'format': 'argmap-eval', 'version': 1, 'path': 'm.yaml', 'claims': None}
    """
    return {"format": f"argmap-{command}", "version": RESULT_VERSION, **found}


def result_schema(command: str) -> str:
    """The JSON Schema (draft-07) of ``command``'s JSON, as the package ships it."""
    if command not in RESULT_COMMANDS:
        raise ValueError(f"no schema of the JSON of {command!r}")
    return (resources.files("argmap") / "schemas" / f"{command}.schema.json").read_text("utf-8")


__all__ = ["RESULT_COMMANDS", "RESULT_VERSION", "result_schema", "stamped"]
