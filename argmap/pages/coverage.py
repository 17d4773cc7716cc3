"""Coverage → one self-contained HTML page: the source with quoted passages highlighted and
linked to their claims, sentences no claim quotes marked, and furniture greyed out.

Every piece of text from the map or the source goes through ``html.escape``; the page loads
nothing (no scripts, fonts, images or stylesheets from elsewhere).
"""

from __future__ import annotations

import html

from argmap.analysis.coverage import Coverage, Sentence
from argmap.model import ArgumentMap
from argmap.pages.spans import Sweep
from argmap.pages.templates import asset, fill, languages


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _pct(share: float) -> str:
    return f"{share:.0%}"


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
    coverage: Coverage, sentence: Sentence, names: dict[str, str], marks: _Marks, english: str
) -> str:
    text = coverage.text
    if sentence.furniture is not None:
        return (
            f'<span class="furniture" title="{_e("not counted: " + sentence.furniture)}">'
            f"{_e(text[sentence.start : sentence.end])}</span>"
            f'<span class="why"{english}>{_e(sentence.furniture)}</span>'
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
        title = "; ".join(f"{c}: {names.get(c, '')}" for c in claims)
        out.append(
            f'<mark class="quote" data-claims="{_e(" ".join(claims))}">'
            f'<a href="#claim-{_e(first)}" title="{_e(title)}">{piece}</a></mark>'
        )
        for claim in dict.fromkeys(c for c in marks.ending.get(b, ()) if c in claims):
            out.append(f'<a class="tag" href="#claim-{_e(claim)}">{_e(claim)}</a>')
    body = "".join(out)
    if not sentence.covered:
        tip = f"line {sentence.line}: no claim quotes this sentence"
        return f'<span class="missed" title="{_e(tip)}">{body}</span>'
    return body


def _article(coverage: Coverage, names: dict[str, str], english: str) -> str:
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
            parts.append(_sentence(coverage, sentence, names, marks, english))
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


def _claims(amap: ArgumentMap, coverage: Coverage, english: str) -> str:
    quoted: dict[str, Sentence] = {}
    for sentence in coverage.sentences:
        for claim in sentence.claims:
            quoted.setdefault(claim, sentence)
    items = []
    for claim in amap.by_id().values():
        where = quoted.get(claim.id)
        if where is not None:
            place = f'<a class="note" href="#line-{where.paragraph}"{english}>line {where.line}</a>'
        elif claim.implicit:
            place = f'<span class="note"{english}>implicit: not stated in the text</span>'
        elif claim.quotes:
            place = f'<span class="note"{english}>its quotes are not in the source</span>'
        else:
            place = f'<span class="note"{english}>no quotes</span>'
        kind = claim.kind.value + (", implicit" if claim.implicit else "")
        items.append(
            f'<li id="claim-{_e(claim.id)}"><span class="id">{_e(claim.id)}</span>'
            f'<span class="kind"{english}>{_e(kind)}</span> {place}'
            f'<span class="text">{_e(claim.text)}</span></li>'
        )
    return '<ul class="claims">\n' + "\n".join(items) + "\n</ul>"


def page(amap: ArgumentMap, coverage: Coverage) -> str:
    """The coverage of a map's source as a self-contained HTML page."""
    names = {claim.id: claim.text for claim in reversed(amap.claims)}
    argument = coverage.argument
    covered = sum(s.covered for s in argument)
    furniture = len(coverage.furniture)
    about = amap.source.about if amap.source is not None else ()
    lang, english = languages(amap)
    source = f"<span{english}>Source:</span>" if english else "Source:"
    meta = f'<p class="meta">{source} {_e(" · ".join(about))}</p>' if about else ""
    implicit = len(coverage.implicit)
    summary = (
        f"<strong>{covered} of {len(argument)}</strong> argumentative sentences quoted "
        f"(<strong>{_pct(coverage.share)}</strong>) · {furniture} "
        f"line{'s' * (furniture != 1)} of furniture not counted · {implicit} implicit "
        f"claim{'s' * (implicit != 1)}"
    )
    return fill(
        "coverage.html",
        lang=lang or ' lang="en"',
        english=english,
        title=_e(amap.title),
        css=asset("coverage.css"),
        meta=meta,
        summary=summary,
        article=_article(coverage, names, english),
        claims=_claims(amap, coverage, english),
    )


__all__ = ["page"]
