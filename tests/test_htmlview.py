"""The HTML view: one offline file, the map beside its source, quotes marked by claim."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.analysis.coverage import coverage as cover
from argmap.api import load, render_map, source_text
from argmap.cli import main
from argmap.model import ArgumentMap, Claim, Kind, Quote, Reason, Ref, Source
from argmap.pages.view import CSP, Quoted, article, passages
from argmap.read.source import MAX_OCCURRENCES, SourceText, normalize

from .conftest import ROOT, SEED_MAP, SEED_TEXT

NASTY = 'A "quoted" <script>alert(1)</script> & </mark> ]]> \\N'


class Tags(HTMLParser):
    """Every start tag with its attributes, and whether the markup nests properly."""

    VOID = frozenset(
        {"meta", "br", "img", "input", "link", "path", "polygon", "ellipse", "polyline"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, (tag, self.open[-5:])
        self.open.pop()


def parse(page: bytes) -> Tags:
    tags = Tags()
    tags.feed(page.decode("utf-8"))
    tags.close()
    assert tags.open == []
    return tags


@pytest.fixture(scope="module")
def seed() -> ArgumentMap:
    return load(SEED_MAP)


@pytest.fixture(scope="module")
def seed_page(seed: ArgumentMap) -> bytes:
    return render_map(seed, "html", source=source_text(seed, SEED_MAP))


def test_the_page_is_one_file_that_asks_for_nothing(seed_page: bytes) -> None:
    tags = parse(seed_page)
    text = seed_page.decode()
    assert text.startswith("<!DOCTYPE html>\n")
    metas = [a for t, a in tags.tags if t == "meta"]
    assert {"http-equiv": "Content-Security-Policy", "content": CSP} in metas
    assert CSP == (
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
        "font-src data:"
    )
    for tag, attributes in tags.tags:
        assert tag not in ("link", "iframe", "object", "embed", "img", "image"), tag
        assert "src" not in attributes, tag
        assert not (attributes.get("href") or "").startswith(("http", "//")), attributes
    scripts = [a for t, a in tags.tags if t == "script"]
    assert scripts == [{}]  # one inline script
    assert "@import" not in text and "fetch(" not in text
    # The one kind of URL is the drawing's font's: data, in the page itself.
    assert re.findall(r"url\((\w+:[\w/]+)", text) == ["data:font/woff2"] * text.count("url(")


def test_the_article_is_the_source_text_with_every_quote_marked(
    seed: ArgumentMap, seed_page: bytes
) -> None:
    source = SourceText(SEED_TEXT.read_text(encoding="utf-8"))
    marks = re.findall(r'<mark [^>]*data-claims="([^"]+)" data-start="(\d+)" data-end="(\d+)"',
                       seed_page.decode())  # fmt: skip
    assert marks
    for claim in seed.claims:
        covered = "".join(
            source.text[int(a) : int(b)] for ids, a, b in marks if claim.id in ids.split()
        )
        for quote in claim.quotes:
            assert normalize(quote.text) in normalize(covered), (claim.id, quote.text)
    # Without tags, the article is the source text (white space between paragraphs aside).
    body = seed_page.decode().split('aria-label="Source text">', 1)[1].split("</article>")[0]
    plain = re.sub(r"<[^>]+>", "", body).replace("&amp;", "&").replace("&lt;", "<")
    assert normalize(plain) == normalize(source.text)


def test_every_claim_in_the_map_is_focusable_and_labelled(
    seed: ArgumentMap, seed_page: bytes
) -> None:
    groups = {a.get("data-claim"): a for t, a in parse(seed_page).tags if a.get("data-claim")}
    assert set(groups) == {c.id for c in seed.claims}
    for claim in seed.claims:
        attributes = groups[claim.id]
        assert attributes["tabindex"] == "0" and attributes["role"] == "button"
        said = ("main thesis · " if claim.id == "partnership-thesis" else "") + (
            "implicit " if claim.implicit else ""
        )  # the words over its text (tests/test_accessible.py: all of them)
        assert attributes["aria-label"] == f"{said}{claim.kind.value}: ".capitalize() + " ".join(
            claim.text.split()
        )


#: A quoted passage in the view, up to its claims: reached with Tab, a link to its claim.
MARK = '<mark tabindex="0" role="link" data-claims='


def small(source_path: str = "source.txt", **claims: list[str]) -> ArgumentMap:
    quoted = [Claim(i, Kind.PREMISE, f"Claim {i}.", quotes=tuple(map(Quote, q)))
              for i, q in claims.items()]  # fmt: skip
    top = Claim("top", Kind.CONCLUSION, "Top.", reasons=(Reason(tuple(Ref(c.id) for c in quoted)),))
    return ArgumentMap("T", (*quoted, top), source=Source(source_path))


def line(number: int) -> str:
    return f'<span class="ln" data-line="{number}" aria-hidden="true"></span>'


def test_overlapping_quotes_mark_a_stretch_with_both_claims() -> None:
    text = "One two three four five.\n\nSix seven."
    amap = small(a=["two three four"], b=["four five"], c=["Six"])
    found = passages(amap, SourceText(text))
    assert found == [Quoted(4, 18, "a"), Quoted(14, 23, "b"), Quoted(26, 29, "c")]
    assert article(text, found) == (
        f'<p>{line(1)}One {MARK}"a" data-start="4" data-end="14">'
        "two three </mark>"
        f'{MARK}"a b" data-start="14" data-end="18">four</mark>'
        f'{MARK}"b" data-start="18" data-end="23"> five</mark>.</p>\n'
        f'<p>{line(3)}{MARK}"c" data-start="26" data-end="29">Six</mark>'
        " seven.</p>"
    )


def test_every_line_of_the_source_starts_with_its_number_as_no_text() -> None:
    """The numbers check and coverage name, drawn by the stylesheet (``::before``): the
    markers hold no text, so copying the article copies the source alone."""
    text = "First line\nsecond line\n\n  Third, quoted\nand on."
    found = passages(small(a=["Third, quoted and on"]), SourceText(text))
    assert article(text, found) == (
        f"<p>{line(1)}First line\n{line(2)}second line</p>\n"
        f'<p>{line(4)}{MARK}"a" data-start="26" data-end="46">'
        f"Third, quoted\n{line(5)}and on</mark>.</p>"
    )
    assert re.sub(r"<[^>]*>", "", article(text, found)) == text.replace("\n\n  ", "\n")
    css = (ROOT / "argmap" / "pages" / "assets" / "view.css").read_text(encoding="utf-8")
    assert re.search(r"\.ln::before \{[^}]*content: attr\(data-line\)", css)


def test_the_line_numbers_are_those_check_and_coverage_name(seed_page: bytes) -> None:
    source = SourceText(SEED_TEXT.read_text(encoding="utf-8"))
    body = seed_page.decode().split('aria-label="Source text">', 1)[1].split("</article>")[0]
    numbers = [int(n) for n in re.findall(r'<span class="ln" data-line="(\d+)"', body)]
    lines = source.text.split("\n")
    assert numbers == [n for n, text in enumerate(lines, 1) if text.strip()]
    current = 0
    for tag in re.finditer(r'data-line="(\d+)"|<mark [^>]*data-start="(\d+)"', body):
        if tag.group(1):
            current = int(tag.group(1))
        else:
            assert current == source.line_of(int(tag.group(2)))


def test_a_passage_that_occurs_twice_is_marked_twice() -> None:
    text = "Energy matters most.\n\nThe body begins. Energy matters most. It ends."
    found = passages(small(a=["Energy matters most"]), SourceText(text))
    assert [(p.start, p.end) for p in found] == [(0, 19), (39, 58)]
    assert article(text, found).count('data-claims="a"') == 2


def test_the_view_marks_what_coverage_counts(seed: ArgumentMap) -> None:
    """Every stretch coverage counts as quoted, and no other, is marked for its claim (the
    seed's standfirst repeats a sentence of its body)."""
    source = SourceText(source_text(seed, SEED_MAP) or "")
    counted = {(p.start, p.end, p.claim) for p in cover(seed, source).passages}
    marked = {(p.start, p.end, p.claim) for p in passages(seed, source)}
    assert marked == counted
    starts = sorted(p.start for p in passages(seed, source) if p.claim == "partnership-thesis")
    assert len(starts) >= 2 and source.line_of(starts[0]) != source.line_of(starts[-1])


def test_a_quote_found_everywhere_marks_its_first_thousand_places_at_once() -> None:
    """Two claims quoting "e" in 40 KB of "e e e …", one paragraph: rendering took 27 s (each
    piece of the paragraph looked at every passage); a quote marks its first
    MAX_OCCURRENCES places, each piece once."""
    text = ("e " * 40 + "\n") * 500
    found = passages(small(a=["e"], b=["e"]), SourceText(text))
    assert len(found) == 2 * MAX_OCCURRENCES
    assert found[-2:] == [Quoted(24 * 81 + 78, 24 * 81 + 79, c) for c in "ab"]  # the 1000th e
    html = article(text, found)
    assert (
        html.count("<mark")
        == html.count('<mark tabindex="0" role="link" data-claims="a b"')
        == 1000
    )
    assert re.sub(r"<[^>]*>", "", html) == text  # every character once, in order


def test_an_elided_quote_marks_its_parts_only() -> None:
    text = "Europe must act now, said the minister, or lose the region."
    found = passages(small(a=["Europe must act now … or lose the region"]), SourceText(text))
    assert [text[p.start : p.end] for p in found] == ["Europe must act now", "or lose the region"]


def test_a_quote_across_a_paragraph_break_is_marked_in_both() -> None:
    text = "The end of one\n\nand the start of another."
    found = passages(small(a=["one and the start"]), SourceText(text))
    html = article(text, found)
    assert html.count("<mark") == 2 and html.count("<p>") == 2


def test_nasty_text_is_escaped_everywhere() -> None:
    text = f"Before. {NASTY} After."
    amap = small(a=[NASTY])
    page = render_map(amap, "html", source=text).decode()
    assert "<script>alert" not in page and "</mark> ]]>" not in page
    assert page.count("<script>") == 1
    parse(page.encode())


def test_without_a_source_the_page_shows_the_map_alone(seed: ArgumentMap) -> None:
    page = render_map(seed, "html").decode()
    assert "<article" not in page and 'class="view map-only"' in page
    assert page.count("data-claim=") == len(seed.claims)


def test_the_page_is_deterministic_and_follows_the_theme(seed: ArgumentMap) -> None:
    text = source_text(seed, SEED_MAP)
    dark = render_map(seed, "html", source=text, theme="dark")
    assert dark == render_map(seed, "html", source=text, theme="dark")
    assert b'<body class="theme-dark">' in dark and b"argmap-theme-dark" in dark


def test_render_html_from_the_command_line(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "maps").mkdir()
    seed = Path(shutil.copy(SEED_MAP, tmp_path / "maps"))
    seeds = ("--source-root", str(tmp_path / "seeds"))  # the source is beside the map's folder
    result = CliRunner().invoke(main, ["render", str(seed), "-f", "html", *seeds])
    assert result.exit_code == 0, result.output
    page = seed.with_suffix(".html").read_bytes()
    assert b"<mark " in page and b"Content-Security-Policy" in page
    out = tmp_path / "view.html"
    assert CliRunner().invoke(main, ["render", str(seed), "-o", str(out), *seeds]).exit_code == 0
    assert out.read_bytes() == page
