"""A map's figures numbered as the document numbers them (Sphinx with numfig): the numbers
drawn in the figures (stubs, references, heading) and the captions, in the map's language."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest

from argmap.api import load, render_figures
from argmap.draw.numbering import renumber
from argmap.embed.figures import Figure, captions
from argmap.words import LANGUAGES, vocabulary

from .conftest import SEED_MAP

SVG = "{http://www.w3.org/2000/svg}"
#: The German texts that name a figure by its number.
NAMING = re.compile(r"(weiter in|verwendet in|siehe|Fortsetzung von) Abbildung(?:en)? |Abbildung ")


def texts(svg: bytes) -> list[str]:
    return [t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text")]


def named(svg: bytes) -> list[str]:
    """The figure numbers a drawing names in its stubs and references, as written."""
    found = []
    for text in texts(svg):
        if NAMING.match(text):
            head = text.split(": ")[0]
            found += re.findall(r"\d+(?:\.\d+)*", head)
    return found


@pytest.fixture(scope="module")
def german() -> list[bytes]:
    figures = render_figures(attrs.evolve(load(SEED_MAP), lang="de"), "svg", fit=720)
    assert len(figures) > 2
    return figures


def test_captions_are_in_the_maps_language() -> None:
    parts = (Figure(b"", "svg", 1, 2), Figure(b"", "svg", 2, 2))
    german = vocabulary("de")
    assert captions("Die Karte.", "T", parts, german) == [
        "Die Karte (Abbildung 1 von 2).",
        "Die Karte (Abbildung 2 von 2).",
    ]
    assert captions(None, "Karte", parts, german, part=True)[1] == "Karte (Teil 2 von 2)"
    assert captions("Energy.", "T", parts) == ["Energy (figure 1 of 2).", "Energy (figure 2 of 2)."]
    for lang in LANGUAGES:  # every language has the phrase, not English
        said = captions("X", "T", parts, vocabulary(lang), part=True)[1]
        assert said == vocabulary(lang)("part of", title="X", n=2, total=2)
        assert ("part 2" in said) == (lang == "en")


def test_the_figures_name_the_numbers_the_document_gives_them(german: list[bytes]) -> None:
    total = len(german)
    shown = [str(n + 1) for n in range(1, total + 1)]  # one figure of the page before the map
    for number, svg in enumerate(german, 1):
        before = named(svg)
        assert before and set(before) <= {str(n) for n in range(1, total + 1)}
        after = renumber(svg, shown, vocabulary("de"))
        assert named(after) == [shown[int(n) - 1] for n in before]
        drawn = texts(after)
        assert f"ABBILDUNG {shown[number - 1]}" in drawn  # the document's number, alone
        assert not any(" VON " in t for t in drawn)
        title = ET.fromstring(after).find(f"{SVG}title")
        assert title is not None and title.text is not None
        assert title.text.endswith(f"(Teil {number} von {total})")
        # nothing else changed: the claims' texts, the layout
        others = [t for t in texts(svg) if not NAMING.match(t) and not t.startswith("ABBILDUNG")]
        assert [t for t in drawn if not NAMING.match(t) and not t.startswith("ABBILDUNG")] == others
        assert len(after.splitlines()) == len(svg.splitlines())


def test_numbers_with_a_section_number_and_figures_left_unnumbered(german: list[bytes]) -> None:
    total = len(german)
    shown = [f"2.{n}" for n in range(1, total + 1)]
    after = renumber(german[1], shown, vocabulary("de"))
    assert named(after) and all(n.startswith("2.") for n in named(after))
    assert "ABBILDUNG 2.2" in texts(after)
    assert renumber(german[1], [str(n) for n in range(1, total + 1)], vocabulary("de")) != german[1]
    assert renumber(german[1], [], vocabulary("de")) == german[1]  # the document gave none


def test_a_map_drawn_as_one_figure_names_no_figure(tmp_path: Path) -> None:
    """A claim that reads like a stub keeps its text: one figure names no other."""
    text = (
        "argmap: 1\ntitle: T\nlang: de\npremises:\n  - id: p\n    text: siehe Abbildung 1\n"
        "conclusions:\n  - id: c\n    text: C\n    reasons: [p]\n"
    )
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    (svg,) = render_figures(load(tmp_path / "m.yaml"), "svg", fit=720)
    assert "siehe Abbildung 1" in texts(svg)
    assert renumber(svg, ["7"], vocabulary("de")) == svg


def test_mkdocs_captions_are_in_the_maps_language(tmp_path: Path) -> None:
    markdown = pytest.importorskip("markdown")
    from .docbuild import example

    example(tmp_path, "sphinx-rst")  # the seed map and its source in a project
    seed = tmp_path / "maps" / "europe-central-asia.yaml"
    text = seed.read_text(encoding="utf-8").replace("\nlang: en\n", "\nlang: de\n", 1)
    (tmp_path / "maps" / "karte.yaml").write_text(text, encoding="utf-8")
    html = markdown.markdown(
        '```argmap file=maps/karte.yaml caption="Die Karte."\n```',
        extensions=["argmap.markdown"],
        extension_configs={"argmap.markdown": {"base_path": str(tmp_path)}},
    )
    said = re.findall(r"<figcaption>([^<]*)</figcaption>", html)
    total = len(said)
    assert total > 1
    assert said == [f"Die Karte (Abbildung {n} von {total})." for n in range(1, total + 1)]


def test_pandoc_captions_are_in_the_maps_language() -> None:
    pf = pytest.importorskip("panflute")
    from argmap.pandoc import _numbered

    caption = [pf.Str("Die"), pf.Space(), pf.Str("Karte.")]
    said = pf.stringify(pf.Para(*_numbered(caption, 2, 5, vocabulary("de")))).strip()
    assert said == "Die Karte (Abbildung 2 von 5)."
    assert pf.stringify(pf.Plain(*_numbered(caption[:1], 2, 5))).strip() == "Die (figure 2 of 5)"


def test_the_description_names_the_documents_numbers_too(german: list[bytes]) -> None:
    """A screen reader reads the figure's ``<desc>``: its figures named as the stubs name them."""
    total = len(german)
    shown = [str(n + 1) for n in range(1, total + 1)]

    def described(svg: bytes) -> list[str]:
        desc = ET.fromstring(svg).find(f"{SVG}desc")
        assert desc is not None and desc.text is not None
        return desc.text.splitlines()

    for number, svg in enumerate(german, 1):
        before, after = described(svg), described(renumber(svg, shown, vocabulary("de")))
        head = f"Abbildung {number} von {total}:"
        assert after[0] == f"Abbildung {number + 1} (Teil {number} von {total}):" + _plus_one(
            before[0].removeprefix(head)
        )
        assert after[1:] == [
            _plus_one(line) if line.startswith(("Weiter in ", "Auch hier")) else line
            for line in before[1:]
        ]
    assert any("Weiter in Abbildung" in line for svg in german for line in described(svg))


def _plus_one(line: str) -> str:
    """A line of a figure's description with every figure it names one on: the only numbers
    outside the claims it quotes are figures'."""
    parts = re.split(r"(“[^”]*”|„[^“]*“)", line)
    bump = lambda found: str(int(found.group()) + 1)  # noqa: E731
    return "".join(p if p[:1] in "“„" else re.sub(r"\d+", bump, p) for p in parts)


def test_a_claims_own_words_are_never_renumbered() -> None:
    """A claim whose text reads like argmap's words ('figure 2: exports doubled') was
    renumbered with the figures ('figure 4.2: exports doubled'): only argmap's own texts,
    drawn at the size of its words, are."""
    amap = load(SEED_MAP)
    claims = tuple(
        attrs.evolve(claim, text="figure 2: exports doubled") if n == 0 else claim
        for n, claim in enumerate(amap.claims)
    )
    figures = render_figures(attrs.evolve(amap, claims=claims), "svg", fit=720)
    shown = [f"4.{n}" for n in range(1, len(figures) + 1)]
    for svg in figures:
        before, after = texts(svg), texts(renumber(svg, shown))
        assert before.count("figure 2: exports doubled") == after.count("figure 2: exports doubled")
        assert any(a != b for a, b in zip(before, after, strict=True))  # its own words did change
