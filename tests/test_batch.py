"""``argmap render DIR``: every map of a folder, in parallel, skipping drawings up to date."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from argmap.api import load, render_figures
from argmap.batch import cache as cache_module
from argmap.batch import pool
from argmap.batch.cache import CACHE_FORMAT, CACHE_NAME, Cache, settings_key
from argmap.batch.jobs import Job, find_maps
from argmap.batch.pool import render_one
from argmap.batch.pool import run as run_jobs
from argmap.draw import identity
from argmap.draw.font import FILES
from argmap.draw.options import DrawOptions

from .conftest import ROOT, run

GOOD = "argmap: 1\ntitle: t\npremises:\n  - id: p\n    text: P\nconclusions:\n  - id: c\n    text: C\n    reasons: [p]\n"  # noqa: E501
BAD = GOOD.replace("reasons: [p]", "reasons: [q]")
WARNS = GOOD.replace("conclusions:", "  - id: lone\n    text: Lone\nconclusions:")
QUOTED = (
    GOOD.replace("title: t\n", "title: t\nsource: {path: source.txt}\n")
    .replace("    text: P\n", "    text: P\n    quotes: [the sky is blue]\n")
    .replace("    text: C\n", "    text: C\n    quotes: [Today]\n")
)
OPTIONS = DrawOptions()


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


def test_the_projects_silenced_codes_are_part_of_what_is_up_to_date(folder: Path) -> None:
    first = run("render", str(folder))
    assert "[AM201]" in first.output
    (folder / "pyproject.toml").write_text('[tool.argmap]\nignore = ["AM201"]\n')
    second = run("render", str(folder))
    assert "[AM201]" not in second.output  # not repeated from the cache
    assert second.output.splitlines()[-1] == "argmap: 3 maps: 3 drawn, 0 up to date, 0 not drawn"


@pytest.mark.parametrize(
    ("change", "redrawn"),
    [
        (lambda f: (f / "a.yaml").write_text(GOOD.replace("text: P", "text: Q")), "a.svg"),
        (lambda f: (f / "sub" / "source.txt").write_text("Today, the sky is blue."), "c.svg"),
        (lambda f: (f / "b.svg").unlink(), "b.svg"),
        (lambda f: (f / "b.svg").write_text("<svg><!-- edited by hand --></svg>"), "b.svg"),
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


def test_a_drawing_that_comes_out_the_same_is_left_untouched(folder: Path) -> None:
    """A Makefile or report build that depends on the figures: an edit of a map that changes
    no drawing (a comment, a note) leaves the drawing's file as it was, its time too, so
    nothing built from it is built again; an edit that changes the drawing writes it."""
    run("render", str(folder))
    drawing = folder / "a.svg"
    before = drawing.read_bytes()
    os.utime(drawing, ns=(10**18, 10**18))  # in 2001
    (folder / "a.yaml").write_text(GOOD + "# reviewed\n", encoding="utf-8")
    assert "1 drawn" in run("render", str(folder)).output
    assert drawing.stat().st_mtime_ns == 10**18 and drawing.read_bytes() == before
    (folder / "a.yaml").write_text(GOOD.replace("text: P", "text: Q"), encoding="utf-8")
    assert "1 drawn" in run("render", str(folder)).output
    assert drawing.stat().st_mtime_ns != 10**18 and drawing.read_bytes() != before


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
    assert json.loads((folder / CACHE_NAME).read_text())["format"] == CACHE_FORMAT


def test_an_empty_folder_draws_nothing(tmp_path: Path) -> None:
    result = run("render", str(tmp_path))
    assert (result.exit_code, result.output) == (
        0,
        f"argmap: {tmp_path}: no maps under it (*.yaml, *.yml)\n"
        "argmap: 0 maps: 0 drawn, 0 up to date, 0 not drawn\n",
    )


def test_workers_draw_the_same_bytes_as_one_process(folder: Path, tmp_path: Path) -> None:
    jobs = [
        (str(p), str(tmp_path / f"{p.stem}-{n}.svg"))
        for n, p in enumerate(map(Path, find_maps(folder)))
    ]
    parallel = list(run_jobs(jobs, "svg", OPTIONS, workers=2))
    assert [o.status for o in parallel] == [0, 0, 0]
    for (path, target), outcome in zip(jobs, parallel, strict=True):
        alone = render_one(path, target + ".alone.svg", "svg", OPTIONS)
        assert Path(outcome.target).read_bytes() == Path(alone.target).read_bytes()


def test_the_settings_key_changes_with_every_option() -> None:
    keys = {
        settings_key("svg", OPTIONS),
        settings_key("png", OPTIONS),
        settings_key("svg", attrs.evolve(OPTIONS, theme="dark")),
        settings_key("svg", attrs.evolve(OPTIONS, focus="c", depth=1)),
    }
    assert len(keys) == 4


def test_the_settings_key_follows_the_font_files_by_their_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copies = {weight: tmp_path / path.name for weight, path in FILES.items()}
    for weight, path in FILES.items():
        shutil.copyfile(path, copies[weight])
    monkeypatch.setattr(identity, "FILES", copies)
    try:
        identity.drawing_identity.cache_clear()
        before = settings_key("svg", OPTIONS)
        assert before == settings_key("svg", OPTIONS)
        os.utime(copies[400], ns=(0, 0))  # a timestamp is no change
        identity.drawing_identity.cache_clear()
        assert settings_key("svg", OPTIONS) == before
        copies[700].write_bytes(copies[700].read_bytes() + b"\0")  # new bytes are
        identity.drawing_identity.cache_clear()
        assert settings_key("svg", OPTIONS) != before
    finally:
        identity.drawing_identity.cache_clear()


def test_the_settings_key_names_what_draws() -> None:
    drawing = json.loads(settings_key("svg", OPTIONS))["drawing"]
    assert set(drawing) == {"pygraphviz", "uharfbuzz", "brotli", *(p.name for p in FILES.values())}
    assert all(re.fullmatch("[0-9a-f]{16}", value) for value in drawing.values())


def test_a_map_drawn_in_the_machines_fonts_is_drawn_on_every_run(tmp_path: Path) -> None:
    """Its drawing depends on the machine's fonts, which the cache cannot see: drawn again,
    with its note, every time."""
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "zh.yaml").write_text(GOOD.replace("text: P", "text: 中文"), encoding="utf-8")
    (maps / "en.yaml").write_text(GOOD, encoding="utf-8")
    for _ in range(2):
        result = run("render", str(maps))
        assert result.exit_code == 0, result.output
        note = f"{maps / 'zh.yaml'}: note: the drawing's font cannot draw 中 文"
        notes = [line for line in result.output.splitlines() if ": note: " in line]
        assert len(notes) == 1 and notes[0].startswith(note)
    assert result.output.splitlines()[-1].endswith("1 drawn, 1 up to date, 0 not drawn")


def test_a_cache_from_other_settings_is_empty(folder: Path) -> None:
    run("render", str(folder))
    assert Cache(str(folder), settings_key("svg", OPTIONS)).entries
    assert not Cache(str(folder), settings_key("png", OPTIONS)).entries


def test_the_seed_folder_renders_like_the_single_file_command(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "maps", tmp_path / "maps", ignore=shutil.ignore_patterns("*.svg", ".*"))
    (tmp_path / "pyproject.toml").touch()  # a project holding maps and seeds, as the repository
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


# --- the stat fast path: trusted only once a file has settled --------------------------------


def entry(folder: Path, drawing: str = "a.svg") -> dict:
    return json.loads((folder / CACHE_NAME).read_text())["drawings"][drawing]


def same_size_edit(path: Path, old: str, new: str, *, keep_mtime: bool) -> None:
    """Change a file's bytes but not its size; with ``keep_mtime``, not its mtime either."""
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert len(old) == len(new) and old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    if keep_mtime:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files settle at once (no wait for the clock to tick past their last change)."""
    monkeypatch.setattr(cache_module, "FINE_WINDOW", 0)
    monkeypatch.setattr(cache_module, "COARSE_WINDOW", 0)


@pytest.fixture
def racy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written in the test stay unsettled, however slowly it runs (in this process:
    with -j 1)."""
    monkeypatch.setattr(cache_module, "FINE_WINDOW", 60 * 10**9)
    monkeypatch.setattr(cache_module, "COARSE_WINDOW", 60 * 10**9)


@pytest.mark.usefixtures("racy")
def test_files_just_changed_are_recorded_without_their_stat(folder: Path) -> None:
    run("render", str(folder), "-j", "1")
    record = entry(folder, "sub/c.svg")
    # All were written a moment ago, within the file system clock's granularity: a change
    # now could keep their stat, so the next run hashes them.
    assert record["map"]["stat"] is None
    assert record["source_file"]["stat"] is None
    assert record["drawings"][0]["stat"] is None
    assert record["source"] == "source.txt"  # as the map names it, relative to the map


@pytest.mark.usefixtures("racy")
def test_a_racy_file_is_hashed_even_when_its_stat_is_unchanged(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file system whose stat shows only size and modification time (like a change within
    # the same tick of its clock): an edit that keeps both leaves the stat as it was.
    monkeypatch.setattr(cache_module, "stat_of", lambda info: [info.st_size, info.st_mtime_ns])
    run("render", str(folder), "-j", "1")
    same_size_edit(folder / "a.yaml", "text: P", "text: Q", keep_mtime=True)
    result = run("render", str(folder), "-j", "1")
    assert f"argmap: wrote {folder / 'a.svg'}" in result.output.splitlines()
    assert "1 drawn, 2 up to date" in result.output


@pytest.mark.usefixtures("settled")
def test_a_settled_file_whose_stat_is_unchanged_is_not_read_again(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("render", str(folder))
    assert "3 up to date" in run("render", str(folder)).output  # hashes the new drawings
    assert entry(folder)["drawings"][0]["stat"] is not None
    assert entry(folder)["map"]["stat"] is not None

    def hashed(path: str, looked: int) -> dict:
        raise AssertionError(f"{path} was read again")

    monkeypatch.setattr(cache_module, "hashed", hashed)
    result = run("render", str(folder))
    assert result.exit_code == 0, result.output
    assert "3 up to date" in result.output


@pytest.mark.usefixtures("settled")
@pytest.mark.parametrize("keep_mtime", [True, False], ids=["same mtime", "new mtime"])
@pytest.mark.parametrize(
    ("edited", "old", "new", "redrawn"),
    [
        ("a.yaml", "text: P", "text: Q", "a.svg"),
        ("sub/source.txt", "blue.", "blue!", "sub/c.svg"),
        ("b.svg", "<svg", "<SVG", "b.svg"),
    ],
    ids=["map", "source", "drawing"],
)
def test_a_settled_file_edited_without_changing_its_size_is_drawn_again(
    folder: Path, keep_mtime: bool, edited: str, old: str, new: str, redrawn: str
) -> None:
    run("render", str(folder))
    run("render", str(folder))  # every stat recorded
    same_size_edit(folder / edited, old, new, keep_mtime=keep_mtime)
    result = run("render", str(folder))
    wrote = [line for line in result.output.splitlines() if line.startswith("argmap: wrote")]
    assert wrote == [f"argmap: wrote {folder / redrawn}"]


@pytest.mark.usefixtures("settled")
def test_a_file_touched_but_not_changed_is_hashed_and_not_drawn_again(folder: Path) -> None:
    run("render", str(folder))
    run("render", str(folder))
    stat = entry(folder)["map"]["stat"]
    os.utime(folder / "a.yaml")
    result = run("render", str(folder))
    assert "0 drawn, 3 up to date" in result.output
    assert entry(folder)["map"]["stat"] != stat  # the new stat, recorded after hashing


def test_the_kept_check_never_saw_older_source_bytes_than_the_hash(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The source changes while its map is being checked (the check read the old text, the
    hash would read the new): the map is checked again, so the outcome and its cache entry
    agree with the bytes hashed."""
    real = pool.check_map_bytes
    calls = []

    def check_then_edit(data: bytes, path: str, **options: object) -> object:
        checked = real(data, path, **options)
        if not calls:  # the quote the map makes is no longer in the source
            (folder / "sub" / "source.txt").write_text("Today the sea is blue.\n")
        calls.append(path)
        return checked

    monkeypatch.setattr(pool, "check_map_bytes", check_then_edit)
    path = str(folder / "sub" / "c.yaml")
    outcome = render_one(path, str(folder / "sub" / "c.svg"), "svg", OPTIONS)
    assert len(calls) == 2
    assert outcome.errors == 1
    assert "[AM110]" in outcome.lines[0]
    assert not outcome.wrote


def test_a_folder_copied_with_its_cache_checks_its_own_sources(
    folder: Path, tmp_path: Path
) -> None:
    run("render", str(folder))
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)  # drawings, cache and all; times kept
    (copy / "sub" / "source.txt").write_text("Today the sky is grey.\n", encoding="utf-8")
    result = run("render", str(copy))
    assert f"{copy / 'sub' / 'c.yaml'}:" in result.output  # its quote is gone: AM110
    assert "[AM110]" in result.output
    assert "0 drawn, 2 up to date, 1 not drawn" in result.output


def test_a_source_gone_after_the_check_leaves_no_cache_entry(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pool.check_map_bytes

    def check_then_delete(data: bytes, path: str, **options: object) -> object:
        checked = real(data, path, **options)
        (folder / "sub" / "source.txt").unlink()
        return checked

    monkeypatch.setattr(pool, "check_map_bytes", check_then_delete)
    outcome = render_one(
        str(folder / "sub" / "c.yaml"), str(folder / "sub" / "c.svg"), "svg", OPTIONS
    )
    assert outcome.wrote
    assert outcome.record is None  # so the next run checks it again
    monkeypatch.undo()
    result = run("render", str(folder / "sub"))
    assert "[AM109]" in result.output


@pytest.mark.usefixtures("settled")
def test_the_files_of_a_batch_settle_by_its_end_and_are_not_read_again(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "3 drawn" in run("render", str(folder)).output
    record = entry(folder, "sub/c.svg")
    assert None not in (record[f]["stat"] for f in ("map", "source_file"))
    assert record["drawings"][0]["stat"] is not None
    monkeypatch.setattr(cache_module, "hashed", lambda path, looked: pytest.fail(f"{path} read"))
    assert "3 up to date" in run("render", str(folder)).output


@pytest.mark.usefixtures("settled")
def test_a_drawing_changed_before_it_settled_keeps_no_stat(folder: Path) -> None:
    key = settings_key("svg", OPTIONS)
    cache = Cache(str(folder), key)
    job = Job(str(folder / "a.yaml"), str(folder / "a.svg"), str(folder))
    cache.remember(job, render_one(job.path, job.target, "svg", OPTIONS))
    same_size_edit(folder / "a.svg", "<svg", "<SVG", keep_mtime=True)
    cache.settle(job)
    record = cache.entries["a.svg"]
    assert record["drawings"][0]["stat"] is None  # so the next run hashes it, draws it again
    assert record["map"]["stat"] is not None
    cache.save()
    assert Cache(str(folder), key).fresh(job) is None


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_map_that_runs_out_of_memory_says_so_in_words(
    folder: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    if jobs == "2" and pool._pool_context(pool.load_pool()[1]).get_start_method() != "fork":
        pytest.skip("the workers would not see the stand-in (no fork here)")
    drawn = pool.draw

    def draw(amap, path, fmt, options, **notes):  # type: ignore[no-untyped-def]
        if path.endswith("a.yaml"):
            raise MemoryError
        return drawn(amap, path, fmt, options, **notes)

    monkeypatch.setattr(pool, "draw", draw)
    result = run("render", str(folder), "-j", jobs)
    assert result.exit_code == 2
    assert (
        f"argmap: error: {folder / 'a.yaml'}: ran out of memory while checking or drawing it; "
        "draw a part of it with --focus ID, or draw it where more memory is free\n"
    ) in result.output
    assert "MemoryError" not in result.output
    assert result.output.endswith("argmap: 3 maps: 2 drawn, 0 up to date, 1 not drawn\n")


# --- fitted to a column: a map drawn as several figures ----------------------------------------


def test_a_folder_fitted_to_a_column_writes_each_maps_figures_and_keeps_them_up_to_date(
    seed_copy: Path, tmp_path: Path
) -> None:
    """``render DIR --fit 720``: a big map as NAME-1 ... NAME-N, a small one as NAME; every
    file listed; the next run finds all up to date; a figure deleted is drawn again."""
    maps = seed_copy.parent
    (maps / "small.yaml").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "build"
    result = run("render", str(maps), "--fit", "720", "-o", f"{out}/")
    assert result.exit_code == 0, result.output
    count = len(render_figures(load(seed_copy), "dot", fit=720))
    seed = [f"europe-central-asia-{n}.svg" for n in range(1, count + 1)]
    assert count > 1
    assert sorted(p.name for p in out.iterdir()) == sorted([CACHE_NAME, *seed, "small.svg"])
    assert [line for line in result.output.splitlines() if "wrote" in line] == [
        f"argmap: wrote {out / name}" for name in [*seed, "small.svg"]
    ]
    alone = tmp_path / "alone"  # the figures are those of the map drawn on its own
    assert run("render", str(seed_copy), "--fit", "720", "-o", f"{alone}/").exit_code == 0
    assert all((out / name).read_bytes() == (alone / name).read_bytes() for name in seed)
    assert "2 maps: 0 drawn, 2 up to date" in run("render", str(maps), "--fit", "720",
                                                    "-o", f"{out}/").output  # fmt: skip
    (out / seed[1]).unlink()
    again = run("render", str(maps), "--fit", "720", "-o", f"{out}/")
    assert "2 maps: 1 drawn, 1 up to date" in again.output
    assert (out / seed[1]).exists()


def test_a_folder_drawn_with_fewer_figures_says_which_files_an_earlier_run_left(
    seed_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "build"
    assert run("render", str(seed_copy.parent), "--fit", "720", "-o", f"{out}/").exit_code == 0
    result = run("render", str(seed_copy.parent), "--fit", "2400", "-o", f"{out}/")
    assert result.exit_code == 0, result.output
    assert f"argmap: wrote {out / 'europe-central-asia.svg'}" in result.output
    left = [line for line in result.output.splitlines() if "is left from an earlier" in line]
    assert left and all(line.startswith(f"argmap: note: {out}") for line in left)


def test_ctrl_c_keeps_what_was_drawn_says_so_and_the_next_run_draws_the_rest(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pool.run

    def stopped_after_one(jobs: list, *args: object, **kwargs: object) -> Iterator[object]:
        yield from real(jobs[:1], *args, **kwargs)
        raise KeyboardInterrupt  # Ctrl-C while the second map is drawn

    monkeypatch.setattr(pool, "run", stopped_after_one)
    result = run("render", str(folder))
    assert result.exit_code == 130
    assert result.output.splitlines()[-1] == (
        "argmap: stopped: 1 of 3 maps drawn; the next run draws the others"
    )
    monkeypatch.undo()
    again = run("render", str(folder))
    assert again.output.splitlines()[-1] == "argmap: 3 maps: 2 drawn, 1 up to date, 0 not drawn"
