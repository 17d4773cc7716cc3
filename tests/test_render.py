"""Tests for argmap.render: drawing with the bundled Graphviz, silently; atomic writes."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.diagnostics import ArgmapError, UsageError
from argmap.draw.engine import FORMATS, RenderError, render
from argmap.draw.graph import to_dot
from argmap.io import write_atomic
from argmap.model import ArgumentMap, Claim, Kind, Quote, Reason, Ref

REPO = Path(__file__).resolve().parent.parent
NASTY = 'A "quoted" <script>x</script> & C:\\path\\ \\N ends with \\'


def small_map() -> ArgumentMap:
    return ArgumentMap(
        "Small & <odd> \\N",
        (
            Claim("a", Kind.PREMISE, NASTY, quotes=(Quote(NASTY),)),
            Claim("b", Kind.PREMISE, "Another premise."),
            Claim("u", Kind.PREMISE, "An undercutter."),
            Claim(
                "c",
                Kind.CONCLUSION,
                "A conclusion.",
                reasons=(Reason((Ref("a"), Ref("b")), objections=(Ref("u"),)),),
            ),
            Claim(
                "r",
                Kind.RECOMMENDATION,
                "Do it.",
                reasons=(Reason((Ref("c"),)),),
                objections=(Ref("b"),),
            ),
        ),
    )


@pytest.fixture(scope="module")
def dot_source() -> str:
    return to_dot(small_map())


# --- formats ------------------------------------------------------------------------------


def test_svg_is_xml_with_the_claims(dot_source: str) -> None:
    root = ET.fromstring(render(dot_source, "svg"))
    ids = {g.get("id") for g in root.iter("{http://www.w3.org/2000/svg}g")}
    assert {"a", "b", "u", "c", "r"} <= ids


def test_png_and_pdf_have_their_magic(dot_source: str) -> None:
    assert render(dot_source, "png").startswith(b"\x89PNG\r\n\x1a\n")
    assert render(dot_source, "pdf").startswith(b"%PDF")


def test_dot_is_the_source_unchanged(dot_source: str) -> None:
    assert render(dot_source, "dot") == dot_source.encode("utf-8")
    assert render("digraph { é }", "dot") == "digraph { é }".encode()


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_rendering_twice_gives_identical_bytes(dot_source: str, fmt: str) -> None:
    assert render(dot_source, fmt) == render(dot_source, fmt)


def test_pdf_creation_date_is_fixed(dot_source: str) -> None:
    assert b"/CreationDate (D:19700101000000" in render(dot_source, "pdf")


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="svg, png, pdf, dot"):
        render("digraph {}", "gif")
    assert set(FORMATS) == {"svg", "png", "pdf", "dot"}


# --- silence ------------------------------------------------------------------------------


def test_render_writes_nothing_to_stderr(
    dot_source: str, capfd: pytest.CaptureFixture[str]
) -> None:
    for fmt in ("svg", "png", "pdf"):
        render(dot_source, fmt)
    assert capfd.readouterr().err == ""


def test_first_render_in_a_fresh_process_is_silent(dot_source: str) -> None:
    # Fontconfig complains when it first loads, so this needs a process of its own.
    code = (
        "import sys; from argmap.draw.engine import render; "
        "out = render(sys.stdin.read(), 'png'); print(len(out) > 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=dot_source.encode(),
        capture_output=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=True,
    )
    assert done.stderr == b""
    assert done.stdout == b"True\n"


def test_importing_argmap_does_not_load_graphviz() -> None:
    code = "import sys, argmap, argmap.draw.engine; print('pygraphviz' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=True,
    )
    assert done.stdout == b"False\n"


def test_a_graphviz_error_becomes_a_render_error(capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(RenderError, match="syntax error in line 1") as caught:
        render("digraph { a -> }", "svg")
    assert isinstance(caught.value, ArgmapError)
    assert capfd.readouterr().err == ""


def test_an_error_spanning_lines_is_one_message(capfd: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(RenderError, match=r"mismatched tag in line 1 \.\.\. x</I> \.\.\."):
        render("digraph { a [label=<<B>x</I>>] }", "png")
    assert capfd.readouterr().err == ""


def test_empty_source_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="could not be read"):
        render("", "svg")


def test_graphviz_warnings_are_logged_not_printed(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="argmap.draw.engine"):
        assert render("digraph { a [shape=nosuch] }", "svg").startswith(b"<?xml")
    assert capfd.readouterr().err == ""
    assert "using box for unknown shape nosuch" in caplog.text


def test_our_diagrams_draw_without_graphviz_warnings(
    dot_source: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="argmap.draw.engine"):
        render(dot_source, "svg")
        render(dot_source, "png")
    assert [r.message for r in caplog.records if r.levelno >= logging.INFO] == []


def test_render_leaves_stderr_working(capfd: pytest.CaptureFixture[str]) -> None:
    render("digraph { a }", "svg")
    os.write(2, b"after\n")
    print("python after", file=sys.stderr)
    assert capfd.readouterr().err == "after\npython after\n"


# --- write_atomic -------------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_atomic_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    write_atomic(target, b"one")
    write_atomic(str(target), b"two\n\r\n")
    assert target.read_bytes() == b"two\n\r\n"
    assert leftovers(tmp_path) == []


def test_write_atomic_keeps_the_old_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.svg"
    target.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(UsageError, match="No space left on device"):
        write_atomic(target, b"new" * 1000)
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_write_atomic_cleans_up_when_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.svg"
    target.write_bytes(b"old")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_write_atomic_onto_a_folder_fails_cleanly(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    with pytest.raises(UsageError, match="cannot write"):
        write_atomic(tmp_path / "taken", b"x")
    assert leftovers(tmp_path) == []


def test_write_atomic_into_a_missing_folder_fails(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="cannot write"):
        write_atomic(tmp_path / "nowhere" / "map.svg", b"x")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_write_atomic_keeps_permissions_and_honours_the_umask(tmp_path: Path) -> None:
    kept = tmp_path / "kept.svg"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    write_atomic(kept, b"new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    old_umask = os.umask(0o027)
    try:
        write_atomic(tmp_path / "fresh.svg", b"new")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "fresh.svg").stat().st_mode) == 0o640
