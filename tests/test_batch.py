"""``argmap render DIR``: every map of a folder, in parallel, skipping drawings up to date."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from argmap import batch
from argmap.batch import CACHE_NAME, Cache, find_maps, render_one, settings_key
from argmap.cli import main

from .conftest import ROOT

GOOD = "argmap: 1\ntitle: t\npremises:\n  - id: p\n    text: P\nconclusions:\n  - id: c\n    text: C\n    reasons: [p]\n"  # noqa: E501
BAD = GOOD.replace("reasons: [p]", "reasons: [q]")
WARNS = GOOD.replace("conclusions:", "  - id: lone\n    text: Lone\nconclusions:")
QUOTED = (
    GOOD.replace("title: t\n", "title: t\nsource: {path: source.txt}\n")
    .replace("    text: P\n", "    text: P\n    quotes: [the sky is blue]\n")
    .replace("    text: C\n", "    text: C\n    quotes: [Today]\n")
)
OPTIONS = {"theme": "light", "width": None, "id_prefix": ""}


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """maps/: a clean map, one with a warning, one in a subfolder quoting its source."""
    maps = tmp_path / "maps"
    (maps / "sub").mkdir(parents=True)
    (maps / "a.yaml").write_text(GOOD, encoding="utf-8")
    (maps / "b.yml").write_text(WARNS, encoding="utf-8")
    (maps / "sub" / "c.yaml").write_text(QUOTED, encoding="utf-8")
    (maps / "sub" / "source.txt").write_text("Today the sky is blue.\n", encoding="utf-8")
    (maps / ".hidden.yaml").write_text(BAD, encoding="utf-8")
    (maps / "notes.txt").write_text("not a map", encoding="utf-8")
    return maps


def test_find_maps_skips_hidden_files_and_other_extensions(folder: Path) -> None:
    found = [os.path.relpath(p, folder) for p in find_maps(folder)]
    assert found == ["a.yaml", "b.yml", os.path.join("sub", "c.yaml")]


def test_render_a_folder_draws_every_map_beside_it(folder: Path) -> None:
    result = run("render", str(folder))
    assert result.exit_code == 0, result.output
    for name in ("a.svg", "b.svg", "sub/c.svg"):
        assert (folder / name).read_bytes().startswith(b"<?xml"), name
    warning = (
        f"{folder / 'b.yml'}:6:9: warning: premise 'lone' is connected to nothing: no reason, "
        "objection or target [AM201]"
    )
    assert result.output.splitlines() == [
        f"argmap: wrote {folder / 'a.svg'}",
        warning,
        f"argmap: wrote {folder / 'b.svg'}",
        f"argmap: wrote {folder / 'sub' / 'c.svg'}",
        "argmap: 1 warning",
        "argmap: 3 maps: 3 drawn, 0 up to date, 0 not drawn",
    ]
    assert (folder / CACHE_NAME).exists()


def test_a_second_run_skips_what_is_up_to_date_and_repeats_warnings(folder: Path) -> None:
    first = run("render", str(folder))
    drawn = {p: p.stat().st_mtime_ns for p in folder.rglob("*.svg")}
    second = run("render", str(folder))
    assert second.exit_code == 0
    assert second.output.splitlines() == [
        first.output.splitlines()[1],  # the warning, from the cache
        "argmap: 1 warning",
        "argmap: 3 maps: 0 drawn, 3 up to date, 0 not drawn",
    ]
    assert {p: p.stat().st_mtime_ns for p in folder.rglob("*.svg")} == drawn


@pytest.mark.parametrize(
    ("change", "redrawn"),
    [
        (lambda f: (f / "a.yaml").write_text(GOOD.replace("text: P", "text: Q")), "a.svg"),
        (lambda f: (f / "sub" / "source.txt").write_text("Today, the sky is blue."), "c.svg"),
        (lambda f: (f / "b.svg").unlink(), "b.svg"),
        (lambda f: (f / "b.svg").write_text("edited by hand"), "b.svg"),
        (lambda f: (f / "d.yaml").write_text(GOOD), "d.svg"),
    ],
    ids=["map edited", "source edited", "drawing deleted", "drawing edited", "new map"],
)
def test_what_changed_is_drawn_again(folder: Path, change, redrawn: str) -> None:
    run("render", str(folder))
    change(folder)
    result = run("render", str(folder))
    assert result.exit_code == 0, result.output
    wrote = [line for line in result.output.splitlines() if line.startswith("argmap: wrote")]
    assert len(wrote) == 1
    assert wrote[0].endswith(redrawn)


def test_other_options_or_formats_draw_again(folder: Path) -> None:
    run("render", str(folder))
    assert "3 drawn" in run("render", str(folder), "--theme", "dark").output
    assert "3 drawn" in run("render", str(folder), "-f", "dot").output
    assert "3 up to date" in run("render", str(folder), "-f", "dot").output
    assert (folder / "a.dot").read_text().startswith("digraph")


def test_one_bad_map_does_not_stop_the_others_and_the_exit_code_says_so(folder: Path) -> None:
    (folder / "bad.yaml").write_text(BAD, encoding="utf-8")
    (folder / "broken.yaml").write_bytes(b"argmap: 1\ntitle: [unclosed\n")
    result = run("render", str(folder), "-j", "2")
    assert result.exit_code == 1
    assert "[AM103]" in result.output
    assert "[AM002]" in result.output
    assert result.output.splitlines()[-1] == "argmap: 5 maps: 3 drawn, 0 up to date, 2 not drawn"
    assert not (folder / "bad.svg").exists()
    assert (folder / "a.svg").exists()
    # Maps with errors are checked again each time; the others are up to date.
    again = run("render", str(folder))
    assert again.exit_code == 1
    assert again.output.splitlines()[-1] == "argmap: 5 maps: 0 drawn, 3 up to date, 2 not drawn"


def test_a_map_that_cannot_be_written_is_exit_status_2(folder: Path) -> None:
    (folder / "a.svg").mkdir()  # the drawing's place is taken by a folder
    result = run("render", str(folder))
    assert result.exit_code == 2
    assert "argmap: error: cannot write" in result.output
    assert (folder / "b.svg").exists()


def test_output_folder_keeps_the_tree_and_holds_the_cache(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    result = run("render", str(folder), "-o", str(out), "-f", "dot")
    assert result.exit_code == 0, result.output
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        CACHE_NAME,
        "a.dot",
        "b.dot",
        os.path.join("sub", "c.dot"),
    ]
    assert not list(folder.rglob("*.dot"))
    cache = json.loads((out / CACHE_NAME).read_text())
    assert sorted(cache["drawings"]) == ["a.dot", "b.dot", "sub/c.dot"]
    assert "3 up to date" in run("render", str(folder), "-o", str(out), "-f", "dot").output


def test_folders_and_files_together(folder: Path, tmp_path: Path) -> None:
    lone = tmp_path / "lone.yaml"
    lone.write_text(GOOD, encoding="utf-8")
    result = run("render", str(lone), str(folder / "sub"))
    assert result.exit_code == 0, result.output
    assert lone.with_suffix(".svg").exists()
    assert (folder / "sub" / "c.svg").exists()
    assert not (folder / "a.svg").exists()


def test_a_folder_cannot_go_to_stdout_or_a_file(folder: Path, tmp_path: Path) -> None:
    assert run("render", str(folder), "-o", "-").exit_code == 2
    afile = tmp_path / "file.svg"
    afile.write_text("x")
    result = run("render", str(folder), "-o", str(afile))
    assert result.exit_code == 2
    assert "-o must name a folder" in result.output


def test_a_damaged_cache_is_ignored(folder: Path) -> None:
    run("render", str(folder))
    (folder / CACHE_NAME).write_text("{not json")
    assert "3 drawn" in run("render", str(folder)).output
    assert json.loads((folder / CACHE_NAME).read_text())["format"] == 1


def test_an_empty_folder_draws_nothing(tmp_path: Path) -> None:
    result = run("render", str(tmp_path))
    assert (result.exit_code, result.output) == (
        0,
        "argmap: 0 maps: 0 drawn, 0 up to date, 0 not drawn\n",
    )


def test_workers_draw_the_same_bytes_as_one_process(folder: Path, tmp_path: Path) -> None:
    jobs = [
        (str(p), str(tmp_path / f"{p.stem}-{n}.svg"))
        for n, p in enumerate(map(Path, find_maps(folder)))
    ]
    parallel = list(batch.run(jobs, "svg", OPTIONS, workers=2))
    assert [o.status for o in parallel] == [0, 0, 0]
    for (path, target), outcome in zip(jobs, parallel, strict=True):
        alone = render_one(path, target + ".alone.svg", "svg", OPTIONS)
        assert Path(outcome.target).read_bytes() == Path(alone.target).read_bytes()


def test_the_settings_key_changes_with_every_option() -> None:
    keys = {
        settings_key("svg", OPTIONS),
        settings_key("png", OPTIONS),
        settings_key("svg", {**OPTIONS, "theme": "dark"}),
        settings_key("svg", {**OPTIONS, "focus": "c", "depth": 1}),
    }
    assert len(keys) == 4


def test_a_cache_from_other_settings_is_empty(folder: Path) -> None:
    run("render", str(folder))
    assert Cache(str(folder), settings_key("svg", OPTIONS)).entries
    assert not Cache(str(folder), settings_key("png", OPTIONS)).entries


def test_the_seed_folder_renders_like_the_single_file_command(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "maps", tmp_path / "maps", ignore=shutil.ignore_patterns("*.svg", ".*"))
    result = run("render", str(tmp_path / "maps"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    single = tmp_path / "single.svg"
    assert (
        run(
            "render", str(tmp_path / "maps" / "europe-central-asia.yaml"), "-o", str(single)
        ).exit_code
        == 0
    )
    assert (tmp_path / "out" / "europe-central-asia.svg").read_bytes() == single.read_bytes()
