"""Sizes without Graphviz: the font's table of metrics is what the font files give, and text
widths and node sizes worked out from it are Graphviz's own, on the seed map, a generated map
of 600 claims and random maps and texts."""

from __future__ import annotations

import html
import importlib.util
import re
import sys
import warnings

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.evaluate import evaluate
from argmap.api import load
from argmap.draw import boxes, engine, metrics
from argmap.draw.fit import measure
from argmap.draw.font import FAMILY, FILES
from argmap.draw.graph import Look, sizes_graph, whole_shape
from argmap.draw.style import NARROWEST, Measures, measures_for
from argmap.model import ArgumentMap

from .conftest import ROOT, SEED_MAP
from .strategies import argument_maps

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate


def _tools_module():  # type: ignore[no-untyped-def]
    path = ROOT / "tools" / "font_metrics.py"
    spec = importlib.util.spec_from_file_location("font_metrics", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_table_is_what_the_font_files_give() -> None:
    built = _tools_module().metrics_table({w: p.read_bytes() for w, p in FILES.items()})
    assert metrics.TABLE.read_text(encoding="ascii") == built, (
        "the font's metrics are stale: run python tools/build_font.py --metrics"
    )


def test_the_font_kerns_nothing_with_a_space() -> None:
    # metrics.Sized measures word by word, each with its space: exact only if so.
    for face in metrics.faces().values():
        assert " " not in face.left and " " not in face.right


# --- texts ----------------------------------------------------------------------------------

_SCRIPTS = {
    "latin": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "àáâäçèéêëîïñóôöùúûüÿßœæÀÉÖÜŁłŠšŽžđĐőűơưẠạếệỹ",
    "greek": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ",
    "cyrillic": "абвгдежзийклмнопрстуфхцчшщъыьэюяёАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯЁіїєґ",
}
_PUNCTUATION = ".,;:!?-–—…’'\"()%&/0123456789"
_QUOTES = ("“{}”", "«{}»", "‘{}’", "({})", "{}")


@st.composite
def words(draw: st.DrawFn) -> str:
    """A word of one script (pango kerns within a run of one script), with punctuation and
    digits around it as a text has them."""
    letters = _SCRIPTS[draw(st.sampled_from(sorted(_SCRIPTS)))]
    core = draw(st.text(st.sampled_from(letters + _PUNCTUATION), min_size=1, max_size=14))
    return draw(st.sampled_from(_QUOTES)).format(core)


lines = st.lists(words(), min_size=1, max_size=7).map(" ".join)


def graphviz_widths(texts: list[str], size: float, bold: bool) -> list[float]:
    """Each text's width as Graphviz measures it (an xdot drawing's text operations)."""
    pygraphviz = engine.load_graphviz()
    assert engine.font_ready()
    shown = [f"<B>{html.escape(t)}</B>" if bold else html.escape(t) for t in texts]
    nodes = "".join(f"n{i}[label=<{label}>];" for i, label in enumerate(shown))
    dot = f'digraph{{node[shape=plaintext margin=0 fontname="{FAMILY}" fontsize={size}];{nodes}}}'
    with engine._LOCK:
        drawn = pygraphviz.AGraph(string=dot).draw(format="xdot", prog="dot").decode()
    return [float(w) for w in re.findall(r"\bT -?[\d.]+ -?[\d.]+ -?\d ([\d.]+) ", drawn)]


@settings(max_examples=40, deadline=None)
@given(st.lists(lines, min_size=1, max_size=20), st.sampled_from([10, 12, 14, 16]), st.booleans())
def test_text_is_as_wide_as_graphviz_sets_it(texts: list[str], size: int, bold: bool) -> None:
    measured = graphviz_widths(texts, size, bold)
    assert [metrics.text_width(t, size, bold=bold) for t in texts] == measured


def test_kerning_ligatures_and_runs_of_scripts_count() -> None:
    kerned = ["AVATAR To WAVE", "Ty. Vo, P. LT", "office affluent fifty flight"]
    mixed = ["NATO и ЕС", "“Β” (Ф)", "Кто «Тут» (Ti)", "α’Tο (Ty)"]
    measured = graphviz_widths(kerned + mixed, 12, False)
    assert [metrics.text_width(t, 12) for t in kerned + mixed] == measured
    for text, width in zip(kerned, measured, strict=False):  # each character apart: wider
        assert sum(metrics.text_width(c, 12) for c in text) - width >= 1.5, text


def test_a_character_the_font_lacks_is_not_measured() -> None:
    with pytest.raises(metrics.Unmeasured):
        metrics.text_width("北京", 12)


# --- nodes ----------------------------------------------------------------------------------


def graphviz_sizes(amap: ArgumentMap, look: Look) -> dict[str, tuple[float, float]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a font warning, for text the font lacks
        return engine.node_sizes(sizes_graph(whole_shape(amap), look).source)


def assert_sizes_agree(amap: ArgumentMap, look: Look) -> None:
    shape = whole_shape(amap)
    estimated = boxes.estimate(shape, look.measures, look.evaluation)
    assert estimated is not None
    found = graphviz_sizes(amap, look)
    for name in shape.claims:
        assert estimated.full[name] == found["full:" + name], name
        assert estimated.ref[name] == found["ref:" + name], name
    assert estimated.stub == found["stub:"]


LOOKS = {
    "whole": lambda amap: Look(),
    "column": lambda amap: Look(measures=measures_for(960), room=960),
    "narrow, with statuses": lambda amap: Look(
        evaluation=evaluate(amap), measures=Measures(NARROWEST, NARROWEST + 4, NARROWEST - 4)
    ),
}


@pytest.fixture(scope="module")
def generated_600(tmp_path_factory: pytest.TempPathFactory) -> ArgumentMap:
    return load(generate(600, tmp_path_factory.mktemp("generated")))


@pytest.mark.parametrize("look", sorted(LOOKS))
def test_node_sizes_are_graphvizs_on_the_seed_map(look: str) -> None:
    amap = load(SEED_MAP)
    assert_sizes_agree(amap, LOOKS[look](amap))


@pytest.mark.parametrize("look", sorted(LOOKS))
def test_node_sizes_are_graphvizs_on_600_claims(look: str, generated_600: ArgumentMap) -> None:
    assert_sizes_agree(generated_600, LOOKS[look](generated_600))


@st.composite
def worded_maps(draw: st.DrawFn) -> ArgumentMap:
    """A random consistent map whose claims say things in the font's scripts, some with a
    short label, some implicit."""
    amap = draw(argument_maps())
    claims = tuple(
        attrs.evolve(
            claim,
            text=draw(lines),
            label=draw(st.none() | st.lists(words(), min_size=1, max_size=3).map(" ".join)),
            implicit=draw(st.booleans()) and not claim.quotes,
        )
        for claim in amap.claims
    )
    return attrs.evolve(amap, claims=claims)


@settings(max_examples=30, deadline=None)
@given(worded_maps(), st.sampled_from(sorted(LOOKS)))
def test_node_sizes_are_graphvizs_on_random_maps(amap: ArgumentMap, look: str) -> None:
    assert_sizes_agree(amap, LOOKS[look](amap))


def test_a_map_the_font_cannot_draw_is_measured_by_graphviz() -> None:
    amap = load(SEED_MAP)
    first = amap.claims[0]
    chinese = attrs.evolve(amap, claims=(attrs.evolve(first, text="欧洲应当与中亚建立伙伴关系"),
                                         *amap.claims[1:]))  # fmt: skip
    shape = whole_shape(chinese)
    assert boxes.estimate(shape, Measures()) is None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sizes = measure(shape, Look())
    found = graphviz_sizes(chinese, Look())
    assert sizes.full == {name: found["full:" + name] for name in shape.claims}
