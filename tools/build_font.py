"""Noto Sans from the npm registry → the font argmap ships: "Argmap Sans", regular and bold.

Usage (from the repository, with fontTools and uharfbuzz installed, and npm for the download):

    python tools/build_font.py            # download, build, write the files below
    python tools/build_font.py --check    # build into a temporary folder; fail if the
                                          # committed files differ (the build is reproducible)
    python tools/build_font.py --tarball noto-sans-0.4.2.tgz   # no download
    python tools/build_font.py --metrics  # only the table of metrics, from the committed fonts

What it does:

1. ``npm pack @expo-google-fonts/noto-sans@0.4.2`` (Google Fonts' build of Noto Sans 2.015 in an
   npm package), checked against the SHA-256 below; its ``LICENSE_FONT`` is the font's SIL Open
   Font License 1.1, copied as ``OFL.txt``.
2. The regular and bold TrueType files are subset with fontTools to Latin (with Vietnamese and
   IPA), Greek (with polytonic) and Cyrillic (with its supplements), punctuation, currency and
   letterlike symbols; hinting is dropped (argmap lays out and draws the font unhinted); the
   default shaping features are kept but ``locl`` (so that the locale never changes a glyph);
   the font is renamed "Argmap Sans" (Noto Sans has no Reserved Font Name, so the OFL allows a
   modified version under another name) and says what it was made from.
3. ``argmap/draw/font.py`` gets the family and files, the code points both styles draw (so
   argmap can tell which characters the font lacks without reading it) and the widths HarfBuzz
   gives a probe text (so argmap can check that Graphviz really lays out with the font).
4. ``argmap/draw/fonts/ArgmapSans-metrics.json`` gets the font's advances, ligatures and pair
   kerning (``tools/font_metrics.py``), from which argmap works out how wide Graphviz sets a
   text without asking Graphviz (:mod:`argmap.draw.metrics`).

The output is committed; users and CI never run this. The same input and the same fontTools
give the same bytes (fontTools is told not to use HarfBuzz's table packer, whose output differs).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import uharfbuzz as hb
from font_metrics import metrics_table
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont

REPO = Path(__file__).resolve().parent.parent
FONT_DIR = REPO / "argmap" / "draw" / "fonts"
MODULE = REPO / "argmap" / "draw" / "font.py"
METRICS = FONT_DIR / "ArgmapSans-metrics.json"

PACKAGE = "@expo-google-fonts/noto-sans@0.4.2"
TARBALL_SHA256 = "98cf14a19b8e67a0e76bfd4d5df98937b9734e6dde570bd750f2259042042548"
MEMBERS = {
    "Regular": "package/400Regular/NotoSans_400Regular.ttf",
    "Bold": "package/700Bold/NotoSans_700Bold.ttf",
}
LICENCE = "package/LICENSE_FONT"
#: The styles by weight (CSS's numbers).
STYLES = {400: "Regular", 700: "Bold"}

FAMILY = "Argmap Sans"
#: Latin, Latin-1, Latin Extended-A/B, IPA, spacing modifiers, combining marks, Greek and
#: Coptic, Cyrillic and its supplement, combining marks extended and supplement, Latin Extended
#: Additional (Vietnamese), Greek Extended, punctuation, super- and subscripts, currency,
#: letterlike symbols, number forms, Latin Extended-C, Cyrillic Extended-A/B, Latin
#: Extended-D, ligatures, the byte order mark and the replacement character. (Noto Sans has
#: no arrows nor most mathematical symbols: those fall back to the machine's fonts.)
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x250, 0x36F), (0x370, 0x3FF), (0x400, 0x52F),
          (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x1E00, 0x1EFF), (0x1F00, 0x1FFF),
          (0x2000, 0x206F), (0x2070, 0x209F), (0x20A0, 0x20CF), (0x2100, 0x214F),
          (0x2150, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x25A0, 0x25FF),
          (0x2C60, 0x2C7F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F), (0xA720, 0xA7FF),
          (0xFB00, 0xFB06), (0xFEFF, 0xFEFF), (0xFFFD, 0xFFFD)]  # fmt: skip
#: What HarfBuzz applies by default (pango in Graphviz, and browsers, shape with it), less
#: 'locl', which swaps glyphs by the language pango takes from the locale.
FEATURES = ["ccmp", "rlig", "calt", "clig", "liga", "rclt", "kern", "mark", "mkmk", "dist",
            "curs", "abvm", "blwm", "rvrn"]  # fmt: skip
#: Drawn by Graphviz when argmap starts, to check that it measures text with this font.
PROBE = "Argmap Sans: Hamburgefonstiv 0123"


def download(folder: Path) -> Path:
    """The npm package's tarball, packed by npm into ``folder``."""
    done = subprocess.run(
        ["npm", "pack", PACKAGE, "--pack-destination", str(folder), "--silent"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        sys.exit(f"build_font: npm pack {PACKAGE} failed: {done.stderr.strip()}")
    return folder / done.stdout.strip().splitlines()[-1]


def build(upstream: bytes, style: str) -> bytes:
    """One upstream TrueType font → Argmap Sans in ``style`` (Regular or Bold), as bytes."""
    font = TTFont(
        io.BytesIO(upstream),
        recalcTimestamp=False,
        cfg={"fontTools.ttLib.tables.otBase:USE_HARFBUZZ_REPACKER": False},
    )
    options = Options()
    options.layout_features = FEATURES
    options.hinting = False
    options.name_IDs = list(range(15))
    options.glyph_names = False
    options.notdef_outline = True
    options.recalc_timestamp = False
    subsetter = Subsetter(options)
    subsetter.populate(unicodes=[c for start, end in RANGES for c in range(start, end + 1)])
    subsetter.subset(font)
    name = font["name"]
    upstream_name, version = name.getDebugName(4), name.getDebugName(5)
    for nid in (16, 17, 21, 22, 25):  # typographic names: family and style say it all
        name.removeNames(nameID=nid)
    for record in list(name.names):
        if record.platformID != 3:  # Macintosh duplicates, if any
            name.names.remove(record)
    postscript = f"ArgmapSans-{style}"
    name.setName(FAMILY, 1, 3, 1, 0x409)
    name.setName(style, 2, 3, 1, 0x409)
    name.setName(FAMILY if style == "Regular" else f"{FAMILY} {style}", 4, 3, 1, 0x409)
    name.setName(postscript, 6, 3, 1, 0x409)
    name.setName(f"{version}; argmap subset of {upstream_name}", 3, 3, 1, 0x409)
    name.setName(
        f"{upstream_name} {version.split(';')[0]}, subset to Latin, Greek and Cyrillic and "
        "renamed for argmap (SIL Open Font License 1.1)",
        10, 3, 1, 0x409,
    )  # fmt: skip
    font["post"].formatType = 3.0  # no glyph names: smaller, and none are needed
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def probe_advance(font: bytes) -> int:
    """The width of :data:`PROBE` shaped by HarfBuzz with the default features, in font units."""
    face = hb.Face(font)
    shaper = hb.Font(face)
    buffer = hb.Buffer()
    buffer.add_str(PROBE)
    buffer.guess_segment_properties()
    hb.shape(shaper, buffer, {})
    return sum(position.x_advance for position in buffer.glyph_positions)


def coverage(fonts: list[bytes]) -> list[tuple[int, int]]:
    """The code points every style draws, as inclusive ranges."""
    cmaps = [set(TTFont(io.BytesIO(data)).getBestCmap()) for data in fonts]
    ranges: list[list[int]] = []
    for point in sorted(set.intersection(*cmaps)):
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return [(start, end) for start, end in ranges]


def font_module(fonts: dict[str, bytes]) -> str:
    """The text of argmap/draw/font.py."""
    ranges = coverage(list(fonts.values()))
    rows = [
        "    " + " ".join(f"(0x{a:04X}, 0x{b:04X})," for a, b in ranges[i : i + 4])
        for i in range(0, len(ranges), 4)
    ]
    units = TTFont(io.BytesIO(fonts["Regular"]))["head"].unitsPerEm
    advances = {400: probe_advance(fonts["Regular"]), 700: probe_advance(fonts["Bold"])}
    return "\n".join(
        [
            '"""The font argmap draws with: its family and files, the characters it has, a probe.',
            "",
            "Written by tools/build_font.py, which makes the files; do not edit.",
            '"""',
            "",
            "from __future__ import annotations",
            "",
            "from pathlib import Path",
            "",
            f'FAMILY = "{FAMILY}"',
            'FONT_DIR = Path(__file__).resolve().parent / "fonts"',
            "#: The font's files by weight (CSS's numbers: 400 regular, 700 bold).",
            "FILES = {",
            '    400: FONT_DIR / "ArgmapSans-Regular.ttf",',
            '    700: FONT_DIR / "ArgmapSans-Bold.ttf",',
            "}",
            "",
            "#: The code points both styles draw, as sorted inclusive ranges.",
            "RANGES: tuple[tuple[int, int], ...] = (",
            *rows,
            ")  # fmt: skip",
            "",
            "#: A text Graphviz draws to check that it measures with the font, and its width in",
            "#: font units (:data:`UNITS_PER_EM` to the em) in each weight, as HarfBuzz shapes it.",
            f'PROBE = "{PROBE}"',
            f"PROBE_ADVANCE = {{400: {advances[400]}, 700: {advances[700]}}}",
            f"UNITS_PER_EM = {units}",
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="the npm package, already downloaded")
    parser.add_argument("--check", action="store_true", help="compare with the committed files")
    parser.add_argument(
        "--metrics", action="store_true", help="write only the table of metrics, from the fonts"
    )
    options = parser.parse_args()
    if options.metrics:
        committed = {w: (FONT_DIR / f"ArgmapSans-{s}.ttf").read_bytes() for w, s in STYLES.items()}
        METRICS.write_text(metrics_table(committed), encoding="ascii")
        print(f"{METRICS.relative_to(REPO)}: written from the committed font files")
        return
    with tempfile.TemporaryDirectory() as temp:
        tarball = options.tarball or download(Path(temp))
        data = tarball.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest != TARBALL_SHA256:
            sys.exit(f"build_font: {tarball} has SHA-256 {digest}, not {TARBALL_SHA256}")
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:

            def member(name: str) -> bytes:
                handle = archive.extractfile(name)
                assert handle is not None, name
                return handle.read()

            fonts = {style: build(member(path), style) for style, path in MEMBERS.items()}
            licence = member(LICENCE)
    outputs = {FONT_DIR / f"ArgmapSans-{style}.ttf": data for style, data in fonts.items()}
    outputs[FONT_DIR / "OFL.txt"] = licence
    outputs[MODULE] = font_module(fonts).encode("utf-8")
    by_weight = {weight: fonts[style] for weight, style in STYLES.items()}
    outputs[METRICS] = metrics_table(by_weight).encode("ascii")
    if options.check:
        differ = [str(p.relative_to(REPO)) for p, d in outputs.items() if p.read_bytes() != d]
        if differ:
            sys.exit(f"build_font: the build differs from the committed {', '.join(differ)}")
        print("build_font: the committed font files are what this build makes")
        return
    FONT_DIR.mkdir(parents=True, exist_ok=True)
    for path, data in outputs.items():
        path.write_bytes(data)
        print(f"{path.relative_to(REPO)}: {len(data)} bytes, "
              f"sha256 {hashlib.sha256(data).hexdigest()[:16]}")  # fmt: skip


if __name__ == "__main__":
    main()
