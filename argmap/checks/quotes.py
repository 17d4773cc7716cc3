"""Checks of grounding: every quote is in the source, and every claim quotes it or is implicit."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Sequence

from argmap.checks.registry import Context, Finding, check
from argmap.diagnostics import Span, clip
from argmap.model import Role
from argmap.model.blank import is_blank
from argmap.read.folding import normalize, spaced
from argmap.read.passages import Passage, Passages
from argmap.read.source import Match, SourceText
from argmap.read.wording import changed_words

#: Quotes not found in one map for which the closest passage is looked for; the rest say none
#: was looked for, so that a map whose quotes are all wrong costs no more than this many looks.
HINTS = 200


@check("AM111")
def quotes_have_source(context: Context) -> Iterator[Finding]:
    """Quotes in a map without a source to check them against.

    Fails::

        premises:
          - id: a
            text: A.
            quotes: The sky is blue.

    Passes::

        source:
          path: source.txt
        premises:
          - id: a
            text: A.
            quotes: The sky is blue.
    """
    if context.map.source is not None:
        return
    for claim in context.map.claims:
        if claim.quotes:
            yield Finding(
                "AM111",
                claim.where("quotes"),
                f"'{claim.id}' has quotes but the map has no source to check them against; "
                f"add '{context.syntax.entry('source', {'path': '...'})}'",
            )


@check("AM110")
def quotes_found(context: Context) -> Iterator[Finding]:
    """A quote not found in the source text (white space, quote marks, dashes, ligatures and
    words broken at a line's end aside: :mod:`argmap.read.source`); the message shows the
    closest passage (or the sentence holding most of its words, reworded).

    Fails::

        source:
          path: source.txt
        premises:
          - id: a
            text: A.
            quotes: The sky is green.

    Passes::

        source:
          path: source.txt
        premises:
          - id: a
            text: A.
            quotes: The sky is blue.
    """
    source = context.source
    if context.map.source is None or source is None:
        return  # no source (AM111), or it could not be read (AM109, reported by the reader)
    passages = Passages(source)
    missing = 0
    for claim in context.map.claims:
        for quote in claim.quotes:
            if source.contains(quote.text):
                continue
            missing += 1
            message = f"quote of '{claim.id}' not found in the source"
            other = source.find_other_case(quote.text)
            hinted = other is None and missing <= HINTS
            part = _part_missing(source, passages, quote.text) if hinted else ""
            passage = passages.meant(quote.text) if hinted and not part else None
            if other is not None:
                message += _case_differs(source, other, quote.text)
            elif part:
                message += part
            elif passage is not None:
                message += "; " + _closest(source, passage, quote.text)
            elif hinted:
                message += "; no close passage found"
            else:
                message += f"; no close passage looked for (argmap looks for the first {HINTS})"
            there = () if passage is None else (_passage_at(source, passage, claim.id, quote.text),)
            yield Finding("AM110", quote.span, message, there)


def _passage_at(source: SourceText, passage: Passage, claim: str, quote: str) -> tuple[Span, str]:
    """Where in the source the closest passage to a quote of ``claim`` is (its first word),
    and what to say there: the words that differ."""
    column = passage.start - source.text.rfind("\n", 0, passage.start)
    if passage.reworded:
        return Span(passage.line, column), (
            f"the sentence closest to the quote of '{claim}', reworded: the quote is not "
            "found in the source"
        )
    said = f"the passage closest to the quote of '{claim}', which is not found in the source"
    return Span(passage.line, column), said + _differs(source, passage, quote)


#: Runs of differing words named in a message, at most.
DIFFERENCES = 3


#: Said of a quote that only leaves out words of its passage, and has no elision.
SKIPPING = "to leave words out of a quote, write … (or ...) in their place"


def _closest(source: SourceText, passage: Passage, quote: str, whole: bool = True) -> str:
    """``closest passage (line 3): "..."`` and the words that differ (or ``closest passage,
    reworded``); of a ``whole`` quote that only leaves words out, how to mark that."""
    shown = clip(passage.text, 160, "...", words=True)
    if passage.reworded:
        return f'closest passage, reworded (line {passage.line}): "{shown}"'
    return f'closest passage (line {passage.line}): "{shown}"' + _differs(
        source, passage, quote, whole
    )


def _differs(source: SourceText, passage: Passage, quote: str, whole: bool = True) -> str:
    """How the closest passage (not a reworded sentence) and the quote differ, e.g. ``; the
    source has "sports" where the quote has "games"``."""
    written = source.text[passage.start : passage.end]
    differ = _words_differ(passage.differences)
    if differ and whole and all(not quoted for _, quoted in passage.differences):
        differ += "; " + SKIPPING
    return differ or _punctuation_differs(written, quote) or _spacing_differs(written, quote)


def _part_missing(source: SourceText, passages: Passages, quote: str) -> str:
    """Of a quote with elisions, or of several sentences: the first part not found after
    those before it, and the passage closest to it, e.g. ``; its part 2 of 2, "...", is not:
    closest passage (line 3): ...``; or where it is, when that is elsewhere."""
    missing = passages.missing(quote)
    if missing is None:
        return ""
    part = quote[missing.start : missing.end]
    shown = clip(part, 40, "...", words=True)
    said = f'; its {missing.what} {missing.number} of {missing.count}, "{shown}", '
    if missing.elsewhere is not None:
        line = source.line_of(missing.elsewhere.start)
        after = "after the part" if missing.what == "part" else "right after the sentence"
        return said + f"is in the source (line {line}) but not {after} before it"
    if missing.passage is None:
        return said + "is not, and no passage is close to it"
    return said + "is not: " + _closest(source, missing.passage, part, whole=False)


def _words_differ(differences: tuple[tuple[str, str], ...]) -> str:
    """The words of the closest passage that the quote has otherwise, e.g. ``; the source
    has "sports" where the quote has "games"``."""
    if not differences:
        return ""

    def said(words: str) -> str:
        return f'"{clip(words, 40, "...", words=True)}"' if words else "nothing"

    return f"; the source has {_told(differences, said)}"


def _punctuation_differs(passage: str, quote: str) -> str:
    """The words of a passage that differ from the quote's in punctuation only, e.g. ``; only
    punctuation differs: the source has "sky," where the quote has "sky"`` (the source's
    words as written; nothing when the two do not pair word for word)."""
    written, quoted, shown = spaced(passage).split(), spaced(quote).split(), passage.split()
    if not len(written) == len(quoted) == len(shown):
        return ""
    last = len(written) - 1
    at = [
        i for i, (a, b) in enumerate(zip(written, quoted, strict=True))
        if normalize(a) != normalize(b)  # not French spacing, nor « » for " (no difference)
        # the passage shown from the sentence's start or to its end: a mark the quote left out
        and not (i == 0 and a.endswith(b)) and not (i == last and a.startswith(b))
    ]  # fmt: skip
    if not at or any(_letters(written[i]) != _letters(quoted[i]) for i in at):
        return ""
    if changed_words(passage, quote):  # "?" for ".": a question made a statement, no slip
        return ""
    differ = _told([(shown[i], quoted[i]) for i in at], lambda words: f'"{words}"')
    return f"; only punctuation differs: the source has {differ}"


def _spacing_differs(passage: str, quote: str) -> str:
    """The words of a passage that the quote splits otherwise, its letters the same: a hyphen
    for a space or the other way, e.g. ``; the source has "во первых," where the quote has
    "во-первых,"`` (nothing when letters differ, or the words pair one for one)."""
    written, quoted, shown = spaced(passage).split(), spaced(quote).split(), passage.split()
    if len(shown) != len(written):
        shown = written
    pairs = []
    opcodes = difflib.SequenceMatcher(None, written, quoted, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal" or (tag == "delete" and (i1 == 0 or i2 == len(written))):
            continue  # the passage shown from the sentence's start or to its end
        if tag != "replace":  # a word (a dash) more or less: shown with the words around it
            i1, i2, j1, j2 = max(i1 - 1, 0), i2 + 1, max(j1 - 1, 0), j2 + 1
        ours, theirs = " ".join(shown[i1:i2]), " ".join(quoted[j1:j2])
        if (i1 == j1 == 0 and ours.endswith(theirs)) or (
            (i2, j2) == (len(written), len(quoted)) and ours.startswith(theirs)
        ):
            continue  # a mark of the sentence's that the quote left out
        if _letters(ours) != _letters(theirs):
            return ""
        if normalize(ours) != normalize(theirs):  # French spacing, « » for ": no difference
            pairs.append((ours, theirs))
    if not pairs:
        return ""
    differ = _told(pairs, lambda words: f'"{words}"')
    return f"; the source has {differ}"


def _letters(word: str) -> str:
    return "".join(c for c in word if c.isalnum())


def _told(pairs: Sequence[tuple[str, str]], said: Callable[[str], str]) -> str:
    """Pairs of the source's words and the quote's, the first :data:`DIFFERENCES` of them:
    ``"a" where the quote has "b", ... (and 2 more)``, each side as ``said`` shows it."""
    told = ", ".join(f"{said(ours)} where the quote has {said(theirs)}"
                     for ours, theirs in pairs[:DIFFERENCES])  # fmt: skip
    more = len(pairs) - DIFFERENCES
    return told + (f" (and {more} more)" if more > 0 else "")


def _case_differs(source: SourceText, found: Match, quote: str) -> str:
    """Where a quote that differs only in letter case is, and the words that differ."""
    line = source.line_of(found.start)
    written = spaced(source.text[found.start : found.end]).split()
    quoted = spaced(quote).split()
    pairs = [(a, b) for a, b in zip(written, quoted, strict=False) if a != b]
    if len(written) != len(quoted) or not pairs:  # elided: name the passage instead
        shown = clip(" ".join(written), 160, "...")
        return f'; the source has it with other letter case (line {line}): "{shown}"'
    differ = _told(pairs, lambda words: f'"{words}"')
    return f"; only letter case differs: the source (line {line}) has {differ}"


@check("AM115")
def implicit_unquoted(context: Context) -> Iterator[Finding]:
    """A claim marked implicit that quotes the text: what the text states is not implicit.

    Fails::

        source:
          path: source.txt
        premises:
          - id: a
            text: A.
            quotes: The sky is blue.
            implicit: true

    Passes::

        source:
          path: source.txt
        premises:
          - id: a
            text: A.
            implicit: true
    """
    for claim in context.map.claims:
        if claim.implicit and claim.quotes:
            yield Finding(
                "AM115",
                claim.where("implicit"),
                f"'{claim.id}' is marked implicit but quotes the text; a claim the text states "
                f"is not implicit: drop the quotes or '{context.syntax.entry('implicit', True)}'",
            )


@check("AM204")
def grounded(context: Context) -> Iterator[Finding]:
    """A claim with neither quotes nor ``implicit: true``, in a map whose source could be read
    (a warning): quotes are what ground a claim in the text.

    Fails::

        source:
          path: source.txt
        premises:
          - id: a
            text: A.

    Passes::

        source:
          path: source.txt
        premises:
          - id: a
            text: A.
            quotes: The sky is blue.

    A blank of an exercise's worksheet (text ``___``: :mod:`argmap.model.blank`) is a slot
    for a student to fill in, not a claim yet: it is asked for no quote. A claim that only
    attacks is most likely the analyst's own objection (a fact-checker's): it is told how to
    keep it so, since ``implicit: true`` would make it the text's.
    """
    if context.map.source is None or context.source is None:
        return
    supporting = {member for member, _ in context.supporting}
    attacking = {ref.id for r in context.relations if r.attack for ref in r.claims} - supporting
    for claim in context.map.claims:
        if not claim.implicit and not claim.quotes and not is_blank(claim.text):
            implicit = context.syntax.entry("implicit", True)
            told = f"{claim.kind.value} '{claim.id}' has no quotes; quote the passage it rests on"
            if claim.id in attacking and not claim.reasons:  # the analyst's own, most likely
                own = _own_objection(implicit, context, claim.role is not Role.OPPONENT)
                yield Finding("AM204", claim.where("id"), f"{told}, {own}")
                continue
            yield Finding(
                "AM204",
                claim.where("id"),
                f"{told}, or mark it '{implicit}' if the text does not state it",
            )


def _own_objection(implicit: str, context: Context, unmarked: bool) -> str:
    """What AM204 tells a claim that only attacks: the text may take it for granted, or it is
    an objection of the analyst's own (a fact-checker's, a reviewer's), kept by silencing,
    and (when it is ``unmarked``) said to be the analyst's by ``role: opponent``."""
    kept = (
        'ignore = ["AM204"] under [tool.argmap] in the project\'s pyproject.toml (a JSON map '
        "has no comments)"
        if context.syntax.json
        else "'# argmap: ignore[AM204]' at the end of this line"
    )
    mine = (
        f", and '{context.syntax.entry('role', 'opponent')}' says it is yours: drawn as the "
        "analyst's, and what it defeats is not warned of (AM203)"
        if unmarked
        else ""
    )
    return (
        f"or mark it '{implicit}' if the text takes it for granted; an objection of your own, "
        f"which the text does not make, is kept by {kept}{mine}"
    )
