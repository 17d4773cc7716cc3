"""The shipped font's files → the table of metrics argmap sizes text with, without Graphviz:
``argmap/draw/fonts/ArgmapSans-metrics.json`` (read by :mod:`argmap.draw.metrics`).

Written by ``tools/build_font.py`` with the font files (``--metrics`` writes it alone from the
committed ones); ``tests/test_metrics.py`` checks that it is what the font files give. For each
weight (400, 700), in font units:

- ``advances``: each character's advance as HarfBuzz shapes it alone (default features: a
  combining mark advances nothing, a character the font decomposes advances as its parts), in
  runs of consecutive code points ``[first, advance, advance, ...]``; a glyph's advance is
  FreeType's, which Graphviz's pango takes: a composite glyph with a component marked
  USE_MY_METRICS (Ñ, ώ: a letter and its accent) advances as that component does, whatever
  its own ``hmtx`` says (in the bold weight a few of them differ by a few units). Combining
  marks, invisible format characters (the soft hyphen, joiners, directional marks) and the
  line and paragraph separators are left out: how wide they make a text depends on shaping
  and line breaking the table does not do, so argmap has Graphviz measure the rare text that
  holds one;
- ``ligatures``: the sequences the font draws as one glyph (the f-ligatures of ``liga``), each
  ``[advance, left class, right class]``;
- ``left``, ``right`` and ``kerning``: the pair kerning of the ``kern`` feature's pair
  adjustments (GPOS lookup type 2, the subtables of each lookup in order, the lookups summed),
  compressed into classes: ``left[i]`` holds the characters whose kerning with any following
  character is that of class ``i + 1``, ``right[j]`` those kerned alike after any character,
  and ``kerning`` the non-zero ``[left class, right class, value]``. Every pair of characters
  then kerns by the value of its classes (none when either has no class);
- ``ascender`` and ``descender`` (``hhea``), which give a line's height;

and for both, ``scripts``: the characters of each script (Unicode's Script property, as
ranges), for pango lays out each run of one script apart and kerns only within a run (a
character of no script of its own, punctuation say, belongs to the run it is in).

The contextual adjustment the font also has (a mark after a dotless i before a bracket) is
left out: no claim text meets it.
"""

from __future__ import annotations

import hashlib
import io
import json
import unicodedata as ucd

import uharfbuzz as hb
from fontTools import unicodedata
from fontTools.ttLib import TTFont

#: Ligatures looked for: what the font's ``liga`` feature forms (checked: shaped to one glyph).
LIGATURES = ("ff", "fi", "fl", "ffi", "ffl")
#: Unicode categories left out (see the module's docstring).
LEFT_OUT = ("Mn", "Mc", "Me", "Cf", "Zl", "Zp")
#: Written at the top of the table.
ABOUT = (
    "Argmap Sans's metrics, in font units: advances, ligatures and pair kerning by class. "
    "Written by tools/build_font.py from argmap/draw/fonts/ArgmapSans-*.ttf; do not edit."
)


#: A composite glyph's component flag: the composite takes this component's metrics.
USE_MY_METRICS = 0x0200


def freetype_advance(font: TTFont, name: str) -> int:
    """A glyph's advance as FreeType gives it: its ``hmtx`` advance, or for a composite glyph
    with a component marked USE_MY_METRICS, that component's."""
    glyph = font["glyf"][name]
    if glyph.isComposite():
        for component in glyph.components:
            if component.flags & USE_MY_METRICS:
                return freetype_advance(font, component.glyphName)
    return font["hmtx"][name][0]


def _shaped(font: hb.Font, ttf: TTFont, text: str) -> list[tuple[int, int]]:
    """Glyph ids and advances of ``text`` shaped by HarfBuzz with its default features, each
    glyph's advance FreeType's (a mark HarfBuzz gives no advance keeps none)."""
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {})
    order = ttf.getGlyphOrder()
    return [
        (info.codepoint, freetype_advance(ttf, order[info.codepoint]) if place.x_advance else 0)
        for info, place in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True)
    ]


def _pair_kerning(font: TTFont, glyphs: set[str]) -> dict[tuple[str, str], int]:
    """Each pair of ``glyphs`` and the sum of what the ``kern`` feature's pair adjustments
    move the first one's advance by (zeros left out)."""
    gpos = font["GPOS"].table
    indices = sorted({
        index
        for record in gpos.FeatureList.FeatureRecord
        if record.FeatureTag == "kern"
        for index in record.Feature.LookupListIndex
    })  # fmt: skip
    total: dict[tuple[str, str], int] = {}
    for index in indices:
        lookup = gpos.LookupList.Lookup[index]
        tables = [t.ExtSubTable if lookup.LookupType == 9 else t for t in lookup.SubTable]
        if any(t.LookupType != 2 for t in tables):
            continue  # contextual positioning: see the module's docstring
        found: dict[tuple[str, str], int] = {}
        done: set[str] = set()  # first glyphs a class-based subtable has answered for
        for table in tables:
            if table.ValueFormat2 != 0 or table.ValueFormat1 & ~4:
                raise ValueError(f"lookup {index}: pair values other than an x advance")
            if table.Format == 1:
                for first, pairs in zip(table.Coverage.glyphs, table.PairSet, strict=True):
                    if first in glyphs and first not in done:
                        for record in pairs.PairValueRecord:
                            pair = (first, record.SecondGlyph)
                            if record.SecondGlyph in glyphs and pair not in found:
                                found[pair] = getattr(record.Value1, "XAdvance", 0) or 0
            else:
                classes1, classes2 = table.ClassDef1.classDefs, table.ClassDef2.classDefs
                for first in table.Coverage.glyphs:
                    if first not in glyphs or first in done:
                        continue
                    row = table.Class1Record[classes1.get(first, 0)].Class2Record
                    for second in glyphs:
                        if (first, second) not in found:
                            value = row[classes2.get(second, 0)].Value1
                            found[(first, second)] = getattr(value, "XAdvance", 0) or 0
                    done.add(first)
        for pair, value in found.items():
            if value:
                total[pair] = total.get(pair, 0) + value
    return {pair: value for pair, value in total.items() if value}


def _classes(keys: dict[str, tuple]) -> tuple[list[str], dict[str, int]]:
    """Texts grouped by equal keys (empty keys: no class): the groups (texts joined, in order
    of their first text) and each text's class (1-based)."""
    groups: dict[tuple, list[str]] = {}
    for text in sorted(keys, key=lambda t: (len(t) > 1, t)):
        if keys[text]:
            groups.setdefault(keys[text], []).append(text)
    ordered = sorted(groups.values(), key=lambda texts: texts[0])
    number = {text: i + 1 for i, texts in enumerate(ordered) for text in texts}
    return ["".join(t for t in texts if len(t) == 1) for texts in ordered], number


def weight_table(data: bytes) -> dict:
    """The table of one weight (see the module's docstring) from its TrueType bytes."""
    font = TTFont(io.BytesIO(data))
    order = font.getGlyphOrder()
    shaper = hb.Font(hb.Face(data))
    glyph_of: dict[str, tuple[str, str]] = {}  # text → (its first glyph, its last glyph)
    advance: dict[str, int] = {}
    for point in sorted(font.getBestCmap()):
        shaped = _shaped(shaper, font, chr(point))
        width = sum(width for _, width in shaped)
        if width and ucd.category(chr(point)) not in LEFT_OUT:
            advance[chr(point)] = width
            glyph_of[chr(point)] = (order[shaped[0][0]], order[shaped[-1][0]])
    for text in LIGATURES:
        shaped = _shaped(shaper, font, text)
        if len(shaped) == 1:
            advance[text] = shaped[0][1]
            glyph_of[text] = (order[shaped[0][0]],) * 2
    kerning = _pair_kerning(font, {g for pair in glyph_of.values() for g in pair})
    after: dict[str, dict[str, int]] = {}  # first glyph → second glyph → value
    before: dict[str, dict[str, int]] = {}
    for (first, second), value in kerning.items():
        after.setdefault(first, {})[second] = value
        before.setdefault(second, {})[first] = value
    left, left_of = _classes({t: tuple(sorted(after.get(g[1], {}).items()))
                              for t, g in glyph_of.items()})  # fmt: skip
    right, right_of = _classes({t: tuple(sorted(before.get(g[0], {}).items()))
                                for t, g in glyph_of.items()})  # fmt: skip
    # Every member of a class kerns alike: one member stands for it.
    cells = {}
    examples_left = {left_of[t]: glyph_of[t][1] for t in sorted(left_of, reverse=True)}
    examples_right = {right_of[t]: glyph_of[t][0] for t in sorted(right_of, reverse=True)}
    for lc, first in examples_left.items():
        for rc, second in examples_right.items():
            value = kerning.get((first, second), 0)
            if value:
                cells[(lc, rc)] = value
    runs: list[list[int]] = []
    for point in sorted(ord(t) for t in advance if len(t) == 1):
        if runs and runs[-1][0] + len(runs[-1]) - 1 == point:
            runs[-1].append(advance[chr(point)])
        else:
            runs.append([point, advance[chr(point)]])
    hhea = font["hhea"]
    return {
        "sha256": hashlib.sha256(data).hexdigest(),
        "ascender": hhea.ascent,
        "descender": -hhea.descent,
        "advances": runs,
        "ligatures": {
            text: [advance[text], left_of.get(text, 0), right_of.get(text, 0)]
            for text in LIGATURES
            if text in advance
        },
        "left": left,
        "right": right,
        "kerning": [[lc, rc, value] for (lc, rc), value in sorted(cells.items())],
    }


def scripts(fonts: dict[int, bytes]) -> dict[str, list[list[int]]]:
    """The characters of the fonts by script, as inclusive ranges (none for the characters
    of no script of their own: common and inherited)."""
    points = sorted({p for data in fonts.values() for p in TTFont(io.BytesIO(data)).getBestCmap()})
    found: dict[str, list[list[int]]] = {}
    for point in points:
        script = unicodedata.script(chr(point))
        if script in ("Zyyy", "Zinh", "Zzzz"):
            continue
        ranges = found.setdefault(script, [])
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return dict(sorted(found.items()))


def metrics_table(fonts: dict[int, bytes]) -> str:
    """The text of the table for the font's weights (400, 700: their TrueType bytes)."""
    units = TTFont(io.BytesIO(fonts[400]))["head"].unitsPerEm
    table = {
        "about": ABOUT,
        "units_per_em": units,
        "scripts": scripts(fonts),
        "weights": {str(weight): weight_table(data) for weight, data in sorted(fonts.items())},
    }
    # One line per weight's list: a small file that still diffs by part.
    return json.dumps(table, separators=(",", ":"), ensure_ascii=True).replace(',"', ',\n"') + "\n"
