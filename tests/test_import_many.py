"""``argmap import FORMAT FILE|DIR...``: a whole corpus at once, as a researcher imports one:
each file imported and written as alone, one bad file not stopping the others, a line of
counts at the end, and nothing written where it would overwrite or clash."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from argmap.formats.registry import IMPORTS

from .conftest import SHARED, run

CORPORA = SHARED / "corpora"
MICROTEXTS = CORPORA / "arg-microtexts-en"
ARAUCARIA = CORPORA / "araucaria-aif"


def graph(tmp_path: Path, name: str, *, conclusion: bool = True) -> Path:
    """A small AIF graph: a premise for a recommendation (without it, an RA-node with no
    conclusion, left out with a note, and two claims the check warns are unconnected)."""
    nodes = [
        {"nodeID": "1", "type": "I", "text": "Lanes make cycling safe."},
        {"nodeID": "2", "type": "I", "text": "The city should build lanes."},
        {"nodeID": "3", "type": "RA", "text": "Default Inference"},
    ]
    edges = [{"edgeID": "1", "fromID": "1", "toID": "3"}]
    if conclusion:
        edges.append({"edgeID": "2", "fromID": "3", "toID": "2"})
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"nodes": nodes, "edges": edges}), encoding="utf-8")
    return path


def guessed(path: Path) -> str:
    return (f"{path}: note: the kind of 1 claim with reasons was guessed from wording (the "
            "cues of every language, as its language could not be told): recommendation "
            "the-city-should-build-lanes-2\n")  # fmt: skip


def test_several_files_go_into_a_folder_each_said_then_the_counts(tmp_path: Path) -> None:
    a, b = graph(tmp_path, "a.json"), graph(tmp_path, "b.json", conclusion=False)
    out = tmp_path / "maps"
    result = run("import", "aif", str(a), str(b), "-o", f"{out}/")
    assert (result.exit_code, result.output) == (0, (
        guessed(a)
        + f"argmap: wrote {out}/a.yaml\n"
        f"{b}: note: RA node 3 has no conclusion; left out\n"
        f"argmap: wrote {out}/b.yaml\n"
        f"{out}/b.yaml:6:9: warning: premise 'lanes-make-cycling-safe-1' is connected to "
        "nothing: no reason, objection or target [AM201]\n"
        f"{out}/b.yaml:10:9: warning: premise 'the-city-should-build-lanes-2' is connected to "
        "nothing: no reason, objection or target [AM201]\n"
        "argmap: 2 warnings\n"
        "argmap: 2 files: 2 imported, 0 not imported\n"))  # fmt: skip
    assert sorted(p.name for p in out.iterdir()) == ["a.yaml", "b.yaml"]
    assert run("check", str(out)).exit_code == 0


def test_a_folder_stands_for_its_files_in_the_format_sorted(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for name in ("n2.json", "n10.JSON", "n1.json", "sub/n3.json", ".hidden.json"):
        graph(corpus, name)
    (corpus / "README.md").write_text("# A corpus\n", encoding="utf-8")
    result = run("import", "aif", str(corpus), "-o", f"{tmp_path}/maps/")
    assert result.exit_code == 0, result.output
    wrote = [line for line in result.output.splitlines() if line.startswith("argmap: wrote")]
    assert wrote == [f"argmap: wrote {tmp_path}/maps/{n}.yaml"
                     for n in ("n1", "n10", "n2", "sub/n3")]  # fmt: skip
    assert result.output.endswith("argmap: 4 files: 4 imported, 0 not imported\n")
    beside = run("import", "aif", str(corpus))  # without -o: each map beside its file
    assert beside.exit_code == 0, beside.output
    assert sorted(p.name for p in corpus.rglob("*.yaml")) == [
        "n1.yaml", "n10.yaml", "n2.yaml", "n3.yaml"]  # fmt: skip


def test_a_folders_entry_that_is_no_regular_file_is_skipped_with_a_note(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    graph(corpus, "n1.json")
    os.mkfifo(corpus / "pipe.json")  # reading it would wait for a writer
    result = run("import", "aif", str(corpus), "-o", f"{tmp_path}/maps/")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        f"{corpus}/pipe.json: note: a FIFO (named pipe), not a file to import; skipped\n"
    )
    assert result.output.endswith("argmap: 1 file: 1 imported, 0 not imported\n")


def test_a_folder_without_files_in_the_format_is_an_error_that_names_theirs(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    graph(corpus, "n1.json")
    graph(corpus, "sub/n2.json")
    result = run("import", "microtext", str(corpus), "-o", f"{tmp_path}/maps/")
    assert (result.exit_code, result.output) == (2, (
        f"argmap: error: {corpus}: no files to import under it (*.xml); its files are AIF "
        f"graphs: argmap import aif {corpus}\n"
        "argmap: 0 files: 0 imported, 0 not imported\n"))  # fmt: skip
    assert not (tmp_path / "maps").exists()
    (corpus / "n1.json").write_text("{}", encoding="utf-8")
    (corpus / "sub" / "n2.json").unlink()
    result = run("import", "microtext", str(corpus), "-o", f"{tmp_path}/maps/")
    assert result.output.startswith(  # in no format argmap imports: no hint
        f"argmap: error: {corpus}: no files to import under it (*.xml)\n"
    )


def test_a_folder_stands_for_the_files_under_it_written_in_the_same_folders(
    tmp_path: Path,
) -> None:
    # As the microtexts come from their repository: corpus/en/*.xml, corpus/de/*.xml, with
    # the same names in both.
    corpus = tmp_path / "corpus"
    for language in ("en", "de"):
        graph(corpus, f"{language}/n1.json")
    graph(corpus, ".hidden/n1.json")
    graph(corpus, "n2.json")
    result = run("import", "aif", str(corpus), "-o", f"{tmp_path}/maps/")
    assert result.exit_code == 0, result.output
    maps = tmp_path / "maps"
    assert sorted(str(p.relative_to(maps)) for p in maps.rglob("*.yaml")) == [
        "de/n1.yaml", "en/n1.yaml", "n2.yaml"]  # fmt: skip
    assert result.output.endswith("argmap: 3 files: 3 imported, 0 not imported\n")
    # Without -o, each map is written beside its file.
    result = run("import", "aif", str(corpus))
    assert result.exit_code == 0, result.output
    assert (corpus / "de" / "n1.yaml").exists() and (corpus / "en" / "n1.yaml").exists()


def test_a_folder_that_cannot_be_listed_is_said_and_the_other_files_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, corpus = graph(tmp_path, "good.json"), tmp_path / "corpus"
    corpus.mkdir()

    def scandir(path: str) -> object:
        raise PermissionError(13, "Permission denied")  # as for a folder not ours (not root)

    monkeypatch.setattr("argmap.cli.importing.os.scandir", scandir)
    result = run("import", "aif", str(corpus), str(good), "-o", f"{tmp_path}/maps/")
    assert (result.exit_code, result.output) == (2, (
        f"argmap: error: {corpus}: cannot read the folder: Permission denied\n"
        + guessed(good)
        + f"argmap: wrote {tmp_path}/maps/good.yaml\n"
        "argmap: 1 file: 1 imported, 0 not imported\n"))  # fmt: skip


def test_one_bad_file_does_not_stop_the_others_and_the_worst_status_is_kept(
    tmp_path: Path,
) -> None:
    good, other = graph(tmp_path, "good.json"), tmp_path / "other.json"
    other.write_text("[]", encoding="utf-8")
    missing = tmp_path / "missing.json"
    out = tmp_path / "maps"
    result = run("import", "aif", str(other), str(good), "-o", f"{out}/")
    assert (result.exit_code, result.output) == (1, (
        f"argmap: error: {other}: not AIF: the top level is not an object\n"
        + guessed(good)
        + f"argmap: wrote {out}/good.yaml\n"
        "argmap: 2 files: 1 imported, 1 not imported\n"))  # fmt: skip
    assert sorted(p.name for p in out.iterdir()) == ["good.yaml"]
    result = run("import", "aif", str(missing), str(other), str(good), "-o", f"{out}/", "--force")
    assert result.exit_code == 2  # unreadable is worse than not in the format
    assert result.output.startswith(f"argmap: error: {missing}: no such file")
    assert result.output.endswith("argmap: 3 files: 1 imported, 2 not imported\n")


def test_a_map_with_errors_is_written_and_counted(tmp_path: Path) -> None:
    """As one file's import does: the map is written, its check's errors said, status 1."""
    source = tmp_path / "s.txt"
    source.write_text("Roads are unsafe at night.\n", encoding="utf-8")
    doc = {"argmap": 1, "title": "T", "source": {"path": "s.txt"},
           "premises": [{"id": "a", "text": "A.", "quotes": ["not in the text"]}],
           "conclusions": [{"id": "c", "text": "C.", "reasons": ["a"]}]}  # fmt: skip
    (tmp_path / "bad.json").write_text(json.dumps(doc), encoding="utf-8")
    doc["premises"][0]["quotes"] = ["Roads are unsafe"]  # type: ignore[index]
    (tmp_path / "fine.json").write_text(json.dumps(doc), encoding="utf-8")
    result = run("import", "json", str(tmp_path / "bad.json"), str(tmp_path / "fine.json"))
    assert result.exit_code == 1
    assert "[AM110]" in result.output
    assert result.output.endswith(
        "argmap: 1 error and 2 warnings\n"
        "argmap: 2 files: 2 imported (1 with errors), 0 not imported\n"
    )
    assert (tmp_path / "bad.yaml").exists() and (tmp_path / "fine.yaml").exists()


def test_several_files_need_a_folder_to_go_into_said_before_anything_is_written(
    tmp_path: Path,
) -> None:
    a, b = graph(tmp_path, "a.json"), graph(tmp_path, "b.json")
    result = run("import", "aif", str(a), str(b), "-o", str(tmp_path / "all.yaml"))
    assert result.exit_code == 2
    assert (
        f"Error: -o {tmp_path}/all.yaml: several files are imported into a folder; end it "
        f"with / ({tmp_path}/all.yaml/)\n"
    ) in result.output
    existing = tmp_path / "existing.yaml"
    existing.write_text("kept\n", encoding="utf-8")
    result = run("import", "aif", str(tmp_path), "-o", str(existing))  # a folder is several
    assert result.exit_code == 2
    assert f"Error: {existing}: to import several files, -o must name a folder, not a file\n" in (
        result.output
    )
    result = run("import", "aif", str(a), str(b), "-o", "-")
    assert result.exit_code == 2
    assert "Error: -o - (stdout) takes one file; give a folder to import several\n" in (
        result.output
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json", "existing.yaml"]
    assert existing.read_text(encoding="utf-8") == "kept\n"


def test_an_existing_map_is_kept_without_force_and_the_others_imported(tmp_path: Path) -> None:
    a, b = graph(tmp_path, "a.json"), graph(tmp_path, "b.json")
    out = tmp_path / "maps"
    out.mkdir()
    (out / "a.yaml").write_text("mine\n", encoding="utf-8")
    result = run("import", "aif", str(a), str(b), "-o", str(out))  # an existing folder
    assert result.exit_code == 2
    assert (f"argmap: error: {out}/a.yaml: exists; give --force to overwrite it, or another "
            "-o\n") in result.output  # fmt: skip
    assert result.output.endswith("argmap: 2 files: 1 imported, 1 not imported\n")
    assert (out / "a.yaml").read_text(encoding="utf-8") == "mine\n"
    assert (out / "b.yaml").exists()
    forced = run("import", "aif", str(a), str(b), "-o", str(out), "--force")
    assert forced.exit_code == 0, forced.output
    assert (out / "a.yaml").read_text(encoding="utf-8").startswith("argmap: 1\n")


def test_files_that_would_be_written_to_one_map_are_neither_imported(tmp_path: Path) -> None:
    first, second = graph(tmp_path, "x/n1.json"), graph(tmp_path, "y/n1.json")
    third = graph(tmp_path, "x/n2.json")
    out = tmp_path / "maps"
    result = run("import", "aif", str(first), str(second), str(third), "-o", f"{out}/")
    assert result.exit_code == 2
    assert result.output.startswith(
        f"argmap: error: {first}: would be imported to {out}/n1.yaml, as {second} would; "
        "neither is imported (rename one)\n"
        f"argmap: error: {second}: would be imported to {out}/n1.yaml, as {first} would; "
        "neither is imported (rename one)\n"
    )
    assert result.output.endswith("argmap: 3 files: 1 imported, 2 not imported\n")
    assert sorted(p.name for p in out.iterdir()) == ["n2.yaml"]


def test_a_file_named_twice_is_imported_once(tmp_path: Path) -> None:
    a = graph(tmp_path, "corpus/a.json")
    result = run("import", "aif", str(a), str(a.parent), "-o", f"{tmp_path}/maps/")
    assert result.exit_code == 0, result.output
    assert result.output.count("argmap: wrote") == 1
    assert result.output.endswith("argmap: 1 file: 1 imported, 0 not imported\n")


MICROTEXT = """<?xml version='1.0' encoding='UTF-8'?>
<arggraph id="t" topic_id="lanes" stance="pro">
  <edu id="e1">We should build lanes.</edu>
  <edu id="e2">They make cycling safe.</edu>
  <adu id="a1" type="pro"/>
  <adu id="a2" type="pro"/>
  <edge id="c1" src="e1" trg="a1" type="seg"/>
  <edge id="c2" src="e2" trg="a2" type="seg"/>
  <edge id="c3" src="a2" trg="a1" type="sup"/>
</arggraph>
"""


def test_maps_reading_their_source_from_outside_are_told_how_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("m1", "m2"):
        (corpus / f"{name}.xml").write_text(MICROTEXT, encoding="utf-8")
        (corpus / f"{name}.txt").write_text(
            "We should build lanes. They make cycling safe.\n", encoding="utf-8"
        )
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / ".git").mkdir()  # the maps' own project, which the corpus is not in
    result = run("import", "microtext", str(corpus), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.output.count("[AM117]") == 2
    assert result.output.endswith(
        "argmap: 2 maps read their source from outside their project: check and draw them with "
        f"--source-root {corpus}, or write the maps in a folder that holds their source (or in "
        "a project: a folder with .git, pyproject.toml or mkdocs.yml)\n"
        "argmap: 2 errors\n"
        "argmap: 2 files: 2 imported (2 with errors), 0 not imported\n"
    )
    rooted = run("import", "microtext", str(corpus), "-o", str(tmp_path / "out"), "--force",
                 "--source-root", str(corpus))  # fmt: skip
    assert rooted.exit_code == 0, rooted.output


def test_the_help_says_which_files_a_folder_stands_for() -> None:
    result = run("import", "--help")
    help_text = " ".join(result.output.split())
    for fmt, importer in IMPORTS.items():
        assert importer.suffixes, fmt
        said = ", ".join(f"*{suffix}" for suffix in importer.suffixes)
        assert f"{fmt} {said}" in help_text, fmt
    assert "argmap import microtext corpus/*.xml -o maps/" in help_text


needs_microtexts = pytest.mark.skipif(not MICROTEXTS.exists(), reason="corpus not found")
needs_araucaria = pytest.mark.skipif(not ARAUCARIA.exists(), reason="corpus not found")


@needs_microtexts
def test_the_whole_microtext_corpus_imports_and_checks(tmp_path: Path) -> None:
    out, root = tmp_path / "maps", ("--source-root", str(MICROTEXTS))
    result = run("import", "microtext", str(MICROTEXTS), "-o", f"{out}/", *root)
    assert result.exit_code == 0, result.output
    assert result.output.endswith("argmap: 112 files: 112 imported, 0 not imported\n")
    assert len(list(out.glob("micro_*.yaml"))) == 112
    checked = run("check", str(out), *root)
    assert (checked.exit_code, checked.output.splitlines()[-1]) == (
        0, "argmap: 112 maps: 34 with warnings, 78 clean")  # fmt: skip


@needs_araucaria
def test_an_araucaria_folder_imports_every_graph_once(tmp_path: Path) -> None:
    out = tmp_path / "maps"
    result = run("import", "aif", str(ARAUCARIA), "-o", f"{out}/")
    assert result.exit_code == 0, result.output[-2000:]
    assert result.output.endswith("argmap: 661 files: 661 imported, 0 not imported\n")
    assert len(list(out.glob("nodeset*.yaml"))) == 661
