"""The Python API as a researcher in a notebook uses it: its errors name Python's arguments
(``page=``, ``source_root=``), not the command line's options, and say what to pass."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import argmap
from argmap import MapError, UsageError, check_bytes, check_file, load, render_figures, source_text
from argmap.convert import export_map, import_file
from argmap.model import ArgumentMap, Claim, Kind

from .conftest import SEED_MAP, run

TINY = ArgumentMap(title="Tiny", claims=(Claim(id="a", kind=Kind.PREMISE, text="A."),))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"fmt": "svg", "page": "a4"}, "page= applies to pdf only"),
        ({"fmt": "pdf", "landscape": True}, "landscape= goes with page="),
        ({"fmt": "pdf", "fit": 720, "page": "a4"}, "give fit= or page="),
        ({"fmt": "svg", "fit": 720, "width": "10cm"}, "give fit= or width="),
        ({"fmt": "html", "fit": "468pt"}, "give fit= in px"),
    ],
)
def test_options_that_do_not_go_together_are_named_as_python_arguments(
    options: dict[str, object], message: str
) -> None:
    with pytest.raises(UsageError) as raised:
        render_figures(TINY, **options)  # type: ignore[arg-type]
    assert message in str(raised.value)
    assert "--" not in str(raised.value)  # no command-line option a notebook cannot pass


def outside(tmp_path: Path) -> Path:
    """A map whose source lies beside its project, not in it."""
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "source.txt").write_text("The sky is blue.\n", encoding="utf-8")
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "pyproject.toml").touch()
    path = tmp_path / "project" / "map.yaml"
    path.write_text(
        "argmap: 1\ntitle: T\nsource:\n  path: ../texts/source.txt\npremises:\n"
        "  - id: a\n    text: A.\n    quotes: The sky is blue.\n",
        encoding="utf-8",
    )
    return path


def test_a_source_outside_the_project_names_the_source_root_argument(tmp_path: Path) -> None:
    path = outside(tmp_path)
    with pytest.raises(MapError) as raised:
        load(path)
    [diagnostic] = raised.value.diagnostics
    assert diagnostic.code == "AM117"
    assert "(see source_root=)" in diagnostic.message
    assert "(see source_root=)" in str(raised.value)
    assert "--source-root" not in str(raised.value)
    amap = load(path, source_root=tmp_path / "texts")
    with pytest.raises(UsageError, match=r"\(see source_root=\)$"):
        source_text(amap, path)  # the root not given again


def test_check_file_and_check_bytes_name_the_argument_and_the_command_its_option(
    tmp_path: Path,
) -> None:
    path = outside(tmp_path)
    for checked in (check_file(path), check_bytes(path.read_bytes(), str(path))):
        [diagnostic] = [d for d in checked.diagnostics if d.code == "AM117"]
        assert diagnostic.message.endswith("(see source_root=)"), diagnostic.message
    said = run("check", str(path)).output
    assert "(see --source-root)" in said and "source_root=" not in said


def test_check_bytes_given_text_says_to_encode_it() -> None:
    with pytest.raises(TypeError, match=r"check_bytes takes the map's bytes, not str.*encode"):
        check_bytes("argmap: 1\n", "map.yaml")  # type: ignore[arg-type]
    assert check_bytes(SEED_MAP.read_bytes(), str(SEED_MAP)).ok


def test_a_file_to_import_names_the_python_import(tmp_path: Path) -> None:
    graph = tmp_path / "seed.json"
    graph.write_text(export_map(load(SEED_MAP), "aif").text, encoding="utf-8")
    with pytest.raises(MapError) as raised:
        load(graph)
    [diagnostic] = raised.value.diagnostics
    assert diagnostic.code == "AM017"
    assert diagnostic.message == (
        "this is an AIF graph, not an argmap map; import it into one: "
        f"argmap.convert.import_file('aif', {str(graph)!r})"
    )
    assert import_file("aif", graph).map.claims == load(SEED_MAP).claims  # as it says


def test_an_imported_map_draws_itself_in_a_notebook(tmp_path: Path) -> None:
    """``import_file(...).map`` is the model: in Jupyter it printed as 3,000 characters of
    attrs and drew nothing. ``argmap.Map.of`` gives the map that draws and saves itself."""
    aif = tmp_path / "wet.json"
    aif.write_text(export_map(TINY, "aif").text, encoding="utf-8")
    imported = import_file("aif", aif)
    shown = argmap.Map.of(imported.map)
    fields = [field.name for field in attrs.fields(ArgumentMap)]
    assert [getattr(shown, name) for name in fields] == [getattr(imported.map, n) for n in fields]
    assert repr(shown) == "<argmap.Map 'Tiny': 1 premise>"
    assert shown._repr_svg_().startswith("<svg")
    shown.save(tmp_path / "wet.svg")
    assert (tmp_path / "wet.svg").read_bytes().startswith(b"<?xml")
    loaded = load(SEED_MAP)
    assert argmap.Map.of(loaded) is loaded


def test_save_refuses_a_format_its_file_name_contradicts(tmp_path: Path) -> None:
    """``save("x.svg", fmt="png")`` wrote PNG bytes into x.svg (the command line refuses
    ``-f png -o x.svg``); a name that is a map's says how a map is written."""
    amap = argmap.Map.of(TINY)
    with pytest.raises(UsageError, match=r"x\.svg names svg but fmt='png'; make them agree"):
        amap.save(tmp_path / "x.svg", fmt="png")
    assert not (tmp_path / "x.svg").exists()
    amap.save(tmp_path / "x.drawing", fmt="png")  # a name that names no format: as fmt says
    assert (tmp_path / "x.drawing").read_bytes().startswith(b"\x89PNG")
    with pytest.raises(UsageError, match=r"argmap\.formats\.yaml\.dump\(amap\)"):
        amap.save(tmp_path / "x.yaml")


def test_a_folder_of_maps_becomes_a_table_through_the_public_api(seed_copy: Path) -> None:
    """An analyst's notebook: every map of a folder, each claim's status and how much of the
    source it quotes, without reaching into argmap's modules."""
    (seed_copy.parent / "notes.yaml").write_text("a: 1\n", encoding="utf-8")  # no map: skipped
    assert argmap.find_maps(seed_copy.parent) == [str(seed_copy)]
    amap = argmap.load(seed_copy)
    evaluation = amap.evaluate()
    assert evaluation.status("partnership-thesis").value == "stands"
    found = amap.coverage()
    assert 0 < found.share <= 1
    quoted = {claim.id: found.quoted(claim.id) for claim in amap.claims}
    assert quoted["partnership-thesis"] >= len("A partnership with mutual benefits")
    assert all(quoted[c.id] == 0 for c in amap.claims if c.implicit)


def test_a_claim_quoting_one_passage_twice_counts_its_characters_once(write_map) -> None:
    path = write_map(
        "argmap: 1\ntitle: T\nsource: {path: source.txt}\npremises:\n  - id: a\n"
        '    text: A.\n    quotes: ["Rain falls", "falls on Monday"]\n',
        source="Rain falls on Monday. Sun shines on Tuesday.\n",
    )
    found = argmap.load(path).coverage()
    assert found.quoted("a") == len("Rain falls on Monday")
    assert found.quoted("nobody") == 0


def test_coverage_of_a_map_without_a_source_says_so(write_map) -> None:
    path = write_map("argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: A.\n")
    with pytest.raises(UsageError, match="no source to cover"):
        argmap.load(path).coverage()
    with pytest.raises(UsageError, match="knows no file"):
        argmap.Map.of(TINY).coverage()


def test_checked_splits_its_findings_into_errors_and_warnings(write_map) -> None:
    path = write_map(
        "argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: A.\n  - id: d\n    text: D.\n"
        "conclusions:\n  - id: b\n    text: B.\n    reasons: [a, c]\n"
    )
    checked = check_file(path)
    assert [d.code for d in checked.errors] == ["AM103"]
    assert checked.warnings and all(d.severity is argmap.Severity.WARNING for d in checked.warnings)
    assert set(checked.errors + checked.warnings) == set(checked.diagnostics)
