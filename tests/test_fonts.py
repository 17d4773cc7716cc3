"""One font everywhere: the shipped font, given to Graphviz whatever fonts the machine has.

Machines are simulated with private fontconfig configurations (``FONTCONFIG_FILE``) and fonts
made by the tests, never by installing fonts: a machine with no font at all, this machine, and
one with impostors (fonts named Helvetica, Arial, Noto Sans and Argmap Sans itself, of other
widths) and rules that fight argmap's. ``ARGMAP_TEST_FONT_DIRS`` (folders, separated by
``os.pathsep``) adds a machine with real fonts, e.g. Liberation and Noto Sans CJK unpacked from
Debian's packages; ``ARGMAP_TEST_CJK_FONTS`` names a folder holding Noto Sans CJK.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from argmap.draw import fontconfig
from argmap.draw.font import FAMILY, FILES, FONT_DIR, PROBE, PROBE_ADVANCE, RANGES, UNITS_PER_EM

from .conftest import ROOT, SEED_MAP, run
from .fontmaker import machine, make_font

#: Draws a map as svg, pdf and png (72 dpi) on the machine of its environment, in a fresh
#: process; prints what came out as JSON. MODE: shipped (as argmap runs), no-fontconfig (as
#: where pygraphviz bundles none), other-metrics (as where Graphviz would measure with
#: another font than the one configured).
DRAW = r"""
import hashlib, json, pathlib, re, sys, warnings
mode, path, out = sys.argv[1:4]
from argmap.draw import engine, fontconfig
if mode == "no-fontconfig":
    def library(folder):
        raise fontconfig.FontSetupError("no fontconfig here")
    fontconfig.library = library
elif mode == "other-metrics":
    engine.PROBE_ADVANCE = {400: 1000, 700: 1000}
import argmap
amap = argmap.load(path)
result = {"warnings": []}
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for fmt, options in (("svg", {}), ("pdf", {}), ("png", {"dpi": 72})):
        data = argmap.render_map(amap, fmt, **options)
        pathlib.Path(f"{out}.{fmt}").write_bytes(data)
        result[fmt] = hashlib.sha256(data).hexdigest()
        if fmt == "pdf":
            result["pdf fonts"] = sorted({f.decode().split("+")[-1]
                                          for f in re.findall(rb"/BaseFont\s*/([^\s/\]>]+)", data)})
        if fmt == "svg":
            result["svg size"] = re.search(rb'<svg [^>]*width="([^"]+)"', data).group(1).decode()
result["warnings"] = [f"{w.category.__name__}: {w.message}" for w in caught]
print(json.dumps(result))
"""

#: Characters of the seed map and the test maps, for the impostor fonts: enough for
#: fontconfig to take them for fonts of English (else it would rank them below the rest).
LATIN = "".join(chr(c) for c in [*range(0x20, 0x7F), *range(0xA0, 0x250)]) + "—‘’“”→"
CHINESE_MAP = """\
argmap: 1
title: "公共交通 (public transport)"
premises:
  - id: p1
    text: 城市应该投资公共交通，因为它减少污染。
  - id: p2
    text: Buses cut emissions (公共汽车减少排放).
conclusions:
  - id: c
    text: 我们应该支持这个计划。
    reasons: [p1, p2]
"""
CHINESE = "".join(dict.fromkeys(c for c in CHINESE_MAP if ord(c) > 0x2FFF))

#: A machine's user who fights argmap: a favourite font prepended strongly to every pattern,
#: full hinting and subpixel rendering for every font.
HOSTILE_RULES = """
  <match target="pattern">
    <edit name="family" mode="prepend" binding="strong"><string>Helvetica</string></edit>
  </match>
  <match target="font">
    <edit name="hinting" mode="assign"><bool>true</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintfull</const></edit>
    <edit name="autohint" mode="assign"><bool>true</bool></edit>
    <edit name="rgba" mode="assign"><const>rgb</const></edit>
  </match>
"""


def draw(env: dict[str, str], mode: str, path: Path, out: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", DRAW, mode, str(path), str(out)],
        env=env, capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # nothing on stderr: not even fontconfig's complaints
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def machines(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """Simulated machines: their environments, by name."""
    folder = tmp_path_factory.mktemp("machines")
    impostors = folder / "impostors"
    impostors.mkdir()
    for index, family in enumerate(["Helvetica", "Arial", "Liberation Sans", "Noto Sans",
                                    "DejaVu Sans", FAMILY]):  # fmt: skip
        for bold in (False, True):
            name = f"impostor{index}{'b' * bold}.ttf"
            # Newer than the shipped font: fontconfig would prefer them, all else equal.
            make_font(impostors / name, family, LATIN, 430 + 60 * index, bold=bold, version=99)
    found = {
        "bare": machine(folder, "bare", [], system=False),
        "this": machine(folder, "this", []),
        "impostors": machine(folder, "impostors", [impostors], rules=HOSTILE_RULES),
    }
    real = [Path(p) for p in os.environ.get("ARGMAP_TEST_FONT_DIRS", "").split(os.pathsep) if p]
    if real:
        found["real fonts"] = machine(folder, "real", real, rules=HOSTILE_RULES)
    return found


@pytest.fixture(scope="module")
def seed_drawn(machines: dict[str, dict[str, str]], tmp_path_factory: pytest.TempPathFactory):
    """The seed map drawn on each machine, as argmap draws and without its font."""
    out = tmp_path_factory.mktemp("drawn")
    return {
        (name, mode): draw(env, mode, SEED_MAP, out / f"{name}-{mode}")
        for name, env in machines.items()
        for mode in ("shipped", "no-fontconfig")
    }


# --- the font files -------------------------------------------------------------------------


def test_the_font_is_argmap_sans_under_the_ofl_in_two_weights() -> None:
    licence = (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    for weight, path in FILES.items():
        font = TTFont(path)
        names = font["name"]
        assert names.getDebugName(1) == FAMILY
        assert font["OS/2"].usWeightClass == weight
        assert "Noto Sans" in names.getDebugName(10)
        assert "Open Font License" in names.getDebugName(13)  # the licence travels with it
        assert "hdmx" not in font and "fpgm" not in font  # unhinted, as it is drawn


def test_what_argmap_knows_of_the_font_is_what_the_files_hold() -> None:
    uharfbuzz = pytest.importorskip("uharfbuzz")
    cmaps = [set(TTFont(path).getBestCmap()) for path in FILES.values()]
    points = {p for start, end in RANGES for p in range(start, end + 1)}
    assert points == set.intersection(*cmaps)
    # Latin, Greek and Cyrillic, with Vietnamese and polytonic Greek.
    assert {ord(c) for c in "AzÆœŁđƯữΑωἄЖяЁђ€…“”"} <= points
    for weight, path in FILES.items():
        face = uharfbuzz.Face(path.read_bytes())
        assert face.upem == UNITS_PER_EM
        buffer = uharfbuzz.Buffer()
        buffer.add_str(PROBE)
        buffer.guess_segment_properties()
        uharfbuzz.shape(uharfbuzz.Font(face), buffer, {})
        assert sum(p.x_advance for p in buffer.glyph_positions) == PROBE_ADVANCE[weight]


# --- the same bytes everywhere --------------------------------------------------------------


def test_the_same_map_gives_the_same_bytes_on_every_machine(seed_drawn: dict) -> None:
    drawn = {name: r for (name, mode), r in seed_drawn.items() if mode == "shipped"}
    assert len(drawn) >= 3
    for fmt in ("svg", "pdf", "png", "svg size"):
        assert len({r[fmt] for r in drawn.values()}) == 1, {n: r[fmt] for n, r in drawn.items()}
    for result in drawn.values():
        assert result["pdf fonts"] == ["ArgmapSans-Bold", "ArgmapSans-Regular"]
        assert result["warnings"] == []


def test_without_the_font_the_machines_draw_differently(seed_drawn: dict) -> None:
    """The machines are different indeed: without the shipped font (where pygraphviz bundles
    no fontconfig argmap can reach) each lays the map out in its own fonts, as argmap did
    before; it says so, once, and embeds no font."""
    drawn = {name: r for (name, mode), r in seed_drawn.items() if mode == "no-fontconfig"}
    assert drawn["this"]["svg"] != drawn["impostors"]["svg"]
    assert drawn["this"]["svg size"] != drawn["impostors"]["svg size"]
    for result in drawn.values():
        assert not any(f.startswith("ArgmapSans") for f in result["pdf fonts"])
        assert result["warnings"] == [
            "FontWarning: argmap could not give Graphviz its font (no fontconfig here): "
            "drawings use this machine's fonts, so their layout differs between machines"
        ]


def test_the_fallback_embeds_no_font(machines: dict, tmp_path: Path) -> None:
    draw(machines["this"], "no-fontconfig", SEED_MAP, tmp_path / "seed")
    svg = (tmp_path / "seed.svg").read_text(encoding="utf-8")
    assert "@font-face" not in svg and FAMILY not in svg
    assert 'font-family="Helvetica,Arial,sans-serif"' in svg  # as before the shipped font


def test_graphviz_measuring_another_font_is_caught(machines: dict, tmp_path: Path) -> None:
    """If Graphviz measured the probe in another font than the shipped one (a platform whose
    pango ignores fontconfig), argmap draws as without the font, and embeds none."""
    result = draw(machines["this"], "other-metrics", SEED_MAP, tmp_path / "seed")
    assert len(result["warnings"]) == 1
    assert "Graphviz measures text in another font" in result["warnings"][0]
    assert "@font-face" not in (tmp_path / "seed.svg").read_text(encoding="utf-8")
    fallback = draw(machines["this"], "no-fontconfig", SEED_MAP, tmp_path / "fallback")
    assert result["svg"] == fallback["svg"]


# --- text the font cannot draw --------------------------------------------------------------


@pytest.fixture
def chinese_map(tmp_path: Path) -> Path:
    path = tmp_path / "chinese.yaml"
    path.write_text(CHINESE_MAP, encoding="utf-8")
    return path


def font_warnings(result: dict) -> list[str]:
    return [w for w in result["warnings"] if w.startswith("FontWarning: ")]


def test_text_no_font_can_draw_is_named_with_what_to_install(
    machines: dict, chinese_map: Path, tmp_path: Path
) -> None:
    result = draw(machines["bare"], "shipped", chinese_map, tmp_path / "bare")
    warnings = font_warnings(result)
    assert len(warnings) == 3  # one per drawing: svg, pdf, png
    assert len(set(warnings)) == 1
    assert warnings[0] == (
        f"FontWarning: the drawing's font cannot draw 公 共 交 通 城 市 应 该 … ({len(CHINESE)} "
        "characters), and no font on this machine can (PNG and PDF show empty boxes): install "
        "Noto Sans CJK (Debian/Ubuntu: fonts-noto-cjk)"
    )
    assert result["pdf fonts"] == ["ArgmapSans-Bold", "ArgmapSans-Regular"]


def test_text_the_font_lacks_falls_back_to_the_machines_fonts(
    machines: dict, chinese_map: Path, tmp_path: Path
) -> None:
    fonts = tmp_path / "cjk"
    fonts.mkdir()
    make_font(fonts / "cjk.ttf", "Argmap Test CJK", CHINESE + " ", 1000)
    make_font(fonts / "cjk-bold.ttf", "Argmap Test CJK", CHINESE + " ", 1000, bold=True)
    with_cjk = machine(tmp_path, "cjk", [fonts], system=False)
    result = draw(with_cjk, "shipped", chinese_map, tmp_path / "cjk")
    without = draw(machines["bare"], "shipped", chinese_map, tmp_path / "bare")
    assert font_warnings(result)[0] == (
        f"FontWarning: the drawing's font cannot draw 公 共 交 通 城 市 应 该 … ({len(CHINESE)} "
        "characters), drawn with this machine's Argmap Test CJK instead, so the drawing differs "
        "where that font is missing (Noto Sans CJK has them: Debian/Ubuntu fonts-noto-cjk)"
    )
    assert "ArgmapTestCJK-Regular" in result["pdf fonts"]
    assert pdf_text(tmp_path / "cjk.pdf") >= set(CHINESE)
    assert not pdf_text(tmp_path / "bare.pdf") & set(CHINESE)
    assert result["png"] != without["png"]
    # Only what the shipped font lacks comes from the machine: the rest is laid out alike.
    assert "ArgmapSans-Regular" in result["pdf fonts"]


def pdf_text(path: Path) -> set[str]:
    """The characters a PDF's fonts map glyphs to (their ToUnicode maps)."""
    found: set[str] = set()
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", path.read_bytes(), re.S):
        with contextlib.suppress(zlib.error):
            text = zlib.decompress(stream)
            for hexadecimal in re.findall(rb"<([0-9a-fA-F]{4,8})>\s*\n", text):
                found.add(chr(int(hexadecimal, 16)))
    return found


MIXED = r"""
import hashlib, sys, warnings
import argmap
warnings.simplefilter("ignore")
for path in sys.argv[1:]:
    amap = argmap.load(path)
    print(hashlib.sha256(argmap.render_map(amap, "svg")).hexdigest())
    print(hashlib.sha256(argmap.render_map(amap, "png", dpi=48)).hexdigest())
"""


def test_maps_with_and_without_the_machines_fonts_draw_alike_in_one_process(
    chinese_map: Path, tmp_path: Path
) -> None:
    """A batch worker or a watcher draws maps of both kinds one after the other, switching
    fontconfig's configuration between them: each drawing is the one a fresh process makes."""
    fonts = tmp_path / "cjk"
    fonts.mkdir()
    make_font(fonts / "cjk.ttf", "Argmap Test CJK", CHINESE + " ", 1000)
    env = machine(tmp_path, "cjk", [fonts], system=False)

    def drawn(*maps: Path) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", MIXED, *map(str, maps)],
            env=env, capture_output=True, text=True, check=True, cwd=ROOT,
        )  # fmt: skip
        return done.stdout.split()

    seed, chinese = drawn(SEED_MAP), drawn(chinese_map)
    assert drawn(SEED_MAP, chinese_map, SEED_MAP) == seed + chinese + seed
    assert drawn(chinese_map, SEED_MAP, chinese_map) == chinese + seed + chinese
    assert len(set(seed + chinese)) == 4


ORDERED = r"""
import hashlib, sys, warnings
import argmap
warnings.simplefilter("ignore")
for step in sys.argv[1:]:  # PATH:FORMAT, drawn in turn; the last one's hash printed
    path, fmt = step.rsplit(":", 1)
    data = argmap.render_map(argmap.load(path), fmt)
print(hashlib.sha256(data).hexdigest())
"""


def test_text_no_font_has_draws_alike_whatever_was_drawn_before(tmp_path: Path) -> None:
    """A character no font has (unassigned, private use) is drawn as a box of its code, whose
    size pango works out once for a font, with the font it finds for 'monospace': the same
    map's SVG came out 3 pt shorter after its PNG, and 2 pt narrower after another map with
    such a character, than in a fresh process (CI's property test found both)."""
    titled, other, texted = tmp_path / "t.yaml", tmp_path / "o.yaml", tmp_path / "x.yaml"
    one = 'argmap: 1\ntitle: "{}"\npremises:\n  - id: "no"\n    text: "{}"\n'
    titled.write_text(one.format("\u05c8\U000f0c1d", "0"), encoding="utf-8")
    other.write_text(one.format("x", "\U000f0c1d y"), encoding="utf-8")
    texted.write_text(
        'argmap: 1\ntitle: "0"\npremises:\n  - id: cm\n    text: "\u4c2a\u00f5V\u0103\U000fa174'
        '\u00b0\U000d17c5\u010fD\U000f1ff3\U0008fc67r"\nconclusions:\n  - id: "no"\n'
        '    text: "no"\n    reasons: [cm]\n',
        encoding="utf-8",
    )

    def last(*steps: str) -> str:
        done = subprocess.run([sys.executable, "-c", ORDERED, *steps],
                              capture_output=True, text=True, check=True, cwd=ROOT)  # fmt: skip
        return done.stdout.strip()

    alone = last(f"{titled}:svg")
    assert last(f"{titled}:png", f"{titled}:svg") == alone
    assert last(f"{titled}:pdf", f"{titled}:svg") == alone
    alone = last(f"{texted}:svg")
    assert last(f"{other}:svg", f"{texted}:svg") == alone
    assert last(f"{other}:png", f"{texted}:svg") == alone


def cjk_fonts() -> Path | None:
    for folder in (os.environ.get("ARGMAP_TEST_CJK_FONTS"), "/usr/share/fonts/opentype/noto"):
        if folder and list(Path(folder).glob("NotoSansCJK-*.tt[cf]")):
            return Path(folder)
    return None


@pytest.mark.skipif(cjk_fonts() is None, reason="needs Noto Sans CJK (ARGMAP_TEST_CJK_FONTS)")
def test_with_noto_sans_cjk_the_png_shows_the_chinese_text(
    chinese_map: Path, tmp_path: Path
) -> None:
    folder = cjk_fonts()
    assert folder is not None
    result = draw(machine(tmp_path, "noto", [folder]), "shipped", chinese_map, tmp_path / "cjk")
    bare = draw(machine(tmp_path, "bare", [], system=False), "shipped", chinese_map, tmp_path / "b")
    assert any(f.startswith("NotoSansCJK") for f in result["pdf fonts"])
    assert "drawn with this machine's Noto Sans CJK" in font_warnings(result)[0]
    # The PDF holds the Chinese text as text, in a font; without one, only boxes.
    assert pdf_text(tmp_path / "cjk.pdf") >= set(CHINESE)
    assert not pdf_text(tmp_path / "b.pdf") & set(CHINESE)
    assert result["png"] != bare["png"]


def test_render_notes_what_the_font_cannot_draw_once_per_map(chinese_map: Path) -> None:
    result = run("render", str(chinese_map), "-f", "png")
    lines = result.output.splitlines()
    notes = [line for line in lines if " note: " in line]
    assert result.exit_code == 0, result.output
    assert len(notes) == 1
    assert notes[0].startswith(f"{chinese_map}: note: the drawing's font cannot draw 公 共 交 通")
    assert "Noto Sans CJK" in notes[0] and "fonts-noto-cjk" in notes[0]
    assert lines[-1] == f"argmap: wrote {chinese_map.with_suffix('.png')}"


def test_a_map_the_font_draws_whole_draws_without_a_note(seed_copy: Path) -> None:
    result = run("render", str(seed_copy))
    assert result.exit_code == 0
    assert result.output == f"argmap: wrote {seed_copy.with_suffix('.svg')}\n"


# --- the process ----------------------------------------------------------------------------

LATE = r"""
import hashlib, os, subprocess, sys
import pygraphviz
user = 'digraph { a [label="a user graph" fontname="Helvetica"]; b [label="Times"]; a -> b }'
before = pygraphviz.AGraph(string=user).draw(format="svg", prog="dot")
environment = dict(os.environ)
import argmap
from argmap.draw import fontconfig
svg = argmap.load(sys.argv[1]).render("svg")
print(hashlib.sha256(svg).hexdigest())
print(pygraphviz.AGraph(string=user).draw(format="svg", prog="dot") == before)
print(dict(os.environ) == environment)
fontconfig.library(os.path.dirname(pygraphviz.__file__)).FcInitReinitialize()
print(argmap.load(sys.argv[1]).render("svg") == svg)
"""


def test_the_font_is_given_late_and_to_this_process_alone(seed_drawn: dict) -> None:
    """A program that drew with pygraphviz before argmap gets the same drawing from argmap as
    a fresh process; its own graphs draw as before; nothing is left in the environment; and
    after fontconfig is reinitialized behind argmap's back, argmap gives its font again."""
    done = subprocess.run(
        [sys.executable, "-c", LATE, str(SEED_MAP)],
        capture_output=True, text=True, check=True, cwd=ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith("FONTCONFIG")},
    )  # fmt: skip
    digest, user_same, environment_same, after_reinit = done.stdout.split()
    assert digest == seed_drawn[("this", "shipped")]["svg"]
    assert (user_same, environment_same, after_reinit) == ("True", "True", "True")


def test_the_font_needs_no_bundled_fontconfig_to_be_found_twice() -> None:
    pygraphviz = pytest.importorskip("pygraphviz")
    folder = os.path.dirname(pygraphviz.__file__)
    assert fontconfig.library(folder) is fontconfig.library(folder)


def test_a_pygraphviz_without_a_bundled_fontconfig_is_a_setup_error(tmp_path: Path) -> None:
    (tmp_path / "pygraphviz").mkdir()
    saved = fontconfig._library
    fontconfig._library = None
    try:
        with pytest.raises(fontconfig.FontSetupError, match="found none"):
            fontconfig.library(str(tmp_path / "pygraphviz"))
    finally:
        fontconfig._library = saved


def test_fallback_fonts_say_which_font_draws_each_character() -> None:
    from argmap.api import load

    load(SEED_MAP).render("svg")  # the font is given to Graphviz with the first drawing
    found = fontconfig.fallback_fonts("A中")
    assert list(found) == ["A", "中"]
    assert found["A"] == FAMILY
    assert found["中"] != FAMILY
