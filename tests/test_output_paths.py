"""Where drawings go: ``-o DIR/`` makes the folder, an extension must name a format, and the API's
``save`` makes missing folders (issue 14, items 1 and 5)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import argmap
from argmap.diagnostics import UsageError

from .conftest import ROOT, run

GOOD = "argmap: 1\ntitle: t\npremises:\n  - id: p\n    text: P\nconclusions:\n  - id: c\n    text: C\n    reasons: [p]\n"  # noqa: E501


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    """A folder of two maps."""
    folder = tmp_path / "maps"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.yaml").write_text(GOOD, encoding="utf-8")
    return folder


def test_a_trailing_slash_makes_the_folder_for_one_map(maps: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    result = run("render", str(maps / "a.yaml"), "-o", f"{out}/")
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.iterdir()] == ["a.svg"]
    assert result.output == f"argmap: wrote {out / 'a.svg'}\n"


def test_several_maps_make_their_folder(maps: Path, tmp_path: Path) -> None:
    for out in (tmp_path / "with-slash", tmp_path / "without"):
        name = f"{out}/" if out.name == "with-slash" else str(out)
        result = run("render", str(maps / "a.yaml"), str(maps / "b.yaml"), "-o", name)
        assert result.exit_code == 0, result.output
        assert sorted(p.name for p in out.iterdir()) == ["a.svg", "b.svg"]


def test_a_folder_into_a_new_folder_twice(maps: Path, tmp_path: Path) -> None:
    out = tmp_path / "build"
    first = run("render", str(maps), "-o", f"{out}/")
    assert first.exit_code == 0, first.output
    assert sorted(p.name for p in out.glob("*.svg")) == ["a.svg", "b.svg"]
    second = run("render", str(maps), "-o", f"{out}/")
    assert (second.exit_code, second.output) == (
        0,
        "argmap: 2 maps: 0 drawn, 2 up to date, 0 not drawn\n",
    )


def test_the_render_help_example_then_a_folder(maps: Path, tmp_path: Path) -> None:
    """``render maps/*.yaml -o build/`` then ``render maps/ -o build/``, as ``--help`` shows."""
    out = f"{tmp_path / 'build'}/"
    assert run("render", str(maps / "a.yaml"), str(maps / "b.yaml"), "-o", out).exit_code == 0
    assert (tmp_path / "build").is_dir()
    result = run("render", str(maps), "-o", out)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def test_a_file_where_the_folder_should_be_is_a_usage_error(maps: Path, tmp_path: Path) -> None:
    (tmp_path / "build").write_text("a file")
    one = run("render", str(maps / "a.yaml"), "-o", f"{tmp_path / 'build'}/")
    assert (one.exit_code, one.output) == (
        2,
        f"argmap: error: cannot create folder {tmp_path / 'build'}: a file of that name is in "
        "the way\n",
    )
    folder = run("render", str(maps), "-o", f"{tmp_path / 'build'}/")
    assert folder.exit_code == 2
    assert "-o must name a folder, not a file" in folder.output
    assert (tmp_path / "build").read_text() == "a file"


def test_a_file_in_a_missing_folder_makes_the_folder(maps: Path, tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "out.png"
    result = run("render", str(maps / "a.yaml"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\x89PNG")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_read_only_drawing_is_left_alone(maps: Path, tmp_path: Path) -> None:
    """A policy writer marks the figure in her report read-only; argmap renamed a new file over
    it all the same (the folder was writable), keeping it read-only, and said it wrote it."""
    out = tmp_path / "final.svg"
    out.write_text("<svg>the approved figure</svg>")
    out.chmod(0o444)
    result = run("render", str(maps / "a.yaml"), "-o", str(out))
    assert result.exit_code == 2, result.output
    assert f"argmap: error: cannot write {out}: it is read-only" in result.output
    assert out.read_text() == "<svg>the approved figure</svg>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["final.svg", "maps"]


@pytest.mark.parametrize("name", ["x.jpg", "build", "map.svgz"])
def test_an_output_whose_extension_names_no_format_is_a_usage_error(
    maps: Path, tmp_path: Path, name: str
) -> None:
    result = run("render", str(maps / "a.yaml"), "-o", str(tmp_path / name))
    assert result.exit_code == 2
    assert f"Error: -o {tmp_path / name}: cannot tell the format" in result.output
    assert "use .svg, .png, .pdf, .dot or .html, or give -f FORMAT" in result.output
    assert "(or end it with / for a folder)" in result.output
    assert not (tmp_path / name).exists()


def test_with_f_any_name_is_taken_but_not_one_naming_another_format(
    maps: Path, tmp_path: Path
) -> None:
    assert (
        run("render", str(maps / "a.yaml"), "-f", "png", "-o", str(tmp_path / "x.jpg")).exit_code
        == 0
    )
    assert (tmp_path / "x.jpg").read_bytes().startswith(b"\x89PNG")
    clash = run("render", str(maps / "a.yaml"), "-f", "png", "-o", str(tmp_path / "x.svg"))
    assert clash.exit_code == 2
    assert "names svg but -f says png" in clash.output
    assert not (tmp_path / "x.svg").exists()


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_fitted_figures_into_a_name_without_an_extension_is_a_usage_error(
    maps: Path, tmp_path: Path, fmt: str
) -> None:
    """A journalist types the README's phone recipe with -o phone for phone/: the figures came
    out as phone-1, phone-2, ..., files without an extension that no browser, phone or CMS
    opens as images. With --fit such a name is refused, and the message says what to write."""
    out = tmp_path / "phone"
    result = run("render", str(maps / "a.yaml"), "--fit", "390x844", "-f", fmt, "-o", str(out))
    assert result.exit_code == 2, result.output
    assert (
        f"Error: -o {out}: --fit draws figures named from it, {out}-1 and on, which would "
        f"have no extension; end it with / for a folder ({out}/), or write {out}.{fmt} "
        f"(figures {out}-1.{fmt}, {out}-2.{fmt}, ...)"
    ) in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["maps"]


def test_fitted_figures_into_a_folder_or_a_name_with_an_extension(
    maps: Path, tmp_path: Path
) -> None:
    """What the refusal above says to write works: a folder, or a name with an extension; and
    without --fit, -f still takes any name (one file)."""
    args = ["render", str(maps / "a.yaml"), "-f", "png"]
    assert run(*args, "--fit", "390x844", "-o", f"{tmp_path / 'phone'}/").exit_code == 0
    assert (tmp_path / "phone" / "a.png").read_bytes().startswith(b"\x89PNG")
    assert run(*args, "--fit", "390x844", "-o", str(tmp_path / "fig.png")).exit_code == 0
    assert (tmp_path / "fig.png").read_bytes().startswith(b"\x89PNG")
    assert run(*args, "-o", str(tmp_path / "plain")).exit_code == 0
    assert (tmp_path / "plain").read_bytes().startswith(b"\x89PNG")


def test_several_maps_into_a_file_name_is_a_usage_error(maps: Path, tmp_path: Path) -> None:
    result = run(
        "render", str(maps / "a.yaml"), str(maps / "b.yaml"), "-o", str(tmp_path / "x.svg")
    )
    assert result.exit_code == 2
    assert "several maps go into a folder" in result.output
    assert not (tmp_path / "x.svg").exists()


# --- the Python API -----------------------------------------------------------------------


def test_save_makes_missing_folders_as_the_api_page_shows(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "maps", tmp_path / "maps")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "pyproject.toml").touch()  # one project holds maps and seeds, as the repository
    amap = argmap.load(tmp_path / "maps" / "europe-central-asia.yaml")
    amap.save(tmp_path / "build" / "map.svg")
    assert (tmp_path / "build" / "map.svg").read_bytes().startswith(b"<?xml")
    argmap.save_map(amap, tmp_path / "deeper" / "still" / "map.png")
    assert (tmp_path / "deeper" / "still" / "map.png").read_bytes().startswith(b"\x89PNG")


def test_save_says_why_it_cannot(tmp_path: Path) -> None:
    amap = argmap.load(ROOT / "maps" / "europe-central-asia.yaml")
    (tmp_path / "taken").write_text("a file")
    with pytest.raises(UsageError, match="a file of that name is in the way"):
        amap.save(tmp_path / "taken" / "map.svg")
    with pytest.raises(UsageError, match=r"cannot tell the format from '\.jpg'"):
        amap.save(tmp_path / "map.jpg")
    assert not (tmp_path / "map.jpg").exists()


def test_import_export_and_coverage_write_into_a_folder_named_with_a_slash(
    tmp_path: Path,
) -> None:
    shutil.copytree(ROOT / "maps", tmp_path / "maps", ignore=shutil.ignore_patterns("*.svg"))
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "pyproject.toml").touch()  # one project holds maps and seeds, as the repository
    seed = tmp_path / "maps" / "europe-central-asia.yaml"
    out = tmp_path / "out"
    assert run("export", "json", str(seed), "-o", f"{out}/").exit_code == 0
    assert (out / "europe-central-asia.json").is_file()
    result = run("import", "json", str(out / "europe-central-asia.json"), "-o", f"{out}/maps/")
    assert result.exit_code == 0, result.output
    assert (out / "maps" / "europe-central-asia.yaml").is_file()
    result = run("coverage", str(seed), "--html", f"{out}/pages/")
    assert result.exit_code == 0, result.output
    assert (out / "pages" / "europe-central-asia.html").is_file()


def _project(tmp_path: Path) -> Path:
    """The seed map and its source in a project laid out as the repository: the map's path."""
    shutil.copytree(ROOT / "maps", tmp_path / "maps", ignore=shutil.ignore_patterns("*.svg"))
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "pyproject.toml").touch()
    return tmp_path / "maps" / "europe-central-asia.yaml"


def test_neither_coverage_nor_save_writes_over_the_map_or_its_source(tmp_path: Path) -> None:
    seed = _project(tmp_path)
    source = next((tmp_path / "seeds").glob("*.txt"))
    kept = {path: path.read_bytes() for path in (seed, source)}
    for target, what in ((seed, "the map itself"), (source, "the map's source text")):
        result = run("coverage", str(seed), "--html", str(target))
        assert result.exit_code == 2
        assert f"{target}: refusing to overwrite {what}" in result.output
        with pytest.raises(UsageError, match=f"refusing to overwrite {what}"):
            argmap.load(seed).save(target, "svg")
    assert {path: path.read_bytes() for path in kept} == kept


def test_coverage_of_maps_whose_pages_would_clash_writes_neither(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").touch()
    (tmp_path / "maps").mkdir()
    (tmp_path / "source.txt").write_text("The sky is blue.\n", encoding="utf-8")
    quoted = GOOD.replace("title: t\n", "title: t\nsource: {path: ../source.txt}\n")
    for name in ("a.yaml", "a.yml"):
        (tmp_path / "maps" / name).write_text(quoted, encoding="utf-8")
    result = run("coverage", str(tmp_path / "maps"), "--html", f"{tmp_path / 'out'}/")
    assert result.exit_code == 2
    assert result.output.count("neither is written (rename one)") == 2
    assert not (tmp_path / "out" / "a.html").exists()
