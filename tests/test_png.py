"""PNG's resolution: ``--dpi`` (144 by default), recorded in the file for viewers and printers."""

from __future__ import annotations

import io
import re
import struct
import zlib
from pathlib import Path

import pytest

from argmap.api import load, render_figures, render_map
from argmap.draw.engine import PNG_DPI, _scaled, with_resolution
from argmap.draw.layout import viewbox

from .conftest import SEED_MAP, run

image = pytest.importorskip("PIL.Image")


SMALL = """\
argmap: 1
title: A small map
premises:
  - {id: p, text: A premise.}
conclusions:
  - {id: c, text: A conclusion., reasons: [p]}
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> object:
    path = tmp_path_factory.mktemp("png") / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return load(path)


@pytest.fixture(scope="module")
def seed() -> object:
    return load(SEED_MAP)


def chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """A PNG's chunks, (type, data), each checked against its CRC."""
    found, offset = [], 8
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind, data = png[offset + 4 : offset + 8], png[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", png[offset + 8 + length : offset + 12 + length])
        assert crc == zlib.crc32(kind + data), kind
        found.append((kind, data))
        offset += 12 + length
    return found


def test_a_png_records_its_resolution(small) -> None:
    png = render_map(small, "png")
    kinds = [kind for kind, _data in chunks(png)]
    assert kinds[:2] == [b"IHDR", b"pHYs"] and kinds.count(b"pHYs") == 1
    assert image.open(io.BytesIO(png)).info["dpi"] == pytest.approx((PNG_DPI, PNG_DPI), abs=0.02)
    assert PNG_DPI == 144


def test_dpi_sets_the_size_and_the_record(small) -> None:
    default = image.open(io.BytesIO(render_map(small, "png")))
    sharp = image.open(io.BytesIO(render_map(small, "png", dpi=288)))
    assert sharp.info["dpi"] == pytest.approx((288, 288), abs=0.02)
    assert sharp.width == pytest.approx(default.width * 2, abs=2)
    assert sharp.height == pytest.approx(default.height * 2, abs=2)


def test_a_bitmap_graphviz_shrank_records_the_resolution_it_has(small) -> None:
    said = ["(null): graph is too large for cairo-renderer bitmaps. Scaling by 0.5 to fit"]
    assert _scaled(said) == 0.5 and _scaled(["Warning: something else"]) == 1.0
    png = render_map(small, "png", dpi=72)
    halved = with_resolution(png, 36)
    assert image.open(io.BytesIO(halved)).info["dpi"] == pytest.approx((36, 36), abs=0.02)
    assert [k for k, _d in chunks(halved)].count(b"pHYs") == 1  # replaced, not added


def test_dpi_applies_to_png_only(small) -> None:
    from argmap.diagnostics import UsageError

    with pytest.raises(UsageError, match="applies to png only"):
        render_map(small, "svg", dpi=300)


@pytest.mark.parametrize("dpi", [6000, 10**9, 0, -1])
def test_a_resolution_out_of_range_is_refused_by_the_api_too(small, dpi: int) -> None:
    """Documents pass their blocks' options to the API: a dpi of 6000 would draw for seconds
    into gigabytes, 10**9 cannot be recorded in a PNG."""
    from argmap.diagnostics import UsageError

    with pytest.raises(UsageError, match=f"a resolution of {dpi} dpi is out of range; give 24"):
        render_map(small, "png", dpi=dpi)


def test_render_takes_dpi(seed_copy: Path) -> None:
    target = seed_copy.with_suffix(".png")
    result = run("render", str(seed_copy), "-f", "png", "--dpi", "96")
    assert (result.exit_code, result.output) == (0, f"argmap: wrote {target}\n")
    assert image.open(io.BytesIO(target.read_bytes())).info["dpi"] == pytest.approx(
        (96, 96), abs=0.02
    )
    refused = run("render", str(seed_copy), "--dpi", "96")
    assert refused.exit_code == 2
    assert "Error: a resolution (dpi) applies to png only" in refused.output
    assert run("render", str(seed_copy), "-f", "png", "--dpi", "5").exit_code == 2


# --- The edges of a PNG: no larger than its box, opaque to the last pixel -------------------
# Graphviz rounds a PNG's page to whole pixels but paints the background only over the
# drawing's own size: a page rounded up had a last row and column partly transparent (a faint
# line on a dark slide), and a figure fitted to a 1280x720 screen at 300 dpi came out 2251 px
# high, one more than the screen's 2250.


def opaque(png: bytes) -> bool:
    """Whether every pixel of a PNG is opaque (every theme paints a background)."""
    return image.open(io.BytesIO(png)).convert("RGBA").getchannel("A").getextrema() == (255, 255)


def css_size(svg: bytes) -> tuple[float, float]:
    """A fitted SVG figure's width and height as it says it is shown (CSS px)."""
    width = float(re.search(rb'width="([\d.]+)px"', svg).group(1))  # type: ignore[union-attr]
    box = re.search(rb'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    assert box is not None
    return width, width * float(box.group(2)) / float(box.group(1))


@pytest.mark.parametrize(
    ("fit", "dpi"), [("1280x720", 96), ("1280x720", 144), ("1280x720", 300), ("720", 300)]
)
def test_a_png_fitted_to_a_screen_is_no_larger_than_it_and_opaque_to_its_edges(
    seed: object, fit: str, dpi: int
) -> None:
    pngs = render_figures(seed, "png", fit=fit, dpi=dpi)
    svgs = render_figures(seed, "svg", fit=fit)
    box = [float(side) * dpi / 96 for side in fit.split("x")] + [float("inf")]
    assert len(pngs) == len(svgs) > 1
    for number, (png, svg) in enumerate(zip(pngs, svgs, strict=True), 1):
        drawn = image.open(io.BytesIO(png))
        assert drawn.width <= box[0] and drawn.height <= box[1], (number, drawn.size)
        assert opaque(png), number
        wide, high = css_size(svg)  # as large as the SVG is shown there, to a pixel
        assert abs(drawn.width - min(wide, box[0] * 96 / dpi) * dpi / 96) < 1, number
        assert abs(drawn.height - high * min(1, box[0] * 96 / dpi / wide) * dpi / 96) < 1


def test_a_png_fitted_to_paper_is_no_wider_than_the_column_and_opaque(seed: object) -> None:
    for png in render_figures(seed, "png", fit="468pt", dpi=300):
        assert image.open(io.BytesIO(png)).width <= 468 * 300 / 72
        assert opaque(png)


@pytest.mark.parametrize("dpi", [24, 50, 72, 96, 100, 144, 150, 200, 300, 600])
def test_a_whole_map_png_is_opaque_to_its_edges_at_any_resolution(small, dpi: int) -> None:
    png = render_map(small, "png", dpi=dpi)
    width, height = viewbox(render_map(small, "svg"))  # points, to one
    assert opaque(png)
    assert image.open(io.BytesIO(png)).size == pytest.approx(
        (width * dpi / 72, height * dpi / 72), abs=0.5 * dpi / 72 + 1
    )


@pytest.mark.parametrize("theme", ["light", "dark", "print"])
def test_the_seed_map_png_is_opaque_to_its_edges_in_every_theme(seed: object, theme: str) -> None:
    assert opaque(render_map(seed, "png", dpi=96, theme=theme))
