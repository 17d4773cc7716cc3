"""Coverage → one self-contained HTML page: the source with quoted passages highlighted and
linked to their claims, sentences no claim quotes marked, and furniture greyed out.

Every piece of text from the map or the source goes through ``html.escape``; the page loads
nothing (no scripts, fonts, images or stylesheets from elsewhere). The page's own words are in
the map's language where argmap speaks it (:func:`argmap.words.vocabulary`), else English.
"""

from __future__ import annotations

import html
import re

import attrs

from argmap.analysis.coverage import (
    IGNORED,
    MIN_WORDS,
    PAGE_FURNITURE,
    SHORT,
    UNENDED,
    Coverage,
    Sentence,
)
from argmap.analysis.sides import own
from argmap.model import ArgumentMap
from argmap.pages.spans import Sweep
from argmap.pages.templates import asset, fill, languages
from argmap.words import Words, vocabulary
from argmap.words.glue import NO_BREAK

#: Why a line is not counted, as coverage says it → its words (``why short`` takes a number).
_WHY = {IGNORED: "why ignored", PAGE_FURNITURE: "why furniture", UNENDED: "why unended",
        SHORT: "why short"}  # fmt: skip


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _why(furniture: str, words: Words) -> str:
    """Why a line is not counted, in ``words``; a reason they have no words for as it is."""
    key = _WHY.get(furniture)
    return furniture if key is None else words.typeset(key, n=MIN_WORDS)


@attrs.frozen
class _Said:
    """The page's own words, and the attribute that marks them English on a page in another
    language (empty where they are the page's)."""

    words: Words
    english: str


class _Marks:
    """The quoted passages of a coverage, prepared for marking the text left to right."""

    def __init__(self, coverage: Coverage) -> None:
        self.sweep = Sweep(coverage.passages)
        # The claims of the passages ending at each offset, in the order of the passages.
        self.ending: dict[int, list[str]] = {}
        for passage in coverage.passages:
            if passage.start < passage.end:
                self.ending.setdefault(passage.end, []).append(passage.claim)


def _sentence(
    coverage: Coverage, sentence: Sentence, names: dict[str, str], marks: _Marks, said: _Said
) -> str:
    text, words, english = coverage.text, said.words, said.english
    if sentence.furniture is not None:
        why = _why(sentence.furniture, words)
        return (
            f'<span class="furniture" title="{_e(words.typeset("not counted", why=why))}">'
            f"{_e(text[sentence.start : sentence.end])}</span>"
            f'<span class="why"{english}>{_e(why)}</span>'
        )
    out = []
    # The sentence cut wherever a quoted passage starts or ends, with the claims quoting each
    # piece in the order their passages start.
    for a, b, over in marks.sweep.pieces(sentence.start, sentence.end):
        piece = _e(text[a:b])
        if not over:
            out.append(piece)
            continue
        claims = list(dict.fromkeys(over))
        first = claims[0]
        title = words.typeset("semicolon").join(
            words.typeset("labelled", kind=c, text=names.get(c, "")) for c in claims
        )
        out.append(
            f'<mark class="quote" data-claims="{_e(" ".join(claims))}">'
            f'<a href="#claim-{_e(first)}" title="{_e(title)}">{piece}</a></mark>'
        )
        for claim in dict.fromkeys(c for c in marks.ending.get(b, ()) if c in claims):
            out.append(f'<a class="tag" href="#claim-{_e(claim)}">{_e(claim)}</a>')
    body = "".join(out)
    if not sentence.covered:
        tip = words.typeset("missed tip", n=sentence.line)
        # what the tint and wavy line show, for a screen reader: hidden from the eye by CSS
        said = words.typeset("labelled", kind=words.typeset("sample missed"), text="")
        return f'<span class="missed" title="{_e(tip)}" data-said="{_e(said)}">{body}</span>'
    return body


def _article(coverage: Coverage, names: dict[str, str], said: _Said) -> str:
    """The source, paragraph by paragraph, each numbered with its first line."""
    out = []
    text = coverage.text
    marks = _Marks(coverage)
    lines: dict[int, list[Sentence]] = {}
    for sentence in coverage.sentences:
        lines.setdefault(sentence.paragraph, []).append(sentence)
    for line, sentences in lines.items():
        parts = []
        for k, sentence in enumerate(sentences):
            if k:
                parts.append(_e(text[sentences[k - 1].end : sentence.start]))
            parts.append(_sentence(coverage, sentence, names, marks, said))
        classes = ["para"]
        if all(s.furniture is not None for s in sentences):
            classes.append("furniture-para")
        if any(s.furniture is None and not s.covered for s in sentences):
            classes.append("missed-para")
        out.append(
            f'<div class="{" ".join(classes)}" id="line-{line}">'
            f'<span class="ln">{line}</span><p>{"".join(parts)}</p></div>'
        )
    return "\n".join(out)


def _claims(amap: ArgumentMap, coverage: Coverage, said: _Said) -> str:
    words, english = said.words, said.english
    quoted: dict[str, Sentence] = {}
    for sentence in coverage.sentences:
        for claim in sentence.claims:
            quoted.setdefault(claim, sentence)
    items, mine = [], own(amap)
    for claim in amap.by_id().values():
        where = quoted.get(claim.id)
        if where is not None:
            line = _e(words.typeset("line n", n=where.line))
            place = f'<a class="note" href="#line-{where.paragraph}"{english}>{line}</a>'
        else:
            note = "quotes elsewhere" if claim.quotes else "no quotes"
            note = "implicit note" if claim.implicit else note
            note = "analyst's note" if claim.id in mine else note
            place = f'<span class="note"{english}>{_e(words.typeset(note))}</span>'
        kind = words(f"kind {'implicit ' * claim.implicit}{claim.kind.value}")
        items.append(
            f'<li id="claim-{_e(claim.id)}"><span class="id">{_e(claim.id)}</span>'
            f'<span class="kind"{english}>{_e(kind)}</span> {place}'
            f'<span class="text">{_e(claim.text)}</span></li>'
        )
    return '<ul class="claims">\n' + "\n".join(items) + "\n</ul>"


def _summary(coverage: Coverage, words: Words) -> str:
    """How much of the argument the map quotes, and what the count leaves out."""
    argument = coverage.argument
    covered = sum(s.covered for s in argument)
    furniture, implicit = len(coverage.furniture), len(coverage.implicit)
    quoted = _e(words.typeset("n of m", covered=covered, total=len(argument)))
    share = _e(words.typeset("percent", n=f"{coverage.share:.0%}".removesuffix("%")))
    key = words.plural("sentences quoted", len(argument))
    said = words.typeset(
        key, quoted=f"<strong>{quoted}</strong>", share=f"<strong>{share}</strong>"
    )
    lines = words.typeset(words.plural("furniture lines", furniture), n=furniture)
    claims = words.typeset(words.plural("implicit claims", implicit), n=implicit)
    summary = f"{said}{NO_BREAK}· {_e(lines)}{NO_BREAK}· {_e(claims)}"
    return _NEXT_TO_NUMBER.sub(NO_BREAK, summary)  # not "12 | of 40", "9 | lines of ..."


#: A space after a number or before one, a bold one's tag between them or not.
_NEXT_TO_NUMBER = re.compile(r"(?<=\d) |(?<=\d</strong>) |(?<!·) (?=\d)| (?=<strong>\d)")


def _legend(words: Words) -> str:
    """What each marking means, a sample of it in its words."""
    samples = (("quoted", "mark", "quote"), ("missed", "span", "missed"),
               ("furniture", "span", "furniture"))  # fmt: skip
    items = []
    for key, tag, marked in samples:
        sample = f'<{tag} class="{marked} sample">{_e(words.typeset("sample " + key))}</{tag}>'
        meaning = _e(words.typeset("legend " + key, sample="\0")).replace("\0", sample)
        items.append(f"<li>{meaning}</li>")
    return "".join(items)


def page(amap: ArgumentMap, coverage: Coverage) -> str:
    """The coverage of a map's source as a self-contained HTML page, its own words in the
    map's language (English, marked so, in a language argmap does not speak)."""
    names = {claim.id: claim.text for claim in reversed(amap.claims)}
    about = amap.source.about if amap.source is not None else ()
    words = vocabulary(amap.lang)
    lang, english = languages(amap)
    if words.lang != "en":  # the page's own words are in the map's language: nothing to mark
        english = ""
        source = words.typeset("source", source=_e(" · ".join(about)))
    else:  # as it always was: "Source:", marked English on a page in another language
        label = f"<span{english}>Source:</span>" if english else "Source:"
        source = f"{label} {_e(' · '.join(about))}"
    said = _Said(words, english)
    return fill(
        "coverage.html",
        lang=lang or ' lang="en"',
        english=english,
        page_title=_e(words.typeset("coverage title", title=amap.title)),
        title=_e(amap.title),
        css=asset("coverage.css"),
        meta=f'<p class="meta">{source}</p>' if about else "",
        summary=_summary(coverage, words),
        legend=_legend(words),
        the_source=_e(words.typeset("the source")),
        the_claims=_e(words.typeset("the claims")),
        article=_article(coverage, names, said),
        claims=_claims(amap, coverage, said),
    )


__all__ = ["page"]
