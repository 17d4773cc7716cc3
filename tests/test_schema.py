"""The JSON Schema of the format, checked with ``jsonschema`` against maps read as editors read
them (YAML 1.2): every valid map is accepted, every shape error it can express is rejected."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from argmap.api import check_file
from argmap.cli import main
from argmap.diagnostics import CODES, Severity
from argmap.formats import json as jsonfmt
from argmap.model.keys import KEYS as _KEYS
from argmap.read.yamltree import Mapping, Node, Sequence, decode, parse
from argmap.schema import schema, schema_text, value_schema

from .conftest import ROOT
from .strategies import Generated, argument_maps, consistent_maps
from .test_invalid_maps import CASES, expectations

VALIDATOR = jsonschema.Draft7Validator(schema())

# How a YAML 1.2 reader (an editor's language server) types plain scalars: the core schema.
_NULL = re.compile(r"null|Null|NULL|~|")
_BOOL = re.compile(r"true|True|TRUE|false|False|FALSE")
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)")


def yaml12(node: Node) -> object:
    """A node as the JSON value a YAML 1.2 (core schema) reader makes of it."""
    if isinstance(node, Mapping):
        return {key.value: yaml12(value) for key, value in node.pairs}  # type: ignore[union-attr]
    if isinstance(node, Sequence):
        return [yaml12(item) for item in node.items]
    value = node.value
    if not node.plain:
        return value
    if _NULL.fullmatch(value):
        return None
    if _BOOL.fullmatch(value):
        return value.lower() == "true"
    if _INT.fullmatch(value):
        base = 16 if value.startswith("0x") else 8 if value.startswith("0o") else 10
        return int(value[2:] if base != 10 else value, base)
    if _FLOAT.fullmatch(value):
        return float(value)
    if _SPECIAL_FLOAT.fullmatch(value):
        return float(value.replace(".", "").lower())  # inf, -inf, nan
    return value


def instance(data: bytes, path: str = "map.yaml") -> object:
    text, _ = decode(data, path)
    assert text is not None
    root, diagnostics = parse(text, path)
    assert root is not None, diagnostics
    return yaml12(root)


def errors(value: object) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(value)]


def test_the_schema_is_a_valid_draft_7_schema() -> None:
    jsonschema.Draft7Validator.check_schema(schema())


@pytest.mark.parametrize("path", sorted((ROOT / "maps").glob("*.yaml")), ids=lambda p: p.name)
def test_every_map_in_maps_is_accepted(path: Path) -> None:
    assert errors(instance(path.read_bytes())) == []


# Fixtures with a shape error (AM0xx) that a YAML parser already refuses, or that JSON Schema
# cannot see: bytes, syntax, documents, anchors, tags, raw control characters, depth, and
# duplicate keys (which parsers drop before any schema sees them).
BEYOND = {"AM001", "AM002", "AM003", "AM004", "AM005", "AM006", "AM007", "AM013"}
SHAPE = [c for c in CASES if any(code.startswith("AM0") for _, _, code in expectations(c))]


@pytest.mark.parametrize("case", SHAPE, ids=[c.stem for c in SHAPE])
def test_shape_errors_are_rejected_where_json_schema_can_see_them(case: Path) -> None:
    codes = {code for _, _, code in expectations(case)}
    text, _ = decode(case.read_bytes(), str(case))
    root = parse(text, str(case))[0] if text is not None else None
    if root is None:  # the YAML parser refuses it (a raw control character is AM012 too)
        assert codes <= BEYOND | {"AM012"}, case.name
        return
    if codes & {"AM007", "AM013"}:
        assert codes <= BEYOND, f"{case.name}: {codes} should be within the schema's reach"
        return
    assert errors(yaml12(root)), f"{case.name} ({', '.join(sorted(codes))}) was accepted"


def test_maps_with_warnings_only_are_accepted() -> None:
    warned = [
        c
        for c in CASES
        if all(CODES[code][0] is Severity.WARNING for _, _, code in expectations(c))
    ]
    assert warned
    for case in warned:
        assert errors(instance(case.read_bytes())) == [], case.name


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(consistent_maps())
def test_every_generated_map_is_accepted_as_an_editor_reads_it(generated: Generated) -> None:
    assert errors(instance(generated.data)) == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps(extras=True))
def test_canonical_json_is_accepted(amap) -> None:
    assert errors(jsonfmt.document(amap)) == []


def test_seed_map_checked_clean_and_accepted_as_json() -> None:
    checked = check_file(ROOT / "maps" / "europe-central-asia.yaml")
    assert checked.map is not None
    assert errors(json.loads(jsonfmt.write(checked.map).text)) == []


def test_every_key_the_loader_knows_has_a_schema() -> None:
    missing = [(p, k) for p in _KEYS for k in _KEYS[p] if value_schema(p, k) is None]
    assert missing == [], "add them to argmap.schema.VALUES"


def test_keys_come_from_the_loader_tables() -> None:
    definitions = schema()["definitions"]
    assert set(schema()["properties"]) == set(_KEYS["top"])
    for place in ("source", "premise", "conclusion", "recommendation"):
        assert set(definitions[place]["properties"]) == set(_KEYS[place])


def test_cli_prints_the_schema_as_stable_ascii_json() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert result.output == schema_text()
    assert result.output.isascii()
    assert json.loads(result.output) == schema()
