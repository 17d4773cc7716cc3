"""Coverage → one self-contained HTML page: the source with quoted passages highlighted and
linked to their claims, sentences no claim quotes marked, and furniture greyed out.

Every piece of text from the map or the source goes through ``html.escape``; the page loads
nothing (no scripts, fonts, images or stylesheets from elsewhere).
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterator

from argmap.coverage import Coverage, Sentence
from argmap.model import ArgumentMap

_CSS = """
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --quote: #fff1b8;
  --quote-edge: #d4a72c; --miss: #fbe3dc; --miss-edge: #c2410c; --tag: #5a3e00; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.6 Georgia, "Times New Roman", serif; color: var(--ink);
  background: #fff; }
header, main, section { max-width: 52rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.5rem; border-bottom: 1px solid var(--line); }
h1 { font: 600 1.5rem/1.3 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  margin: 0 0 .25rem; }
h2 { font: 600 1.1rem/1.3 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  margin: 2rem 0 .75rem; }
.meta, .summary, .legend, .ln, .tag, .why, .claims li, .kind, .note {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.meta { color: var(--muted); font-size: .9rem; margin: 0 0 .5rem; }
.summary { font-size: 1rem; margin: .5rem 0; }
.summary strong { font-size: 1.15rem; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; font-size: .85rem;
  color: var(--muted); margin: .75rem 0 1rem; padding: 0; list-style: none; }
.para { display: grid; grid-template-columns: 3.2rem 1fr; margin: 0 0 .9rem; }
.ln { color: var(--muted); font-size: .75rem; text-align: right; padding: .35rem .8rem 0 0;
  user-select: none; }
.para p { margin: 0; }
mark.quote { background: var(--quote); border-bottom: 2px solid var(--quote-edge);
  padding: .05em 0; color: inherit; }
mark.quote a { color: inherit; text-decoration: none; }
mark.quote a:hover, mark.quote a:focus { text-decoration: underline; }
.tag { font-size: .62rem; font-weight: 600; color: var(--tag); background: #fbe7a1;
  border-radius: .25rem; padding: 0 .25rem; margin: 0 .1rem; vertical-align: .35em;
  white-space: nowrap; text-decoration: none; line-height: 1; }
.missed { background: var(--miss); text-decoration: underline wavy var(--miss-edge);
  text-decoration-thickness: 1px; text-underline-offset: .2em; }
.para.missed-para .ln::after { content: " \\25B8"; color: var(--miss-edge); }
.furniture { color: #8c959f; font-style: italic; font-size: .92rem; }
.why { font-size: .7rem; font-style: normal; color: #8c959f; border: 1px solid var(--line);
  border-radius: .25rem; padding: 0 .3rem; margin-left: .5rem; white-space: nowrap; }
.claims { list-style: none; padding: 0; margin: 0 0 3rem; }
.claims li { font-size: .9rem; padding: .45rem .6rem; border-left: 3px solid var(--line);
  margin: 0 0 .4rem; }
.claims li:target { background: #f6f8fa; border-left-color: var(--quote-edge); }
.claims .id { font-weight: 600; }
.kind { font-size: .7rem; letter-spacing: .05em; color: var(--muted); text-transform: uppercase;
  margin-left: .4rem; }
.claims .text { display: block; }
.note { color: var(--muted); font-size: .8rem; }
.sample { padding: 0 .3rem; }
@media print { .tag { background: none; border: 1px solid var(--quote-edge); } }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _pct(share: float) -> str:
    return f"{share:.0%}"


def _pieces(coverage: Coverage, start: int, end: int) -> Iterator[tuple[int, int, list[str]]]:
    """text[start:end] cut wherever a quoted passage starts or ends, with the claims quoting
    each piece (in the order their passages start)."""
    cuts = {start, end}
    inside = [p for p in coverage.passages if p.start < end and p.end > start]
    for passage in inside:
        cuts.update(c for c in (passage.start, passage.end) if start < c < end)
    points = sorted(cuts)
    for a, b in itertools.pairwise(points):
        claims = [p.claim for p in inside if p.start <= a and p.end >= b]
        yield a, b, list(dict.fromkeys(claims))


def _sentence(coverage: Coverage, sentence: Sentence, names: dict[str, str]) -> str:
    text = coverage.text
    if sentence.furniture is not None:
        return (
            f'<span class="furniture" title="{_e("not counted: " + sentence.furniture)}">'
            f"{_e(text[sentence.start : sentence.end])}</span>"
            f'<span class="why">{_e(sentence.furniture)}</span>'
        )
    out = []
    ends = {p.end for p in coverage.passages}
    for a, b, claims in _pieces(coverage, sentence.start, sentence.end):
        piece = _e(text[a:b])
        if not claims:
            out.append(piece)
            continue
        first = claims[0]
        title = "; ".join(f"{c}: {names.get(c, '')}" for c in claims)
        out.append(
            f'<mark class="quote" data-claims="{_e(" ".join(claims))}">'
            f'<a href="#claim-{_e(first)}" title="{_e(title)}">{piece}</a></mark>'
        )
        if b in ends:
            ending = [p.claim for p in coverage.passages if p.end == b and p.start < b]
            for claim in dict.fromkeys(c for c in ending if c in claims):
                out.append(f'<a class="tag" href="#claim-{_e(claim)}">{_e(claim)}</a>')
    body = "".join(out)
    if not sentence.covered:
        tip = f"line {sentence.line}: no claim quotes this sentence"
        return f'<span class="missed" title="{_e(tip)}">{body}</span>'
    return body


def _article(coverage: Coverage, names: dict[str, str]) -> str:
    """The source, paragraph by paragraph, each numbered with its first line."""
    out = []
    text = coverage.text
    lines: dict[int, list[Sentence]] = {}
    for sentence in coverage.sentences:
        lines.setdefault(sentence.paragraph, []).append(sentence)
    for line, sentences in lines.items():
        parts = []
        for k, sentence in enumerate(sentences):
            if k:
                parts.append(_e(text[sentences[k - 1].end : sentence.start]))
            parts.append(_sentence(coverage, sentence, names))
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


def _claims(amap: ArgumentMap, coverage: Coverage) -> str:
    quoted: dict[str, Sentence] = {}
    for sentence in coverage.sentences:
        for claim in sentence.claims:
            quoted.setdefault(claim, sentence)
    items = []
    for claim in amap.by_id().values():
        where = quoted.get(claim.id)
        if where is not None:
            place = f'<a class="note" href="#line-{where.paragraph}">line {where.line}</a>'
        elif claim.implicit:
            place = '<span class="note">implicit: not stated in the text</span>'
        elif claim.quotes:
            place = '<span class="note">its quotes are not in the source</span>'
        else:
            place = '<span class="note">no quotes</span>'
        kind = claim.kind.value + (", implicit" if claim.implicit else "")
        items.append(
            f'<li id="claim-{_e(claim.id)}"><span class="id">{_e(claim.id)}</span>'
            f'<span class="kind">{_e(kind)}</span> {place}'
            f'<span class="text">{_e(claim.text)}</span></li>'
        )
    return '<ul class="claims">\n' + "\n".join(items) + "\n</ul>"


def page(amap: ArgumentMap, coverage: Coverage) -> str:
    """The coverage of a map's source as a self-contained HTML page."""
    names = {claim.id: claim.text for claim in reversed(amap.claims)}
    argument = coverage.argument
    covered = sum(s.covered for s in argument)
    furniture = len(coverage.furniture)
    about = []
    if amap.source is not None:
        source = amap.source
        about = [part for part in (source.title, source.publisher, source.date) if part]
    meta = f'<p class="meta">Source: {_e(" · ".join(about))}</p>' if about else ""
    implicit = len(coverage.implicit)
    summary = (
        f"<strong>{covered} of {len(argument)}</strong> argumentative sentences quoted "
        f"(<strong>{_pct(coverage.share)}</strong>) · {furniture} "
        f"line{'s' * (furniture != 1)} of furniture not counted · {implicit} implicit "
        f"claim{'s' * (implicit != 1)}"
    )
    legend = (
        '<ul class="legend">'
        '<li><mark class="quote sample">quoted</mark> by the claim in the tag</li>'
        '<li><span class="missed sample">not quoted</span> by any claim</li>'
        '<li><span class="furniture sample">furniture</span> not counted</li></ul>'
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Coverage: {_e(amap.title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{_e(amap.title)}</h1>\n{meta}\n"
        f'<p class="summary">{summary}</p>\n{legend}\n</header>\n'
        f"<main>\n<h2>The source</h2>\n{_article(coverage, names)}\n</main>\n"
        f"<section>\n<h2>The claims</h2>\n{_claims(amap, coverage)}\n</section>\n"
        "</body>\n</html>\n"
    )
