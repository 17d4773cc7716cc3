"""SADFace in and out: a document an analyst wrote imports into a map that checks clean, with
what the map cannot hold said once per kind with a count; any map exports to SADFace that is
well formed, the same bytes each time, and comes back as the same map."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.api import check_bytes
from argmap.checks import check
from argmap.cli import main
from argmap.convert import export_map
from argmap.diagnostics import Severity
from argmap.formats import aif, sadface
from argmap.formats.base import FormatError, Imported
from argmap.formats.json import write as write_json
from argmap.formats.sniff import sniff
from argmap.formats.yaml import dump
from argmap.model import ArgumentMap, Claim, Kind, Objection, Ref
from argmap.read.loader import load

from .conftest import SEED_MAP
from .docs_text import block
from .strategies import argument_maps


def atom(node_id: str, text: str, **more: Any) -> dict[str, Any]:
    return {"id": node_id, "type": "atom", "text": text, "sources": [],
            "metadata": {"core": {}}, **more}  # fmt: skip


def scheme(node_id: str, name: str) -> dict[str, Any]:
    return {"id": node_id, "type": "scheme", "name": name, "metadata": {"core": {}}}


def edges(*pairs: str) -> list[dict[str, str]]:
    """Edges from ``"a>b"`` pairs."""
    return [{"id": f"e{n}", "source_id": p.split(">")[0], "target_id": p.split(">")[1]}
            for n, p in enumerate(pairs, 1)]  # fmt: skip


def bikes() -> dict[str, Any]:
    """A small analysis as SADFace's tools write it (version 0.5: the core in the metadata)."""
    return {
        "metadata": {
            "core": {"analyst_email": "ana@example.org", "analyst_name": "Ana Lyst",
                     "created": "2024-03-01T10:00:00", "edited": "2024-03-02T11:00:00",
                     "id": "0b7c6f2e-8a51-4c8e-9d7a-3f1f3c2a9e10", "version": "0.5",
                     "title": "Bike lanes on Main Street", "description": "A letter.",
                     "notes": "", "claim": "a1"},
            "org.example.tool": {"colour": "blue"},
        },
        "resources": [{"id": "r1", "content": "The city should build bike lanes.", "type": "text",
                       "metadata": {"core": {}}}],
        "nodes": [
            atom("a1", "The city should build bike lanes on Main Street.",
                 sources=[{"resource_id": "r1", "text": "The city should build bike lanes",
                           "offset": 0, "length": 32}]),
            atom("a2", "Bike lanes make cycling safer."),
            atom("a3", "Shops on Main Street depend on parking.",
                 metadata={"core": {}, "org.example.tool": {"x": 1}}),
            atom("a4", "Most customers of those shops arrive on foot."),
            atom("a5", "Safer cycling does not matter if nobody cycles there."),
            atom("a6", "Cycling to school is how children learn to get about alone."),
            scheme("s1", "support"),
            scheme("s2", "conflict"),
            scheme("s3", "attack"),
            scheme("s4", "Argument from Consequences"),
            scheme("s5", "conflict"),
            scheme("p1", "preference"),
        ],
        "edges": edges("a2>s1", "s1>a1", "a3>s2", "s2>a1", "a4>s3", "s3>a3", "a5>s5", "s5>s1",
                       "a6>s4", "s4>a1", "a2>p1", "a2>a4", "a2>zz"),
    }  # fmt: skip


def read(doc: dict[str, Any] | str | bytes, name: str = "bikes.json") -> Imported:
    data = doc if isinstance(doc, bytes) else (doc if isinstance(doc, str) else json.dumps(doc))
    return sadface.read(data.encode() if isinstance(data, str) else data, name=name)


def claim(amap: ArgumentMap, words: str) -> Claim:
    (found,) = [c for c in amap.claims if c.text.startswith(words)]
    return found


def ids(items: tuple[Ref | Objection, ...]) -> list[list[str]]:
    return [[i.id] if isinstance(i, Ref) else [r.id for r in i.claims] for i in items]


def test_atoms_are_claims_supports_reasons_conflicts_objections_and_undercuts() -> None:
    imported = read(bikes())
    amap = imported.map
    city, safer = claim(amap, "The city"), claim(amap, "Bike lanes")
    shops, foot = claim(amap, "Shops"), claim(amap, "Most customers")
    nobody, school = claim(amap, "Safer cycling"), claim(amap, "Cycling to school")
    assert (amap.title, city.thesis, city.kind) == ("Bike lanes on Main Street", True,
                                                    Kind.RECOMMENDATION)  # fmt: skip
    assert city.id == "the-city-should-build-bike"
    assert [[r.id for r in reason.claims] for reason in city.reasons] == [[safer.id], [school.id]]
    assert [reason.scheme for reason in city.reasons] == [None, "Argument from Consequences"]
    assert ids(city.reasons[0].objections) == [[nobody.id]]  # a conflict on a support: undercut
    assert ids(city.objections) == [[shops.id]] and ids(shops.objections) == [[foot.id]]
    assert amap.note == (
        "A letter. Imported by argmap from bikes.json (SADFace 0.5, document "
        "0b7c6f2e-8a51-4c8e-9d7a-3f1f3c2a9e10, analysed by Ana Lyst <ana@example.org>, created "
        "2024-03-01T10:00:00, edited 2024-03-02T11:00:00). Claim ids are the first words of each "
        "atom's text; reasons are support schemes, objections conflicts and restatements "
        "rephrases."
    )


def test_what_the_map_cannot_hold_is_said_once_per_kind_with_a_count() -> None:
    assert read(bikes()).notes == (
        "1 'preference' scheme node (the map has no place for it); left out",
        "1 edge to or from a node left out; left out",
        "1 edge joining a node the document does not have; left out",
        "1 edge from an atom to an atom (no meaning in SADFace); left out",
        "the metadata of 1 atom node left out (the map has no place for it)",
        "the document's metadata namespaces org.example.tool left out",
        NOT_KEPT,
        "resource r1 (the text analysed) is the map's source, bikes.txt beside the map; 1 "
        "source of 1 atom is its claim's quote (of the resource's metadata, the source keeps the "
        "title, publisher, date and url; each source's offset and length are not kept: an "
        "export to SADFace finds each quote in the text again)",
        "the kind of 1 claim with reasons was guessed from wording (English cues): "
        "recommendation the-city-should-build-bike",
    )


def test_version_0_1_rephrases_and_conflict_nodes_are_read() -> None:
    # SADFace 0.1 kept the core at the top level; its library writes a conflict as a node of
    # type "conflict"; a rephrase makes the atom it points to restate the one pointing to it
    doc = {
        "analyst_name": "Ana", "created": "2017-07-11T16:32:36", "id": "d1", "metadata": {},
        "nodes": [atom("1", "Speed limits save lives."), atom("2", "Lower speeds save lives."),
                  atom("3", "Drivers ignore speed limits."), scheme("4", "rephrase"),
                  {"id": "5", "type": "conflict", "name": "disagreement", "metadata": {}}],
        "edges": edges("1>4", "4>2", "3>5", "5>1"),
    }  # fmt: skip
    imported = read(doc, "limits.sadface.json")
    amap = imported.map
    lives, deaths = claim(amap, "Speed limits"), claim(amap, "Lower speeds")
    assert amap.title == "limits" and "analysed by Ana" in (amap.note or "")
    assert [r.claim.id for r in deaths.restates] == [lives.id]  # type: ignore[union-attr]
    assert ids(lives.objections) == [[claim(amap, "Drivers").id]]
    assert imported.notes == (NOT_KEPT,)


def test_what_would_not_check_clean_is_left_out_naming_its_nodes() -> None:
    doc = {
        "metadata": {"core": {}},
        "nodes": [atom("a", "A is so."), atom("b", "B is so."), scheme("s1", "support"),
                  scheme("s2", "support"), scheme("s3", "inference"), scheme("c1", "conflict"),
                  scheme("c2", "conflict"), scheme("s4", "support")],
        # a → b → a: a support cycle; s3 supports a with a itself; c1 and c2 attack each other
        "edges": edges("a>s1", "s1>b", "b>s2", "s2>a", "a>s3", "s3>a", "c1>c2", "c2>c1",
                       "s4>a"),
    }  # fmt: skip
    imported = read(doc)
    assert imported.notes == (
        "support scheme s4 has no premise; left out",
        "conflict scheme c1 has no attacking atom; left out",
        "conflict scheme c2 has no attacking atom; left out",
        "support scheme s3: node a cannot support itself; left out",
        "support scheme s1 closes a support cycle (nodes a → b → a); left out",
        NOT_KEPT,
        "the kind of 1 claim with reasons was guessed from wording (the cues of every language, "
        "as its language could not be told): conclusion a-is-so",
    )
    assert not [d for d in check(imported.map, "m.yaml") if d.severity is Severity.ERROR]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff", "the file is not valid UTF-8 \\(byte ff at line 1, column 1\\)"),
        (b"{", "not JSON"),
        (b"[1, 2]", "not SADFace: the top level is not an object"),
        (b'{"edges": []}', "not SADFace: no 'nodes' list"),
        (b'{"nodes": {}, "edges": []}', "not SADFace: no 'nodes' list"),
        (b'{"nodes": [], "edges": []}', "no claims to import"),
        (b'{"nodes": [{"id": "s", "type": "scheme", "name": "support"}]}', "no claims to import"),
        (b'{"nodes": [{"id": "a", "type": "atom", "text": 1e999}]}', "larger than JSON's"),
        (b'{"nodes": ' + b"[" * 300 + b"]" * 300 + b"}", "nests deeper"),
    ],
)
def test_what_is_not_sadface_is_refused_saying_why(data: bytes, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        read(data)


def test_the_cli_refuses_bad_input_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "g.json"
    source.write_bytes(b'{"nodes": [], "edges": [], "metadata": {"core": {}}}')
    result = CliRunner().invoke(main, ["import", "sadface", str(source)])
    assert (result.exit_code, result.output) == (
        1,
        f"argmap: error: {source}: not SADFace, or a document without atoms: no claims to import\n",
    )
    assert not (tmp_path / "g.yaml").exists()


def test_the_cli_imports_a_map_that_checks_clean(tmp_path: Path) -> None:
    source = tmp_path / "bikes.json"
    source.write_text(json.dumps(bikes()), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "sadface", str(source)])
    assert result.exit_code == 0, result.output
    assert f"{source}: note: resource r1 (the text analysed) is the map's source" in result.output
    assert f"argmap: wrote {tmp_path / 'bikes.txt'}" in result.output
    written = tmp_path / "bikes.yaml"
    checked = check_bytes(written.read_bytes(), str(written))
    assert not [d for d in checked.diagnostics if d.severity is Severity.ERROR]


def test_check_given_a_sadface_document_names_the_import(tmp_path: Path) -> None:
    source = tmp_path / "bikes.json"
    source.write_text(json.dumps(bikes()), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(source)])
    assert (result.exit_code, result.output) == (
        1,
        f"{source}:1:1: error: this is a SADFace document, not an argmap map; import it into "
        f"one: argmap import sadface {source} -o {tmp_path / 'bikes.yaml'} [AM017]\n"
        "argmap: 1 error\n",
    )


def test_the_hint_for_an_exported_document_names_the_map_it_came_from(tmp_path: Path) -> None:
    source = tmp_path / "seed.sadface.json"
    source.write_text(sadface.write(_seed()).text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(source)])
    assert f"argmap import sadface {source} -o {tmp_path / 'seed.yaml'} [AM017]" in result.output


def test_sniffing_tells_sadface_from_aif_and_from_a_map() -> None:
    seed = check_bytes(SEED_MAP.read_bytes(), str(SEED_MAP)).map
    assert seed is not None
    assert sniff(json.dumps(bikes()).encode(), "x.json") == "sadface"
    assert sniff(sadface.write(seed).text.encode(), "x.json") == "sadface"
    minimal = {"metadata": {"core": {"version": "0.2"}}, "resources": [], "nodes": [], "edges": []}
    assert sniff(json.dumps(minimal).encode(), "x.json") == "sadface"
    assert sniff(aif.write(seed).text.encode(), "x.json") == "aif"  # its 'argmap': a mapping
    plain_aif = json.loads(aif.write(seed).text)
    del plain_aif["argmap"]
    assert sniff(json.dumps(plain_aif).encode(), "x.json") == "aif"
    assert sniff(write_json(seed).text.encode(), "x.json") is None


def _seed() -> ArgumentMap:
    seed = check_bytes(SEED_MAP.read_bytes(), str(SEED_MAP)).map
    assert seed is not None
    return seed


def test_the_export_is_sadface_as_its_library_checks_it() -> None:
    """The keys and types SADFace's own validation asks for, every id a UUID, every edge
    joining two nodes of the document, and each claim, reason and objection there."""
    seed = _seed()
    doc = json.loads(export_map(seed, "sadface", str(SEED_MAP), "seed.sadface.json").text)
    assert set(doc) == {"metadata", "resources", "nodes", "edges"}
    (resource,) = doc["resources"]  # the source text
    assert set(resource) == {"id", "content", "type", "metadata"} and resource["type"] == "text"
    uuid.UUID(resource["id"])
    assert isinstance(resource["content"], str) and isinstance(resource["metadata"], dict)
    core = doc["metadata"]["core"]
    for key in ("analyst_email", "analyst_name", "created", "edited", "id", "version", "title"):
        assert isinstance(core[key], str), key
    assert core["title"] == seed.title and all(
        isinstance(v, dict) for v in doc["metadata"].values()
    )
    nodes = {node["id"]: node for node in doc["nodes"]}
    assert len(nodes) == len(doc["nodes"])
    for node in doc["nodes"]:
        uuid.UUID(node["id"])
        assert node["type"] in ("atom", "scheme") and isinstance(node["metadata"], dict)
        if node["type"] == "atom":
            assert isinstance(node["text"], str) and isinstance(node["sources"], list)
            for source in node["sources"]:
                assert set(source) == {"resource_id", "text", "offset", "length"}
                assert source["resource_id"] == resource["id"]
                assert isinstance(source["offset"], int) and isinstance(source["length"], int)
        else:
            assert isinstance(node["name"], str)
    for edge in doc["edges"]:
        assert set(edge) == {"id", "source_id", "target_id"}
        uuid.UUID(edge["id"])
        assert edge["source_id"] in nodes and edge["target_id"] in nodes
    atoms = [n for n in doc["nodes"] if n["type"] == "atom"]
    assert [n["text"] for n in atoms] == [c.text for c in seed.claims]
    names = [n["name"] for n in doc["nodes"] if n["type"] == "scheme"]
    assert names.count("support") == sum(len(c.reasons) for c in seed.claims)
    assert core["claim"] == next(
        n["id"] for n, c in zip(atoms, seed.claims, strict=True) if c.thesis
    )


def test_the_same_map_gives_the_same_bytes_and_says_what_only_argmap_keeps() -> None:
    seed = _seed()
    first, second = sadface.write(seed), sadface.write(seed)
    assert first.text == second.text
    assert first.losses == (
        "SADFace has no place for claim ids and kinds, the source, the map's note, 29 quotes, "
        "12 claim notes, 4 relation notes: they are kept under the 'argmap' metadata of each "
        "node and of the document, which other SADFace tools ignore",
        ANEW,
        "the source text was not read: the document has no resource and its atoms no sources "
        "(the quotes are kept under the 'argmap' metadata)",
    )


NOT_KEPT = (
    "claim ids are made from the atoms' words; the document's node and edge ids, its core "
    "metadata and its text resource's id are kept under 'sadface:' of each claim, relation "
    "and the map, out of sight, and an export to SADFace writes them back (the core metadata "
    "is in the map's note too, as words)"
)
ANEW = (
    "SADFace ids are made from the claim ids (the map carries none: 'sadface:'), and the core "
    "metadata has no analyst and fixed dates (1970-01-01T00:00:00)"
)


def test_a_documents_ids_and_metadata_are_said_to_be_kept_on_import_and_export() -> None:
    """A researcher joins annotations to a SADFace document by node id: import and export
    replaced the ids and the analyst and dates, and neither said so; now they are kept and
    written back, and both say so."""
    imported = read(block("From SADFace", "json"))
    assert NOT_KEPT in imported.notes
    assert sadface.write(imported.map).losses[1] == (
        "the SADFace ids the map carries ('sadface:', as the import keeps a document's), and its "
        "analyst and dates, are written back; the other ids are made from the claim ids, and "
        "dates it does not carry fixed (1970-01-01T00:00:00)"
    )
    again = read(sadface.write(imported.map).text.encode())  # argmap's own: its ids come back
    assert NOT_KEPT not in again.notes and again.map == imported.map


def test_the_cli_exports_and_imports_back_the_same_map(seed_copy: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["export", "sadface", str(seed_copy)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{seed_copy}: note: SADFace has no place for claim ids")
    exported = seed_copy.with_suffix(".sadface.json")
    back = seed_copy.with_name("back.yaml")
    result = runner.invoke(main, ["import", "sadface", str(exported), "-o", str(back)])
    assert result.exit_code == 0, result.output
    assert load(back.read_bytes(), str(back))[0] == load(seed_copy.read_bytes(), "x")[0]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps(extras=True))
def test_argmap_to_sadface_to_argmap_preserves_the_map(amap: ArgumentMap) -> None:
    back = read(sadface.write(amap).text, "map.sadface.json")
    assert back.notes == ()
    assert back.map == amap


def shape(amap: ArgumentMap) -> list[tuple[object, ...]]:
    """Each claim as its text, its reasons and its objections, claims named by their text."""
    text = {c.id: c.text for c in amap.claims}

    def items(objections: tuple[Ref | Objection, ...]) -> list[object]:
        return [
            ((text[o.id],), []) if isinstance(o, Ref)
            else (tuple(text[r.id] for r in o.claims), items(o.objections))
            for o in objections
        ]  # fmt: skip

    return [
        (c.text, bool(c.reasons),
         [(tuple(text[r.id] for r in reason.claims), reason.scheme, items(reason.objections))
          for reason in c.reasons], items(c.objections))
        for c in amap.claims
    ]  # fmt: skip


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argument_maps())
def test_plain_sadface_keeps_the_claims_and_relations(amap: ArgumentMap) -> None:
    """Without argmap's metadata (as other SADFace tools keep it), ids and kinds are made anew
    and notes are gone, but every claim, reason, scheme and objection comes back."""
    doc = json.loads(sadface.write(amap).text)
    for node in [doc["metadata"], *doc["nodes"]]:
        node["metadata" if node is not doc["metadata"] else "core"].pop("argmap", None)
        if node is doc["metadata"]:
            node.pop("argmap", None)
    back = read(json.dumps(doc), "map.json").map
    assert sorted(shape(back), key=str) == sorted(shape(amap), key=str)


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 30)
    | st.sampled_from(["atom", "scheme", "support", "conflict", "rephrase", "x", ""]),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(
        st.sampled_from(["id", "type", "text", "name", "source_id", "target_id", "metadata",
                         "sources", "core", "argmap", "claim", "title"]),
        inner, max_size=5),
    max_leaves=30,
)  # fmt: skip
IDS = st.sampled_from(["a", "b", "c", "d", "s", "t", "u", "", "a\x00", "x" * 300]) | JSONISH
NODE = st.fixed_dictionaries(
    {"id": IDS, "type": st.sampled_from(["atom", "scheme", "conflict", "?"]) | JSONISH},
    optional={
        "text": st.text(max_size=12) | st.just("long " * 200) | st.just("\u202e\x00\r") | JSONISH,
        "name": st.sampled_from(["support", "conflict", "rephrase", "preference", "Expert",
                                 "x" * 101, ""]) | JSONISH,
        "metadata": JSONISH,
        "sources": JSONISH,
    },
)  # fmt: skip
EDGE = st.fixed_dictionaries({"source_id": IDS, "target_id": IDS}, optional={"id": JSONISH})


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.fixed_dictionaries({"nodes": st.lists(NODE | JSONISH, max_size=12),
                              "edges": st.lists(EDGE | JSONISH, max_size=20) | JSONISH},
                             optional={"metadata": JSONISH, "resources": JSONISH}))  # fmt: skip
def test_any_document_imports_to_a_map_without_errors_or_is_refused(doc: dict) -> None:
    """Wrong types, cycles of supports and of conflicts, edges to nothing, ids given twice,
    long and refused characters, argmap's metadata malformed: a map that checks clean, whose
    file reads back as it, or a FormatError saying what the document is not."""
    try:
        result = read(json.dumps(doc), "fuzz.json")
    except FormatError as error:
        assert "could not be made into a map" not in str(error)
        return
    errors = [d for d in check(result.map, "fuzz.yaml") if d.severity is Severity.ERROR]
    assert errors == []
    loaded, diagnostics = load(dump(result.map).encode(), "fuzz.yaml")
    assert diagnostics == [] and loaded == result.map
    assert all("\n" not in note and len(note) < 2000 for note in result.notes)


def test_text_too_long_for_a_claim_is_cut_and_refused_characters_taken_out() -> None:
    long = "word " * 200
    doc = {"nodes": [atom("a", long), atom("b", "Bidi\u202e and NUL\x00 gone."),
                     atom("c", "   "), {"id": "d\x1b[2J", "type": "atom", "text": "escape"}],
           "edges": []}  # fmt: skip
    imported = read(doc)
    cut, clean, blank = imported.map.claims
    assert len(cut.text) <= 600 and cut.text.endswith("…")
    assert cut.note == f"Full text: {long}"
    assert clean.text == "Bidi and NUL gone." and blank.text == "(atom c has no text)"
    assert imported.notes == (
        "1 node without a usable id (or not an object); left out",
        NOT_KEPT,
        "1 atom longer than 600 characters, cut and kept whole in their notes: a",
    )


def test_malformed_argmap_metadata_is_ignored_saying_so() -> None:
    doc = {"metadata": {"core": {}, "argmap": {"source": 3}},
           "nodes": [atom("a", "A is so.", metadata={"argmap": {"id": "-bad-", "role": "x"}})],
           "edges": []}  # fmt: skip
    imported = read(doc)
    assert imported.notes == ("the 'argmap' metadata is not as argmap writes it; ignored",
                              NOT_KEPT)  # fmt: skip
    assert [c.id for c in imported.map.claims] == ["a-is-so"]


def test_the_documented_example_imports_as_the_docs_say() -> None:
    amap = read(block("From SADFace", "json")).map
    city, safer = claim(amap, "The city"), claim(amap, "Bike lanes")
    assert amap.title == "Bike lanes" and city.thesis and city.kind is Kind.RECOMMENDATION
    assert [[r.id for r in reason.claims] for reason in city.reasons] == [[safer.id]]
    assert "analysed by Ana Lyst" in (amap.note or "")
    assert check_bytes(dump(amap).encode(), "m.yaml").ok


def test_the_text_analysed_becomes_the_source_and_atoms_sources_its_quotes() -> None:
    """An atom's sources (passages of the document's resource) were left out: the map had no
    source and no quotes, so argmap check could verify nothing. The one text resource is now
    the map's source, its text handed over to be written beside the map, and each passage
    found in it a quote of its atom."""
    imported = read(bikes())
    amap = imported.map
    assert amap.source is not None and amap.source.path == "bikes.txt"
    assert imported.source_text == "The city should build bike lanes."
    city = claim(amap, "The city")
    assert [quote.text for quote in city.quotes] == ["The city should build bike lanes"]
    assert [c.quotes for c in amap.claims if c is not city] == [()] * 5
    assert "1 source of 1 atom (passages of the resources) left out" not in " ".join(imported.notes)
    assert (
        "resource r1 (the text analysed) is the map's source, bikes.txt beside the map; 1 "
        "source of 1 atom is its claim's quote (of the resource's metadata, the source keeps the "
        "title, publisher, date and url; each source's offset and length are not kept: an "
        "export to SADFace finds each quote in the text again)"
    ) in imported.notes


def test_a_source_not_in_its_resource_and_several_resources_are_said() -> None:
    doc = bikes()
    doc["nodes"][1]["sources"] = [{"resource_id": "r1", "text": "Not in the text"},
                                  {"resource_id": "r9", "text": "Elsewhere"}]  # fmt: skip
    imported = read(doc)
    assert (
        "2 sources of 1 atom are not passages of the map's source (resource r1); left out"
        in imported.notes
    )
    doc["resources"].append({"id": "r2", "content": "A second text.", "type": "text"})
    imported = read(doc)
    assert imported.map.source is None and imported.source_text is None
    assert all(not c.quotes for c in imported.map.claims)
    assert "2 resources (the texts analysed) left out: a map's source is a text file beside it" in (
        imported.notes
    )


def test_the_cli_writes_the_text_analysed_beside_the_map_and_checks_its_quotes(
    tmp_path: Path,
) -> None:
    source = tmp_path / "bikes.json"
    source.write_text(json.dumps(bikes()), encoding="utf-8")
    out = tmp_path / "maps" / "lanes.yaml"
    result = CliRunner().invoke(main, ["import", "sadface", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "maps" / "lanes.txt").read_text(encoding="utf-8") == (
        "The city should build bike lanes."
    )
    loaded = load(out.read_bytes(), str(out))[0]
    assert loaded is not None and loaded.source is not None
    assert loaded.source.path == "lanes.txt"
    checked = check_bytes(out.read_bytes(), str(out))
    assert checked.ok, checked.diagnostics  # the quote found in lanes.txt
    # a text of that name that says something else is not overwritten: the text analysed
    # goes beside it, under a free name (test_import_texts)
    (tmp_path / "maps" / "lanes.txt").write_text("Mine.", encoding="utf-8")
    out.unlink()
    result = CliRunner().invoke(main, ["import", "sadface", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "maps" / "lanes.txt").read_text(encoding="utf-8") == "Mine."
    assert f"{tmp_path / 'maps' / 'lanes.txt'} holds another text" in result.output
    # to stdout, no file is written: the map has no source and no quotes, and says so
    result = CliRunner().invoke(main, ["import", "sadface", str(source), "-o", "-"])
    assert result.exit_code == 0 and "quotes:" not in result.stdout
    # ... and nothing says otherwise (a note said the resource was the map's source, beside)
    assert "the map has no source and no quotes" in result.stderr
    assert "is the map's source" not in result.stderr


def test_a_text_analysed_with_windows_line_ends_is_the_source_too() -> None:
    # Found in review: a resource with \r\n gave no source and no quotes, and a note said it
    # was left out; argmap reads a source file with Windows' line ends as any other.
    doc = bikes()
    doc["resources"][0]["content"] = "The city should\r\nbuild bike lanes.\r\n"
    imported = read(doc)
    assert imported.source_text == "The city should\nbuild bike lanes.\n"
    assert [q.text for q in claim(imported.map, "The city").quotes] == [
        "The city should build bike lanes"
    ]
