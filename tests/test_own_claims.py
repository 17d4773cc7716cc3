"""A fact-checker's own objections (no quotes, not implicit, ``role: opponent``, in a map with a
source) are tagged as the analyst's in the drawing, its legend and the HTML view, not as the
text's PREMISE; a debate's opponent, whose claims the text states, keeps the kind's tag."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.analysis.sides import own
from argmap.cli import main
from argmap.read.loader import load

TEXT = "Footfall fell by a third. Shops are dying. The council must act.\n"
MAP = """\
argmap: 1
title: Fact-check
lang: {lang}
source:
  path: oped.txt
premises:
  - id: footfall
    text: Footfall fell by a third.
    quotes: Footfall fell by a third.
    objections: [fc-counters]
  - id: fc-register  # argmap: ignore[AM204] the fact desk's own
    text: The register says so.
    role: opponent
conclusions:
  - id: fc-counters  # argmap: ignore[AM204] the fact desk's own
    text: The council's counters show a 6% fall.
    role: opponent
    reasons: [fc-register]
recommendations:
  - id: act  # argmap: ignore[AM202] the op-ed falls: our point
    text: The council must act.
    quotes: The council must act.
    reasons: [footfall]
"""


def _render(tmp_path: Path, fmt: str, lang: str = "en", text: str = MAP) -> str:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "oped.txt").write_text(TEXT)
    (tmp_path / "m.yaml").write_text(text.format(lang=lang))
    out = tmp_path / f"m.{fmt}"
    result = CliRunner().invoke(main, ["render", str(tmp_path / "m.yaml"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output, result.output
    return out.read_text()


def _node(svg: str, name: str) -> str:
    return re.search(rf'<g id="{name}" class="[^"]*">.*?</g>', svg, re.S).group()


def test_the_analysts_own_claims_are_known_by_what_the_map_says_of_them() -> None:
    amap, _ = load(MAP.format(lang="en").encode(), "m.yaml")
    assert amap is not None
    assert own(amap) == {"fc-counters": True, "fc-register": False}  # an objection; its reason
    sourceless = MAP.format(lang="en").replace("source:\n  path: oped.txt\n", "")
    assert own(load(sourceless.encode(), "m.yaml")[0]) == {}  # nothing is quoted: no telling


def test_the_fact_desks_objection_is_tagged_the_analysts_not_the_texts_premise(
    tmp_path: Path,
) -> None:
    svg = _render(tmp_path, "svg")
    # Before: PREMISE over all three, as if the op-ed said the fact desk's words.
    assert ">ANALYST&#39;S OBJECTION<" in _node(svg, "fc-counters")
    assert ">ANALYST&#39;S PREMISE<" in _node(svg, "fc-register")  # its reason
    assert ">PREMISE<" in _node(svg, "footfall")
    legend = svg[: svg.index('<g id="footfall"')]
    assert ">ANALYST&#39;S<" in legend and ">not in the text<" in legend
    assert ">OPPONENT<" not in legend  # no claim of a debate's opponent is drawn


@pytest.mark.parametrize(
    ("lang", "tag"),
    [("de", "EINWAND DES ANALYSTEN"), ("fr", "OBJECTION DE L’ANALYSTE")],
)
def test_the_tag_is_in_the_maps_language(tmp_path: Path, lang: str, tag: str) -> None:
    assert f">{tag}<" in _node(_render(tmp_path, "svg", lang), "fc-counters")


def test_the_html_view_names_the_analysts_objection(tmp_path: Path) -> None:
    page = _render(tmp_path, "html")
    assert 'aria-label="Analyst&#39;s objection: The council&#39;s counters' in page or (
        "aria-label=\"Analyst's objection: The council's counters" in page
    )
    assert 'aria-label="Analyst\'s premise: The register says so."' in page
    assert 'aria-label="Premise: Footfall fell by a third."' in page


def test_a_debate_opponents_quoted_claim_keeps_its_kind(tmp_path: Path) -> None:
    quoted = MAP.replace(
        "fc-counters  # argmap: ignore[AM204] the fact desk's own\n    text: The council's counters"
        " show a 6% fall.\n",
        "fc-counters\n    text: Shops are dying.\n    quotes: Shops are dying.\n",
    )
    svg = _render(tmp_path, "svg", text=quoted)
    assert ">CONCLUSION<" in _node(svg, "fc-counters")
    legend = svg[: svg.index('<g id="footfall"')]
    assert ">OPPONENT<" in legend and ">ANALYST&#39;S<" in legend  # fc-register is still own


def test_the_coverage_page_says_the_analysts_claims_are_not_in_the_text(tmp_path: Path) -> None:
    _render(tmp_path, "svg")
    page = tmp_path / "coverage.html"
    result = CliRunner().invoke(main, ["coverage", str(tmp_path / "m.yaml"), "--html", str(page)])
    assert result.exit_code == 0, result.output
    listed = re.search(r'<li id="claim-fc-counters">.*?</li>', page.read_text()).group()
    # Before: 'premise' and 'no quotes', as of a claim whose quote is yet to be written.
    assert "the analyst&#x27;s own: not in the text" in listed, listed


@pytest.mark.parametrize("lang", ["de", "ru"])  # where the tag is wider than the box would be
def test_a_fitted_figure_measures_the_analysts_tag_as_graphviz_draws_it(lang: str) -> None:
    import warnings

    from argmap.draw import boxes, engine
    from argmap.draw.graph import Look, sizes_graph, whole_shape

    amap, _ = load(MAP.format(lang=lang).encode(), "m.yaml")
    assert amap is not None
    look, shape = Look.of(amap), whole_shape(amap)
    estimated = boxes.estimate(shape, look.measures, None, None, look.words, look.own)
    assert estimated is not None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = engine.node_sizes(sizes_graph(shape, look).source)
    for name in ("fc-counters", "fc-register"):
        assert estimated.full[name] == found["full:" + name], name
        assert estimated.ref[name] == found["ref:" + name], name
    plain = boxes.estimate(shape, look.measures, None, None, look.words)
    assert plain is not None and plain.full["fc-register"] != estimated.full["fc-register"]


@pytest.mark.parametrize(
    ("lang", "counted"),
    [
        ("en", "1 premise, 1 recommendation, 2 claims of the analyst's own."),
        ("de", "1 Prämisse, 1 Empfehlung, 2 Aussagen des Analysten."),
    ],
)
def test_the_description_counts_the_analysts_claims_apart(
    tmp_path: Path, lang: str, counted: str
) -> None:
    """The SVG's description, what a screen reader says of the figure, counted the fact
    desk's two claims among the text's ("2 premises, 1 conclusion"), as if the op-ed made
    them."""
    svg = _render(tmp_path, "svg", lang=lang)
    described = re.search(r"<desc id=[^>]*>([^\n<]*)", svg).group(1)
    assert described.endswith(": " + counted)
