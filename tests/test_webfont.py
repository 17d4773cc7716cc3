"""The SVG carries its font: the shipped font cut to the characters drawn, as WOFF2 data."""

from __future__ import annotations

import base64
import io
import re

import pytest
from fontTools.ttLib import TTFont

from argmap.api import load, render_map
from argmap.diagnostics import FontWarning
from argmap.draw.engine import render
from argmap.draw.font import FILES
from argmap.draw.glyphs import drawn_characters
from argmap.draw.graph import to_dot
from argmap.draw.subset import subset
from argmap.draw.webfont import FALLBACK, font_faces
from argmap.draw.woff2 import woff2
from argmap.model import ArgumentMap, Claim, Kind, Reason, Ref

from .conftest import SEED_MAP

FACE = re.compile(
    r'@font-face\{font-family:"(argmap-font-[0-9a-f]{10})";font-weight:(\d+);'
    r'src:url\(data:font/woff2;base64,([A-Za-z0-9+/=]+)\) format\("woff2"\)\}'
)


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    return load(SEED_MAP)


@pytest.fixture(scope="module")
def seed_svg(seed: ArgumentMap) -> bytes:
    return render_map(seed, "svg")


def embedded(svg: bytes) -> dict[int, TTFont]:
    """The fonts an SVG carries, by weight."""
    return {
        int(weight): TTFont(io.BytesIO(base64.b64decode(data)))
        for _family, weight, data in FACE.findall(svg.decode("utf-8"))
    }


def test_the_svg_carries_exactly_the_characters_it_draws(seed: ArgumentMap) -> None:
    graphviz = render(to_dot(seed), "svg")
    drawn = drawn_characters(graphviz)
    fonts = embedded(render_map(seed, "svg"))
    assert sorted(fonts) == [400, 700]
    for weight, font in fonts.items():
        assert font.flavor == "woff2"
        assert set(font.getBestCmap()) == {ord(c) for c in drawn[weight]}
    # "PREMISE", "CONCLUSION", ... and the title are bold; claims' text regular.
    assert set("PREMISECONCLUSIONRECOMMENDATION") <= set(drawn[700])
    assert "·" in drawn[400] and "→" not in drawn[400]  # → is only in a tooltip


def features(font: TTFont) -> dict[str, set[str]]:
    return {
        tag: {record.FeatureTag for record in font[tag].table.FeatureList.FeatureRecord}
        for tag in ("GSUB", "GPOS")
        if tag in font
    }


def test_the_font_keeps_its_licence_and_its_kerning(seed_svg: bytes) -> None:
    for font in embedded(seed_svg).values():
        names = font["name"]
        assert "Open Font License" in names.getDebugName(13)
        assert names.getDebugName(0)  # the copyright notice
        assert "kern" in features(font)["GPOS"]  # the browser spaces the text as pango did


def test_a_subset_keeps_the_features_its_characters_use() -> None:
    font = TTFont(io.BytesIO(subset(FILES[400], "office fluff AVATAR")))
    assert features(font) == {"GSUB": {"liga"}, "GPOS": {"dist", "kern"}}
    accented = TTFont(io.BytesIO(subset(FILES[400], "Việt Nam, e\u0301")))  # composed and combining
    assert {"ccmp"} <= features(accented)["GSUB"]
    assert {"mark", "mkmk"} <= features(accented)["GPOS"]


def test_harfbuzz_through_its_c_api_cuts_as_through_uharfbuzz(monkeypatch) -> None:
    from argmap.draw import subset as module

    text = "Straße → Λόγος, довод: fi ffl 1½ “quotes”"
    through_c = module.subset(FILES[700], text)
    monkeypatch.setattr(module, "_harfbuzz", lambda: None)
    assert module.subset(FILES[700], text) == through_c


def test_the_text_is_set_in_the_font_carried_then_in_narrower_fallbacks(seed_svg: bytes) -> None:
    text = seed_svg.decode("utf-8")
    families = {family for family, _weight, _data in FACE.findall(text)}
    assert len(families) == 1
    (family,) = families
    assert f'text){{font-family:"{family}",{FALLBACK};' in text
    assert FALLBACK.startswith('"Noto Sans",Helvetica')


def test_a_different_drawing_gets_a_font_of_another_name(seed_svg: bytes) -> None:
    small = ArgumentMap(
        "Zebras",
        (
            Claim("p", Kind.PREMISE, "Quixotic jazz."),
            Claim("c", Kind.CONCLUSION, "Wry fox.", reasons=(Reason((Ref("p"),)),)),
        ),
    )
    other = render_map(small, "svg")
    assert FACE.search(other.decode())[1] != FACE.search(seed_svg.decode())[1]
    assert render_map(small, "svg") == other  # and the same one every time


def test_the_fonts_carried_are_small(seed_svg: bytes) -> None:
    carried = sum(len(data) for _f, _w, data in FACE.findall(seed_svg.decode()))
    assert carried < 14_000  # base64 of two subsets (12 kB); the whole font is 570 kB


def test_woff2_holds_the_font_table_for_table() -> None:
    sfnt = subset(FILES[400], "Hello, wörld — Λόγος довод")
    packed = woff2(sfnt)
    assert packed == woff2(sfnt)
    back, original = TTFont(io.BytesIO(packed)), TTFont(io.BytesIO(sfnt))
    assert back.flavor == "woff2"
    tags = sorted(original.keys())
    assert sorted(back.keys()) == tags
    for tag in tags:
        if tag != "GlyphOrder":
            assert back.getTableData(tag) == original.getTableData(tag), tag
    assert len(packed) < len(sfnt)


def test_subset_keeps_only_what_the_font_has() -> None:
    font = TTFont(io.BytesIO(subset(FILES[700], "Ab中")))
    assert set(font.getBestCmap()) == {ord("A"), ord("b")}
    assert len(FILES) == 2


def test_a_drawing_without_text_carries_no_font() -> None:
    assert font_faces(b'<svg><g><polygon points="0,0 1,1"/></g></svg>') is None


def test_a_map_with_text_the_font_lacks_still_carries_the_font_for_the_rest() -> None:
    """A claim in Arabic, or an emoji, is drawn with the machine's fonts; the rest of the text
    was laid out in the shipped font, and a browser must show it in that font too. It showed
    it in Helvetica's stand-ins (DejaVu Sans here), wider, so text ran out of every box."""
    mixed = ArgumentMap(
        "Zebras 中",
        (
            Claim("p", Kind.PREMISE, "Quixotic jazz 🎉."),
            Claim("c", Kind.CONCLUSION, "Wry fox.", reasons=(Reason((Ref("p"),)),)),
        ),
    )
    with pytest.warns(FontWarning):
        svg = render_map(mixed, "svg")
    text = svg.decode("utf-8")
    (family,) = {family for family, _weight, _data in FACE.findall(text)}
    assert f'text){{font-family:"{family}",{FALLBACK};' in text
    fonts = embedded(svg)
    assert {ord(c) for c in "Quixotic jazz"} <= set(fonts[400].getBestCmap())
    assert ord("🎉") not in fonts[400].getBestCmap()  # the reader's fonts draw it
