"""What a screen reader says of a drawing: the SVG's accessible name (its ``<title>``) and
description (its ``<desc>``). A map fitted to a column is several figures, and each says what
it shows and where the argument goes on, before the summary of the whole map."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import attrs
import pytest

from argmap.analysis.coverage import coverage
from argmap.api import check_bytes, load, render_figures, render_map, source_text
from argmap.formats.json import document
from argmap.formats.yaml import dump
from argmap.model import ArgumentMap, Quote, Source, relations
from argmap.pages.coverage import page as coverage_page
from argmap.read.source import SourceText

from .conftest import SEED_MAP

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    return load(SEED_MAP)


def spoken(svg: bytes) -> tuple[str, str]:
    """The accessible name and description of an SVG drawing: the texts its root's
    ``aria-labelledby`` and ``aria-describedby`` point at."""
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    by_id = {e.get("id"): "".join(e.itertext()) for e in root.iter() if e.get("id")}
    return by_id[root.get("aria-labelledby")], by_id[root.get("aria-describedby")]


def test_each_fitted_figure_says_what_it_shows_and_where_the_argument_goes_on(
    seed: ArgumentMap,
) -> None:
    """The seed's four figures all said the whole map's summary, word for word: a reader of
    figure 3 heard the thesis and the recommendations, not that it is about the rare
    opportunity, whose reasons it draws."""
    said = [spoken(svg) for svg in render_figures(seed, "svg", fit=720)]
    texts = {claim.id: claim.text for claim in seed.claims}
    most, rare = texts["central-asia-most-interesting"], texts["rare-opportunity"]
    names, descriptions = zip(*said, strict=True)
    assert names[1] == f"{seed.title} (figure 2 of 4)"
    assert len(set(descriptions)) == 4
    first, second, third, fourth = (d.split("\n") for d in descriptions)
    assert first[0] == "Figure 1 of 4: the main thesis and the claims nearest it."
    assert first[1] == f"Continued in figure 2: the reasons and objections of “{most}”"
    assert second[0] == (
        f"Figure 2 of 4: “{most}” (used in figure 1), and its reasons and objections."
    )
    assert second[1] == f"Continued in figure 3: the reasons and objections of “{rare}”"
    assert third[0].startswith("Figure 3 of 4: “")
    assert third[1].startswith("Argument map: 13 premises")  # nothing goes on from figure 3
    assert fourth[0] == (
        f"Figure 4 of 4: “{texts['make-the-case']}” and “{texts['import-energy']}”, "
        "and their reasons and objections."
    )
    assert fourth[1] == (  # the claims it draws in short, at home in other figures
        f"Also here, drawn in full elsewhere: “{texts['mutual-benefit-strategy']}” (figure 1), "
        f"“{texts['energy-mutual-interest']}” (figure 2), “{texts['ca-energy-supplier']}” "
        "(figure 2)."
    )
    for description in descriptions:  # then the whole map, as a map drawn whole says it
        assert description.endswith(descriptions[0].split("\n", 2)[2])
        assert "Main thesis: " in description


def test_a_map_drawn_whole_in_one_figure_is_described_as_the_whole_map(
    seed: ArgumentMap,
) -> None:
    (whole,) = render_figures(seed, "svg")
    name, description = spoken(whole)
    assert name == seed.title
    assert description.startswith("Argument map: 13 premises, 10 conclusions")


GERMAN = """\
argmap: 1
title: Energie aus Zentralasien
lang: de
premises:
  - id: lieferant
    text: Zentralasien könnte Europa mit Energie versorgen.
conclusions:
  - id: interesse
    text: Energie ist das offensichtlichste gemeinsame Interesse.
    reasons: [lieferant]
"""


def german() -> ArgumentMap:
    checked = check_bytes(GERMAN.encode(), "map.yaml")
    assert not checked.diagnostics and checked.map is not None
    return checked.map


def test_a_map_says_its_language_and_the_svg_declares_it() -> None:
    """A screen reader reads the drawing's title and description in the voice of the language
    declared; undeclared, in the reader's own (German text in an English voice)."""
    amap = german()
    assert amap.lang == "de"
    root = ET.fromstring(render_map(amap, "svg"))
    assert (root.get("lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")) == (
        "de",
        "de",
    )
    plain = ET.fromstring(render_map(attrs.evolve(amap, lang=None), "svg"))
    assert "lang" not in plain.attrib and not any("lang" in name for name in plain.attrib)


def test_the_html_view_declares_the_maps_language_and_marks_its_own_words_english() -> None:
    """The page is in the map's language (its title, the source text, the claims), and so are
    the view's own words (the hint, the zoom buttons, the panes' names) where argmap speaks it;
    in a language it does not, they are English, marked so (WCAG 3.1.1 and 3.1.2); the page
    had no language at all."""
    page = render_map(german(), "html").decode()
    assert page.startswith('<!DOCTYPE html>\n<html lang="de">\n')
    for german_words in ('<div class="zoom" role="toolbar" aria-label="Zoom">',
                         '<span class="hint-hover">Fahren Sie über eine Aussage',
                         '<span class="hint-touch">Tippen Sie auf eine Aussage',
                         'class="map" aria-label="Argumentkarte" tabindex'):  # fmt: skip
        assert german_words in page
    dutch = render_map(attrs.evolve(german(), lang="nl"), "html").decode()
    assert dutch.startswith('<!DOCTYPE html>\n<html lang="nl">\n')
    for english in ('<div class="zoom" role="toolbar" aria-label="Zoom" lang="en">',
                    '<span class="hint-hover" lang="en">Hover or focus a claim',
                    '<span class="hint-touch" lang="en">Tap a claim',
                    'class="map" aria-label="Argument map" lang="en"'):  # fmt: skip
        assert english in dutch
    # the drawing in the map's pane is in the map's language again
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page and ' lang="de"' in page
    # a map that does not say its language leaves the page's undeclared, its words unmarked
    unsaid = render_map(attrs.evolve(german(), lang=None), "html").decode()
    assert unsaid.startswith("<!DOCTYPE html>\n<html>\n") and 'lang="' not in unsaid


def test_the_coverage_page_declares_the_maps_language_and_marks_its_own_words_english() -> None:
    """As the HTML view: the coverage page is in the map's language (its title, the source text,
    the claims), and so are its own words where argmap speaks it; in a language it does not,
    they are English, marked so. It said ``lang="en"`` whatever the map's language, so a
    screen reader read a German article in an English voice."""
    text = "Zentralasien könnte Europa mit Energie versorgen. Das ist alles.\n"
    amap = attrs.evolve(german(), source=Source("s.txt", title="Ein Artikel"))
    quoted = attrs.evolve(amap.claims[0], quotes=(Quote(text.split(". ")[0]),))
    amap = attrs.evolve(amap, claims=(quoted, *amap.claims[1:]))
    html = coverage_page(amap, coverage(amap, SourceText(text)))
    assert html.startswith('<!DOCTYPE html>\n<html lang="de">\n') and html.count('lang="') == 1
    for german_words in ("<h2>Die Quelle</h2>", '<h2 id="argmap-claims">Die Aussagen</h2>',
                         '<p class="meta">Quelle: Ein Artikel</p>',
                         '<span class="kind">Prämisse</span>',
                         '<span class="note">keine Zitate</span>'):  # fmt: skip
        assert german_words in html
    dutch = attrs.evolve(amap, lang="nl")
    html = coverage_page(dutch, coverage(dutch, SourceText(text)))
    assert html.startswith('<!DOCTYPE html>\n<html lang="nl">\n')
    for english in ('<h2 lang="en">The source</h2>',
                    '<h2 id="argmap-claims" lang="en">The claims</h2>',
                    '<p class="summary" lang="en">', '<ul class="legend" lang="en">',
                    '<p class="meta"><span lang="en">Source:</span> Ein Artikel</p>',
                    '<span class="kind" lang="en">premise</span>',
                    '<span class="note" lang="en">no quotes</span>'):  # fmt: skip
        assert english in html
    # a map in English, or one that does not say, gives the page it always had: English
    for lang in (None, "en-GB"):
        plain = coverage_page(attrs.evolve(amap, lang=lang), coverage(amap, SourceText(text)))
        assert plain.startswith(f'<!DOCTYPE html>\n<html lang="{lang or "en"}">\n')
        assert plain.count('lang="') == 1


@pytest.mark.parametrize("tag", ["en", "de", "pt-BR", "zh-Hant-TW", "sr-Latn", "gsw"])
def test_a_language_tag_is_read_as_written_and_written_back(tag: str) -> None:
    text = GERMAN.replace("lang: de", f"lang: {tag}")
    checked = check_bytes(text.encode(), "map.yaml")
    assert not checked.diagnostics and checked.map is not None
    assert checked.map.lang == tag
    assert f"\nlang: {tag}\n" in dump(checked.map)
    assert document(checked.map)["lang"] == tag


@pytest.mark.parametrize("tag", ["German", "de_DE", "d", "de-", "123", "[de]"])
def test_a_language_that_is_no_language_tag_is_an_error_at_its_place(tag: str) -> None:
    text = GERMAN.replace("lang: de", f"lang: {tag}")
    diagnostics = check_bytes(text.encode(), "map.yaml").diagnostics
    assert [(d.code, d.span.line, d.span.column) for d in diagnostics] == [("AM010", 3, 7)]


def test_the_html_view_reaches_the_claims_from_the_thesis_down() -> None:
    """Tab goes through the claims of the HTML view in the argument's order: the thesis, then
    each claim's reasons and objections before the next (it went in file order, premises
    first: the thesis was the 24th stop of the seed's 29, after claims it rests on)."""
    amap = load(SEED_MAP)
    page = render_map(amap, "html").decode()
    order = re.findall(r'tabindex="0" role="button" aria-label="[^"]*" data-claim="([^"]+)"', page)
    assert sorted(order) == sorted(claim.id for claim in amap.claims)
    assert order[0] == "partnership-thesis"
    above = {}  # claim → the claims it supports or attacks
    for relation in relations(amap):
        for ref in relation.claims:
            above.setdefault(ref.id, set()).add(relation.target.id)
    for place, claim in enumerate(order):
        if claim in above and claim != order[0]:  # reached from a claim it is a reason for
            assert above[claim] & set(order[:place]), claim


def test_a_drawing_with_statuses_says_them_in_its_description(seed: ArgumentMap) -> None:
    """With --status a claim that does not stand is struck through and marked DEFEATED: a
    reader who cannot see it was told nothing of it."""
    line = "Status: 28 claims stand; defeated: “Central Asian states still defer to Moscow.”"
    _, whole = spoken(render_map(seed, "svg", status=True))
    assert line in whole.split("\n")
    figures = render_figures(seed, "svg", status=True, fit=720)
    assert all(line in spoken(svg)[1].split("\n") for svg in figures)
    _, plain = spoken(render_map(seed, "svg"))
    assert "Status" not in plain


@pytest.mark.parametrize("fmt", ["aif", "argdown", "sadface", "json"])
def test_the_maps_language_survives_a_round_trip_through_each_format_that_can_carry_it(
    fmt: str, tmp_path
) -> None:
    """An export argmap reads back keeps ``lang``: a German map sent through SADFace or
    Argdown came back with no language, and its drawings read aloud in an English voice."""
    from argmap.convert import export_map, import_file

    exported = export_map(german(), fmt)
    # not said to be left out (AIF's note names it among what only argmap's key keeps)
    assert not any("language" in loss and "kept under" not in loss for loss in exported.losses)
    path = tmp_path / f"map.{fmt}"
    path.write_text(exported.text, encoding="utf-8")
    back = import_file(fmt, path, tmp_path / "back.yaml").map
    assert back is not None and back.lang == "de"


@pytest.mark.parametrize("fmt", ["kialo", "mermaid", "csv"])
def test_an_export_that_cannot_carry_the_language_says_it_leaves_it_out(fmt: str) -> None:
    from argmap.convert import export_map

    (loss, *_) = export_map(german(), fmt).losses
    assert "the language (de)" in loss
    assert not any(
        "language" in loss for loss in export_map(attrs.evolve(german(), lang=None), fmt).losses
    )


def buttons(page: str) -> dict[str, tuple[str, list[str]]]:
    """Each claim button of an HTML view: its accessible name, and the words drawn in its
    box before the claim's text (the small bold capitals: kind, thesis, status)."""
    found = {}
    for group in re.finditer(r'<g id="([^"]*)" class="node claim[^"]*"[^>]*aria-label="([^"]*)"'
                             r"[^>]*>(.*?)</a>", page, re.S):  # fmt: skip
        texts = re.findall(r'<text [^>]*font-weight="bold"[^>]*>([^<]*)</text>', group[3])
        found[group[1]] = (html.unescape(group[2]), [html.unescape(t).strip() for t in texts])
    return found


def test_a_claims_button_is_named_by_all_the_words_its_box_shows() -> None:
    """A screen reader names a claim of the HTML view by its button's label, which said only
    its kind and text: the thesis was a plain ``Recommendation: ...``, an implicit claim and
    one drawn DEFEATED (with --status) were not said to be so. WCAG 2.5.3 (label in name):
    the words drawn in the box come first in the name, in the order drawn."""
    amap = load(SEED_MAP)
    shown = buttons(render_map(amap, "html", status=True).decode())
    assert len(shown) == len(amap.claims)
    for claim in amap.claims:
        name, drawn = shown[claim.id]
        words = " ".join(drawn).lower()
        assert name.lower().replace(",", "").startswith(words), (name, drawn)
        assert name.endswith(": " + " ".join(claim.text.split())), name
    assert shown["partnership-thesis"][0].startswith("Main thesis · recommendation: Europe")
    assert shown["continued-deference"][0] == (
        "Implicit conclusion, defeated: Central Asian states still defer to Moscow."
    )
    german_view = buttons(render_map(german(), "html").decode())
    assert german_view["interesse"][0].startswith("Hauptthese · Schlussfolgerung: Energie")


def test_an_opponents_claim_is_said_to_be_the_opponents() -> None:
    """The opponent's claims are drawn with a thick outline, which a screen reader cannot
    see: their buttons say so before the words drawn in the box."""
    text = GERMAN.replace("lang: de", "lang: en").replace(
        "    text: Zentralasien", "    role: opponent\n    text: Zentralasien"
    )
    checked = check_bytes(text.encode(), "map.yaml")
    assert not checked.diagnostics and checked.map is not None
    shown = buttons(render_map(checked.map, "html").decode())
    assert (
        shown["lieferant"][0]
        == "Opponent, premise: Zentralasien könnte Europa mit Energie versorgen."
    )
    assert shown["interesse"][0].startswith("Main thesis · conclusion: ")


class _Landmarks(HTMLParser):
    """The text of a page that no landmark holds (axe's ``region`` rule): outside ``header``,
    ``main``, ``nav``, ``aside``, ``footer`` and a named ``section``."""

    VOID = frozenset(
        {"meta", "link", "br", "img", "input", "hr", "wbr", "source", "col", "area", "base"}
    )
    LANDMARKS = frozenset({"header", "main", "nav", "aside", "footer"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # for each open element: is it a landmark?
        self.outside: list[str] = []
        self.skip = 0  # inside head, style or script

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        named = dict(attrs).keys() & {"aria-label", "aria-labelledby"}
        self.stack.append(tag in self.LANDMARKS or (tag == "section" and bool(named)))
        self.skip += tag in ("head", "style", "script")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()
            self.skip -= tag in ("head", "style", "script")

    def handle_data(self, data: str) -> None:
        if data.strip() and not self.skip and not any(self.stack):
            self.outside.append(data.strip())


def outside_landmarks(page: str) -> list[str]:
    found = _Landmarks()
    found.feed(page)
    return found.outside


def test_everything_on_the_coverage_page_and_the_html_view_is_in_a_landmark() -> None:
    """A screen reader's user moves by landmarks: the coverage page's list of claims was in an
    unnamed ``section`` outside ``main``, reached by no landmark (86 of axe's findings)."""
    amap = load(SEED_MAP)
    source = source_text(amap, SEED_MAP)
    assert source is not None
    assert outside_landmarks(coverage_page(amap, coverage(amap, SourceText(source)))) == []
    assert outside_landmarks(render_map(amap, "html", source=source).decode()) == []


def test_what_tab_reaches_in_the_html_view_says_what_it_is() -> None:
    """Every element Tab reaches is a control a screen reader names as one (WCAG 4.1.2): the
    claims are buttons, and a marked passage, which Enter takes to its claim in the map, is
    a link; it was a bare ``<mark tabindex="0">``, read as text with nothing to say that it
    leads anywhere."""
    amap = load(SEED_MAP)
    page = render_map(amap, "html", source=source_text(amap, SEED_MAP)).decode()
    stops = re.findall(r'<([a-z]+)\b([^>]*\btabindex="0"[^>]*)>', page)
    roles = [(tag, re.search(r'\brole="([^"]*)"', attributes)) for tag, attributes in stops]
    assert len(stops) > len(amap.claims)  # the claims, and the passages they quote
    assert {(tag, role and role[1]) for tag, role in roles} == {
        ("g", "button"),
        ("mark", "link"),
    }


def descriptions(page: str, amap: ArgumentMap) -> dict[str, list[str]]:
    """Each claim button's description in an HTML view, a line a sentence: the ``<desc>``
    its group starts with (none: no lines)."""
    found = {}
    for claim in amap.claims:
        group = re.search(rf'<g id="{claim.id}" class="node claim[^>]*>\n(<[^>]*>[^<]*)', page)
        assert group is not None, claim.id
        assert not group[1].startswith("<title>"), claim.id  # Graphviz's: the claim's id
        said = group[1].removeprefix("<desc>") if group[1].startswith("<desc>") else ""
        found[claim.id] = html.unescape(said).split("\n") if said else []
    return found


def test_a_claims_button_is_described_by_its_note_not_by_its_id() -> None:
    """A screen reader reads a button's description after its name: each claim's was the
    ``<title>`` Graphviz gives its node, the claim's id (``partnership-thesis``), and the
    analyst's note, which only the mouse's tooltip showed, was said to no one. Now a claim
    with a note is described by it, last."""
    amap = load(SEED_MAP)
    said = descriptions(render_map(amap, "html").decode(), amap)
    for claim in amap.claims:
        notes = [line for line in said[claim.id] if line.startswith("Note: ")]
        assert notes == ([f"Note: {claim.note}"] if claim.note else []), claim.id
        assert not notes or said[claim.id][-1] == notes[0]
    assert sum(1 for claim in amap.claims if claim.note) >= 1


def test_a_claims_button_says_what_the_claim_does_in_the_argument() -> None:
    """The lines of the drawing (which claim supports, attacks or undercuts which) were shown
    to the eye alone: Tab read the claims out in order, but not that a premise supports the
    thesis or attacks another claim. Now each claim's description says, a sentence a
    relation it takes part in, before its note."""
    amap = load(SEED_MAP)
    said = descriptions(render_map(amap, "html").decode(), amap)
    texts = {claim.id: " ".join(claim.text.split()) for claim in amap.claims}
    expected: dict[str, list[str]] = {claim.id: [] for claim in amap.claims}
    for relation in relations(amap):
        verb = {"support": "Supports", "rebut": "Attacks", "undercut": "Undercuts"}.get(
            relation.link.value
        )
        if verb is None:
            continue
        if relation.link.value == "undercut" and relation.on is not None:
            step = relation.on
            what = " + ".join(f"“{texts[m.id]}”" for m in step.claims)
            what += f" → “{texts[step.target.id]}”"
        else:
            what = f"“{texts[relation.target.id]}”"
        for member in relation.claims:
            expected[member.id].append(f"{verb} {what}")
    for claim in amap.claims:
        assert [line for line in said[claim.id] if not line.startswith("Note: ")] == (
            expected[claim.id]
        ), claim.id
    assert [line[:6] for line in said["partnership-thesis"]] == ["Note: "]  # it supports nothing
    assert any(line.startswith("Attacks “") for lines in said.values() for line in lines)
    assert any(line.startswith("Undercuts “") for lines in said.values() for line in lines)
    # in the map's language
    german_said = descriptions(render_map(german(), "html").decode(), german())
    assert german_said["lieferant"] == [
        "Stützt „Energie ist das offensichtlichste gemeinsame Interesse.“"
    ]


def test_the_coverage_page_tells_a_screen_reader_which_sentences_no_claim_quotes() -> None:
    """The page's point, the sentences no claim quotes, was shown by a tint and a wavy line,
    for the eye alone (WCAG 1.3.1): a screen reader read them as any other text. Each now
    begins with words a screen reader reads (``not quoted:``, in the page's language), which
    the stylesheet hides from the eye (a ``::before`` of its ``data-said``: copying the text
    copies the source alone)."""
    seed = load(SEED_MAP)  # it quotes every sentence: two claims' quotes left out
    source = source_text(seed, SEED_MAP)
    assert source is not None
    unquoted = {"scholz-speech", "kazakh-reforms"}
    amap = attrs.evolve(seed, claims=tuple(attrs.evolve(c, quotes=()) if c.id in unquoted else c
                                           for c in seed.claims))  # fmt: skip
    found = coverage(amap, SourceText(source))
    html_page = coverage_page(amap, found)
    missed = re.findall(r'<span class="missed"[^>]*>', html_page)
    assert len(missed) == sum(1 for s in found.sentences if s.furniture is None and not s.covered)
    assert missed and all('data-said="not quoted: "' in span for span in missed)
    hidden = r"\.missed\[data-said\]::before \{[^}]*content: attr\(data-said\);"
    assert re.search(hidden + r"[^}]*clip-path: inset\(50%\)", html_page)
    german_map = attrs.evolve(amap, lang="de")
    assert 'data-said="von keiner Aussage zitiert: "' in coverage_page(german_map, found)
