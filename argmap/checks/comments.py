"""Checks of text as YAML read it: prose cut short where YAML starts a comment (``' #'``);
text garbled by an editor that read the file in another encoding than UTF-8."""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.checks.registry import Context, Finding, check
from argmap.diagnostics import Span, clip, printable
from argmap.encodings import GARBLED, ungarbled
from argmap.read.yamlerrors import quoted

#: What follows a plain text on its line when YAML took the rest for a comment that was meant
#: as text: white space, ``#`` and at once a character that is no space (``#1``, ``#MeToo``);
#: an analyst's comment is written ``# ...``.
_CUT = re.compile(r"\s+#[^\s#]")


def _texts(context: Context) -> Iterator[tuple[str, str, Span]]:
    """Every prose value of the map: what it is in words, its text, where it was written."""
    amap = context.map
    yield "the title", amap.title, amap.where("title")
    for claim in amap.claims:
        yield f"the text of '{claim.id}'", claim.text, claim.where("text")
        if claim.label is not None:
            yield f"the label of '{claim.id}'", claim.label, claim.where("label")
        if claim.note is not None:
            yield f"the note of '{claim.id}'", claim.note, claim.where("note")
        for quote in claim.quotes:
            yield f"a quote of '{claim.id}'", quote.text, quote.span


#: The key a value is written under, by the second word of what it is ('the text of ...').
_KEYS = {"title": "title: ", "text": "text: ", "label": "label: ", "note": "note: "}


@check("AM207")
def cut_by_a_comment(context: Context) -> Iterator[Finding]:
    """Plain text that YAML ends where ``' #'`` starts a comment, the rest of the line lost.

    Fails::

        premises:
          - id: a
            text: Phones are the #1 distraction in class.

    Passes::

        premises:
          - id: a
            text: "Phones are the #1 distraction in class."   # quoted, it is all text
    """
    lines = context.lines
    if lines is None or context.syntax.json:
        return
    for what, text, span in _texts(context):
        if span.line < 1 or span.line > len(lines) or "\n" in text:
            continue
        written = lines[span.line - 1][span.column - 1 :]
        if not written.startswith(text):
            continue  # quoted, or over several lines: nothing was cut
        rest = re.split(r"\s+#(?:\s|$)", written[len(text) :])[0]  # an analyst's comment after
        if _CUT.match(rest):
            whole = text + rest
            last = text.split()[-1] if text.split() else text
            yield Finding(
                "AM207",
                span,
                f"{what} ends at '{clip(last)}': YAML reads '{rest.rstrip()}' as a comment "
                f"(one starts at ' #'); put the text in quotes to keep it: "
                + _KEYS.get(what.split()[1], "")
                + quoted(whole.strip()),
            )


#: A letter that opens a character of two to four bytes in UTF-8 (``Ã``, ``â``), read as
#: Windows-1252 or Latin-1, and at once one that a byte going on with it reads as.
_OPENED = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d"
                     "\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e"
                     "\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")  # fmt: skip


def _garbled(text: str) -> tuple[str, str] | None:
    """The first word of ``text`` that is UTF-8 read as Windows-1252 or Latin-1, and what it
    was (:func:`argmap.encodings.ungarbled`); None when there is none."""
    for found in _OPENED.finditer(text):
        word = ungarbled(text, found.start())
        if word is not None:
            return word
    return None


@check("AM210")
def garbled(context: Context) -> Iterator[Finding]:
    """Text that is UTF-8 read in another encoding and saved again (``tÃ©lÃ©phone`` for
    ``téléphone``), at the first text that holds some, with how many more do; not a quote
    whose word its source holds as it is (an article about such text quoted).

    Fails::

        premises:
          - id: a
            text: Le tÃ©lÃ©phone nuit Ã  lâ€™attention.

    Passes::

        premises:
          - id: a
            text: Le téléphone nuit à l’attention.
    """
    source = context.source.text if context.source is not None else ""
    found = [(what, span, word) for what, text, span in _texts(context)
             if (word := _garbled(text)) is not None
             and not (what.startswith("a quote") and word[0] in source)]  # fmt: skip
    if not found:
        return
    what, span, (word, was) = found[0]
    more = f" (and {len(found) - 1} more of the map's texts are)" if len(found) > 1 else ""
    yield Finding(
        "AM210",
        span,
        f"{what} holds '{printable(word)}', which is '{printable(was)}' garbled{more}: {GARBLED}",
    )
