"""Source text + map → which sentences of the source the map's quotes cover, and which lines of
the source are not prose at all (headlines, captions, links and other page furniture).

How the text is read:

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
- A passage a claim quotes is argument, whatever it looks like. Of the rest, these are
  *furniture*, reported apart and not counted as missed argument: a line the map's
  ``source: ignore:`` names; a line that begins like page furniture (``Click here``,
  ``Download the … app``, ``Related stories``, ``Representative image``, ``Photo:``, ...); a
  sentence without closing punctuation (a headline, caption or link: a sentence ends with a
  stop); and a line that is one sentence of fewer than four words (``No stories found.``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

import attrs

from argmap.model import ArgumentMap
from argmap.read.passages import ABBREVIATIONS
from argmap.read.source import SourceText, normalize

#: A line of fewer words than this, standing alone, is not a sentence of the argument.
MIN_WORDS = 4
#: A line goes on into the next, whatever letter that starts with, when with the next line's
#: first word it would be at least this share of the longest line of its run as long: the
#: lines of hard-wrapped text are of about the same length, a headline is shorter.
WRAPPED = 0.8
#: Hard-wrapped text is wrapped at this many characters or fewer (72, 78, 80 are usual); a run
#: of longer lines is a page's paragraphs copied one a line.
WIDEST = 100
#: Month names (German, as a date's day is written ``3. Oktober``) and their abbreviations.
MONTHS = frozenset(
    {
        *("januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august"),
        *("september", "oktober", "november", "dezember", "jan", "feb", "mär", "apr", "jun"),
        *("jul", "aug", "sep", "sept", "okt", "nov", "dez"),
    }
)

# Lines that begin like the furniture of a news page; matched case-insensitively.
_FURNITURE = re.compile(
    r"""(?ix) ^ (?:
        click \s+ here | tap \s+ here | read \s+ (?:more|also|next) | also \s+ read | see \s+ also
      | download \s+ (?:the|our) \b .* \b app \b | get \s+ the \s+ app
      | visit \b .* \b (?:e-?paper|website|site|homepage) \b
      | subscribe \b | sign \s+ (?:up|in) \b | log \s+ in \b | follow \s+ us \b
      | share \s+ (?:this|on) \b | related \s+ (?:stories|articles|posts|news|content) \b
      | no \s+ (?:stories|articles|results) \s+ found | advertisement \b
      | representative \s+ (?:image|photo|picture) | (?:file \s+)? (?:photo|image|picture)s?
        (?: \s+ credits?)? \s* : | copyright \b | \u00a9 | all \s+ rights \s+ reserved
    )""",
)
# Closing and opening quotation marks and brackets: English “…”, ‘…’, French and Russian «…»,
# German „…“, ‚…‘ and »…«, ‹…› and ›…‹.
_CLOSE = "\"'\u201d\u2019\u201c\u2018\u00bb\u00ab\u203a\u2039)]"
_OPEN = "\"'\u201c\u2018\u201e\u201a\u00ab\u00bb\u2039\u203a(["
# A sentence ends with a stop, perhaps closing quotes or brackets; ':' and ';' end a line of
# prose too (a line introducing a list).
_ENDS = re.compile(rf"[.!?\u2026:;][{re.escape(_CLOSE)}]*\s*$")
_BREAK = re.compile(rf"(?<=[.!?\u2026])[{re.escape(_CLOSE)}]*(\s+)(?=[{re.escape(_OPEN)}]*[\w])")
# The number of a section or item that opens a paragraph ("1.", "2.3.", "IV."): no sentence.
_NUMBER = re.compile(r"(?:\d{1,3}(?:\.\d{1,3})*|[ivx]{1,6})", re.IGNORECASE)
# A line ending a sentence: its last stop, perhaps closing quotes or brackets.
_STOP = re.compile(rf"[.!?\u2026][{re.escape(_CLOSE)}]*$")
# The word after a stop, after any opening quote marks (a dozen letters tell a month).
_NEXT = re.compile(rf"[{re.escape(_OPEN)}]*(\w{{0,12}})")
#: Characters looked at before a stop for the word it ends: more than any abbreviation.
_ROOM = 32


@attrs.frozen
class Sentence:
    """A sentence (or, for furniture, a line) of the source, as coverage sees it.

    ``start``/``end`` are offsets in the source text, ``line`` its first line and
    ``paragraph`` the first line of its paragraph; ``quoted`` counts its characters (other
    than white space) inside some quote, of ``size``; ``claims`` quote it, in file order;
    ``furniture`` says why it is not counted as argument (None: it is).
    """

    start: int
    end: int
    line: int
    text: str
    size: int
    quoted: int = 0
    claims: tuple[str, ...] = ()
    furniture: str | None = None
    paragraph: int = 0

    @property
    def covered(self) -> bool:
        return bool(self.claims)

    @property
    def share(self) -> float:
        return self.quoted / self.size if self.size else 0.0


@attrs.frozen
class Passage:
    """Where the source quotes for a claim: one part of one occurrence of one of its quotes."""

    start: int
    end: int
    claim: str


@attrs.frozen
class Coverage:
    """Which sentences of a source a map quotes."""

    text: str
    sentences: tuple[Sentence, ...]
    passages: tuple[Passage, ...]
    implicit: tuple[str, ...]  # ids of the map's implicit claims (not in the text, by design)

    @property
    def argument(self) -> list[Sentence]:
        """The sentences that argue: every one but the furniture."""
        return [s for s in self.sentences if s.furniture is None]

    @property
    def furniture(self) -> list[Sentence]:
        """The sentences that do not argue: headlines, bylines, the map's ``ignore`` lines."""
        return [s for s in self.sentences if s.furniture is not None]

    @property
    def missed(self) -> list[Sentence]:
        """The sentences that argue and that no claim quotes."""
        return [s for s in self.argument if not s.covered]

    @property
    def share(self) -> float:
        """Covered argumentative sentences over all of them (1.0 for a text without any)."""
        argument = self.argument
        return sum(s.covered for s in argument) / len(argument) if argument else 1.0

    def quoted(self, claim: str) -> int:
        """How many characters of the source the quotes of the claim with the id ``claim``
        cover, a character quoted twice counted once (0 for an implicit or unknown claim)."""
        spans = sorted((p.start, p.end) for p in self.passages if p.claim == claim)
        total, reached = 0, 0
        for start, end in spans:
            total += max(0, end - max(start, reached))
            reached = max(reached, end)
        return total


def _ignored(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regular expression for the map's ``ignore`` lines: ``*`` is any text, the rest is
    matched like a quote (white space, quote marks and dashes folded)."""
    if not patterns:
        return None
    pieces = ["(?:" + ".*".join(map(re.escape, normalize(p).split("*"))) + ")" for p in patterns]
    return re.compile("|".join(pieces))


def _paragraphs(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, standalone) of each paragraph: a line, or lines that continue each other
    (:func:`_continues`), in the runs of lines between blank ones. ``standalone`` is True for
    a paragraph of one line, unless it is the last line of hard-wrapped text (after a line as
    long as the others, in a run no wider than :data:`WIDEST`)."""
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
    first, tail = 0, False
    for i, (a, b) in enumerate(lines):
        if i + 1 < len(lines):
            full = _full(text, a, b, lines[i + 1], width)
            if _continues(text, a, b, lines[i + 1], full):
                continue
        yield lines[first][0], b, i == first and not tail
        first, tail = i + 1, i + 1 < len(lines) and full and width <= WIDEST


def _full(text: str, a: int, b: int, following: tuple[int, int], width: int) -> bool:
    """Whether the line text[a:b] is a hard-wrapped one: the next line's first word would
    have made it (nearly) as long as the run's longest line, or longer."""
    word = text[following[0] : following[1]].split(None, 1)[0]
    return len(text[a:b].rstrip()) + 1 + len(word) >= WRAPPED * width


def _continues(text: str, a: int, b: int, following: tuple[int, int], full: bool) -> bool:
    """Whether the line text[a:b] goes on into the next: it does not end a sentence (a stop
    after an abbreviation, an initial or the day of a date ends none), the next line is no
    page furniture, and it starts in lower case or the line is a wrapped one (``full``)."""
    line = text[a:b].rstrip()
    after = text[following[0] : following[1]]
    start = following[0] + len(after) - len(after.lstrip())
    stop = _STOP.search(line)
    if stop is not None and _ends(text, a, a + stop.start() + 1, start):
        return False
    if _FURNITURE.match(after.lstrip()):
        return False
    return after.lstrip()[:1].islower() or (full and not _FURNITURE.match(line.lstrip()))


def _ends(text: str, cut: int, stop: int, after: int) -> bool:
    """Whether the stop before ``stop`` ends the sentence begun at ``cut``, the next word
    starting at ``after``: not after an abbreviation or an initial, the number of an item
    (a sentence of a number alone, or a number after a colon: ``1. The problem``, ``dafür:
    1. Es spart``) or the day of a German date (``3. Oktober``), nor before lower case. The
    words are looked for in a few characters around it, so that a long run of abbreviations
    costs no more than its length."""
    alone = stop - cut <= _ROOM
    words = text[max(cut, stop - _ROOM) : stop].rstrip(_CLOSE + ".!?\u2026").split()
    word = words[-1].lower().lstrip(_OPEN) if words else ""
    following = _NEXT.match(text, after)
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    listed = (alone and len(words) == 1) or (len(words) > 1 and words[-2].endswith(":"))
    if listed and _NUMBER.fullmatch(word):
        return False
    name = following[1] if following else ""
    if word.isdigit() and 1 <= int(word) <= 31 and name.lower() in MONTHS:
        return False
    return not name[:1].islower()


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentences of text[start:end], as offsets, white space trimmed."""
    cut = start
    for found in _BREAK.finditer(text, start, end):
        if _ends(text, cut, found.start(), found.end(1)):
            yield cut, found.start(1)
            cut = found.end(1)
    yield cut, end


def _words(text: str) -> int:
    return len(text.split())


def coverage(amap: ArgumentMap, source: SourceText) -> Coverage:
    """What of ``source`` (the map's source text) the map's quotes cover.

    Quotes not found in the source cover nothing (``argmap check`` reports them).
    """
    text = source.text
    passages = sorted(
        (
            Passage(match.start, match.end, claim.id)
            for claim in amap.claims
            for quote in claim.quotes
            for occurrence in source.occurrences(quote.text)
            for match in occurrence
        ),
        key=lambda p: (p.start, p.end),
    )
    covered = bytearray(len(text))
    for passage in passages:
        covered[passage.start : passage.end] = b"\x01" * (passage.end - passage.start)
    ignore = _ignored(amap.source.ignore if amap.source else ())
    order = {claim.id: n for n, claim in enumerate(amap.claims)}

    units: list[tuple[int, int, str | None, int]] = []
    for start, end, standalone in _paragraphs(text):
        paragraph = source.line_of(start)
        line = normalize(text[start:end])
        if ignore is not None and ignore.fullmatch(line):
            units.append((start, end, "named in the map's 'ignore' list", paragraph))
            continue
        if _FURNITURE.match(line):
            units.append((start, end, "page furniture", paragraph))
            continue
        pieces = list(_sentences(text, start, end))
        for a, b in pieces:
            piece = text[a:b]
            why = None
            if not _ENDS.search(piece):
                why = "no closing punctuation: a headline, caption or link"
            elif standalone and len(pieces) == 1 and _words(piece) < MIN_WORDS:
                why = f"a line of fewer than {MIN_WORDS} words"
            units.append((a, b, why, paragraph))

    starts = [unit[0] for unit in units]
    claims: list[set[str]] = [set() for _ in units]
    for passage in passages:
        first = max(bisect.bisect_right(starts, passage.start) - 1, 0)
        for k in range(first, len(units)):
            a, b = units[k][:2]
            if a >= passage.end:
                break
            if b > passage.start:
                claims[k].add(passage.claim)
    sentences = []
    for (a, b, furniture, paragraph), ids in zip(units, claims, strict=True):
        piece = text[a:b]
        visible = [i for i in range(a, b) if not text[i].isspace()]
        sentences.append(
            Sentence(
                a,
                b,
                source.line_of(a),
                " ".join(piece.split()),
                len(visible),
                sum(covered[i] for i in visible),
                tuple(sorted(ids, key=order.__getitem__)),
                None if ids else furniture,  # what a claim quotes is argument
                paragraph,
            )
        )
    implicit = tuple(claim.id for claim in amap.claims if claim.implicit)
    return Coverage(text, tuple(sentences), tuple(passages), implicit)
