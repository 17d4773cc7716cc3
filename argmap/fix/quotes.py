"""Quotes and the source → their fixes: the closest passage in place of a quote that is not in
the source (AM110), and for a claim without quotes (AM204) ``implicit: true`` or the passage
closest to its text.

A quote is replaced by the source's current words only when that is safe
(:attr:`argmap.analysis.sentences.Mended.safe`): the passage says what the quote says, in the
same words, differing only in typography, letter case, punctuation and hyphenation. A source
revised since the map was written in those alone is mended so; a word, a number or a negation
it changed (the claim's own text still says the old thing), or a sentence written anew, is
left to a person, and the fix says what changed.
"""

from __future__ import annotations

from argmap.analysis.sentences import Ranked
from argmap.fix.context import Applicability, Context, Edit, Fix
from argmap.fix.scalars import rewrite
from argmap.read.outline import Claim
from argmap.read.syntax import yaml_string
from argmap.read.wording import told

#: How much of a claim's text the closest passage must cover to be offered as its quote.
MIN_SIMILARITY = 0.3


def closest_quote(context: Context, offset: int) -> list[Fix]:
    """A quote not found in the source (AM110, at ``offset``) → the closest passage in its
    place; of a quote with elisions or of several sentences, in place of the part that
    ``argmap check`` names as not found, when the quote is then found
    (:meth:`~argmap.analysis.sentences.Source.mended`)."""
    token = context.token(offset)
    source = context.source if token is not None else None
    if token is None or source is None:
        return []
    mended = source.mended(token.value)
    if mended is None:
        return []
    found, missing = mended.passage, mended.missing
    if missing is not None:
        title = f"Replace its {missing.what} {missing.number} by the closest passage"
    else:
        how = ", reworded" if found.reworded else ""
        title = f"Replace the quote by the closest passage{how}"
    applicability = Applicability.SAFE if mended.safe else Applicability.UNSAFE
    edit = rewrite(context, token, mended.text)
    title += f" (line {found.line})"
    if mended.changed and not found.reworded:
        title += ": " + told(mended.changed)
    return [Fix(title, (edit,), applicability, "quote", True)]


def _claim_at(context: Context, offset: int) -> Claim | None:
    token = context.token(offset)
    for claim in context.outline.claims:
        if claim.id is not None and claim.id is token:
            return claim
    return None


def _add_entry(context: Context, claim: Claim, block: list[str], flow: str) -> Edit:
    """The insertion that adds an entry to a claim: the lines ``block`` (``key: value``
    first, then its indented continuation) after its text (or its id), or ``flow`` before the
    closing brace of a claim written as ``{...}``."""
    body, newline = context.body, context.newline
    if claim.flow and context.syntax.json:  # after its last value, on its own line if it has
        end = body.rfind("}", claim.start, claim.end)
        while end > claim.start and body[end - 1].isspace():
            end -= 1
        first = next(iter(claim.keys.values()))
        line_start, _ = context.line_bounds(first.start)
        on_lines = "\n" in body[claim.start : first.start]
        indent = newline + " " * (first.start - line_start) if on_lines else " "
        return Edit(end, end, "," + indent + flow)
    if claim.flow:
        end = body.rfind("}", claim.start, claim.end)
        return Edit(end, end, ", " + flow)
    key = claim.keys.get("id") or next(iter(claim.keys.values()))
    line_start, _ = context.line_bounds(key.start)
    indent = " " * (key.start - line_start)
    after = claim.text_end if "text" in claim.keys and claim.text_end is not None else None
    if after is None:
        after = claim.id.end if claim.id is not None else key.end
    while after > key.start and body[after - 1].isspace():
        after -= 1
    _, line_end = context.line_bounds(after)
    return Edit(line_end, line_end, "".join(newline + indent + line for line in block))


def _quote_passage(context: Context, claim: Claim, found: Ranked) -> Fix:
    quote = yaml_string(found.sentence.text)
    flow = f"{context.syntax.value('quotes')}: [{quote}]"
    edit = _add_entry(context, claim, ["quotes:", "  - " + quote], flow)
    title = f"Quote the closest passage (line {found.sentence.line})"
    return Fix(title, (edit,), Applicability.EDITOR, "claim")


def unquoted(context: Context, offset: int) -> list[Fix]:
    """A claim without quotes (AM204, at its id) → ``implicit: true``, or a quote of the
    passage closest to its text when one is close: a person's call, so for an editor only."""
    claim = _claim_at(context, offset)
    if claim is None or "implicit" in claim.keys or "quotes" in claim.keys:
        return []
    flow = context.syntax.entry("implicit", True)
    name = claim.id.value if claim.id is not None else "the claim"
    edit = _add_entry(context, claim, ["implicit: true"], flow)
    fixes = [Fix(f"Mark '{name}' implicit", (edit,), Applicability.EDITOR, "claim")]
    source = context.source if claim.text else None
    found = source.closest(claim.text) if source is not None and claim.text else None
    if found is not None and found.score >= MIN_SIMILARITY:
        fixes.append(_quote_passage(context, claim, found))
    return fixes


__all__ = ["MIN_SIMILARITY", "closest_quote", "unquoted"]
