"""argmap.coverage and argmap.coverage_html: which sentences a map quotes, as text and as a page."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from argmap.analysis.coverage import Coverage, Sentence, coverage
from argmap.api import check_file, load, source_text
from argmap.model import ArgumentMap, Claim, Kind, Quote, Source
from argmap.pages.coverage import page
from argmap.read.source import MAX_OCCURRENCES, SourceText

from .conftest import ROOT, SEED_MAP, run
from .docs_text import section


def covered(text: str, *quotes: str, ignore: tuple[str, ...] = ()) -> Coverage:
    claims = tuple(
        Claim(f"c{i}", Kind.PREMISE, "C", quotes=(Quote(q),)) for i, q in enumerate(quotes)
    )
    amap = ArgumentMap(
        "t", claims or (Claim("c", Kind.PREMISE, "C"),), Source("s.txt", ignore=ignore)
    )
    return coverage(amap, SourceText(text))


def seed() -> tuple[ArgumentMap, Coverage]:
    amap = load(SEED_MAP)
    text = source_text(amap, SEED_MAP)
    assert text is not None
    return amap, coverage(amap, SourceText(text))


def test_the_seed_map_quotes_every_argumentative_sentence() -> None:
    _, found = seed()
    assert len(found.argument) == 25
    assert found.missed == [] and found.share == 1.0
    assert [s.line for s in found.furniture] == [4, 5, 48, 50, 52, 54, 56, 58, 59]
    assert found.implicit == ("continued-deference",)
    headline, standfirst = found.argument[:2]
    assert (headline.line, headline.claims) == (1, ("partnership-thesis",))
    assert (standfirst.line, standfirst.claims) == (3, ("russian-infrastructure",))


def test_sentences_end_at_stops_but_not_after_abbreviations_or_initials() -> None:
    text = "Mr. Smith met U.S. officials, e.g. twice. J. Doe agreed! Did he? “Yes.” 3 left.\n"
    found = covered(text)
    assert [s.text for s in found.sentences] == [
        "Mr. Smith met U.S. officials, e.g. twice.",
        "J. Doe agreed!",
        "Did he?",
        "“Yes.”",
        "3 left.",
    ]


def test_a_numbered_heading_is_one_headline_not_a_sentence() -> None:
    # A report's sections ("1. The problem", "2.3 Costs", "IV. Risks") are headlines: the
    # number was cut off as a sentence of its own, counted as argument not quoted.
    text = "1. The problem\n2.3. What was tried\nIV. Risks\n10. Traffic fell 20%. It rose.\n"
    found = covered(text)
    assert [(s.text, s.furniture is None) for s in found.sentences] == [
        ("1. The problem", False),
        ("2.3. What was tried", False),
        ("IV. Risks", False),
        ("10. Traffic fell 20%.", True),
        ("It rose.", True),
    ]
    assert [s.text for s in found.missed] == ["10. Traffic fell 20%.", "It rose."]


def test_german_and_russian_quotation_marks_and_abbreviations_split_as_english_ones_do() -> None:
    """A German quotation („…“, »…«) hid the end of the sentence it closed or opened, and the
    titles and references of German and Russian prose (``Prof.``, ``vgl.``, ``проф.``) ended
    a sentence: an analyst's coverage counted sentences that are not there."""
    german = (
        "Er sagte: „Das reicht nicht.“ Dann ging er. Das ist teuer. „Wir warten nicht“, "
        "sagte sie. Sie schrieb: »Genug.« Vgl. Abs. 3 und Nr. 5 bei Prof. Müller.\n"
    )
    assert [s.text for s in covered(german).sentences] == [
        "Er sagte: „Das reicht nicht.“",
        "Dann ging er.",
        "Das ist teuer.",
        "„Wir warten nicht“, sagte sie.",
        "Sie schrieb: »Genug.«",
        "Vgl. Abs. 3 und Nr. 5 bei Prof. Müller.",
    ]
    last = covered("Sie sagte: „Wir warten nicht.“\n")  # a paragraph ending in a quotation
    assert last.furniture == [] and len(last.argument) == 1  # is prose, not a caption
    russian = (
        "Как заметил проф. Ержанов, это так. Акад. Сахаров спорил. Это на рис. 3 и ул. Абая.\n"
    )
    assert [s.text for s in covered(russian).sentences] == [
        "Как заметил проф. Ержанов, это так.",
        "Акад. Сахаров спорил.",
        "Это на рис. 3 и ул. Абая.",
    ]


def test_a_line_that_stops_mid_sentence_continues_into_a_lower_case_line() -> None:
    found = covered("Headline\nThe cat sat on\nthe mat. Dogs bark at\ncats all day.\n")
    assert [(s.line, s.text, s.furniture is None) for s in found.sentences] == [
        (1, "Headline", False),
        (2, "The cat sat on the mat.", True),
        (3, "Dogs bark at cats all day.", True),
    ]


def test_furniture_is_told_apart_and_not_counted() -> None:
    text = (
        "Click here to subscribe to our newsletter today!\n"
        "Photo: Reuters / Some Agency\n"
        "A headline without a stop\n"
        "Too short, this.\n"
        "Share on WhatsApp and more.\n"
        "This one is a real sentence of the article.\n"
    )
    found = covered(text, ignore=("Share on * and more.",))
    assert [(s.line, s.furniture) for s in found.furniture] == [
        (1, "page furniture"),
        (2, "page furniture"),
        (3, "no closing punctuation: a headline, caption or link"),
        (4, "a line of fewer than 4 words"),
        (5, "named in the map's 'ignore' list"),
    ]
    assert [s.line for s in found.missed] == [6]
    assert found.share == 0.0


def test_what_a_claim_quotes_is_argument_whatever_it_looks_like() -> None:
    found = covered("Related Stories\n\nIt rained.\n", "Related Stories")
    assert [(s.text, s.covered, s.furniture) for s in found.sentences] == [
        ("Related Stories", True, None),
        ("It rained.", False, "a line of fewer than 4 words"),
    ]


def test_an_elision_skips_words_and_a_repeated_passage_is_covered_twice() -> None:
    text = "The cat sat on the mat today.\n\nDogs bark at night.\n\nThe cat sat on the mat today.\n"
    found = covered(text, "The cat … the mat")
    first, dogs, again = found.sentences
    assert first.covered and again.covered and not dogs.covered
    assert first.quoted == len("Thecat") + len("themat")
    assert 0 < first.share < 1
    assert [(p.start, p.end) for p in found.passages] == [(0, 7), (15, 22), (52, 59), (67, 74)]


def test_a_quote_found_everywhere_covers_its_first_thousand_places_at_once() -> None:
    """Quotes as common as "e" (here "see") in a 40 KB source: coverage made a passage of
    every occurrence (a 2 MB source took 39 s and 2 GB) and its page looked at every passage
    for every piece of every sentence (40 s here). A quote covers its first MAX_OCCURRENCES
    places."""
    text = ("Bees see trees. " * 5 + "\n") * 500  # 2,500 sentences of six e's each
    quotes = ("see", "see", "Bees see trees.")  # a quote is of whole words
    claims = tuple(
        Claim(f"c{i}", Kind.PREMISE, "C", quotes=(Quote(q),)) for i, q in enumerate(quotes)
    )
    amap = ArgumentMap("t", claims, Source("s.txt"))
    found = coverage(amap, SourceText(text))
    assert len(found.passages) == 3 * MAX_OCCURRENCES == 3000
    assert len(found.argument) == 2500 and len(found.missed) == 1500

    def quoting(claim: str) -> list[Sentence]:
        return [s for s in found.sentences if claim in s.claims]

    assert len(quoting("c0")) == len(quoting("c1")) == 1000  # a "see" a sentence
    assert quoting("c2") == list(found.sentences[:1000])
    html = page(amap, found)
    assert html.count('data-claims="c2 c0 c1"') == 1000  # "see" in the first 1000 sentences
    assert html.count('data-claims="c2"') == 2 * 1000  # "Bees " and " trees." around it
    assert html.count('<span class="missed"') == 1500 and balanced(html)
    assert f"more than {MAX_OCCURRENCES:,} times" in " ".join(section("Coverage").split())


def test_the_page_is_escaped_self_contained_and_links_passages_to_claims() -> None:
    nasty = 'Say "<script>alert(1)</script>" & <b>bold</b> it.'
    text = f"{nasty}\n\nNobody quotes this sentence at all.\n"
    amap = ArgumentMap(
        "A <title> & more",
        (Claim("c", Kind.PREMISE, "<img src=x onerror=alert(1)>", quotes=(Quote(nasty),)),),
        Source("s.txt", title="</title><script>"),
    )
    html = page(amap, coverage(amap, SourceText(text)))
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not re.search(r"(?:src|href)=\"(?!#)", html)  # nothing from elsewhere
    assert 'href="#claim-c"' in html and 'id="claim-c"' in html
    assert 'class="missed"' in html
    assert balanced(html)


class _Tags(HTMLParser):
    VOID = frozenset({"meta", "br", "img", "link", "input", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.ok = True

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.ok = self.ok and bool(self.open) and self.open.pop() == tag


def balanced(html: str) -> bool:
    """Every element the page opens it closes, in order."""
    tags = _Tags()
    tags.feed(html)
    return tags.ok and not tags.open


def test_cli_coverage_of_the_seed_map(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "maps").mkdir()
    path = Path(shutil.copy(SEED_MAP, tmp_path / "maps"))
    (tmp_path / ".git").mkdir()  # the project, holding the map and its source
    out = tmp_path / "coverage.html"
    result = run("coverage", str(path), "--html", str(out))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("argmap: wrote ")
    lines = result.output.splitlines()
    assert lines[1].split() == ["line", "quoted", "sentence", "claims"]
    assert lines[2].startswith("   1     61%  Europe & Central Asia: A partnership")
    assert "NOT QUOTED" not in result.output
    assert "  59  DT next" in result.output
    assert lines[-1] == (
        "25 of 25 argumentative sentences quoted (100%); 9 lines of furniture; "
        "1 implicit claim (continued-deference)"
    )
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_coverage_needs_a_source(write_map) -> None:
    path = write_map("argmap: 1\ntitle: t\npremises:\n  - id: p\n    text: P\n")
    result = run("coverage", str(path))
    assert (result.exit_code, result.output) == (
        2,
        f"argmap: error: {path}: the map has no source to cover\n",
    )


def test_cli_coverage_reports_missed_sentences(write_map) -> None:
    source = "The cat sat on the mat.\nDogs bark at night, loudly.\n"
    path = write_map(
        "argmap: 1\ntitle: t\nsource:\n  path: source.txt\n"
        "premises:\n  - id: cat\n    text: Cat.\n    quotes: The cat sat\n",
        source,
    )
    result = run("coverage", str(path))
    assert result.exit_code == 0
    assert "   2      0%  Dogs bark at night, loudly.  NOT QUOTED" in result.output
    assert result.output.endswith(
        "1 of 2 argumentative sentences quoted (50%); 0 lines of furniture; 0 implicit claims\n"
    )
    assert check_file(path).ok


def test_cli_coverage_of_a_source_outside_the_project_points_at_the_option(
    tmp_path: Path,
) -> None:
    """The command line names its option, --source-root, not the API's source_root=."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "text.txt").write_text("The cat sat on the mat.\n", encoding="utf-8")
    project = tmp_path / "course"
    (project / "maps").mkdir(parents=True)
    (project / "pyproject.toml").touch()
    path = project / "maps" / "m.yaml"
    path.write_text(
        "argmap: 1\ntitle: t\nsource:\n  path: ../../seeds/text.txt\n"
        "premises:\n  - id: cat\n    text: Cat.\n    quotes: The cat sat\n",
        encoding="utf-8",
    )
    result = run("coverage", str(path))
    assert result.exit_code == 2
    assert "(see --source-root)" in result.stderr and "source_root=" not in result.stderr


def test_cli_coverage_missed_lists_only_what_no_claim_quotes(write_map) -> None:
    # In a long report's 180 rows a fact-checker needed grep to find what was left to map.
    source = "Headline\nThe cat sat on the mat.\nDogs bark at night, loudly.\nBirds sing all day.\n"
    path = write_map(
        "argmap: 1\ntitle: t\nsource:\n  path: source.txt\n"
        "premises:\n  - id: cat\n    text: Cat.\n    quotes: The cat sat\n",
        source,
    )
    result = run("coverage", "--missed", str(path))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == [
        "line  sentence",
        "   3  Dogs bark at night, loudly.",
        "   4  Birds sing all day.",
    ]
    assert "cat sat" not in result.output and "Headline" not in result.output
    assert result.output.endswith(
        "1 of 3 argumentative sentences quoted (33%); 1 line of furniture; 0 implicit claims\n"
    )
    path.with_name("source.txt").write_text("The cat sat on the mat.\n", encoding="utf-8")
    result = run("coverage", "--missed", str(path))
    assert result.output == (  # nothing left: no empty table
        "1 of 1 argumentative sentence quoted (100%); 0 lines of furniture; 0 implicit claims\n"
    )


def test_the_summary_never_breaks_a_line_between_a_number_and_its_words() -> None:
    """A line of the summary may not end at ``12`` or ``of`` and go on with ``of 40`` or
    ``lines of furniture``, nor start with the ``·`` between its parts."""
    text = "Cats purr. Dogs bark.\n\nPage 3\n"
    for lang in ("en", "de", "fr", "ru"):
        amap = ArgumentMap(
            "t",
            (
                Claim("c", Kind.PREMISE, "Cats purr", quotes=(Quote("Cats purr."),)),
                Claim("i", Kind.PREMISE, "Implied", implicit=True),
            ),
            Source("s.txt"),
            lang=lang,
        )
        html = page(amap, coverage(amap, SourceText(text)))
        summary = re.search(r'<p class="summary"[^>]*>(.*?)</p>', html, re.S)[1]
        words = re.sub(r"<[^>]+>", "", summary)
        assert re.search(r"\d\xa0", words), (lang, words)  # the glue is there to be found
        assert not re.search(r"\d(?:</strong>)? |(?:von|of|sur|из) (?=\d|<)", summary), lang
        assert " ·" not in summary and "\xa0· " in summary, lang
