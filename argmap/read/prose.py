"""Source text → its paragraphs and sentences, as a reader sees them: hard-wrapped lines
joined into their paragraphs, sentences cut at stops but not after abbreviations, initials,
the numbers of items or the days of German dates.

- Paragraphs are runs of lines between blank lines, or one a line, as text copied from a web
  page comes. A line that does not end a sentence goes on into the next when that starts in
  lower case or the line is hard-wrapped: with the next line's first word it would be about as
  long as the longest line of its run (:data:`WRAPPED`), whatever letter the next line starts
  with (German capitalises every noun); a shorter line, such as a headline, stands alone.
- A paragraph is cut into sentences after ``.`` ``!`` ``?`` or ``…`` (closing quotes and
  brackets included) where the next sentence starts with a capital, a digit or an opening
  quote (English, French, Russian or German ones); not after common abbreviations (``Mr.``,
  ``e.g.``, ``Prof.``, ``vgl.``, ``проф.``), an initial (``J.``, ``z. B.``), the number of a
  heading or an item (``1. The problem``, ``2.3.``, ``IV.``, ``dafür: 1. Es spart``) or the
  day of a German date (``3. Oktober``), whether a line breaks there or not.

Each stop is judged from a few characters around it, and each line from itself, the next one
and its run's longest: one pass over the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: Words that a full stop follows without ending a sentence (lower case, the stop left out):
#: titles, references, months; English, German and Russian.
ABBREVIATIONS = frozenset(
    {
        *("mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "vs", "etc", "e.g", "i.e", "cf", "al"),
        *("no", "fig", "gen", "gov", "sen", "rep", "col", "lt", "sgt", "capt", "inc", "ltd", "co"),
        *("corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov"),
        *("dec", "u.s", "u.k", "u.n"),
        # German and Russian: titles, references and abbreviations that come before a capital
        # or a number (one letter, "z. B.", "т. е.", is an initial already).
        *("nr", "hr", "bzw", "ca", "vgl", "abs", "dipl", "ing", "hrsg", "evtl", "ggf", "sog"),
        *("bspw", "inkl", "zzgl", "bzgl", "jh", "z.b", "d.h", "u.a", "s.o", "o.ä"),
        *("проф", "акад", "доц", "им", "ул", "рис", "табл", "гл", "ст", "напр", "т.е", "т.к"),
    }
)
#: A line goes on into the next, whatever letter that starts with, when with the next line's
#: first word it would be at least this share of the longest line of its run as long: the
#: lines of hard-wrapped text are of about the same length, a headline is shorter.
WRAPPED = 0.8
#: Hard-wrapped text is wrapped at this many characters or fewer (72, 78, 80 are usual); a run
#: of longer lines is a page's paragraphs copied one a line.
WIDEST = 100
#: ... and at this many or more: a run of shorter lines (a headline over two lines, a list
#: without bullets) is no hard-wrapped text, each of its lines standing alone.
NARROWEST = 40
#: Month names (German, as a date's day is written ``3. Oktober``) and their abbreviations.
MONTHS = frozenset(
    {
        *("januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august"),
        *("september", "oktober", "november", "dezember", "jan", "feb", "mär", "apr", "jun"),
        *("jul", "aug", "sep", "sept", "okt", "nov", "dez"),
    }
)

# Lines that begin like the furniture of a news page; matched case-insensitively.
FURNITURE = re.compile(
    r"""(?ix) ^ (?:
        click \s+ here | tap \s+ here | read \s+ (?:more|also|next) | also \s+ read | see \s+ also
      | download \s+ (?:the|our) \b .* \b app \b | get \s+ the \s+ app
      | visit \b .* \b (?:e-?paper|website|site|homepage) \b
      | subscribe \b | sign \s+ (?:up|in) \b | log \s+ in \b | follow \s+ us \b
      | share \s+ (?:this|on) \b | related \s+ (?:stories|articles|posts|news|content) \b
      | no \s+ (?:stories|articles|results) \s+ found | advertisement \b
      | (?-i: (?:By|Von|Par|Por|Di|Door|От) \s+ [A-ZÀ-ÖØ-ÞА-Я] \S* (?: \s+ \S+ ){0,3} \s* $ )
      | representative \s+ (?:image|photo|picture) | (?:file \s+)? (?:photo|image|picture)s?
        (?: \s+ credits?)? \s* : | copyright \b | \u00a9 | all \s+ rights \s+ reserved
    )""",
)
# Closing and opening quotation marks and brackets: English “…”, ‘…’, French and Russian «…»,
# German „…“, ‚…‘ and »…«, ‹…› and ›…‹.
CLOSE = "\"'\u201d\u2019\u201c\u2018\u00bb\u00ab\u203a\u2039)]"
OPEN = "\"'\u201c\u2018\u201e\u201a\u00ab\u00bb\u2039\u203a(["
_BREAK = re.compile(rf"(?<=[.!?\u2026])[{re.escape(CLOSE)}]*(\s+)(?=[{re.escape(OPEN)}]*[\w])")
# The number of a section or item that opens a paragraph ("1.", "2.3.", "IV."): no sentence.
_NUMBER = re.compile(r"(?:\d{1,3}(?:\.\d{1,3})*|[ivx]{1,6})", re.IGNORECASE)
# A line ending a sentence: its last stop, perhaps closing quotes or brackets.
_STOP = re.compile(rf"[.!?\u2026][{re.escape(CLOSE)}]*$")
# The word after a stop, after any opening quote marks (a dozen letters tell a month).
_NEXT = re.compile(rf"[{re.escape(OPEN)}]*(\w{{0,12}})")
# What a sentence after a stop starts with: a word, perhaps after opening quote marks.
_WORD = re.compile(rf"[{re.escape(OPEN)}]*\w")
# An item of a list, which no line before it goes on into.
_BULLET = re.compile(r"[-*\u2022\u2013\u2014]\s")
#: Characters looked at before a stop for the word it ends: more than any abbreviation.
_ROOM = 32


def paragraphs(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, standalone) of each paragraph: a line, or lines that continue each other
    (:func:`_continues`), in the runs of lines between blank ones. ``standalone`` is True for
    a paragraph of one line, unless it is a line of hard-wrapped text (as long as the others,
    or after one, in a run no wider than :data:`WIDEST`)."""
    run: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        end = offset + len(line)
        if line.strip():
            run.append((offset, end))
        elif run:
            yield from _run(text, run)
            run = []
        offset = end + 1
    if run:
        yield from _run(text, run)


def _run(text: str, lines: list[tuple[int, int]]) -> Iterator[tuple[int, int, bool]]:
    """The paragraphs of a run of lines without a blank one between them."""
    width = max(len(text[a:b].rstrip()) for a, b in lines)
    first, tail, cut = 0, False, lines[0][0]  # cut: where the sentence at a line's end began
    for i, (a, b) in enumerate(lines):
        for found in _BREAK.finditer(text, max(cut, a), b):
            if _ends(text, cut, found.start(), found.end(1)):
                cut = found.end(1)
        wrapped = False  # a line of hard-wrapped text, ending a sentence where it ends
        if i + 1 < len(lines):
            full = NARROWEST <= width <= WIDEST and _full(text, a, b, lines[i + 1], width)
            if _continues(text, cut, (a, b), lines[i + 1], full):
                continue
            cut, wrapped = lines[i + 1][0], full
        yield lines[first][0], b, i == first and not tail and not wrapped
        first, tail = i + 1, wrapped


def _full(text: str, a: int, b: int, following: tuple[int, int], width: int) -> bool:
    """Whether the line text[a:b] is a hard-wrapped one: the next line's first word would
    have made it (nearly) as long as the run's longest line, or longer."""
    word = text[following[0] : following[1]].split(None, 1)[0]
    return len(text[a:b].rstrip()) + 1 + len(word) >= WRAPPED * width


def _continues(
    text: str, cut: int, line: tuple[int, int], following: tuple[int, int], full: bool
) -> bool:
    """Whether the line ``line`` (its start and end; its last sentence began at ``cut``) goes
    on into the next: it does not end a sentence (a stop after an abbreviation, an initial or
    the day of a date ends none; one before lower case, only in hard-wrapped text), the next
    line is no item of a list or page furniture, and it starts in lower case or the line is a
    wrapped one (``full``: about as long as the longest of its run)."""
    a, b = line
    words = text[a:b].rstrip()
    after = text[following[0] : following[1]]
    start = following[0] + len(after) - len(after.lstrip())
    stop = _STOP.search(words)
    if (
        stop is not None
        and _WORD.match(text, start)  # as within a line: a sentence starts with a word
        and _ends(text, cut, a + stop.start() + 1, start, lower=full)
    ):
        return False
    if _BULLET.match(text, start) or FURNITURE.match(after.lstrip()):
        return False
    return after.lstrip()[:1].islower() or (full and not FURNITURE.match(words.lstrip()))


def _ends(text: str, cut: int, stop: int, after: int, lower: bool = True) -> bool:
    """Whether the stop before ``stop`` ends the sentence begun at ``cut``, the next word
    starting at ``after``: not after an abbreviation or an initial, the number of an item
    (a sentence of a number alone, or a number after a colon: ``1. The problem``, ``dafür:
    1. Es spart``) or the day of a German date (``3. Oktober``), nor before lower case
    (``lower``; at the end of a line only of hard-wrapped text). The words are looked for in
    a few characters around it, so that a long run of abbreviations costs no more than its
    length."""
    alone = stop - cut <= _ROOM
    words = text[max(cut, stop - _ROOM) : stop].rstrip(CLOSE + ".!?\u2026").split()
    word = words[-1].lower().lstrip(OPEN) if words else ""
    following = _NEXT.match(text, after)
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    listed = (alone and len(words) == 1) or (len(words) > 1 and words[-2].endswith(":"))
    if listed and _NUMBER.fullmatch(word):
        return False
    name = following[1] if following else ""
    if word.isdecimal() and 1 <= int(word) <= 31 and name.lower() in MONTHS:  # not "10²"
        return False
    return not (lower and name[:1].islower())


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentences of text[start:end], as offsets, white space trimmed."""
    cut = start
    for found in _BREAK.finditer(text, start, end):
        if _ends(text, cut, found.start(), found.end(1)):
            yield cut, found.start(1)
            cut = found.end(1)
    yield cut, end


__all__ = ["ABBREVIATIONS", "CLOSE", "FURNITURE", "MONTHS", "NARROWEST", "OPEN", "WIDEST",
           "WRAPPED",
           "paragraphs", "sentences"]  # fmt: skip
