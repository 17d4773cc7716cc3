"""Diagnostics: a code, a severity, a place and a message, formatted like a compiler's."""

from __future__ import annotations

import contextlib
import enum
import re
import shlex
import unicodedata
import warnings
from collections.abc import Iterator

import attrs


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@attrs.frozen(order=True)
class Span:
    """A 1-based line and column in a file."""

    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


#: Where a line ends, as editors, the Language Server Protocol and YAML count lines: at CR LF,
#: LF or a lone CR (U+2028, U+2029 and U+0085, which YAML alone counts, are inside a line).
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """The offsets where the lines of ``text`` start (see :data:`LINE_BREAK`).

    >>> line_starts("a\\rb\\r\\nc\\nd")
    [0, 2, 5, 7]
    """
    return [0, *(found.end() for found in LINE_BREAK.finditer(text))]


def span_offset(starts: list[int], span: Span, length: int) -> int:
    """The offset of an argmap span in a text of ``length`` whose lines start at ``starts``
    (see :func:`argmap.diagnostics.line_starts`). Span(0, 0), nowhere, is the start.

    >>> span_offset(line_starts("ab\\ncd"), Span(2, 2), 5)
    4
    """
    if span.line < 1:
        return 0
    if span.line > len(starts):
        return length
    return min(starts[span.line - 1] + max(span.column - 1, 0), length)


def span_at(text: str, offset: int) -> Span:
    """The place of the character at ``offset`` in ``text``, its line counted as editors count
    them (see :data:`LINE_BREAK`), its column in characters.

    >>> print(span_at("a\\rb\\r\\nc", 5), span_at("ab", 2))
    3:1 1:3
    """
    breaks = text.count("\n", 0, offset) + text.count("\r", 0, offset)
    breaks -= text.count("\r\n", 0, offset)
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return Span(breaks + 1, offset - start + 1)


#: Every diagnostic code argmap emits, with its severity and a one-line summary.
#: Codes are stable: a code is never reused for another meaning. AM0xx come from reading the
#: file (its bytes, YAML and shape), AM1xx are consistency errors, AM2xx warnings.
CODES: dict[str, tuple[Severity, str]] = {
    "AM001": (Severity.ERROR, "the file is not valid UTF-8"),
    "AM002": (Severity.ERROR, "YAML syntax error (JSON's, in a .json map)"),
    "AM003": (Severity.ERROR, "the file holds no map (empty or only comments)"),
    "AM004": (Severity.ERROR, "several YAML documents in one file"),
    "AM005": (
        Severity.ERROR,
        "anchor, alias or merge key (not allowed: every value is written out)",
    ),
    "AM006": (Severity.ERROR, "YAML tag (not allowed: every value is text, a list or a mapping)"),
    "AM007": (Severity.ERROR, "duplicate key in a mapping"),
    "AM008": (Severity.ERROR, "the top level is not a mapping"),
    "AM009": (Severity.ERROR, "unknown key"),
    "AM010": (Severity.ERROR, "wrong type of value"),
    "AM011": (Severity.ERROR, "missing required key"),
    "AM012": (Severity.ERROR, "control or bidirectional-override character in text"),
    "AM013": (Severity.ERROR, "nesting deeper than the format allows"),
    "AM014": (Severity.ERROR, "text longer than the limit"),
    "AM015": (Severity.ERROR, "unsupported format version"),
    "AM016": (Severity.ERROR, "empty value where text or a list is required"),
    "AM017": (
        Severity.ERROR,
        "a file in a format argmap imports (AIF, Argdown, microtext, Kialo, SADFace), not a map",
    ),
    "AM101": (Severity.ERROR, "invalid claim id"),
    "AM102": (Severity.ERROR, "duplicate claim id"),
    "AM103": (Severity.ERROR, "reference to an unknown claim"),
    "AM104": (Severity.ERROR, "a claim refers to itself"),
    "AM105": (Severity.ERROR, "support cycle"),
    "AM106": (Severity.ERROR, "a conclusion or recommendation without reasons"),
    "AM107": (Severity.ERROR, "a claim both supports and attacks the same target"),
    "AM108": (Severity.ERROR, "URL is not http or https"),
    "AM109": (Severity.ERROR, "source file missing or unreadable"),
    "AM110": (Severity.ERROR, "quote not found in the source text"),
    "AM111": (Severity.ERROR, "quotes without a source"),
    "AM112": (Severity.ERROR, "the same claim listed twice in one list"),
    "AM113": (Severity.ERROR, "the map has no claims"),
    "AM114": (Severity.ERROR, "two claims that contradict each other both stand"),
    "AM115": (Severity.ERROR, "an implicit claim has quotes"),
    "AM116": (Severity.ERROR, "a claim restates one it contradicts or attacks"),
    "AM117": (Severity.ERROR, "source file outside the map's project"),
    "AM118": (Severity.ERROR, "an objection names a critical question its reason does not ask"),
    "AM119": (Severity.ERROR, "the project's settings ([tool.argmap] in pyproject.toml) are wrong"),
    "AM201": (Severity.WARNING, "claim connected to nothing"),
    "AM202": (Severity.WARNING, "a recommendation or main conclusion does not stand"),
    "AM203": (Severity.WARNING, "a reason rests on a defeated claim"),
    "AM204": (Severity.WARNING, "a claim without quotes that is not marked implicit"),
    "AM205": (Severity.WARNING, "more than one claim is marked as the thesis"),
    "AM206": (Severity.WARNING, "the claim marked as the thesis supports or attacks another"),
    "AM207": (Severity.WARNING, "text cut short where YAML starts a comment (' #')"),
    "AM208": (Severity.WARNING, "claims linked to one another but not to the marked thesis"),
    "AM209": (Severity.WARNING, "an '# argmap: ignore' comment that silences nothing"),
    "AM210": (Severity.WARNING, "text garbled by an editor that read the file in another encoding"),
}


@attrs.frozen
class Related:
    """Another place a diagnostic is about, in another file: where the closest passage to a
    quote not found now is in the source text (its path as the map's leads to it)."""

    path: str
    span: Span
    message: str


@attrs.frozen(order=True)
class Diagnostic:
    """One finding about a map file, and the other places it is about (``related``, which
    neither its text nor its equality shows).

    Ordered by place, then code, so sorting a list of them gives compiler order.
    """

    path: str
    span: Span
    code: str
    message: str = attrs.field(order=False)
    related: tuple[Related, ...] = attrs.field(default=(), order=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown diagnostic code {self.code!r}")

    @property
    def severity(self) -> Severity:
        return CODES[self.code][0]

    def __str__(self) -> str:
        return f"{self.path}:{self.span}: {self.severity.value}: {self.message} [{self.code}]"


#: Shown as themselves though Unicode calls them format characters: the joiners that emoji
#: and several scripts need, and the soft hyphen.
_SHOWN = frozenset("\u200c\u200d\u00ad")
_HIDDEN = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def printable(text: str) -> str:
    r"""Text safe to show on a terminal: control characters (escape sequences among them),
    bidirectional and other invisible format characters, line separators and lone
    surrogates written out visibly, as Python writes them, so that nothing in a map or a
    file can move the cursor, retitle the window, set the clipboard or reorder a line.

    >>> printable("plain, «quoted» text")
    'plain, «quoted» text'
    >>> print(printable("a\x1b]0;owned\x07b\u202ec\td"))
    a\x1b]0;owned\x07b\u202ec\td
    """
    if text.isprintable():  # the common case: every character to escape is non-printable
        return text
    return "".join(
        _escape(char)
        if not char.isprintable() and char not in _SHOWN and unicodedata.category(char) in _HIDDEN
        else char
        for char in text
    )


def shell_word(path: str) -> str:
    """A file's path as one word of a command a message tells the user to run: quoted for a
    POSIX shell, and never taken for an option.

    >>> shell_word("a.json"), shell_word("my $(x).pdf"), shell_word("-f.pdf")
    ('a.json', "'my $(x).pdf'", './-f.pdf')
    """
    return shlex.quote(f"./{path}" if path.startswith("-") else path)


def clip(text: str, width: int = 80, marker: str = "…", *, words: bool = False) -> str:
    """Text from a file as a message quotes it: cut to ``width`` characters, ``marker`` at
    the cut; with ``words``, after the last whole word that fits (when that keeps at least
    half of it).

    >>> clip("k" * 100, 10), clip("k" * 100, 10, "...")
    ('kkkkkkkkk…', 'kkkkkkk...')
    >>> clip("the cat sat on the mat", 16, "...", words=True)
    'the cat sat...'
    """
    if len(text) <= width:
        return text
    kept = text[: width - len(marker)]
    if words and not text[len(kept)].isspace():  # the cut is inside a word
        space = kept.rfind(" ")
        kept = kept[:space] if space >= len(kept) // 2 else kept
    return kept.rstrip() + marker if words else kept + marker


def joined(items: list[str]) -> str:
    """Items as a sentence lists them: ``a``, ``a and b``, ``a, b and c``.

    >>> joined(["'a'"]), joined(["'a'", "'b'", "'c'"])
    ("'a'", "'a', 'b' and 'c'")
    """
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _escape(char: str) -> str:
    code = ord(char)
    if char in _SHORT:
        return _SHORT[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def has_errors(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


class ArgmapError(Exception):
    """Base of argmap's exceptions."""


class UsageError(ArgmapError):
    """The input could not be read at all: a missing file, a directory, an unwritable output."""


class MapError(ArgmapError):
    """A map has errors; ``diagnostics`` says which and where."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics if d.severity is Severity.ERROR]
        first = str(errors[0]) if errors else "map has errors"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(first + more)


class DrawingNote(UserWarning):
    """What argmap has to say about a drawing it made all the same (``argmap render`` prints
    it as a note): :class:`FontWarning`, :class:`FitWarning`."""


class FitWarning(DrawingNote):
    """A figure that ``fit`` could not make small enough to keep its text at the size aimed
    at (a step with more claims side by side, or a branch with more levels, than the column
    or page holds): it is drawn smaller, and the message says how small its text comes out."""


class FontWarning(DrawingNote):
    """A drawing's text that the font argmap ships cannot draw, or that font out of reach of
    this machine's Graphviz. argmap draws all the same, with the machine's fonts; the message
    names the characters and what to install. ``lacking`` maps each such character to the
    machine's font that draws it, or None when none does (PNG and PDF show an empty box)."""

    def __init__(self, message: str, lacking: dict[str, str | None] | None = None) -> None:
        super().__init__(message)
        self.lacking: dict[str, str | None] = dict(lacking or {})


@contextlib.contextmanager
def drawing_notes() -> Iterator[list[DrawingNote]]:
    """Collect, instead of warning, the :class:`DrawingNote` s a drawing inside the block
    gives; the list is filled when the block is left. Other warnings are warned as they would
    have been."""
    said: list[DrawingNote] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DrawingNote)
        yield said
    for warned in caught:
        if isinstance(warned.message, DrawingNote):
            said.append(warned.message)
        else:
            warnings.warn_explicit(warned.message, warned.category, warned.filename, warned.lineno)
