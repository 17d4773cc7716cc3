"""A bit of a map, as a hint shows how to write it → text in the map's own syntax: YAML, or
JSON for a map read from JSON. Whether a map is JSON is decided here, from its file's name
(:func:`argmap.read.jsontree.in_json`), for the loader's hints and the checks' alike."""

from __future__ import annotations

import json
import re

import attrs

from argmap.read.jsontree import in_json


@attrs.frozen
class Syntax:
    """YAML (the default), or JSON when ``json``."""

    json: bool = False

    @classmethod
    def of(cls, path: str) -> Syntax:
        """The syntax of the map file ``path``."""
        return cls(in_json(path))

    def value(self, value: object) -> str:
        """A value (text, true or false, a list or a mapping of them) written on one line: as
        YAML writes it plain or in flow style, or as JSON.

        >>> Syntax().value({"path": "..."}), Syntax(json=True).value({"path": "..."})
        ('{path: ...}', '{"path": "..."}')
        >>> Syntax().value(["a", "b"]), Syntax(json=True).value(["a", True])
        ('[a, b]', '["a", true]')
        """
        if self.json:
            return json.dumps(value, ensure_ascii=False)
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, list):
            return "[" + ", ".join(map(self.value, value)) + "]"
        if isinstance(value, dict):
            return "{" + ", ".join(f"{k}: {self.value(v)}" for k, v in value.items()) + "}"
        return str(value)

    def entry(self, key: str, value: object) -> str:
        """A key and its value: ``implicit: true``, or ``"implicit": true`` in JSON."""
        return f"{self.value(key)}: {self.value(value)}"


#: What YAML does not take as itself in double quotes (beyond what JSON escapes): characters
#: libyaml refuses (DEL, C1 controls, U+FFFE, U+FFFF), the line breaks YAML knows beyond
#: JSON's, and a byte order mark. (A lone surrogate, which no UTF-8 text holds, YAML cannot
#: write at all.)
_UNWRITTEN = re.compile("[\x7f-\x9f\ufffe\uffff\u2028\u2029\ufeff]")


def yaml_string(text: str) -> str:
    """``text`` as a double-quoted YAML scalar (JSON's escapes, which YAML reads; and the
    line breaks YAML knows beyond JSON's, and what libyaml refuses, escaped too).

    >>> yaml_string('He said: "no" \\u2028')
    '"He said: \\\\"no\\\\" \\\\u2028"'
    """
    quoted = json.dumps(text, ensure_ascii=False)
    return _UNWRITTEN.sub(lambda found: f"\\u{ord(found[0]):04x}", quoted)


#: The two syntaxes.
YAML, JSON = Syntax(), Syntax(json=True)

__all__ = ["JSON", "YAML", "Syntax", "yaml_string"]
