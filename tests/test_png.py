"""PNG's resolution: ``--dpi`` (144 by default), recorded in the file for viewers and printers."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest

from argmap.api import load, render_map
from argmap.draw.engine import PNG_DPI, _scaled, with_resolution

from .conftest import run

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
