"""argmap questions --output-format json: the critical questions of a corpus's reasons as one
JSON array, an object a map, for a table of which questions a corpus leaves open; each object
says what it is, and is valid against the schema argmap ships (argmap schema questions)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from argmap.cli import main
from argmap.results import result_schema

VACCINE = """argmap: 1
title: Is the vaccine safe?
conclusions:
  - id: safe
    text: The vaccine is safe.
    reasons:
      - claims: doctor
        scheme: Argument from Expert Opinion
        objections:
          - claims: paid
            question: 4
      - claims: [trial, big]
        scheme: Example
      - claims: friends
        scheme: Gut feeling
      - plain
premises:
  - id: doctor
    text: Dr Smith says the vaccine is safe.
  - id: paid
    text: Dr Smith is paid by the maker.
  - id: trial
    text: No one in the trial fell ill.
    objections: [small]
  - id: big
    text: The trial had 30,000 people.
  - id: small
    text: The trial followed people for two months only.
  - id: friends
    text: My friends took it and are fine.
  - id: plain
    text: It was approved.
"""


def _run(*args: str) -> tuple[int, list[dict[str, object]], str]:
    result = CliRunner().invoke(main, ["questions", "--output-format", "json", *args])
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_questions_json_gives_each_reasons_scheme_questions_and_objections(
    tmp_path: Path,
) -> None:
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "vaccine.yaml").write_text(VACCINE, encoding="utf-8")
    code, found, err = _run(str(tmp_path / "vaccine.yaml"), str(tmp_path / "missing.yaml"))
    assert code == 2 and "no such file" in err
    vaccine, missing = found
    assert (vaccine["format"], vaccine["version"], vaccine["skipped"]) == (
        "argmap-questions",
        1,
        None,
    )
    assert missing["reasons"] is None and missing["skipped"]["reason"] == "unreadable"
    assert vaccine["without"] == 1
    expert, example, gut = vaccine["reasons"]
    assert {k: expert[k] for k in ("line", "column", "target", "claims", "scheme", "written")} == {
        "line": 7, "column": 9, "target": "safe", "claims": ["doctor"],
        "scheme": "Expert Opinion", "written": "Argument from Expert Opinion",
    }  # fmt: skip
    assert expert["objections"] == {"step": ["paid"], "claims": {"doctor": []}}
    assert len(expert["questions"]) == 6
    assert expert["questions"][3] == {
        "number": 4,
        "text": "Trustworthiness: is the expert to be trusted here (no bias, no stake in the "
        "outcome)?",
        "raised_by": ["paid"],
    }
    assert expert["questions"][0]["raised_by"] == []
    assert example["objections"] == {"step": [], "claims": {"trial": ["small"], "big": []}}
    assert (gut["scheme"], gut["written"], gut["questions"]) == (None, "Gut feeling", [])
    validator = jsonschema.Draft7Validator(json.loads(result_schema("questions")))
    assert [e.message for e in validator.iter_errors(found)] == []


def test_questions_json_with_open_leaves_out_the_questions_raised(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "vaccine.yaml").write_text(VACCINE, encoding="utf-8")
    code, (found,), _ = _run("--open", str(tmp_path / "vaccine.yaml"))
    assert code == 0
    assert [q["number"] for q in found["reasons"][0]["questions"]] == [1, 2, 3, 5, 6]


def test_questions_json_of_the_seed_map_is_valid_and_prints_nothing_else() -> None:
    result = CliRunner().invoke(
        main, ["questions", "--output-format", "json", "maps/europe-central-asia.yaml"]
    )
    assert result.exit_code == 0 and result.stderr == ""
    found = json.loads(result.stdout)
    validator = jsonschema.Draft7Validator(json.loads(result_schema("questions")))
    assert [e.message for e in validator.iter_errors(found)] == []
    assert CliRunner().invoke(main, ["schema", "questions"]).stdout == result_schema("questions")


def test_the_schemes_list_is_for_people_only() -> None:
    result = CliRunner().invoke(main, ["questions", "--schemes", "--output-format", "json"])
    assert result.exit_code == 2
    assert "not with --output-format json" in result.stderr
