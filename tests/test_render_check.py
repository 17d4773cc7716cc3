"""argmap render --check: the drawings made in memory and compared with the files there, as
``fmt --check`` compares layouts; nothing written. Exit status 1 when a figure would change or
is missing, so that CI can say the figures of a pull request are stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run

FIT = ["--fit", "720"]


def _files(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder``, with its bytes and its modification time."""
    return {str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}  # fmt: skip


def test_figures_drawn_as_they_are_now_are_up_to_date(seed_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "figures"
    assert run("render", str(seed_copy), *FIT, "-o", f"{out}/").exit_code == 0
    before = _files(tmp_path)
    result = run("render", str(seed_copy), *FIT, "-o", f"{out}/", "--check")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "argmap: 4 figures up to date\n"
    assert _files(tmp_path) == before


def test_a_map_edited_since_its_figures_were_drawn_lists_the_stale_ones(
    seed_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "figures"
    run("render", str(seed_copy), *FIT, "-o", f"{out}/")
    (out / "europe-central-asia-4.svg").unlink()
    text = seed_copy.read_text(encoding="utf-8")
    assert 'title: "Europe & Central Asia' in text
    retitled = text.replace('title: "Europe & Central Asia', 'title: "Europe and Central Asia')
    seed_copy.write_text(retitled, encoding="utf-8")
    before = _files(tmp_path)
    result = run("render", str(seed_copy), *FIT, "-o", f"{out}/", "--check")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"argmap: would redraw {out}/europe-central-asia-1.svg",
        f"argmap: would redraw {out}/europe-central-asia-2.svg",
        f"argmap: would redraw {out}/europe-central-asia-3.svg",
        f"argmap: would draw {out}/europe-central-asia-4.svg (missing)",
        "argmap: 4 figures would be drawn",
    ]
    assert _files(tmp_path) == before


def test_a_map_never_drawn_creates_no_folder_and_says_what_is_missing(
    seed_copy: Path, tmp_path: Path
) -> None:
    result = run("render", str(seed_copy), "-o", f"{tmp_path / 'build'}/", "--check")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"argmap: would draw {tmp_path / 'build'}/europe-central-asia.svg (missing)",
        "argmap: 1 figure would be drawn",
    ]
    assert not (tmp_path / "build").exists()


@pytest.mark.parametrize("fmt", ["png", "pdf", "html", "dot"])
def test_every_format_is_compared(seed_copy: Path, fmt: str) -> None:
    assert run("render", str(seed_copy), "-f", fmt).exit_code == 0
    same = run("render", str(seed_copy), "-f", fmt, "--check")
    assert (same.exit_code, same.stderr) == (0, "argmap: 1 figure up to date\n")
    other = run("render", str(seed_copy), "-f", fmt, "--theme", "dark", "--check")
    assert other.exit_code == 1
    drawn = seed_copy.with_suffix("." + fmt)
    assert other.stderr.splitlines()[0] == f"argmap: would redraw {drawn}"


def test_a_folder_of_maps_is_checked_at_the_places_render_draws_them(
    seed_copy: Path, tmp_path: Path
) -> None:
    maps, out = seed_copy.parent, tmp_path / "build"
    (maps / "more").mkdir()
    other = "argmap: 1\ntitle: T\npremises:\n  - id: a\n    text: A.\n"
    (maps / "more" / "other.yaml").write_text(other, encoding="utf-8")
    assert run("render", str(maps), "-o", f"{out}/").exit_code == 0
    same = run("render", str(maps), "-o", f"{out}/", "--check")
    assert (same.exit_code, same.stderr) == (0, "argmap: 2 figures up to date\n")
    (out / "more" / "other.svg").write_bytes(b"<svg/>")
    stale = run("render", str(maps), "-o", f"{out}/", "--check")
    assert stale.exit_code == 1
    assert stale.stderr.splitlines() == [
        f"argmap: would redraw {out}/more/other.svg",
        "argmap: 1 figure would be drawn, 1 up to date",
    ]
    assert (out / "more" / "other.svg").read_bytes() == b"<svg/>"


def test_a_map_with_errors_is_not_drawn_and_fails_the_check(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "argmap: 1\ntitle: T\nconclusions:\n  - id: c\n    text: C.\n    reasons: [x]\n"
    )
    result = run("render", str(broken), "--check")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-3:] == [
        f"argmap: {broken} not drawn: it has errors",
        "argmap: 1 error",
        "argmap: 1 map not drawn",
    ]
    assert not broken.with_suffix(".svg").exists()


@pytest.mark.parametrize("other", [["--watch"], ["-o", "-"]])
def test_check_goes_with_no_option_that_keeps_running_or_writes_to_stdout(
    seed_copy: Path, other: list[str]
) -> None:
    result = run("render", str(seed_copy), "--check", *other)
    assert result.exit_code == 2
    assert "--check" in result.stderr


def test_figures_left_from_an_earlier_drawing_fail_the_check(
    seed_copy: Path, tmp_path: Path
) -> None:
    """A map drawn in 14 figures, then in 4: render leaves -5 to -14 in place, where a page may
    still show them, so CI's --check names them and fails until they are deleted."""
    out = tmp_path / "figures"
    assert run("render", str(seed_copy), "--fit", "300", "-o", f"{out}/").exit_code == 0
    assert run("render", str(seed_copy), *FIT, "-o", f"{out}/").exit_code == 0
    numbered = sorted(
        out.glob("europe-central-asia-*.svg"), key=lambda p: int(p.stem.split("-")[-1])
    )
    left = numbered[4:]
    assert left
    result = run("render", str(seed_copy), *FIT, "-o", f"{out}/", "--check")
    assert result.exit_code == 1
    assert result.stderr.endswith(
        f"argmap: 4 figures up to date, {len(left)} left from an earlier drawing\n"
    )
    for path in left:
        path.unlink()
    assert run("render", str(seed_copy), *FIT, "-o", f"{out}/", "--check").exit_code == 0
