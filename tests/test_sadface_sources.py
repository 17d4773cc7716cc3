"""A SADFace export grounds its atoms in the text: the map's source is the document's one
``text`` resource, and each quote an atom ``source`` (``resource_id``, ``text``, ``offset``,
``length``) located where ``argmap check`` finds it, as SADFace's library writes them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from argmap.api import check_bytes
from argmap.cli import main
from argmap.convert import export_map
from argmap.formats import sadface
from argmap.model import ArgumentMap
from argmap.read.source import Match, SourceText

from .conftest import SEED_MAP, SEED_TEXT

LANES = """\
argmap: 1
title: Bike lanes
source:
  path: lanes.txt
  url: https://example.org/lanes
conclusions:
  - id: build
    text: The city should build bike lanes.
    quotes: ["The city should   build bike lanes", "Bike lanes ... safer"]
    reasons: [safer]
premises:
  - id: safer
    text: Bike lanes make cycling safer.
"""
TEXT = "The city should build bike lanes.\nBike lanes make cycling safer, they say.\n"


def _seed() -> ArgumentMap:
    seed = check_bytes(SEED_MAP.read_bytes(), str(SEED_MAP)).map
    assert seed is not None
    return seed


def _lanes(tmp_path: Path, text: str = TEXT) -> Path:
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "lanes.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "lanes.yaml"
    path.write_text(LANES, encoding="utf-8")
    return path


def test_the_source_is_a_text_resource_and_each_quote_an_atom_source() -> None:
    """Before, the atoms had no ``sources`` and the document no ``resources``: a SADFace tool
    saw claims with no grounding in the text. Now the text is the one resource and each quote
    a source at the offset and length ``argmap check`` finds it at."""
    seed = _seed()
    doc = json.loads(export_map(seed, "sadface", str(SEED_MAP), "build/seed.sadface.json").text)
    (resource,) = doc["resources"]
    text = SEED_TEXT.read_text(encoding="utf-8")
    assert set(resource) == {"id", "content", "type", "metadata"}
    assert resource["type"] == "text" and resource["content"] == text
    assert seed.source is not None
    assert resource["metadata"] == {"core": {"title": seed.source.title, "publisher": "DT Next",
                                             "date": "2022-09"}}  # fmt: skip
    finder = SourceText(text)
    atoms = [n for n in doc["nodes"] if n["type"] == "atom"]
    for node, claim in zip(atoms, seed.claims, strict=True):
        assert [s["text"] for s in node["sources"]] == [q.text for q in claim.quotes]
        for source in node["sources"]:
            assert set(source) == {"resource_id", "text", "offset", "length"}
            assert source["resource_id"] == resource["id"]
            start, length = source["offset"], source["length"]
            assert finder.find(source["text"]) == Match(start, start + length)
    # most quotes are the passage to the letter
    sources = [s for n in atoms for s in n["sources"]]
    exact = [s for s in sources if text[s["offset"] : s["offset"] + s["length"]] == s["text"]]
    assert len(sources) == 29 and len(exact) >= 20


def test_a_passage_spaced_or_elided_gets_the_offset_and_length_of_what_it_spans(
    tmp_path: Path,
) -> None:
    path = _lanes(tmp_path)
    checked = check_bytes(path.read_bytes(), str(path))
    assert checked.ok, checked.diagnostics
    exported = export_map(checked.map, "sadface", str(path), str(tmp_path / "x.sadface.json"))
    doc = json.loads(exported.text)
    (resource,) = doc["resources"]
    assert resource["content"] == TEXT
    assert resource["metadata"] == {"core": {"url": "https://example.org/lanes"}}
    build = next(n for n in doc["nodes"] if n.get("text") == "The city should build bike lanes.")
    spaced, elided = build["sources"]
    assert (spaced["text"], spaced["offset"], spaced["length"]) == (
        "The city should   build bike lanes", 0, 32)  # fmt: skip
    start = TEXT.index("Bike lanes make")
    assert (elided["offset"], elided["length"]) == (start, len("Bike lanes make cycling safer"))
    assert not any("offset" in loss for loss in exported.losses)


def test_a_quote_not_found_is_written_without_offset_and_said(tmp_path: Path) -> None:
    """The export is not refused (the check refuses such a map first; the API may not)."""
    path = _lanes(tmp_path, "The city should build bike lanes.\n")
    amap = check_bytes(path.read_bytes(), str(path)).map
    assert amap is not None
    exported = sadface.write(amap, source="The city should build bike lanes.\n")
    doc = json.loads(exported.text)
    build = next(n for n in doc["nodes"] if n.get("text") == "The city should build bike lanes.")
    found, lost = build["sources"]
    assert (found["offset"], found["length"]) == (0, 32)
    assert lost == {"resource_id": doc["resources"][0]["id"], "text": "Bike lanes ... safer"}
    assert build["metadata"]["argmap"]["unlocated"] == ["Bike lanes ... safer"]
    assert "1 quote (of 'build') not found in the source: its atom source has no offset and " \
        "length" in exported.losses  # fmt: skip


def test_without_the_source_text_the_export_says_it_has_no_resource() -> None:
    exported = sadface.write(_seed())
    doc = json.loads(exported.text)
    assert doc["resources"] == []
    assert all(n.get("sources", []) == [] for n in doc["nodes"])
    assert exported.losses[-1] == (
        "the source text was not read: the document has no resource and its atoms no sources "
        "(the quotes are kept under the 'argmap' metadata)"
    )


def test_the_same_map_exports_the_same_bytes_and_imports_back_the_same(
    seed_copy: Path,
) -> None:
    runner = CliRunner()
    out = seed_copy.with_suffix(".sadface.json")
    assert runner.invoke(main, ["export", "sadface", str(seed_copy)]).exit_code == 0
    first = out.read_bytes()
    assert runner.invoke(main, ["export", "sadface", str(seed_copy)]).exit_code == 0
    assert out.read_bytes() == first
    doc = json.loads(first)
    assert doc["resources"][0]["content"] == (seed_copy.parent.parent / "seeds" /
        "europe-central-asia-partnership.txt").read_text(encoding="utf-8")  # fmt: skip
    back = seed_copy.with_name("back.yaml")
    result = runner.invoke(main, ["import", "sadface", str(out), "-o", str(back)])
    assert result.exit_code == 0, result.output
    assert check_bytes(back.read_bytes(), str(back)).map == _seed_at(seed_copy)
    again = seed_copy.with_name("again.sadface.json")
    result = runner.invoke(main, ["export", "sadface", str(back), "-o", str(again)])
    assert result.exit_code == 0, result.output
    assert again.read_bytes() == first  # the same ids, sources and resource


def _seed_at(path: Path) -> ArgumentMap | None:
    return check_bytes(path.read_bytes(), str(path)).map
