"""A SADFace export grounds its atoms in the text: the map's source is the document's one
``text`` resource, and each quote an atom ``source`` (``resource_id``, ``text``, ``offset``,
``length``) located where ``argmap check`` finds it, as SADFace's library writes them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from argmap.api import check_bytes
from argmap.cli import main
from argmap.convert import export_map, import_file
from argmap.formats import aif, sadface
from argmap.model import ArgumentMap
from argmap.read.source import Match, SourceText
from argmap.read.sourcefile import text_of

from .conftest import SEED_MAP, SEED_TEXT, SHARED
from .test_sadface import bikes

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
    exported = export_map(seed, "sadface", str(SEED_MAP), "build/seed.sadface.json")
    assert exported.losses[0] == (  # the quotes have their place now: not said to be lost
        "SADFace has no place for claim ids and kinds, the source, the map's note, 12 claim "
        "notes, 4 relation notes: they are kept under the 'argmap' metadata of each node and of "
        "the document, which other SADFace tools ignore"
    )


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


MICROTEXTS = sorted((SHARED / "corpora" / "arg-microtexts-en").glob("micro_*.xml"))


def _without_argmap(text: str) -> bytes:
    """An export as a SADFace tool that keeps only SADFace's own keys passes it on: argmap's
    metadata namespace dropped from the document and from every node."""
    doc = json.loads(text)
    for holder in (doc, *doc["nodes"]):
        holder["metadata"].pop("argmap", None)
    return json.dumps(doc).encode()


@pytest.mark.skipif(not MICROTEXTS, reason="corpus not found")
def test_the_microtexts_are_grounded_and_come_back_through_a_sadface_tool(tmp_path: Path) -> None:
    """Every quote of the 112 microtexts is an atom source at its place in the text; a document
    stripped of argmap's metadata (as another tool may pass it on) imports back with the same
    texts and quotes, and exports again with the same ids, edges, sources and resource."""
    assert len(MICROTEXTS) == 112
    for path in MICROTEXTS:
        amap = import_file("microtext", path, tmp_path / "map.yaml").map
        text, _ = text_of(path.with_suffix(".txt").read_bytes(), path.name)
        assert text is not None
        first = sadface.write(amap, source=text)
        doc = json.loads(first.text)
        finder = SourceText(text)
        sources = [s for n in doc["nodes"] if n["type"] == "atom" for s in n["sources"]]
        assert len(sources) == sum(len(c.quotes) for c in amap.claims), path.name
        for source in sources:
            start = source["offset"]  # every quote located: none without an offset
            assert finder.find(source["text"]) == Match(start, start + source["length"])
        back = sadface.read(_without_argmap(first.text), name=path.name)
        assert back.source_text == text
        assert sorted((c.text, [q.text for q in c.quotes]) for c in back.map.claims) == sorted(
            (c.text, [" ".join(q.text.split()) for q in c.quotes]) for c in amap.claims
        ), path.name  # (in the order of their kinds: an import guesses kinds from wording)
        again = json.loads(sadface.write(back.map, source=back.source_text).text)
        assert again["resources"] == doc["resources"], path.name
        assert _graph(again) == _graph(doc), path.name


def _graph(doc: dict[str, Any]) -> tuple[object, ...]:
    """A document's nodes (id, type, text or name, sources) and edges, in SADFace's terms."""
    nodes = sorted((n["id"], n["type"], n.get("text", n.get("name")), json.dumps(n.get("sources")))
                   for n in doc["nodes"])  # fmt: skip
    edges = sorted((e["id"], e["source_id"], e["target_id"]) for e in doc["edges"])
    return nodes, edges, doc["metadata"]["core"].get("claim")


ARAUCARIA = sorted((SHARED / "corpora" / "araucaria-aif").glob("nodeset*.json"))


@pytest.mark.skipif(not ARAUCARIA, reason="corpus not found")
def test_araucaria_keeps_its_sadface_ids_through_a_sadface_tool() -> None:
    """Each of AraucariaDB's 661 graphs, imported and exported to SADFace, then passed on
    without argmap's metadata and imported again, exports the same nodes and edges by id (its
    supports, conflicts on conflicts and rephrases included)."""
    assert len(ARAUCARIA) == 661
    for path in ARAUCARIA:
        amap = aif.read(path.read_bytes(), name=path.name).map
        first = json.loads(sadface.write(amap).text)
        back = sadface.read(_without_argmap(json.dumps(first)), name=path.name).map
        assert _graph(json.loads(sadface.write(back).text)) == _graph(first), path.name


def test_the_resources_title_publisher_date_and_url_are_the_sources() -> None:
    """Before, a resource's metadata was left out: the map's source named only its path.
    Now what the export writes there (SADFace 0.5 under ``core``, 0.1 at its top) comes back;
    a link that is no http(s) address is left out, as the check would refuse it."""
    for metadata in ({"core": {"title": "Lanes", "publisher": "The Post", "date": "2024",
                               "url": "https://example.org/lanes"}},
                     {"title": "Lanes", "publisher": "The Post", "date": "2024",
                      "url": "https://example.org/lanes"}):  # fmt: skip
        doc = bikes()
        doc["resources"][0]["metadata"] = metadata
        source = sadface.read(json.dumps(doc).encode(), name="bikes.json").map.source
        assert source is not None
        assert (source.title, source.publisher, source.date, source.url) == (
            "Lanes", "The Post", "2024", "https://example.org/lanes")  # fmt: skip
    doc = bikes()
    doc["resources"][0]["metadata"] = {"core": {"url": "javascript:alert(1)", "title": " "}}
    source = sadface.read(json.dumps(doc).encode(), name="bikes.json").map.source
    assert source is not None and (source.title, source.url) == (None, None)


def test_sadfaces_own_validation_finds_nothing_but_the_core_keys_its_library_writes() -> None:
    """SADFace publishes no JSON Schema; its library's ``validation.verify`` is the check (PyPI
    ``sadface``, a test dependency). It flags the core keys ``title``,
    ``description``, ``notes`` and ``claim``, which the same library writes there itself
    (``set_title``, ``set_description``, ``add_notes``, ``set_claim``); nothing else."""
    from sadface import validation  # the field's own library, for this test alone

    seed = _seed()
    doc = json.loads(export_map(seed, "sadface", str(SEED_MAP), "seed.sadface.json").text)
    _, problems = validation.verify(doc)
    written_by_the_library = {"claim", "description", "notes", "title"}
    assert {p.removeprefix("Metadata contains the invalid key: ") for p in problems} == (
        written_by_the_library
    )
