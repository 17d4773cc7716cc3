"""The SVG made for documents: self-contained, titled, described, themed, scalable, scoped."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.analysis.summary import main_thesis, top_claims
from argmap.api import load, render_map
from argmap.cli import main
from argmap.diagnostics import UsageError
from argmap.draw.describe import summary
from argmap.draw.themes import DARK, LIGHT, PRINT, THEMES, palette
from argmap.model import ArgumentMap, Claim, Kind, Quote, Reason, Ref, Source

from .conftest import ROOT, SEED_MAP

S = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
NASTY = 'A "quoted" <script>alert(1)</script> & C:\\path\\ ]]> \\N ends with \\'


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    return load(SEED_MAP)


@pytest.fixture(scope="module")
def seed_svg(seed: ArgumentMap) -> bytes:
    return render_map(seed, "svg")


def small_map(title: str = "Small map", text: str = "Do it.") -> ArgumentMap:
    return ArgumentMap(
        title,
        (
            Claim("a", Kind.PREMISE, "A premise.", quotes=(Quote("a quote"),)),
            Claim("b", Kind.PREMISE, "Another premise."),
            Claim("c", Kind.CONCLUSION, "A conclusion.", reasons=(Reason((Ref("a"), Ref("b"))),)),
            Claim("r", Kind.RECOMMENDATION, text, reasons=(Reason((Ref("c"),)),)),
            Claim(
                "s",
                Kind.RECOMMENDATION,
                "Do that too.",
                objections=(Ref("b"),),
                reasons=(Reason((Ref("a"),)),),
            ),
        ),
        source=Source("source.txt", title="An article", publisher="A paper", date="2024"),
    )


def colours(root: ET.Element) -> set[str]:
    return {
        value.lower()
        for element in root.iter()
        for name in ("fill", "stroke")
        if (value := element.get(name)) not in (None, "none", "transparent")
    }


# --- self-contained and accessible --------------------------------------------------------


def test_the_svg_is_valid_xml_with_role_title_and_description(
    seed: ArgumentMap, seed_svg: bytes
) -> None:
    assert seed_svg.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    root = ET.fromstring(seed_svg)
    assert root.tag == f"{S}svg"
    assert root.get("role") == "img"
    title, desc, style = list(root)[:3]
    assert (title.tag, desc.tag, style.tag) == (f"{S}title", f"{S}desc", f"{S}style")
    assert title.text == seed.title
    assert root.get("aria-labelledby") == title.get("id") == root.get("id") + "-title"
    assert root.get("aria-describedby") == desc.get("id") == root.get("id") + "-desc"
    thesis = next(c for c in seed.claims if c.id == "partnership-thesis")
    assert f"Main thesis: {' '.join(thesis.text.split())}" in desc.text
    # Graphviz's own title ("argmap", the graph's name) is gone; only ours is left.
    assert [t.text for t in root.iter(f"{S}title") if t.text == "argmap"] == []


def test_the_svg_refers_to_nothing_outside_itself(seed_svg: bytes) -> None:
    text = seed_svg.decode()
    root = ET.fromstring(seed_svg)
    assert not any(e.tag in (f"{S}script", f"{S}foreignObject", f"{S}image") for e in root.iter())
    assert not [k for e in root.iter() for k in e.attrib if k.lower().startswith("on")]
    assert not [e for e in root.iter() if e.get(f"{XLINK}href") or e.get("href")]
    assert "@import" not in text
    # The one kind of URL is the embedded font's: data, in the file itself.
    assert re.findall(r"url\((\w+:[\w/]+)", text) == ["data:font/woff2"] * text.count("url(")
    # The only URLs are the two namespace names; no DOCTYPE, no comment with a version.
    assert set(re.findall(r"https?://[^\s\"'<>]+", text)) == {
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
    }
    assert "<!DOCTYPE" not in text and "<!--" not in text


def test_each_claim_keeps_its_quotes_as_tooltip(seed: ArgumentMap, seed_svg: bytes) -> None:
    root = ET.fromstring(seed_svg)
    groups = {g.get("id"): g for g in root.iter(f"{S}g")}
    for claim in seed.claims:
        link = groups[claim.id].find(f".//{S}a")
        assert link is not None
        tip = link.get(f"{XLINK}title")
        for quote in claim.quotes:
            assert " ".join(quote.text.split()) in tip


def test_nasty_text_comes_out_literally() -> None:
    amap = small_map(title=NASTY, text=NASTY)
    root = ET.fromstring(render_map(amap, "svg"))
    assert root.find(f"{S}title").text == NASTY
    assert NASTY in root.find(f"{S}desc").text
    assert not any(e.tag == f"{S}script" for e in root.iter())


def test_the_same_map_gives_the_same_bytes(seed: ArgumentMap, seed_svg: bytes) -> None:
    assert render_map(seed, "svg") == seed_svg


# --- size ---------------------------------------------------------------------------------


def test_natural_size_with_a_view_box_and_shrinking_to_fit(seed_svg: bytes) -> None:
    root = ET.fromstring(seed_svg)
    box = [float(n) for n in root.get("viewBox").split()]
    assert box[:2] == [0, 0]
    assert root.get("width") == f"{box[2]:g}pt" and root.get("height") == f"{box[3]:g}pt"
    style = root.find(f"{S}style").text
    assert f":where(#{root.get('id')}){{max-width:100%;height:auto}}" in style


@pytest.mark.parametrize(
    ("width", "expected"),
    [("800px", ("800px", True)), ("16cm", ("16cm", True)), ("640", ("640px", True)),
     ("100%", ("100%", False)), ("12.5in", ("12.5in", True))],
)  # fmt: skip
def test_a_width_keeps_the_aspect_ratio(width: str, expected: tuple[str, bool]) -> None:
    root = ET.fromstring(render_map(small_map(), "svg", width=width))
    assert root.get("width") == expected[0]
    assert (root.get("height") is not None) is expected[1]
    if expected[1]:
        w, h = (float(re.match(r"[\d.]+", root.get(k)).group()) for k in ("width", "height"))
        box = [float(n) for n in root.get("viewBox").split()]
        assert h / w == pytest.approx(box[3] / box[2], rel=1e-3)


@pytest.mark.parametrize("width", ["wide", "-3px", "0", "10 px", "1e3px", "5vw; fill:red"])
def test_a_width_that_is_no_length_is_refused(width: str) -> None:
    with pytest.raises(UsageError, match="is not a width argmap takes; give a number"):
        render_map(small_map(), "svg", width=width)


def test_a_css_length_in_a_unit_argmap_does_not_take_is_refused_naming_the_units() -> None:
    # '100vw' is a CSS length, but the message said it was none.
    with pytest.raises(UsageError) as refused:
        render_map(small_map(), "svg", width="100vw")
    assert str(refused.value) == (
        "width '100vw' is not a width argmap takes; give a number and one of px (the "
        "default), pt, pc, cm, mm, in, em, rem or %: 800px, 16cm, 6in, 100%"
    )


# --- themes -------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["dark", "print"])
def test_a_theme_repaints_every_colour(seed: ArgumentMap, seed_svg: bytes, theme: str) -> None:
    light = colours(ET.fromstring(seed_svg))
    themed = colours(ET.fromstring(render_map(seed, "svg", theme=theme)))
    mapping = palette(THEMES[theme])
    assert light <= set(mapping), "a colour of the drawing has no role in the themes"
    assert themed == {mapping[c] for c in light}


def test_print_is_black_and_white(seed: ArgumentMap) -> None:
    for colour in colours(ET.fromstring(render_map(seed, "svg", theme="print"))):
        assert re.fullmatch(r"#([0-9a-f]{2})\1\1", colour), colour


def test_light_and_auto_keep_graphviz_colours_and_auto_adds_dark_rules(
    seed: ArgumentMap, seed_svg: bytes
) -> None:
    auto = ET.fromstring(render_map(seed, "svg", theme="auto"))
    assert colours(auto) == colours(ET.fromstring(seed_svg))
    style = auto.find(f"{S}style").text
    assert "@media (prefers-color-scheme:dark)" in style
    for light, dark in palette(DARK).items():
        assert f'[fill="{light}"]){{fill:{dark}}}' in style


def test_themes_give_one_colour_per_light_colour() -> None:
    for theme in (LIGHT, DARK, PRINT):
        assert len(palette(theme)) == len(palette(LIGHT))


def test_every_colour_dot_draws_with_has_a_role_in_the_themes() -> None:
    source = (ROOT / "argmap" / "draw" / "style.py").read_text(encoding="utf-8")
    used = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}\b", source)} | {"white"}
    missing = used - set(palette(LIGHT))
    assert not missing, f"give {sorted(missing)} a role in argmap/draw/themes.py (dark and print)"


def test_an_unknown_theme_is_refused() -> None:
    with pytest.raises(UsageError, match="unknown theme 'sepia'; choose one of light, dark"):
        render_map(small_map(), "svg", theme="sepia")


def test_widths_are_for_svg_and_id_prefixes_for_svg_and_html_only() -> None:
    with pytest.raises(UsageError, match="svg only"):
        render_map(small_map(), "html", width="10cm")
    with pytest.raises(UsageError, match="svg and html only"):
        render_map(small_map(), "png", id_prefix="m2-")


def _png_pixel(png: bytes, x: int = 0) -> tuple[int, ...]:
    """The RGB(A) of pixel ``x`` of a PNG's first row (8-bit RGBA or, when every pixel is
    opaque, RGB, as Graphviz's cairo writes it): whatever the row's filter, its first pixel is
    stored as it is."""
    assert png[12:16] == b"IHDR" and png[24:26] in (bytes([8, 6]), bytes([8, 2]))
    size = 4 if png[25] == 6 else 3
    data, position = b"", 8
    while position < len(png):
        length = int.from_bytes(png[position : position + 4], "big")
        kind = png[position + 4 : position + 8]
        if kind == b"IDAT":
            data += png[position + 8 : position + 8 + length]
        position += 12 + length
    row = zlib.decompress(data)
    return tuple(row[1 + size * x : 1 + size * (x + 1)])


def _pdf_colours(pdf: bytes) -> set[str]:
    """The fill and stroke colours a PDF's content streams set (``r g b rg`` / ``RG``), as
    #rrggbb."""
    found = set()
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            text = zlib.decompress(stream)
        except zlib.error:
            continue
        for r, g, b in re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) (?:rg|RG)\b", text):
            found.add("#" + "".join(f"{round(float(v) * 255):02x}" for v in (r, g, b)))
    return found


@pytest.mark.parametrize("theme", ["dark", "print"])
def test_png_pdf_and_dot_are_drawn_in_the_theme(seed: ArgumentMap, theme: str) -> None:
    mapping = palette(THEMES[theme])
    background = mapping["white"]
    png = render_map(seed, "png", theme=theme)
    assert "#{:02x}{:02x}{:02x}".format(*_png_pixel(png)[:3]) == background
    light_pdf = _pdf_colours(render_map(seed, "pdf"))
    themed_pdf = _pdf_colours(render_map(seed, "pdf", theme=theme))
    assert background in themed_pdf
    assert themed_pdf <= {*mapping.values(), "#000000", "#ffffff"}
    assert light_pdf - themed_pdf, "the themed PDF has the light colours"
    dot = render_map(seed, "dot", theme=theme).decode()
    light_dot = render_map(seed, "dot").decode()
    assert dot != light_dot
    assert re.sub(r'"#[0-9a-f]{6}"|white', "C", dot) == re.sub(
        r'"#[0-9a-f]{6}"|white', "C", light_dot
    ), "only colours change"


def test_auto_is_light_where_there_is_no_css(seed: ArgumentMap) -> None:
    assert render_map(seed, "png", theme="auto") == render_map(seed, "png")


def test_the_cli_offers_every_theme() -> None:
    from argmap.cli.render import render

    option = next(p for p in render.params if p.name == "theme")
    assert list(option.type.choices) == list(THEMES)


# --- sharing a page -----------------------------------------------------------------------


def test_style_rules_are_scoped_to_the_drawing_and_have_no_specificity(seed: ArgumentMap) -> None:
    root = ET.fromstring(render_map(seed, "svg", theme="auto"))
    scope = f":where(#{root.get('id')}"
    # auto's rules for a page of Material for MkDocs: under its dark scheme, in the drawing.
    material = f":where([data-md-color-scheme=slate] #{root.get('id')} "
    rules = [r for r in root.find(f"{S}style").text.splitlines() if r.strip()]
    faces = [r for r in rules if r.startswith("@font-face")]
    links = f"#{root.get('id')} a{{text-decoration:none}}"
    # Custom properties and animations are global to a page too: theirs are named after the
    # drawing (those that fade the edges of its box on a phone).
    named = (f"@property --{root.get('id')}-", f"@keyframes {root.get('id')}-")
    for rule in rules:
        starts = (scope, material, "@media", "@supports", "}", "@font-face", *named)
        assert rule.startswith(starts) or rule == links, rule
    # The one rule with the root's specificity keeps pages from underlining the claims (their
    # tooltips are links), as Sphinx's theme does to every a.
    assert links in rules
    # @font-face rules are global to a page: theirs is a family no other drawing shares.
    family = re.compile(r'@font-face\{font-family:"(argmap-font-[0-9a-f]{10})";')
    families = {family.match(rule)[1] for rule in faces}
    assert len(faces) == 2 and len(families) == 1


def test_different_drawings_have_different_root_ids(seed: ArgumentMap, seed_svg: bytes) -> None:
    ids = {ET.fromstring(seed_svg).get("id")}
    for theme in ("dark", "print", "auto"):
        ids.add(ET.fromstring(render_map(seed, "svg", theme=theme)).get("id"))
    ids.add(ET.fromstring(render_map(small_map(), "svg")).get("id"))
    assert len(ids) == 5
    assert all(re.fullmatch(r"argmap-[0-9a-f]{10}", i) for i in ids)


def test_an_id_prefix_renames_every_id(seed_svg: bytes, seed: ArgumentMap) -> None:
    plain = ET.fromstring(seed_svg)
    prefixed = ET.fromstring(render_map(seed, "svg", id_prefix="m2-"))
    old = [e.get("id") for e in plain.iter() if e.get("id")]
    new = [e.get("id") for e in prefixed.iter() if e.get("id")]
    assert len(old) == len(new) and all(i.startswith("m2-") for i in new)
    # Past those named after the root (the root, its title and desc, Graphviz's graph group):
    own = {i.removeprefix("m2-") for i in new if not i.startswith(prefixed.get("id"))}
    assert own == {i for i in old if not i.startswith(plain.get("id"))}
    assert "m2-partnership-thesis" in new
    assert prefixed.get("aria-labelledby") == prefixed.get("id") + "-title"


@pytest.mark.parametrize("prefix", ["2x", "a b", "a{", 'x"', "-a", "é"])
def test_an_id_prefix_must_be_a_plain_name(prefix: str) -> None:
    with pytest.raises(UsageError, match="id prefix"):
        render_map(small_map(), "svg", id_prefix=prefix)


def test_claims_are_focusable_only_when_asked(seed: ArgumentMap, seed_svg: bytes) -> None:
    from argmap.draw.engine import render
    from argmap.draw.graph import to_dot
    from argmap.draw.svg import embed

    assert b"tabindex" not in seed_svg
    root = ET.fromstring(embed(render(to_dot(seed), "svg"), seed, focusable=True))
    assert root.get("role") == "group"
    focusable = {g.get("id"): g for g in root.iter(f"{S}g") if g.get("tabindex") == "0"}
    assert set(focusable) == {c.id for c in seed.claims}
    one = focusable["partnership-thesis"]
    assert one.get("role") == "button" and one.get("data-claim") == "partnership-thesis"
    assert one.get("aria-label").startswith("Main thesis · recommendation: Europe should build")


# --- the summary --------------------------------------------------------------------------


def test_the_main_thesis_is_the_top_claim_with_most_beneath_it() -> None:
    amap = small_map()
    assert [c.id for c in top_claims(amap)] == ["r", "s"]
    assert main_thesis(amap).id == "r"  # r rests on c, a and b; s on a and b
    assert summary(amap) == (
        "Argument map: 2 premises, 1 conclusion, 2 recommendations.\n"
        "Source: An article, A paper, 2024.\n"
        "Main thesis: Do it.\n"
        "Recommendation:\n"
        "1. Do that too."
    )


def test_a_map_of_premises_has_no_main_thesis() -> None:
    amap = ArgumentMap("Only premises", (Claim("p", Kind.PREMISE, "P."),))
    assert main_thesis(amap) is None
    assert summary(amap) == "Argument map: 1 premise."


# --- the command line ---------------------------------------------------------------------


def test_render_with_theme_width_and_prefix(seed_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "dark.svg"
    args = ["render", str(seed_copy), "-o", str(out), "--theme", "dark", "--width", "20cm"]
    result = CliRunner().invoke(main, [*args, "--id-prefix", "eca-"])
    assert result.exit_code == 0, result.output
    root = ET.fromstring(out.read_bytes())
    assert root.get("width") == "20cm" and "argmap-theme-dark" in root.get("class")
    assert root.find(f".//{S}g[@id='eca-partnership-thesis']") is not None


def test_render_draws_png_and_pdf_in_a_theme(seed_copy: Path, tmp_path: Path) -> None:
    for fmt in ("png", "pdf"):
        out = tmp_path / f"dark.{fmt}"
        result = CliRunner().invoke(
            main, ["render", str(seed_copy), "--theme", "dark", "-o", str(out)]
        )
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000


# --- the Python API -----------------------------------------------------------------------


def test_a_map_draws_and_saves_itself(seed: ArgumentMap, seed_svg: bytes, tmp_path: Path) -> None:
    assert seed.render() == seed_svg
    assert seed.render("dot") == render_map(seed, "dot")
    seed.save(tmp_path / "map.svg")
    assert (tmp_path / "map.svg").read_bytes() == seed_svg
    seed.save(tmp_path / "map.out", "png")
    assert (tmp_path / "map.out").read_bytes().startswith(b"\x89PNG")
    seed.save(tmp_path / "dark.svg", theme="dark")
    assert b"argmap-theme-dark" in (tmp_path / "dark.svg").read_bytes()


def test_a_map_shows_itself_in_jupyter(seed: ArgumentMap, seed_svg: bytes) -> None:
    svg = seed._repr_svg_()
    assert svg.startswith("<svg ") and svg.endswith("</svg>")
    assert svg == seed_svg.decode().split("\n", 1)[1].rstrip("\n")


def test_a_loaded_map_shows_itself_as_text_in_one_line() -> None:
    """IPython prints a map's repr, and Jupyter keeps it as the text beside the drawing in
    every notebook saved: one line saying what map it is, not the whole model (25 kB)."""
    amap = load(SEED_MAP)
    shown = repr(amap)
    assert shown == (
        f"<argmap.Map {amap.title!r} from {str(SEED_MAP)!r}: "
        "13 premises, 10 conclusions, 6 recommendations>"
    )
    assert str(amap) == shown and "\n" not in shown


def test_a_loaded_map_loads_graphviz_only_when_asked_to_draw() -> None:
    code = (
        "import sys, argmap; amap = argmap.load(sys.argv[1]); "
        "print('pygraphviz' in sys.modules); amap._repr_svg_(); "
        "print('pygraphviz' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(SEED_MAP)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    assert done.stdout == "False\nTrue\n"


def test_text_xml_cannot_carry_is_left_out() -> None:
    amap = small_map(title="Bad\x00 \x1b title\ufffe", text="Do\x07 it.")
    root = ET.fromstring(render_map(amap, "svg"))
    assert root.find(f"{S}title").text == "Bad title"
    assert "Main thesis: Do it." in root.find(f"{S}desc").text


def test_big_maps_keep_their_natural_size_small_ones_shrink_to_the_column() -> None:
    from argmap.draw.svg import SHRINK_MAX_CLAIMS, embed
    from argmap.model import ArgumentMap, Claim, Kind, Reason, Ref

    def drawn(claims: int) -> bytes:
        premises = [Claim(f"p{i}", Kind.PREMISE, f"P{i}") for i in range(claims - 1)]
        reasons = tuple(Reason((Ref(p.id),)) for p in premises)
        top = Claim("top", Kind.CONCLUSION, "Top", reasons=reasons)
        amap = ArgumentMap("Big", (*premises, top))
        svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10pt" height="10pt" viewBox="0 0 10 10"><g/></svg>'  # noqa: E501
        return embed(svg, amap)

    assert b"max-width:100%" in drawn(SHRINK_MAX_CLAIMS)
    assert b"max-width:100%" not in drawn(SHRINK_MAX_CLAIMS + 1)


@pytest.mark.parametrize(
    ("drawn", "problem"),
    [
        (b"", "not an SVG document"),
        (b"<html><body/></html>", "not an SVG document"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><g/>', "not an SVG document"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>', "no viewBox"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><text/></svg>', "no graph"),
    ],
)
def test_what_graphviz_did_not_draw_is_refused(drawn: bytes, problem: str) -> None:
    from argmap.draw.svg import embed

    with pytest.raises(ValueError, match=problem):
        embed(drawn, small_map())


def test_graphviz_markup_is_kept_but_for_its_comments_title_hyphens_and_dots(
    seed: ArgumentMap, seed_svg: bytes
) -> None:
    from argmap.draw.figures import whole_svg
    from argmap.draw.lines import round_dots

    drawn = whole_svg(seed).decode()  # what the API embeds: Graphviz's SVG as it drew it
    ours = seed_svg.decode()
    assert "<!--" in drawn and "&#45;" in drawn and "<title>argmap</title>" in drawn
    assert "<!--" not in ours and "&#45;" not in ours and "<title>argmap</title>" not in ours
    assert '<g id="partnership-thesis" class="node claim recommendation thesis">' in ours
    body = [line for line in drawn.splitlines() if line.startswith("<path ")]
    assert body and all(
        round_dots(line.replace("&#45;", "-").encode()).decode() in ours for line in body
    )
    assert any('stroke-dasharray="1,5"' in line for line in body)  # the seed's undercuts
