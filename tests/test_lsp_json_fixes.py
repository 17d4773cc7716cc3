"""Quick fixes in a .json map keep it JSON: each fix the language server offers, applied,
leaves a file that JSON reads, and the map checks with the problem fixed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.api import check_bytes
from argmap.lsp import actions
from argmap.lsp.diagnostics import diagnostics
from argmap.lsp.passages import Sources

from .lsptools import apply, document

SOURCE = "Energy is the obvious interest. Central Asia could supply energy.\n"


def _map(**changes: object) -> str:
    data = {
        "argmap": "1",
        "title": "t",
        "source": {"path": "source.txt"},
        "premises": [
            {"id": "supplier", "text": "Central Asia could supply energy.",
             "quotes": ["Central Asia could supply energy."]},
            {"id": "plain", "text": "Energy is the obvious interest."},
        ],
        "conclusions": [
            {"id": "interest", "text": "Energy is of interest.",
             "quotes": ["Energy is the obvious interest."], "reasons": [{"claims": ["suplier"]}]},
        ],
    }  # fmt: skip
    data.update(changes)
    return json.dumps(data, indent=2) + "\n"


@pytest.mark.parametrize("code", ["AM103", "AM204"])
def test_every_quick_fix_of_a_json_map_leaves_json(tmp_path: Path, code: str) -> None:
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    text = _map()
    doc = document(text, tmp_path / "map.json")
    problems = [p for p in diagnostics(doc) if p.code == code]
    assert problems
    offered = actions.actions(doc, problems, Sources())
    assert offered
    for fix in offered:
        fixed = apply(doc, fix.edit.changes[doc.uri])
        json.loads(fixed)  # still JSON
        left = check_bytes(fixed.encode(), str(tmp_path / "map.json")).diagnostics
        assert code not in [d.code for d in left] or fix.title.startswith("Add"), (fix.title, fixed)


def _fix(tmp_path: Path, text: str, code: str, title: str) -> str:
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    doc = document(text, tmp_path / "map.json")
    problems = [p for p in diagnostics(doc) if p.code == code]
    [fix] = [f for f in actions.actions(doc, problems, Sources()) if f.title == title]
    return apply(doc, fix.edit.changes[doc.uri])


def test_the_id_meant_is_written_as_a_json_string(tmp_path: Path) -> None:
    fixed = _fix(tmp_path, _map(), "AM103", "Change to 'supplier'")
    assert fixed == _map().replace('"suplier"', '"supplier"')


@pytest.mark.parametrize("indent", [2, None])  # laid out, or all on one line
def test_a_premise_is_added_as_a_json_object(tmp_path: Path, indent: int | None) -> None:
    text = _map().replace('"suplier"', '"newone"')
    text = json.dumps(json.loads(text), indent=indent) + "\n"
    fixed = _fix(tmp_path, text, "AM103", "Add a premise 'newone'")
    premises = json.loads(fixed)["premises"]
    assert premises[-1] == {"id": "newone", "text": ""}
    left = check_bytes(fixed.encode(), str(tmp_path / "map.json")).diagnostics
    assert [d.code for d in left] == ["AM016"]  # what is left to do: its text
    if indent:
        assert '},\n    {"id": "newone", "text": ""}\n  ]' in fixed


def test_a_premise_is_added_to_a_json_map_without_premises(tmp_path: Path) -> None:
    data = {"argmap": "1", "title": "t", "conclusions": [
        {"id": "c", "text": "C.", "implicit": True, "reasons": ["new"]}]}  # fmt: skip
    fixed = _fix(tmp_path, json.dumps(data, indent=2) + "\n", "AM103", "Add a premise 'new'")
    assert json.loads(fixed)["premises"] == [{"id": "new", "text": ""}]


def test_implicit_and_a_quote_are_added_as_json_members(tmp_path: Path) -> None:
    implicit = _fix(tmp_path, _map(), "AM204", "Mark 'plain' implicit")
    assert '"text": "Energy is the obvious interest.",\n      "implicit": true\n    }' in implicit
    quoted = _fix(tmp_path, _map(), "AM204", "Quote the closest passage (line 1)")
    plain = json.loads(quoted)["premises"][1]
    assert plain["quotes"] == ["Energy is the obvious interest."]
