"""A Kialo discussion as Kialo exports it (a text file): its title and its numbered claims.

The export is an outline::

    Discussion Title: Should all cars in cities be electric?

    1. All cars in cities should be electric.
    1.1. Pro: Electric cars do not pollute the air of the street.
    1.1.1. Con: Their tyres and brakes still raise dust.
    1.2. Con: -> See 1.1.1.

Each claim is a number (its place in the tree: ``1.1.1.`` is under ``1.1.``), its stance on
the claim above it (``Pro`` or ``Con``; none for the thesis, and for the theses under the
question of a discussion with several), and its text, which may go on over the next lines.
Only the top claim has a number of one part (``1.``): a line below it starting like ``2006.``
goes on with a text. A claim that is ``-> See N.`` is claim N again, in a second place.
Texts are Kialo's Markdown: links ``[words](url)``, and ``\\`` before a character Markdown
would read.
"""

from __future__ import annotations

import re

import attrs

from argmap.formats.base import FormatError, clean_text
from argmap.model import Role

_BREAK = re.compile(r"\r\n|\r|\n")  # the line breaks editors count
_TITLE = re.compile(r"Discussion Title:[ \t]*(.*)")
_ENTRY = re.compile(r"((?:\d+\.)+)[ \t]+(?:(Pro|Con):[ \t]*)?(.*)")
_SEE = re.compile(r"->[ \t]*See[ \t]+((?:\d+\.)+)\s*$")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # any ASCII punctuation (CommonMark)
# Read from left to right, so that an escaped "[" opens no link; link text holds no "[" (a run
# of them is read once, not once from each to the end of the text). A link's address may hold
# parentheses in pairs (CommonMark's rule; Wikipedia's often do: .../Pluto_(dwarf_planet)).
# Bold and italics (**a**, *a*) keep their words: what is inside holds no "*", so each "*" is
# looked at once, and "5 * 3" (a "*" before a space) is no emphasis.
_EMPHASIS = r"\*\*(?=[^\s*])((?:[^*\\]|\\.)+?)(?<=\S)\*\*|\*(?=[^\s*])((?:[^*\\]|\\.)+?)(?<=\S)\*"
_MARKDOWN = re.compile(
    _ESCAPED.pattern + r"|\[((?:[^\[\]\\]|\\.)*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)|" + _EMPHASIS
)


def parent_of(number: str) -> str | None:
    """The number of the claim ``number`` is under (None for one at the top).

    >>> parent_of("1.2.1."), parent_of("1.")
    ('1.2.', None)
    """
    cut = number.rfind(".", 0, len(number) - 1)
    return number[: cut + 1] if cut >= 0 else None


def side_of(above: Role | None, stance: str | None) -> Role:
    """Who holds a claim, by where it stands: a thesis (nothing above, or no stance) the
    proponent; a Pro the side of the claim above it, a Con the other side."""
    if above is None or stance is None:
        return Role.PROPONENT
    if stance != "Con":
        return above
    return Role.OPPONENT if above is Role.PROPONENT else Role.PROPONENT


@attrs.frozen
class Entry:
    """One numbered claim of the outline."""

    number: str  # "1.2.1."
    stance: str | None  # "Pro", "Con", or None
    text: str  # Markdown, lines joined by spaces

    parent: str | None = attrs.field(init=False)  # the number of the claim it is under
    see: str | None = attrs.field(init=False)  # the number of the claim it repeats, if any

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "parent", parent_of(self.number))
        found = _SEE.fullmatch(self.text)
        object.__setattr__(self, "see", found.group(1) if found else None)


@attrs.frozen
class Discussion:
    title: str | None
    entries: tuple[Entry, ...]


def parse(text: str) -> Discussion:
    """The title and entries of a Kialo export.

    Raises:
        FormatError: no numbered claim (``1. ...``) in the text, or text before the first.
    """
    title: str | None = None
    entries: list[Entry] = []
    lines: list[str] = []  # the current entry's text

    def close() -> None:
        if entries and lines:
            last = entries[-1]
            entries[-1] = attrs.evolve(last, text=" ".join([last.text, *lines]).strip())
            lines.clear()

    for number, line in enumerate(_BREAK.split(text.lstrip("\ufeff")), 1):
        stripped = line.strip()
        if not entries and title is None and (found := _TITLE.fullmatch(stripped)):
            title = found.group(1).strip() or None
            continue
        entry = _ENTRY.fullmatch(stripped)
        if entry is not None and entries and entry.group(1).count(".") == 1:
            entry = None  # Kialo numbers one claim at the top: "2006. ..." goes on with a text
        if entry is not None:
            close()
            entries.append(Entry(entry.group(1), entry.group(2), entry.group(3).strip()))
        elif stripped and not entries:
            raise FormatError(
                f"not a Kialo discussion: line {number} is neither its title "
                "('Discussion Title: ...') nor a numbered claim ('1. ...')"
            )
        elif stripped:
            lines.append(stripped)
    close()
    if not entries:
        raise FormatError("not a Kialo discussion: no numbered claims ('1. ...') in the file")
    return Discussion(title, tuple(entries))


def one_line(markdown: str) -> tuple[str, list[str]]:
    """Kialo's Markdown as the text of a claim, on one line without the characters argmap
    refuses, and the addresses its links lead to."""
    text, urls = plain(markdown)
    return " ".join(clean_text(text)[0].split()), urls


def plain(markdown: str) -> tuple[str, list[str]]:
    r"""Kialo's Markdown as plain text, and the addresses its links lead to.

    >>> plain(r"Air is cleaner \(see [the study](https://example.org/a)\).")
    ('Air is cleaner (see the study).', ['https://example.org/a'])
    >>> plain(r"It is **very** *cheap*, 5 * 3 \*not\*.")
    ('It is very cheap, 5 * 3 *not*.', [])
    """
    urls: list[str] = []

    def read(found: re.Match[str]) -> str:
        escaped, words, url, bold, italic = found.groups()
        if escaped is not None:
            return escaped
        if words is None:  # emphasis: its words, read in turn (they hold no "[")
            return _MARKDOWN.sub(read, bold if bold is not None else italic)
        urls.append(url)
        return _MARKDOWN.sub(read, words)

    return _MARKDOWN.sub(read, markdown), urls


__all__ = ["Discussion", "Entry", "one_line", "parent_of", "parse", "plain", "side_of"]
