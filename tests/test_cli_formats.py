"""``argmap import``, ``export`` and ``schema`` as a user meets them: files, notes, exit codes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.formats.registry import EXPORTS, IMPORTS
from argmap.formats.written import WRITTEN

from .conftest import SEED_MAP, SEED_TEXT, SHARED, run

MICROTEXT = SHARED / "corpora" / "arg-microtexts-en" / "micro_b001.xml"
needs_corpus = pytest.mark.skipif(not MICROTEXT.exists(), reason="corpora not found")


@needs_corpus
def test_import_microtext_writes_a_map_that_checks(tmp_path: Path) -> None:
    target = tmp_path / "b001.yaml"
    corpus = ("--source-root", str(MICROTEXT.parent))  # the text stays in the corpus
    result = run("import", "microtext", str(MICROTEXT), "-o", str(target), *corpus)
    assert (result.exit_code, result.output) == (0, (
        f"{MICROTEXT}: note: the kind of 1 claim with reasons was guessed from wording (English "
        f"cues): conclusion a1\nargmap: wrote {target}\n"))  # fmt: skip
    assert run("check", str(target), *corpus).exit_code == 0
    assert run("check", str(target)).exit_code == 1  # AM117: outside the map's project
    again = run("import", "microtext", str(MICROTEXT), "-o", str(target))
    assert again.exit_code == 2
    assert "exists; give --force to overwrite it" in again.output
    missing = run("import", "microtext", str(tmp_path / "none.xml"), "-o", str(target))
    assert missing.exit_code == 2  # what is wrong first: the file to import is not there
    assert "no such file" in missing.output and "--force" not in missing.output
    assert (
        run("import", "microtext", str(MICROTEXT), "-o", str(target), "--force", *corpus).exit_code
        == 0
    )


def test_import_outside_the_sources_project_says_how_to_read_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a plain folder: no .git, pyproject.toml or mkdocs.yml
    Path("source.txt").write_text("Roads are unsafe at night.\n", encoding="utf-8")
    Path("m.yaml").write_text(
        "argmap: 1\ntitle: T\nsource:\n  path: source.txt\npremises:\n  - id: a\n"
        "    text: A.\n    quotes: [Roads are unsafe]\nconclusions:\n  - id: c\n    text: C.\n"
        "    reasons: [a]\n    quotes: [at night]\n",
        encoding="utf-8",
    )
    assert run("export", "json", "m.yaml", "-o", "m.json").exit_code == 0
    result = run("import", "json", "m.json", "-o", "sub/x.yaml")
    assert result.exit_code == 1
    assert "[AM117]" in result.output
    assert result.output.endswith(
        "argmap: sub/x.yaml reads its source from outside its project: check and draw it with "
        "--source-root ., or write the map in a folder that holds its source (or in a project: "
        "a folder with .git, pyproject.toml or mkdocs.yml)\n"
    )
    assert run("check", "--source-root", ".", "sub/x.yaml").output == ""  # as it says
    beside = run("import", "json", "m.json", "-o", "x.yaml")  # beside its source: nothing to say
    assert (beside.exit_code, beside.output) == (0, "argmap: wrote x.yaml\n")


def test_import_aif_reports_what_it_left_out_and_the_checks_warnings(tmp_path: Path) -> None:
    graph = {
        "nodes": [
            {"nodeID": "1", "type": "I", "text": "A"},
            {"nodeID": "2", "type": "I", "text": "B"},
            {"nodeID": "3", "type": "RA", "text": "RA"},
        ],
        "edges": [{"edgeID": "1", "fromID": "1", "toID": "3"}],
    }
    source = tmp_path / "g.json"
    source.write_text(json.dumps(graph))
    result = run("import", "aif", str(source))
    target = tmp_path / "g.yaml"
    assert result.exit_code == 0
    assert result.output == (
        f"{source}: note: RA node 3 has no conclusion; left out\n"
        f"argmap: wrote {target}\n"
        f"{target}:6:9: warning: premise 'a-1' is connected to nothing: no reason, objection "
        "or target [AM201]\n"
        f"{target}:10:9: warning: premise 'b-2' is connected to nothing: no reason, objection "
        "or target [AM201]\n"
        "argmap: 2 warnings\n"
    )
    written = target.read_text(encoding="utf-8")
    # Each claim carries its node; the RA-node and its edge, which the map leaves out, are
    # carried at the end, so that the export gives them back.
    assert '    aif:\n      nodeID: "1"\n' in written
    assert written.endswith(
        '\naif:\n  nodes:\n    - {nodeID: "3", type: "RA", text: "RA"}\n'
        '  edges:\n    - {edgeID: "1", fromID: "1", toID: "3"}\n'
    )


def test_import_of_something_else_is_an_error(tmp_path: Path) -> None:
    source = tmp_path / "g.json"
    source.write_text("[]")
    result = run("import", "aif", str(source), "-o", "-")
    assert (result.exit_code, result.output) == (
        1,
        f"argmap: error: {source}: not AIF: the top level is not an object\n",
    )
    assert run("import", "aif", str(tmp_path / "none.json")).exit_code == 2
    result = run("import", "microtext", str(source), "-o", "-")  # not "no such file: g.txt"
    assert (result.exit_code, result.output) == (
        1,
        f"argmap: error: {source}: not XML: syntax error at line 1, column 1\n",
    )
    result = run("import", "json", str(source), "-o", "-")
    assert result.exit_code == 1
    assert result.output == (
        f"{source}:1:1: error: the top level must be a mapping, not a list [AM008]\n"
        "argmap: 1 error\n"
    )


def test_import_in_the_wrong_format_names_the_format_the_file_is_in(tmp_path: Path) -> None:
    """A researcher imports an AraucariaDB file as a microtext, or the other way: the error
    said only 'not XML: not well-formed (invalid token) at line 1, column 1'."""
    graph = tmp_path / "nodeset10.json"
    graph.write_text('{"nodes": [], "edges": []}')
    result = run("import", "microtext", str(graph), "-o", "-")
    assert (result.exit_code, result.output) == (
        1,
        f"argmap: error: {graph}: not XML: not well-formed (invalid token) at line 1, column 1; "
        f"it is an AIF "
        f"graph: argmap import aif {graph}\n",
    )
    micro = tmp_path / "micro_b001.xml"
    micro.write_text('<?xml version="1.0"?>\n<arggraph id="x"></arggraph>\n')
    result = run("import", "aif", str(micro), "-o", "-")
    assert result.exit_code == 1
    assert result.output.endswith(
        f"; it is a microtext graph: argmap import microtext {micro}\n"
    ), result.output


def test_import_of_an_argmap_json_map_as_aif_names_argmap_import_json(tmp_path: Path) -> None:
    """A researcher gives `import aif` a map exported as argmap's JSON: the error said only
    "not AIF: no 'nodes' list", where the docs promise the command that imports it."""
    data = tmp_path / "nodeset.json"
    data.write_text('{"argmap": "1", "title": "T", "premises": [{"id": "a", "text": "A."}]}')
    for fmt, what in [("aif", "AIF: no 'nodes' list"), ("sadface", "SADFace: no 'nodes' list")]:
        result = run("import", fmt, str(data), "-o", "-")
        assert (result.exit_code, result.output) == (
            1,
            f"argmap: error: {data}: not {what}; it is a map in argmap's JSON: "
            f"argmap import json {data}\n",
        )
    assert run("import", "json", str(data), "-o", "-").exit_code == 0


def test_export_every_format_beside_the_map(seed_copy: Path) -> None:
    for fmt, suffix in [("aif", ".aif.json"), ("argdown", ".argdown"), ("mermaid", ".mmd"),
                        ("kialo", ".kialo.txt"), ("sadface", ".sadface.json"),
                        ("json", ".json")]:  # fmt: skip
        result = run("export", fmt, str(seed_copy))
        target = seed_copy.with_suffix(suffix)
        assert result.exit_code == 0, result.output
        assert result.output.endswith(f"argmap: wrote {target}\n")
        assert target.read_text(encoding="utf-8")
    assert "note:" not in run("export", "json", str(seed_copy), "-o", "-").stderr


def test_export_says_what_the_format_cannot_hold(seed_copy: Path) -> None:
    result = CliRunner().invoke(main, ["export", "mermaid", str(seed_copy), "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout.startswith("---\ntitle: ")
    assert result.stderr.startswith(f"{seed_copy}: note: Mermaid shows claims and the links")


def test_export_mermaid_to_markdown_is_fenced(seed_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "map.md"
    assert run("export", "mermaid", str(seed_copy), "-o", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("```mermaid\n---\n") and text.endswith("\n```\n")


def test_export_refuses_a_map_with_errors(write_map) -> None:
    path = write_map(
        "argmap: 1\ntitle: t\nconclusions:\n  - id: c\n    text: C\n    reasons: [x]\n"
    )
    result = run("export", "json", str(path))
    assert result.exit_code == 1
    assert "[AM103]" in result.output
    assert not path.with_suffix(".json").exists()


def test_json_round_trip_through_the_cli(seed_copy: Path) -> None:
    exported = seed_copy.with_suffix(".json")
    assert run("export", "json", str(seed_copy)).exit_code == 0
    back = seed_copy.with_name("back.yaml")
    result = run("import", "json", str(exported), "-o", str(back))
    assert result.exit_code == 0, result.output
    assert back.read_text(encoding="utf-8").startswith("argmap: 1\ntitle: ")


def test_schema_is_printed() -> None:
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.output)["$schema"] == "http://json-schema.org/draft-07/schema#"


@pytest.mark.parametrize(("fmt", "suffix"), [("json", ".json"), ("aif", ".aif.json")])
def test_a_map_exported_and_imported_elsewhere_still_finds_its_source(
    seed_copy: Path, tmp_path: Path, fmt: str, suffix: str
) -> None:
    """The source path follows the file: relative to the export, then to the map imported."""
    exported = tmp_path / "exports" / f"seed{suffix}"
    assert run("export", fmt, str(seed_copy), "-o", str(exported)).exit_code == 0
    elsewhere = tmp_path / "far" / "away" / "seed.yaml"
    result = run("import", fmt, str(exported), "-o", str(elsewhere))
    assert result.exit_code == 0, result.output
    assert "source: path" not in result.output
    text = elsewhere.read_text(encoding="utf-8")
    assert '  path: "../../seeds/europe-central-asia-partnership.txt"\n' in text
    assert (
        f"{exported}: note: the source's path is now "
        "'../../seeds/europe-central-asia-partnership.txt', relative to the map written (it was "
        f"'../seeds/europe-central-asia-partnership.txt', relative to {exported})"
    ) in result.output
    checked = run("check", str(elsewhere))
    assert (checked.exit_code, checked.output) == (0, "")


def test_an_export_beside_the_map_keeps_the_source_path(seed_copy: Path) -> None:
    assert run("export", "json", str(seed_copy)).exit_code == 0
    document = json.loads(seed_copy.with_suffix(".json").read_text(encoding="utf-8"))
    assert document["source"]["path"] == "../seeds/europe-central-asia-partnership.txt"


def test_every_format_is_in_the_help_and_the_docs() -> None:
    """The formats are one table (formats.registry); the help and the docs name them by hand.
    A format added to the table and not to them would be one no user hears of."""
    docs = (Path(__file__).parent.parent / "docs" / "import-export.md").read_text("utf-8")
    exporting = run("export", "--help").output
    for name, exporter in EXPORTS.items():
        assert f"argmap export {name} " in exporting, name
        assert exporter.extension in " ".join(exporting.split()), name  # -o's default
        assert f"argmap export {name} " in docs, name
    importing = run("import", "--help").output
    for name in IMPORTS:
        assert f"argmap import {name} " in importing, name
        assert f"argmap import {name} " in docs, name


def test_every_export_says_how_its_files_are_told() -> None:
    """What an export's files look like is kept apart from its writer (formats.written), so
    that a drawing need not load every format to know what it may overwrite."""
    assert {name: exporter.written for name, exporter in EXPORTS.items()} == WRITTEN


def test_an_export_imported_back_is_named_without_the_formats_own_extension(
    seed_copy: Path,
) -> None:
    """'argmap import aif cycling.aif.json -o rt/' wrote rt/cycling.aif.yaml: the map keeps
    its name, without the extension argmap's export gave it."""
    folder = seed_copy.parent
    exported = folder / "seed.aif.json"
    assert run("export", "aif", str(seed_copy), "-o", str(exported)).exit_code == 0
    result = run("import", "aif", str(exported), "-o", f"{folder / 'rt'}/")
    assert result.exit_code == 0, result.output
    assert [path.name for path in (folder / "rt").iterdir()] == ["seed.yaml"]
    other = folder / "other.aif.json"
    other.write_bytes(exported.read_bytes())
    many = run("import", "aif", str(exported), str(other), "-o", f"{folder / 'many'}/")
    assert many.exit_code == 0, many.output
    named = sorted(path.name for path in (folder / "many").iterdir())
    assert named == ["other.yaml", "seed.yaml"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The seed map and its source in a project of their own, ``proj``, in a folder that is
    none (the folders beside ``proj`` are each a project of their own)."""
    (tmp_path / "proj" / "maps").mkdir(parents=True)
    (tmp_path / "proj" / "pyproject.toml").touch()
    shutil.copytree(SEED_TEXT.parent, tmp_path / "proj" / "seeds")
    shutil.copy(SEED_MAP, tmp_path / "proj" / "maps")
    return tmp_path / "proj"


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [
        ("json", ".json"),
        ("aif", ".aif.json"),
        ("argdown", ".argdown"),
        ("sadface", ".sadface.json"),
    ],
)
def test_an_export_out_of_the_maps_project_says_how_its_map_reads_the_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, project: Path, fmt: str, suffix: str
) -> None:
    """Found by a user: the seed map exported to a folder beside its project, and imported
    there, could not read its source (AM117), and the export had said nothing. The export
    says so, naming the path, and what to do; doing as it says works."""
    monkeypatch.chdir(tmp_path)
    seed = "proj/maps/europe-central-asia.yaml"
    result = run("export", fmt, seed, "-o", f"out/seed{suffix}")
    assert result.exit_code == 0, result.output
    assert result.output.endswith(
        f"argmap: wrote out/seed{suffix}\n"
        f"argmap: out/seed{suffix} names its source "
        "'../proj/seeds/europe-central-asia-partnership.txt', which is outside its project "
        f"({os.path.realpath(tmp_path / 'out')}): a map imported from it reads the source only "
        f"with --source-root {tmp_path / 'proj' / 'seeds'} (give it to import, check and "
        f"render), or export it into the map's project ({os.path.realpath(tmp_path / 'proj')})\n"
    )
    monkeypatch.chdir(tmp_path / "out")  # the root said is the same from anywhere
    root = str(tmp_path / "proj" / "seeds")
    imported = run("import", fmt, f"seed{suffix}", "--source-root", root)
    assert imported.exit_code == 0, imported.output
    assert "[AM117]" not in imported.output
    assert run("check", "seed.yaml", "--source-root", root).output == ""
    monkeypatch.chdir(tmp_path)
    inside = run("export", fmt, seed, "-o", f"proj/far/away/seed{suffix}")
    assert inside.exit_code == 0, inside.output
    assert "names its source" not in inside.output  # its import reads the source as it is
    assert run("import", fmt, f"proj/far/away/seed{suffix}").exit_code == 0


@pytest.mark.parametrize(
    ("fmt", "suffix"), [("kialo", ".kialo.txt"), ("mermaid", ".mmd"), ("csv", ".csv")]
)
def test_an_export_that_holds_no_source_says_nothing_of_where_it_is(
    tmp_path: Path, project: Path, fmt: str, suffix: str
) -> None:
    """Kialo, Mermaid and CSV hold no source (their notes say so): nothing to read back."""
    outside = tmp_path / "out" / f"seed{suffix}"
    result = run("export", fmt, str(project / "maps" / "europe-central-asia.yaml"), "-o",
                 str(outside))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.endswith(f"argmap: wrote {outside}\n")


def test_an_export_to_stdout_names_its_source_from_the_current_folder_and_says_so_outside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, project: Path
) -> None:
    seed = str(project / "maps" / "europe-central-asia.yaml")
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path / "out")  # no project holds it: it is its own
    result = CliRunner().invoke(main, ["export", "json", seed, "-o", "-"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"]["path"] == (
        "../proj/seeds/europe-central-asia-partnership.txt"
    )
    assert result.stderr == (
        "argmap: the export names its source '../proj/seeds/europe-central-asia-partnership.txt' "
        "(from the current folder), which is outside its project "
        f"({os.path.realpath(tmp_path / 'out')}): a map imported from it reads the source "
        f"only with --source-root {project / 'seeds'} (give it to import, check and render), "
        f"or export it into the map's project ({os.path.realpath(project)})\n"
    )
    monkeypatch.chdir(project)  # in the map's project: nothing to say
    assert CliRunner().invoke(main, ["export", "json", seed, "-o", "-"]).stderr == ""
