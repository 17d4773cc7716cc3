"""``check``, ``eval`` and ``coverage`` take folders as ``render`` does: every map under them,
the same exit codes, and a per-file summary (issue 14, item 3)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, run

GOOD = "argmap: 1\ntitle: t\npremises:\n  - id: p\n    text: P\nconclusions:\n  - id: c\n    text: C\n    reasons: [p]\n"  # noqa: E501
BAD = GOOD.replace("reasons: [p]", "reasons: [q]")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """maps/ with the seed map (and its source beside, as in the repository), a clean map in
    a subfolder, and a hidden map that folders leave out."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "pyproject.toml").touch()  # one project holds maps and seeds, as the repository
    maps = tmp_path / "maps"
    (maps / "sub").mkdir(parents=True)
    shutil.copy(ROOT / "maps" / "europe-central-asia.yaml", maps)
    (maps / "sub" / "small.yaml").write_text(GOOD, encoding="utf-8")
    (maps / ".hidden.yaml").write_text(BAD, encoding="utf-8")
    return maps


def test_check_a_clean_folder_is_silent(folder: Path) -> None:
    assert (run("check", str(folder)).exit_code, run("check", str(folder)).output) == (0, "")


def test_check_a_folder_reports_each_map_and_sums_up(folder: Path) -> None:
    bad = folder / "sub" / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    result = run("check", str(folder))
    assert result.exit_code == 1
    assert result.output == (
        f"{bad}:4:9: warning: premise 'p' is connected to nothing: no reason, objection or "
        "target [AM201]\n"
        f"{bad}:9:15: error: reason 'q' of 'c' is no claim [AM103]\n"
        "argmap: 1 error and 1 warning\n"
        "argmap: 3 maps: 1 with errors, 2 clean\n"
    )


def test_check_a_folder_names_each_map_with_problems_when_there_are_several(
    folder: Path,
) -> None:
    # With one map with problems, its line said the total again ('argmap: 1 error' then
    # 'argmap: maps/a.yaml: 1 error'); with several, the lines say how the total divides.
    (folder / "a.yaml").write_text(BAD, encoding="utf-8")
    (folder / "b.yaml").write_text(
        GOOD.replace("premises:\n", "premises:\n  - id: l\n    text: L\n"), encoding="utf-8"
    )
    result = run("check", str(folder))
    assert result.exit_code == 1
    assert result.output.endswith(
        "argmap: 1 error and 2 warnings\n"
        f"argmap: {folder / 'a.yaml'}: 1 error and 1 warning\n"
        f"argmap: {folder / 'b.yaml'}: 1 warning\n"
        "argmap: 4 maps: 1 with errors, 1 with warnings, 2 clean\n"
    )


def test_check_a_folder_with_an_unreadable_map_is_exit_status_2(folder: Path) -> None:
    (folder / "gone.yaml").symlink_to(folder / "nowhere.yaml")
    result = run("check", str(folder))
    assert result.exit_code == 2
    assert result.output.endswith(
        f"argmap: error: {folder / 'gone.yaml'}: no such file\n"
        "argmap: 3 maps: 2 clean, 1 unreadable\n"
    )


def test_eval_a_folder_shows_each_map_then_a_row_a_map(folder: Path) -> None:
    result = run("eval", str(folder))
    assert result.exit_code == 0, result.output
    seed, small = folder / "europe-central-asia.yaml", folder / "sub" / "small.yaml"
    assert result.output.startswith(f"{seed}:\nclaim ")
    assert f"\n\n{small}:\nclaim  kind        status  why\n" in result.output
    assert result.output.endswith(
        "\nclaims  stand  defeated  undecided  implicit  map\n"
        f"    29     28         1          0         1  {seed}\n"
        f"     2      2         0          0         0  {small}\n"
    )


def test_eval_a_folder_goes_on_past_a_map_with_errors(folder: Path) -> None:
    (folder / "a-bad.yaml").write_text(BAD, encoding="utf-8")
    (folder / "b-broken.yaml").write_text("argmap: [", encoding="utf-8")
    result = run("eval", str(folder))
    assert result.exit_code == 1
    assert f"argmap: {folder / 'a-bad.yaml'}: 1 error and 1 warning\n" in result.output
    assert (
        f"     2      1         1          0         0  {folder / 'a-bad.yaml'} (has errors)\n"
        in (result.output)
    )
    assert (
        f"     -      -         -          -         -  {folder / 'b-broken.yaml'} (not evaluated: "
        in (result.output)
    )
    assert (
        f"    29     28         1          0         1  {folder / 'europe-central-asia.yaml'}\n"
        in (result.output)
    )


def test_coverage_a_folder_writes_a_page_a_map_and_passes_over_maps_without_source(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pages"
    result = run("coverage", str(folder), "--html", f"{out}/")
    assert result.exit_code == 0, result.output
    seed, small = folder / "europe-central-asia.yaml", folder / "sub" / "small.yaml"
    assert f"argmap: wrote {out / 'europe-central-asia.html'}\n" in result.output
    assert f"{small}:\nno source to cover\n" in result.output
    assert result.output.endswith(
        "\nsentences  quoted  share  map\n"
        f"       25      25   100%  {seed}\n"
        f"        -       -      -  {small} (no source)\n"
    )
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "europe-central-asia.html"
    ]


def test_coverage_of_one_map_without_source_is_still_a_usage_error(folder: Path) -> None:
    result = run("coverage", str(folder / "sub" / "small.yaml"))
    assert (result.exit_code, result.output) == (
        2,
        f"argmap: error: {folder / 'sub' / 'small.yaml'}: the map has no source to cover\n",
    )


def test_coverage_of_several_maps_needs_a_folder_for_its_pages(
    folder: Path, tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text("mine")
    result = run("coverage", str(folder), "--html", str(page))
    assert result.exit_code == 2
    assert "for several maps, --html must name a folder" in result.output
    assert page.read_text() == "mine"


def test_an_empty_folder_is_said(tmp_path: Path) -> None:
    # render and fmt said only "0 maps: 0 drawn, ..." and "0 maps reformatted", as if there
    # had been nothing to do in a folder of maps.
    for command in (
        ("check",),
        ("eval",),
        ("coverage",),
        ("render",),
        ("fmt",),
        ("fmt", "--check"),
    ):
        result = run(*command, str(tmp_path))
        assert result.exit_code == 0
        assert f"argmap: {tmp_path}: no maps under it (*.yaml, *.yml)\n" in result.output
