"""The map format as a JSON Schema (draft-07), built from the loader's own key tables.

Editors with a YAML language server read the file as YAML 1.2: there ``argmap: 1`` is a number,
``date: 2022`` a number, ``text: true`` a boolean and ``note: null`` a null, while argmap reads
every value as the text written. So wherever argmap wants text the schema also takes numbers,
booleans and null (it cannot tell ``note: null``, the text "null", from an empty ``note:``).

What JSON Schema cannot express, and only ``argmap check`` reports: bytes that are not UTF-8
(AM001), YAML syntax (AM002), an empty file (AM003), several documents (AM004), anchors, aliases
and merge keys (AM005), tags (AM006), duplicate keys (AM007, which JSON parsers drop silently),
nesting depth (AM013), an empty value written as ``key:`` (AM016), and every consistency check
that needs the whole map (AM102-AM107, AM109-AM112). It does express the id pattern (AM101) and
the link schemes (AM108) as patterns, and at least one claim in the map (AM113).
"""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.model import FORMAT_VERSION, Kind, Role
from argmap.model.keys import (
    ID_PATTERN,
    KEYS,
    LANG_PATTERN,
    MAX_CLAIM_TEXT,
    MAX_ID,
    MAX_LABEL,
    MAX_QUESTION,
    MAX_SCHEME,
    MAX_TEXT,
    MAX_TITLE,
    REFUSED,
)

# Characters the loader refuses in text, as JSON Schema's regular expressions write them (lone
# surrogates left out: editors see astral characters as surrogate pairs).
_REFUSED = re.sub(r"\\x([0-9a-f]{2})", r"\\u00\1", REFUSED)
_SCALARS = [{"type": "number"}, {"type": "boolean"}, {"type": "null"}]


def _text(limit: int, description: str) -> dict[str, Any]:
    string = {
        "type": "string",
        "maxLength": limit,
        "pattern": f"^[^{_REFUSED}]*[^\\s{_REFUSED}][^{_REFUSED}]*$",
    }
    return {"description": description, "anyOf": [string, *_SCALARS]}


def _id(description: str) -> dict[str, Any]:
    string = {"type": "string", "maxLength": MAX_ID, "pattern": f"^{ID_PATTERN.pattern}$"}
    # YAML 1.2 reads the valid ids true, false and null as a boolean and a null.
    return {"description": description, "anyOf": [string, {"type": "boolean"}, {"type": "null"}]}


def _one_or_list(item: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "description": description,
        "anyOf": [item, {"type": "array", "minItems": 1, "items": item}],
    }


_URL = {
    "description": "an http or https link",
    "type": "string",
    "maxLength": MAX_TEXT,
    "pattern": r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+([/?#]\S*)?$",
}
_REF = {"$ref": "#/definitions/ref"}
_REFS = {"$ref": "#/definitions/refs"}
_OBJECTIONS = {"$ref": "#/definitions/objections"}
_NOTE = _text(MAX_TEXT, "text for readers of the file; not drawn")
_AIF = {
    "description": "AIF data argmap carries unread for the export back to AIF (node ids, "
    "timestamps, schemes, ...)",
    "type": "object",
}
_SADFACE = {
    "description": "SADFace ids argmap carries for the export back to SADFace: id (the atom's "
    "or scheme node's), from and to (the ids of the scheme node's edges, by the id of the node "
    "at their other end)",
    "type": "object",
}

#: The schema of each key's value, by (place, key) or by key alone. Every key of the loader's
#: tables needs one (a test checks); an unknown one falls back to "anything".
VALUES: dict[tuple[str, str] | str, dict[str, Any]] = {
    ("top", "argmap"): {
        "description": f"the format version: {FORMAT_VERSION}",
        "enum": [int(FORMAT_VERSION), FORMAT_VERSION],
    },
    ("top", "title"): _text(MAX_TITLE, "the map's title, shown above the diagram"),
    ("top", "lang"): {
        "description": "the language of the map's text, as screen readers are told it, and of "
        "argmap's words in its drawing (de, fr, es, pt, it, ru; else English): de, pt-BR",
        "type": "string",
        "pattern": f"^{LANG_PATTERN.pattern}$",
    },
    ("source", "path"): _text(MAX_TEXT, "the source text (UTF-8), relative to the map file"),
    ("source", "title"): _text(MAX_TEXT, "the source's title"),
    ("source", "publisher"): _text(MAX_TEXT, "who published the source"),
    ("source", "date"): _text(MAX_TEXT, "when, as you like: 2022-09"),
    ("source", "ignore"): _one_or_list(
        _text(MAX_TEXT, "a line"), "lines of the source that are not prose; * stands for any text"
    ),
    "source": {"$ref": "#/definitions/source"},
    "note": _NOTE,
    "url": _URL,
    "id": _id("lowercase letters a-z, digits and single hyphens, starting with a letter; unique"),
    "text": _text(MAX_CLAIM_TEXT, "the claim in your words; what the diagram shows"),
    "quotes": _one_or_list(
        _text(MAX_TEXT, "a passage of the source"), "passages of the source the claim rests on"
    ),
    "implicit": {
        "description": "true for a claim the text does not state (a reconstruction)",
        "anyOf": [{"type": "boolean"}, {"enum": ["true", "false"]}],
    },
    "label": _text(MAX_LABEL, "a short form of the text, drawn where space is tight"),
    "thesis": {
        "description": "true for the claim the map argues for: drawn on top, emphasised",
        "anyOf": [{"type": "boolean"}, {"enum": ["true", "false"]}],
    },
    "contradicts": _one_or_list(_REF, "claims that cannot be true together with this one"),
    "reasons": {
        "description": "the reasons for this claim; each a claim id, a list of ids (linked) "
        "or a mapping",
        "anyOf": [
            {"$ref": "#/definitions/reason"},
            {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/reason"}},
            {"type": "null"},  # YAML 1.2 reads the id null as null
        ],
    },
    "objections": _OBJECTIONS,
    "role": {"description": "who holds the claim", "enum": [role.value for role in Role]},
    "restates": _one_or_list(
        {"$ref": "#/definitions/restatement"},
        "claims this one says again in other words: they stand or fall together",
    ),
    "aif": _AIF,
    "sadface": _SADFACE,
    ("top", "sadface"): {
        "description": "what the SADFace document the map was imported from identifies itself "
        "by, for the export back to SADFace: its core metadata (id, analyst, dates, ...) and "
        "its text resource's id",
        "type": "object",
    },
    ("reason", "scheme"): _text(
        MAX_SCHEME,
        "the argumentation scheme of the step (Expert Opinion, Example, Cause to Effect, ...), "
        "drawn beside it; argmap questions asks its critical questions",
    ),
    ("objection", "question"): _one_or_list(
        {"type": "integer", "minimum": 1, "maximum": MAX_QUESTION},
        "the critical questions of the scheme of the reason it attacks that this objection "
        "raises, numbered as argmap questions numbers them",
    ),
    ("restatement", "claim"): {**_REF, "description": "the claim restated"},
    ("reason", "claims"): _one_or_list(_REF, "the claims of this reason (several: linked)"),
    ("objection", "claims"): _one_or_list(_REF, "the claims of this objection (several: linked)"),
    ("reason", "objections"): {
        **_OBJECTIONS,
        "description": "claims that undercut this step",
    },
}
for _kind in Kind:
    VALUES[("top", _kind.section)] = {
        "description": f"the {_kind.section}",
        "type": "array",
        "items": {"$ref": f"#/definitions/{_kind.value}"},
    }


def value_schema(place: str, key: str) -> dict[str, Any] | None:
    """The schema of ``key``'s value at ``place``, or None if the table has none."""
    return VALUES.get((place, key), VALUES.get(key))


def _object(place: str) -> dict[str, Any]:
    keys = KEYS[place]
    return {
        "type": "object",
        "properties": {key: value_schema(place, key) or {} for key in keys},
        "required": [key for key, required in keys.items() if required],
        "additionalProperties": False,
    }


def schema() -> dict[str, Any]:
    """The JSON Schema of an argmap map file (as YAML 1.2 or as argmap's canonical JSON)."""
    definitions: dict[str, Any] = {
        "ref": _id("the id of a claim in this map"),
        "refs": _one_or_list(_REF, "a claim id or a list of them"),
        "source": _object("source"),
        "reason": {
            "anyOf": [
                _REF,
                {"type": "array", "minItems": 1, "items": _REF},
                _object("reason"),
            ]
        },
        "objection": {"anyOf": [_REF, _object("objection")]},
        "restatement": {"anyOf": [_REF, _object("restatement")]},
        "objections": _one_or_list(
            {"$ref": "#/definitions/objection"},
            "claims that attack this one: ids, or mappings (claims: linked attackers; "
            "question: the critical questions it raises; objections: undercutters of this "
            "attack)",
        ),
    }
    for kind in Kind:
        definitions[kind.value] = _object(kind.value)
        if kind.takes_reasons:  # AM106: a conclusion or recommendation needs reasons
            definitions[kind.value]["required"].append("reasons")
    top = _object("top")
    top["anyOf"] = [
        {"required": [kind.section], "properties": {kind.section: {"minItems": 1}}} for kind in Kind
    ]
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "argmap map",
        "description": f"An argmap argument map, format version {FORMAT_VERSION}: claims, "
        "their reasons and objections, and quotes of the source text.",
        **top,
        "definitions": definitions,
    }


def schema_text() -> str:
    """The schema as stable, indented JSON text (ASCII only), ending in a newline."""
    return json.dumps(schema(), indent=2) + "\n"
