"""The Markdown extension: argmap blocks become inline SVG; a map with errors stops the build."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest

markdown = pytest.importorskip("markdown")

from argmap.api import load, render_figures  # noqa: E402
from argmap.markdown import MapBlockError  # noqa: E402

from .conftest import ROOT, SEED_MAP  # noqa: E402
from .docsite import build, make_site  # noqa: E402

GOOD = """\
argmap: 1
title: Inline
source:
  path: seeds/text.txt
premises:
  - id: p
    text: P
    quotes: Some words
conclusions:
  - id: c
    text: C
    reasons: [p]
"""
BAD = GOOD.replace("reasons: [p]", "reasons: [q]")
PLAIN_BAD = "argmap: 1\ntitle: t\npremises:\n  - id: p\n    text: P\nconclusions:\n  - id: c\n    text: C\n    reasons: [q]\n"  # noqa: E501


@pytest.fixture
def base(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "seeds" / "text.txt").write_text("Some words here.", encoding="utf-8")
    (tmp_path / "maps").mkdir()
    shutil.copy(SEED_MAP, tmp_path / "maps")
    return tmp_path


def convert(text: str, base: Path, **config: str) -> str:
    extension = "argmap.markdown"
    return markdown.markdown(
        text,
        extensions=[extension],
        extension_configs={extension: {"base_path": str(base), **config}},
    )


def svg_ids(html: str) -> list[str]:
    return re.findall(r'\bid="([^"]+)"', html)


def test_a_file_block_becomes_the_inline_svg(base: Path) -> None:
    page = "# Map\n\n```argmap file=maps/europe-central-asia.yaml fit=none\n```\n\nAfter."
    html = convert(page, base)
    assert html.startswith('<h1>Map</h1>\n<div class="argmap">\n<svg xmlns=')
    assert html.endswith("</svg>\n</div>\n<p>After.</p>")
    assert 'id="partnership-thesis" class="node claim recommendation thesis"' in html
    assert html.count("<svg ") == 1 and "<?xml" not in html


def test_a_block_with_status_and_focus_shows_the_whole_maps_verdicts(base: Path) -> None:
    """The seed's continued-deference is defeated by an objection of three claims; alone
    (depth 0) it is still drawn defeated, naming them."""
    page = (
        "```argmap file=maps/europe-central-asia.yaml status focus=continued-deference "
        "depth=0 fit=none\n```"
    )
    html = convert(page, base)
    assert 'id="continued-deference" class="node claim conclusion implicit defeated' in html
    named = "no-leader-backs-war, went-further, tokayev-refusal"
    assert f"outside this part; because of {named}" in html


def shown(html: str) -> list[tuple[str, str]]:
    """Each figure of a page: its drawing's title and its caption, in order."""
    return re.findall(
        r'<figure class="argmap">\n<div class="argmap-scroll" [^>]*>\n'
        r'<svg .*?<title id="[^"]*">([^<]*)</title>.*?</svg>\n</div>\n'
        r"<figcaption>([^<]*)</figcaption>",
        html,
        re.S,
    )


def test_a_map_is_drawn_as_the_figures_readable_in_mkdocs_column(base: Path) -> None:
    from argmap.embed.targets import MKDOCS

    seed = load(SEED_MAP)
    html = convert('```argmap file=maps/europe-central-asia.yaml caption="The map."\n```', base)
    expected = render_figures(seed, "svg", fit=MKDOCS.fit)
    total = len(expected)
    assert total > 1  # the seed map is too big to read whole in a column
    assert shown(html) == [
        (f"{seed.title} (figure {n} of {total})".replace("&", "&amp;"),
         f"The map (figure {n} of {total}).")
        for n in range(1, total + 1)
    ]  # fmt: skip
    widths = [float(w) for w in re.findall(r'<svg [^>]*width="([\d.]+)px"', html)]
    assert max(widths) == pytest.approx(831, abs=0.5)  # the widest fills the column
    # The extension's fit sets another column for every block; a block's own beats it.
    narrow = convert("```argmap file=maps/europe-central-asia.yaml\n```", base, fit="500")
    assert len(shown(narrow)) == len(render_figures(seed, "svg", fit=500)) > total
    whole = convert("```argmap file=maps/europe-central-asia.yaml fit=720\n```", base, fit="none")
    assert len(shown(whole)) == len(render_figures(seed, "svg", fit=720))
    assert (
        convert("```argmap file=maps/europe-central-asia.yaml\n```", base, fit="none").count(
            "<svg "
        )
        == 1
    )


def test_an_inline_block_reads_its_source_relative_to_the_base(base: Path) -> None:
    html = convert(f"Text.\n\n~~~~argmap theme=print\n{GOOD}~~~~\n", base)
    assert '<g id="p" class="node claim premise">' in html and "argmap-theme-print" in html


def test_the_default_theme_is_configurable(base: Path) -> None:
    html = convert(f"```argmap\n{GOOD}```\n", base, theme="dark")
    assert "argmap-theme-dark" in html


def test_an_entry_point_names_the_extension(base: Path) -> None:
    html = markdown.markdown(
        "```argmap file=maps/europe-central-asia.yaml\n```",
        extensions=["argmap"],
        extension_configs={"argmap": {"base_path": str(base)}},
    )
    assert "claim recommendation" in html


def test_a_map_with_errors_stops_with_positioned_diagnostics(base: Path) -> None:
    page = "# Title\n\nText.\n\n  ```argmap\n" + "".join(f"  {line}\n" for line in BAD.splitlines())
    with pytest.raises(MapBlockError) as caught:
        convert(page + "  ```\n", base)
    # The fence is on line 5 and indented by two: the map's 6:9 is the page's 11:11.
    message = str(caught.value).splitlines()
    assert message[0] == "argmap: the map in <markdown>:5 has errors:"
    assert (
        "<markdown>:11:11: warning: premise 'p' is connected to nothing: no reason, objection "
        "or target [AM201]"
    ) in message
    assert message[-1] == "<markdown>:17:17: error: reason 'q' of 'c' is no claim [AM103]"
    assert caught.value.diagnostics[-1].code == "AM103"


def test_a_map_file_with_errors_names_the_file(base: Path) -> None:
    (base / "maps" / "bad.yaml").write_text(BAD.replace("seeds/", "../seeds/"), encoding="utf-8")
    with pytest.raises(MapBlockError, match=r"maps/bad\.yaml:12:15: error: reason 'q'"):
        convert("```argmap file=maps/bad.yaml\n```\n", base)


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("```argmap file=nowhere.yaml\n```", r"<markdown>:1: .*nowhere\.yaml: no such file"),
        ("```argmap size=3\n```", r"<markdown>:1: unknown argmap block option 'size=3'"),
        ('```argmap file="a b\n```', r"<markdown>:1: argmap block options cannot be read"),
        (f"```argmap file=maps/europe-central-asia.yaml\n{GOOD}```", "not both"),
        (f"```argmap theme=sepia\n{GOOD}```", "<markdown>:1: unknown theme 'sepia'"),
        (
            f"```argmap width=huge\n{GOOD}```",
            "<markdown>:1: width 'huge' is not a width argmap",
        ),
        (f"```argmap fit=wide\n{GOOD}```", "<markdown>:1: argmap option 'fit' is auto, none or"),
        (f"```argmap fit=50\n{GOOD}```", "fit '50' is 50 px wide; a column is 144 to 10000 px"),
    ],
)
def test_a_block_that_cannot_be_drawn_stops_the_conversion(
    base: Path, block: str, message: str
) -> None:
    with pytest.raises(MapBlockError, match=message):
        convert(block, base)


def test_maps_sharing_ids_on_one_page_get_distinct_ids(base: Path) -> None:
    block = "```argmap file=maps/europe-central-asia.yaml fit=none\n```\n\n"
    html = convert(block + block + f"```argmap id-prefix=mine-\n{GOOD}```\n", base)
    ids = svg_ids(html)
    assert len(ids) == len(set(ids))
    assert "partnership-thesis" in ids and "argmap2-partnership-thesis" in ids and "mine-p" in ids


def test_an_argmap_block_inside_another_fence_stays_code(base: Path) -> None:
    text = "````markdown\n```argmap file=nowhere.yaml\n```\n````\n"
    html = markdown.markdown(text, extensions=["fenced_code", "argmap.markdown"])
    assert "<svg" not in html and "argmap file=nowhere.yaml" in html


# --- a real MkDocs site, set up as docs/publishing.md says --------------------------------


def test_mkdocs_builds_a_site_with_the_seed_map_inline(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    page = "# The seed map\n\n```argmap file=maps/europe-central-asia.yaml\n```\n"
    site = make_site(tmp_path, {"index.md": page})
    done = build(site)
    assert done.returncode == 0, done.stderr
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    nodes = re.findall(r'<g id="([^"]+)" class="node claim ([^"]*)"', html)
    home = {name for name, classes in nodes if "--" not in name}  # where each is in full
    assert home == {claim.id for claim in load(SEED_MAP).claims}
    assert '<figure class="argmap">' in html and "(figure 1 of " in html


def test_mkdocs_fails_the_build_on_a_map_with_errors(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    bad = f"# Bad\n\nIntro.\n\n```argmap\n{PLAIN_BAD}```\n"
    site = make_site(tmp_path, {"index.md": "# Home\n", "bad.md": bad})
    done = build(site)
    said = done.stdout + done.stderr
    assert done.returncode == 1
    assert "Error reading page 'bad.md'" in said
    assert "argmap: the map in docs/bad.md:5 has errors:" in said
    assert "docs/bad.md:14:15: error: reason 'q' of 'c' is no claim [AM103]" in said
    assert "Aborted with a BuildError!" in said
    assert "Traceback" not in said


def test_a_figure_too_big_for_the_column_is_logged_at_its_block(
    base: Path, caplog: pytest.LogCaptureFixture
) -> None:
    page = "Intro.\n\n```argmap file=maps/europe-central-asia.yaml\n```\n"
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.argmap"):
        html = convert(page, base, fit="200")
    assert len(shown(html)) > 1  # drawn all the same
    notes = [r.getMessage() for r in caplog.records]
    # One note for the block, naming every figure too big (it was a note a figure: 20 lines
    # for the seed map on a Beamer slide).
    assert len(notes) == 1 and notes[0].startswith("<markdown>:3: note: figures "), notes
    said = r"figures (\d+, )*\d+ and \d+ of \d+ are too big for a column 200 px wide: their claim "
    assert re.search(said + r"text comes out at [\d.]+ to [\d.]+ px, not 9", notes[0])
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.argmap"):
        convert(page, base)  # MkDocs' column: every figure readable
    assert caplog.records == []


def test_a_map_drawn_whole_too_small_to_read_in_its_column_says_so(
    base: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """fit=none drew the seed map whole, 1,723 pt wide, shrunk to MkDocs' column of 831 px
    (claim text 5.8 px), and nothing said so; a map that is readable whole says nothing."""
    page = "Intro.\n\n```argmap file=maps/europe-central-asia.yaml fit=none\n```\n"
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.argmap"):
        html = convert(page, base)
    (width,) = re.findall(r'<svg [^>]*viewBox="0 0 ([\d.]+) ', html)
    said = f"{12 * 831 / float(width):.2f}".rstrip("0").rstrip(".")
    assert [r.getMessage() for r in caplog.records] == [
        "<markdown>:3: note: the map drawn whole is too big for a column 831 px wide: its "
        f"claim text comes out at {said} px, not 9; leave fit out to split it into figures "
        "that can be read there, or draw a part of it (focus=)"
    ]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.argmap"):
        convert(f"```argmap fit=none\n{GOOD}```\n", base)
    assert not [r for r in caplog.records if "drawn whole" in r.getMessage()]
