"""A claim id under the cursor → the claim in words: its kind, text and quotes, and whether it
stands, is defeated or is undecided, and why (:mod:`argmap.analysis.evaluate`); a key → what
it is for (the map's JSON Schema, :mod:`argmap.schema`); a reason's scheme → its critical
questions (:mod:`argmap.analysis.schemes`); the number of a question an objection raises →
that question."""

from __future__ import annotations

import difflib
import re

from lsprotocol import types

from argmap.analysis.evaluate import Status, evaluate
from argmap.analysis.explain import explain
from argmap.analysis.schemes import scheme_of
from argmap.checks.registry import STRUCTURAL
from argmap.lsp.cursor import PLACES, mapping_of
from argmap.lsp.document import Document
from argmap.model.keys import KEYS
from argmap.read.outline import Claim
from argmap.schema import value_schema

_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~#])")
_LEADING = re.compile(r"^(?:[-+=]|\d+[.)])")
_VERDICT = {Status.STANDS: "stands", Status.DEFEATED: "defeated", Status.UNDECIDED: "undecided"}


def escape(text: str) -> str:
    """Text shown as itself in Markdown: what would format it escaped.

    >>> print(escape("- a *b* [c] 3.5"), escape("1. one"))
    \\- a \\*b\\* \\[c\\] 3.5 1\\. one
    """
    text = _MARKDOWN.sub(r"\\\1", text)
    return _LEADING.sub(lambda m: m.group()[:-1] + "\\" + m.group()[-1], text)


def _status(document: Document, claim_id: str) -> tuple[str, str]:
    """Whether the claim stands, and why, as ``argmap eval`` says it (the verdict and the
    reason); or why that is not known yet (the map does not load, or its ids and references
    are not sound)."""
    checked = document.checked()
    if checked.map is None:
        return "status unknown", "the map has errors of shape (see the problems)"
    if any(d.code in STRUCTURAL for d in checked.diagnostics):
        return "status unknown", "the ids and references are not sound yet (see the problems)"
    evaluation = evaluate(checked.map)
    if claim_id not in evaluation:
        return "", ""
    status = evaluation.status(claim_id)
    return _VERDICT[status], explain(evaluation, claim_id)


def describe(document: Document, claim: Claim, claim_id: str, markdown: bool) -> str:
    """The claim in words, in Markdown or plain text."""
    mark = escape if markdown else str
    bold = (lambda text: f"**{text}**") if markdown else str
    kind = claim.kind.value + (", implicit" if claim.implicit else "")
    parts = [f"{bold(mark(claim_id))} · {kind}"]
    if claim.text:
        parts.append(mark(claim.text))
    for quote in claim.quotes:
        text = " ".join(quote.value.split())
        parts.append(f"> {mark(text)}" if markdown else f"“{text}”")
    verdict, why = _status(document, claim_id)
    if verdict:
        parts.append(bold(verdict.capitalize()) + (f": {mark(why)}" if why else ""))
    return "\n\n".join(parts)


def _scheme(document: Document, offset: int, markdown: bool) -> types.Hover | None:
    """The critical questions of the scheme a reason names, under the cursor."""
    token = document.outline.token_at(offset)
    if token is None or token.key or not token.path or token.path[-1] != "scheme":
        return None
    if mapping_of(token.path[:-1]) != "reason" or (scheme := scheme_of(token.value)) is None:
        return None
    name = f"**{escape(scheme.name)}**" if markdown else scheme.name
    asked = [f"{n}. {escape(q) if markdown else q}" for n, q in enumerate(scheme.questions, 1)]
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
    return types.Hover(
        contents=types.MarkupContent(
            kind=kind, value=f"{name} · its critical questions\n\n" + "\n".join(asked)
        ),
        range=document.range(token.start, token.end),
    )


def _question(document: Document, offset: int, markdown: bool) -> types.Hover | None:
    """The critical question an objection raises (``question: 4``), under the cursor: the
    question of each scheme of the reasons it attacks."""
    token = document.outline.token_at(offset)
    if token is None or token.key or "question" not in token.path[-2:]:
        return None
    at = token.path.index("question", len(token.path) - 2)
    if mapping_of(token.path[:at]) != "objection" or not token.value.isdigit():
        return None
    amap = document.checked().map
    if amap is None:
        return None
    reasons = document.questioned(amap, token.start)
    if reasons is None:
        return None
    number, parts = int(token.value), []
    for reason in reasons:
        scheme = scheme_of(reason.scheme or "")
        if scheme is None:
            continue
        members = " + ".join(ref.id for ref in reason.claims)
        head = f"{scheme.name}, reason of '{reason.target.id}' ({members})"
        head = f"**{escape(head)}**" if markdown else head
        asked = (scheme.questions[number - 1] if number <= len(scheme.questions)
                 else f"no such question: it asks {len(scheme.questions)}")  # fmt: skip
        parts.append(f"{head}\n\n{number}. {escape(asked) if markdown else asked}")
    if not parts:
        return None
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
    return types.Hover(
        contents=types.MarkupContent(kind=kind, value="\n\n".join(parts)),
        range=document.range(token.start, token.end),
    )


def _key(document: Document, offset: int, markdown: bool) -> types.Hover | None:
    """What the key under the cursor is for, if the format has it there."""
    token = document.outline.token_at(offset)
    place = mapping_of(token.path) if token is not None and token.key else None
    if token is None or place is None or token.value not in KEYS[place]:
        return None
    need = "required" if KEYS[place][token.value] else "optional"
    name = f"**{escape(token.value)}**" if markdown else token.value
    parts = [f"{name} · {need} key of {PLACES[place]}"]
    described = (value_schema(place, token.value) or {}).get("description")
    if described:
        parts.append(escape(described) if markdown else described)
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
    return types.Hover(
        contents=types.MarkupContent(kind=kind, value="\n\n".join(parts)),
        range=document.range(token.start, token.end),
    )


def hover(
    document: Document, position: types.Position, markdown: bool = True
) -> types.Hover | None:
    """The claim whose id (a definition or a reference) is under ``position``, or what the
    key there is for."""
    offset = document.offset(position)
    found = document.outline.id_at(offset)
    if found is None:
        return (
            _scheme(document, offset, markdown)
            or _question(document, offset, markdown)
            or _key(document, offset, markdown)
        )
    token, _ = found
    claims = document.outline.definitions(token.value)
    if claims:
        text = describe(document, claims[0], token.value, markdown)
    else:
        ids = list(document.outline.ids())
        close = difflib.get_close_matches(token.value, ids, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else "."
        text = f"No claim of this map has the id '{token.value}'{hint}"
        text = escape(text) if markdown else text
    kind = types.MarkupKind.Markdown if markdown else types.MarkupKind.PlainText
    return types.Hover(
        contents=types.MarkupContent(kind=kind, value=text),
        range=document.range(token.start, token.end),
    )
