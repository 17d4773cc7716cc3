"""argmap's canonical JSON: a stable spelling of the map that reads back as the same map."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings

from argmap.diagnostics import MapError
from argmap.formats import json as jsonfmt
from argmap.model import ArgumentMap
from argmap.read.loader import load

from .conftest import SEED_MAP
from .strategies import argument_maps


def seed() -> ArgumentMap:
    amap, _ = load(SEED_MAP.read_bytes(), str(SEED_MAP))
    assert amap is not None
    return amap


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps(extras=True))
def test_argmap_to_json_to_argmap_preserves_the_map(amap: ArgumentMap) -> None:
    text = jsonfmt.write(amap).text
    back, diagnostics = jsonfmt.loads(text, "map.json")
    assert diagnostics == []
    assert back == amap
    assert jsonfmt.write(back).text == text  # stable: the same map, the same bytes


def test_seed_map_in_canonical_form() -> None:
    exported = jsonfmt.write(seed())
    assert exported.losses == ()
    data = json.loads(exported.text)
    assert list(data)[:6] == ["argmap", "title", "lang", "note", "source", "premises"]
    assert data["argmap"] == "1"

    def steps(items: list[dict]) -> None:  # every reason and objection an object with claims
        for item in items:
            assert set(item) <= {"claims", "objections", "note"}
            assert isinstance(item["claims"], list) and item["claims"]
            steps(item.get("objections", []))

    for section in ("premises", "conclusions", "recommendations"):
        for claim in data[section]:
            assert list(claim)[:2] == ["id", "text"]
            assert isinstance(claim.get("quotes", []), list)
            assert ("reasons" in claim) == (section != "premises")
            steps(claim.get("reasons", []) + claim.get("objections", []))
    assert exported.text.endswith("}\n") and "\n  " in exported.text


def test_diagnostics_point_into_the_json() -> None:
    text = '{\n  "argmap": "1",\n  "title": "t",\n  "premises": [\n'
    text += '    {"id": "a", "txt": "A"}\n  ]\n}\n'
    amap, diagnostics = jsonfmt.loads(text, "map.json")
    assert amap is None
    assert [(str(d.span), d.code) for d in diagnostics] == [("5:5", "AM011"), ("5:17", "AM009")]


def test_json_errors_are_diagnostics() -> None:
    assert [(str(d.span), d.code) for d in jsonfmt.loads('{"a": 1,}', "m.json")[1]] == [
        ("1:8", "AM002")
    ]
    # A trailing comma is told alike, at the comma, by every Python (3.13 words it its own way).
    trailing = "JSON syntax error: a comma before the end of the list or mapping (JSON allows none)"
    for text, where in (
        ('{"a": 1,}', "1:8"),
        ("[1, 2,\n  ]", "1:6"),
        ('{"a": [1],\n  "b": 2,\n}', "2:9"),
    ):
        (found,) = jsonfmt.loads(text, "m.json")[1]
        assert (str(found.span), found.message) == (where, trailing)
    (other,) = jsonfmt.loads('{"a": 1, 2}', "m.json")[1]
    assert other.message != trailing
    assert jsonfmt.loads('{"a": NaN}', "m.json")[1][0].code == "AM002"
    assert jsonfmt.loads("[" * 40 + "]" * 40, "m.json")[1][0].code == "AM013"
    assert jsonfmt.loads("[" * 100_000, "m.json")[1][0].code in ("AM002", "AM013")


def test_json_values_are_read_as_the_yaml_reader_reads_them() -> None:
    text = json.dumps(
        {
            "argmap": 1,
            "title": "t",
            "premises": [{"id": "a", "text": "A", "implicit": True, "note": "a\u2028b\\"}],
            "conclusions": [{"id": "c", "text": 3.1, "reasons": ["a"]}],
        }
    )
    amap, diagnostics = jsonfmt.loads(text, "m.json")
    assert diagnostics == []
    assert amap is not None
    assert amap.claims[0].note == "a\u2028b\\"
    assert amap.claims[1].text == "3.1"
    if hasattr(amap.claims[0], "implicit"):
        assert amap.claims[0].implicit is True
    assert "\u2028" not in jsonfmt.write(amap).text  # escaped: JavaScript reads it too


def test_duplicate_keys_are_reported_not_dropped() -> None:
    text = '{"argmap": "1", "title": "a", "title": "b", "premises": [{"id": "a", "text": "A"}]}'
    assert [d.code for d in jsonfmt.loads(text, "m.json")[1]] == ["AM007"]


def test_a_map_nested_deeper_than_a_map_file_holds_is_refused_at_its_claim() -> None:
    """JSON may nest twice as deep as YAML (its canonical form spells out the short forms), but
    a map's objections nested 8 deep are more than the YAML written can hold: `argmap import
    json` wrote a map that did not load (AM013, exit 1); it is refused, at the claim."""
    objection: object = {"claims": ["b"]}
    for _ in range(8):
        objection = {"claims": ["b"], "objections": [objection]}
    reasons = [{"claims": ["b"], "objections": [objection]}]
    text = json.dumps({"argmap": "1", "title": "T", "premises": [{"id": "b", "text": "B"}],
                       "conclusions": [{"id": "a", "text": "A", "reasons": reasons}]},
                      indent=1)  # fmt: skip
    assert jsonfmt.loads(text, "m.json")[0] is not None  # within JSON's limit
    with pytest.raises(MapError) as raised:
        jsonfmt.read(text.encode(), path="m.json")
    (found,) = raised.value.diagnostics
    assert (found.code, found.span.line, found.span.column) == ("AM013", 11, 3)
    assert found.message == (
        "claim 'a' nests deeper than a map file can hold (16 levels, in YAML); write its "
        "objections less deep"
    )


def test_a_lone_surrogate_anywhere_is_refused_where_it_is_written() -> None:
    """A JSON escape may write half of a surrogate pair (``"\\udd26"``), which no UTF-8 file
    and so no YAML map holds: in an id, a reference or carried data, `argmap import json`
    wrote a map that did not load (AM002); it is refused (AM012), as in a text."""
    head = '{"argmap": "1", "title": "p", "premises": [{"text": "A", '
    for where in ('"id": "a\\udd26"', '"id": "a", "objections": ["b\\udd26"]',
                  '"id": "a", "aif": {"x": "\\udd26"}'):  # fmt: skip
        text = head + where + "}]}"
        amap, (found,) = jsonfmt.loads(text, "m.json")
        assert amap is None
        column = text.rindex('"', 0, text.index("\\udd26")) + 1  # at the string's quote
        assert (found.code, found.span.line, found.span.column) == ("AM012", 1, column), where
        assert found.message == "a lone surrogate U+DD26 (half of a pair), which a map cannot hold"
