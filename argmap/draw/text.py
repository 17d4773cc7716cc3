"""User text → text Graphviz draws literally: cleaned, escaped for each kind of attribute, wrapped.

The one place where text from a map is made safe for the drawing.
"""

from __future__ import annotations

import html
import re
import textwrap
import unicodedata

import graphviz

from argmap.draw.hyphens import LEFT, RIGHT, points
from argmap.draw.style import WRAP_WIDTH
from argmap.model.keys import REFUSED, SURROGATES
from argmap.words.glue import glued

#: No-break spaces: a long word must sometimes break at one all the same, and the line break
#: then takes its place, as it takes a space's.
_NO_BREAK = "\xa0\u2007\u202f"
_HELD = frozenset(_NO_BREAK)
_BREAKING_SPACE = re.compile(f"[^\\S{_NO_BREAK}]")  # white space but no-break spaces
_SPACE_RUN = re.compile(r"\s*[ ]\s*")  # a run of white space that may break
# What clean() drops once white space is a plain space: control characters (Cc), surrogates
# (Cs), the bidirectional embeddings, overrides and isolates (they could reorder the text
# around them), and U+FFFE and U+FFFF (not XML characters). One C scan, not a loop in Python.
_UNDRAWABLE = re.compile(f"[\t\n{REFUSED}{SURROGATES}]")


def clean(text: str) -> str:
    """Text on one line, without characters Graphviz or XML cannot carry.

    The loader rejects such characters already; this is the last line of defence. White space
    becomes single spaces (so wrapping loses none of it); no-break spaces stay where they are
    not next to a space.

    >>> clean(" a\\n\\tb\\x00c \\x00 \\u202e\\u3000\\xa0d\\xa0e ")
    'a bc d\\xa0e'
    """
    if text.isprintable() and "  " not in text and text[:1] != " " != text[-1:]:
        return text  # no white space but single spaces, nothing to drop: clean already
    text = _UNDRAWABLE.sub("", _BREAKING_SPACE.sub(" ", text))
    return _SPACE_RUN.sub(" ", text).strip()


def html_text(text: str) -> str:
    r"""Text for an HTML-like label: XML-escaped, backslashes doubled.

    Graphviz expands ``\N``, ``\G`` and the like even in HTML-like labels, and reads ``\\``
    as one backslash.

    >>> print(html_text('a <b> & "c" \\N'))
    a &lt;b&gt; &amp; &quot;c&quot; \\N
    """
    return html.escape(clean(text), quote=True).replace("\\", "\\\\")


def esc_string(text: str, *, passes: int = 1, newlines: bool = False) -> str:
    r"""Text for an escString attribute (``URL``, ``id``, ``tooltip``) to come out literally.

    Graphviz decodes entities in these, so ``&`` is written ``&amp;``, and each of its escape
    passes halves backslashes: ``URL`` and ``id`` go through one, ``tooltip`` through two
    (``\n``/``\l`` handling, then ``\N`` substitution). With ``newlines``, line breaks in
    ``text`` are kept as ``\n``. The result is marked ``nohtml`` and quoted by ``graphviz``.

    >>> print(esc_string('C:\\x & y'))
    C:\\x &amp; y
    """
    lines = text.split("\n") if newlines else [text]
    backslashes = "\\" * 2**passes
    escaped = [clean(line).replace("&", "&amp;").replace("\\", backslashes) for line in lines]
    return graphviz.nohtml("\\n".join(escaped))


def tooltip(text: str) -> str:
    """A tooltip attribute; the lines of ``text`` stay lines."""
    return esc_string(text, passes=2, newlines=True)


def _cells(ch: str) -> int:
    """Columns a character takes: two for wide East Asian ones, none for marks."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class _CellCounts(dict[str, int]):
    """:func:`_cells` of each character met so far (a map's texts use a few hundred)."""

    def __missing__(self, ch: str) -> int:
        self[ch] = cells = _cells(ch)
        return cells


_CELLS = _CellCounts()


def _is_regional(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def _joins_previous(text: str, i: int) -> bool:
    """Whether ``text[i]`` belongs with the character before it (same cluster)."""
    ch, code = text[i], ord(text[i])
    if "\u200d" in (ch, text[i - 1]) or unicodedata.category(ch) in ("Mn", "Me", "Mc"):
        return True  # zero-width joiner or a combining mark
    if 0xFE00 <= code <= 0xFE0F or 0xE0020 <= code <= 0xE01EF or 0x1F3FB <= code <= 0x1F3FF:
        return True  # variation selector, emoji tag, skin tone
    if _is_regional(ch):  # flags are pairs of regional indicators
        run = 0
        while run < i and _is_regional(text[i - run - 1]):
            run += 1
        return run % 2 == 1
    return False


#: Scripts whose words are broken with a hyphen; others (Chinese, Thai, ...) break between
#: characters with no mark.
_HYPHENATED = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN")
_SOFT_HYPHEN = "\xad"
#: Punctuation that closes what comes before it, which no line may start with (a full stop
#: alone on the last line of a broken word): the Latin and the Chinese and Japanese ones.
_CLOSING = frozenset(".,;:!?)]}»›”’…%、。，！？）」』】")
_LETTERS = re.compile(r"[^\W\d_]+")  # a word's run of letters, which hyphens.points breaks


def _hyphenates(before: str, after: str) -> bool:
    """Whether a word broken between the clusters starting ``before`` and ``after`` takes a
    hyphen: they are letters of a script that hyphenates."""
    return all(
        char.isalpha() and unicodedata.name(char, "").startswith(_HYPHENATED)
        for char in (before, after)
    )


def _hard_break(line: str, width: int, lang: str | None = None) -> tuple[list[str], int]:
    """A line wider than ``width`` cells in pieces, never splitting a character cluster, and
    where the last piece starts in it; a word of a script that hyphenates is broken with a
    hyphen, at the last soft hyphen or break between syllables of its language ``lang``
    (:mod:`argmap.draw.hyphens`) that fits, if it has one; where it would be cut with no
    hyphen (inside a number, a unit), at the last no-break space that fits, if any."""
    if _width(line) <= width:
        return [line], 0
    syllables = {
        word.start() + point
        for word in _LETTERS.finditer(line)
        if len(word[0]) > LEFT + RIGHT
        for point in points(word[0], lang)
    }
    clusters: list[list[int]] = []  # [start, cells] of each cluster
    for i, ch in enumerate(line):
        if i and _joins_previous(line, i):
            clusters[-1][1] += _CELLS[ch]
        else:
            clusters.append([i, _CELLS[ch]])

    def hyphenated(end: int) -> bool:  # broken before cluster ``end``: with a hyphen?
        return _hyphenates(line[clusters[end - 1][0]], line[clusters[end][0]])

    pieces: list[str] = []
    first = 0
    while True:  # the line is wider than a piece: it has clusters, and the last ends this
        used, end = clusters[first][1], first + 1
        while end < len(clusters) and used + clusters[end][1] <= width:
            used += clusters[end][1]
            end += 1
        if end == len(clusters):
            pieces.append(line[clusters[first][0] :])
            return pieces, clusters[first][0]
        while end - 1 > first and line[clusters[end][0]] in _CLOSING:  # no line starts so
            end -= 1
            used -= clusters[end][1]
        softs = [
            k
            for k in range(first + 1, end)
            if line[clusters[k][0] - 1] == _SOFT_HYPHEN or clusters[k][0] in syllables
        ]
        held = [k for k in range(first + 1, end) if line[clusters[k][0]] in _HELD]
        at = clusters[end][0]  # where the line would be cut
        if softs:  # the writer's break, its soft hyphen shown, or the language's
            end = softs[-1]
        elif held and not hyphenated(end) and not {line[at - 1], line[at]} & _HELD:
            end = held[-1]  # "1 250" / "000", not "1 250 00" / "0"
        elif used + 1 > width and end - 1 > first and hyphenated(end):
            end -= 1  # room for the hyphen
        start, cut = clusters[first][0], clusters[end][0]
        if line[cut - 1] == _SOFT_HYPHEN:
            pieces.append(line[start : cut - 1] + "-")
        else:
            piece = line[start:cut].rstrip(_NO_BREAK) or line[start:cut]
            pieces.append(piece + ("-" if hyphenated(end) else ""))
        first = end
        while first + 1 < len(clusters) and line[clusters[first][0]] in _NO_BREAK:
            first += 1


def wrap(text: str, width: int = WRAP_WIDTH, lang: str | None = None) -> list[str]:
    """Cleaned text in lines of about ``width`` cells (wide East Asian characters count two).

    Words longer than a line are broken between characters, never inside a cluster, with a
    hyphen in scripts that take one: at a soft hyphen in the word where one fits, else between
    syllables as the text's language ``lang`` (a BCP 47 tag) hyphenates, if argmap knows how.
    A line breaks at no space that :func:`argmap.words.glue.glued` holds (``dit : «``,
    ``130 km/h``), which stays the plain space it was typed as.

    >>> wrap("Central Asia could supply non-Russian energy.", 20)
    ['Central Asia could', 'supply non-Russian', 'energy.']
    >>> wrap("Tempolimit von 130 km/h", 18)
    ['Tempolimit von', '130 km/h']
    """
    text = clean(text)
    held = glued(text)
    lines = _wrap(held, width, lang)
    return lines if held == text else _as_typed(lines, held, text)


def _as_typed(lines: list[str], held: str, text: str) -> list[str]:
    """``lines`` of ``held`` (``text`` with some spaces made no-break ones) as the same
    stretches of ``text``: each is one, or one with a hyphen added."""
    typed: list[str] = []
    at = 0
    for line in lines:
        core = line.removesuffix("-")
        start = held.find(core, at)
        if start < 0:  # not a stretch of the text: never so, but keep the line as wrapped
            typed.append(line)
            continue
        if held.startswith(line, start):  # the text's own hyphen, if it ends in one
            core = line
        typed.append(text[start : start + len(core)] + line[len(core) :])
        at = start + len(core)
    return typed


def _wrap(text: str, width: int, lang: str | None) -> list[str]:
    """:func:`wrap` of clean text whose no-break spaces are the ones it keeps."""
    text = clean(text)
    if "-" in text:  # textwrap also breaks after hyphens
        lines = textwrap.wrap(text, width=width, break_long_words=False)
    else:
        lines = _fill(text, width)
    wrapped: list[str] = []
    position = 0  # each line is a stretch of the text
    for index, line in enumerate(lines):
        position = text.find(line, position)
        pieces, tail = _hard_break(line, width, lang)
        if len(pieces) > 1 and wrapped and text[position - 1] == " ":
            # A word too long for a line starts on the line before if a break it allows fits
            # there: "Die Kraftfahrzeughaftpflicht-", not "Die" alone over the word's start.
            head, rest = _started(line, width - _width(wrapped[-1]) - 1, lang)
            if head:
                wrapped[-1] += f" {head}-"
                return wrapped + _wrap(text[position + rest :], width, lang)
        if len(pieces) > 1 and index + 1 < len(lines):  # the words after go on its last piece
            return wrapped + pieces[:-1] + _wrap(text[position + tail :], width, lang)
        wrapped += pieces
        position += len(line)
    return wrapped or [""]


def _started(line: str, room: int, lang: str | None) -> tuple[str, int]:
    """The start of the word that begins ``line`` up to the last break it allows (a soft
    hyphen, or between syllables in ``lang``) that fits in ``room`` cells with its hyphen, and
    where the rest of ``line`` begins; ``("", 0)`` when none fits."""
    end = line.find(" ") if " " in line else len(line)
    syllables = {run.start() + point for run in _LETTERS.finditer(line, 0, end)
                 for point in points(run[0], lang)}  # fmt: skip
    found = ("", 0)
    for at in range(1, end):
        soft = line[at - 1] == _SOFT_HYPHEN
        if soft or (at in syllables and _hyphenates(line[at - 1], line[at])):
            head = line[: at - 1] if soft else line[:at]
            if _width(head) + 1 > room:
                break
            found = (head, at)
    return found


def _width(text: str) -> int:
    """How many cells ``text`` takes (:func:`_cells`)."""
    return len(text) if text.isascii() else sum(map(_CELLS.__getitem__, text))


def _fill(text: str, width: int) -> list[str]:
    """``textwrap.wrap(text, width, break_long_words=False)`` for clean text without hyphens,
    whose words are what lies between single spaces: the same greedy lines, faster.

    >>> _fill("a bb ccc dddd", 6)
    ['a bb', 'ccc', 'dddd']
    """
    # The longest run of whole words that fits, or else one word longer than a line.
    return re.findall(rf"(.{{1,{width}}}(?= |$)|[^ ]+) ?", text)


def html_lines(text: str, width: int = WRAP_WIDTH, lang: str | None = None) -> str:
    """Text wrapped, then escaped (so no entity is ever split), lines joined by ``<BR/>``."""
    return "<BR/>".join(html_text(line) for line in wrap(text, width, lang))


def right_to_left(text: str) -> bool:
    """Whether ``text`` reads from right to left: its first letter of a direction is Arabic,
    Hebrew or another right-to-left script (as Unicode's bidirectional algorithm decides a
    paragraph's direction), so that its lines are set flush right.

    >>> right_to_left("«שלום» world"), right_to_left("2022: Europe"), right_to_left("")
    (True, False, False)
    """
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("L", "R", "AL"):
            return direction != "L"
    return False
