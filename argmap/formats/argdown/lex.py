"""Argdown text → tokens, as the Argdown lexer (``@argdown/core`` 1.7) cuts it.

A port of Argdown's lexer: the same tokens, tried in the same order (the first that matches
wins), with the same context rules (a relation, a list item, a heading or a statement number
only at the start of a line; indentation of relations and lists as ``INDENT`` and ``DEDENT``
tokens; an inference line ``--`` switching to the tokens of inference rules until the next
``--``). Comments (``//``, ``/* */``, ``<!-- -->``) and spaces between tokens are skipped.
JavaScript's ``.`` (any character but a line break) is spelled out, since Python's differs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

#: Argdown's ``@include(path)``, which its command line replaces by that file's text (a path
#: relative to the including file, each file once) before the text is lexed.
INCLUDE = re.compile(r"@include\(([^)]+)\)")
#: What stands in place of a file included a second time, as Argdown's command line writes it.
INCLUDED_AGAIN = "<!-- Include failed: File '{}' already included. -->"


class LexError(ValueError):
    """No token matches at a place of the text."""

    def __init__(self, line: int, column: int, text: str) -> None:
        super().__init__(f"{line}:{column}: cannot read {text!r}")
        self.line, self.column = line, column


@attrs.frozen
class Token:
    kind: str
    image: str
    line: int
    column: int


# Token kinds.
COMMENT, FRONT_MATTER, DATA, ESCAPED, SPECIAL = (
    "comment",
    "front matter",
    "data",
    "escaped",
    "special",
)
EMPTYLINE, NEWLINE, INDENT, DEDENT = "empty line", "newline", "indent", "dedent"
INFERENCE_START, INFERENCE_END, LIST_DELIMITER = "inference start", "inference end", ","
#: Relation tokens, by what they say: who supports, attacks or undercuts whom.
SUPPORTS_CHILD, ATTACKS_CHILD = "+>", "->"  # the parent supports / attacks the child
SUPPORTED_BY, ATTACKED_BY = "<+", "<-"  # the child supports / attacks the parent ("+", "-")
CONTRADICTION, UNDERCUTS_CHILD, UNDERCUT_BY = "><", "_>", "<_"
RELATIONS = (SUPPORTS_CHILD, ATTACKS_CHILD, SUPPORTED_BY, ATTACKED_BY, CONTRADICTION,
             UNDERCUTS_CHILD, UNDERCUT_BY)  # fmt: skip
HEADING, NUMBER, ORDERED_ITEM, UNORDERED_ITEM = "heading", "statement number", "1. item", "* item"
BOLD_ASTERISK, BOLD_UNDERSCORE, ITALIC_ASTERISK, ITALIC_UNDERSCORE = "**", "__", "*", "_"
LINK, TAG = "link", "tag"
STATEMENT_DEFINITION, STATEMENT_REFERENCE, STATEMENT_MENTION = "[def]:", "[ref]", "@[ref]"
ARGUMENT_DEFINITION, ARGUMENT_REFERENCE, ARGUMENT_MENTION = "<def>:", "<ref>", "@<ref>"
SPACES, FREESTYLE, CONTROL = "spaces", "text", "control character"
EOF = "end of file"
#: A bold or italic marker's token kind is the marker followed by " start" or " end".

_DOT = r"[^\n\r\u2028\u2029]"  # JavaScript's "."
_JS_SPACE = r"\s\ufeff"
_AFTER_END = r"(?:[ \t]|(?=\n|\r|\)|\}|_|\.|,|!|\?|;|:|-|\*|\Z))"

_COMMENT = r"(?:<!--[\s\S]*?-->)|(?:/\*[\s\S]*?\*/)|(?://" + _DOT + r"*?(?=\r\n|\n|\r))"
_COMMENT_ANY = re.compile(_COMMENT)
_COMMENT_AFTER_EMPTY = re.compile(rf"(?:{_COMMENT})(?:[ \t]*\r\n|\n|\r)*")
_COMMENT_AFTER_NEWLINE = re.compile(
    rf"(?:{_COMMENT})(?:[ \t]*(?:\r\n|\n|\r)(?![ \t]*(?:\r\n|\n|\r)))?"
)
_RELATIONS = [
    (SUPPORTS_CHILD, re.compile(r"([' \t]*)(\+>)")),
    (ATTACKS_CHILD, re.compile(r"([' \t]*)(->)")),
    (SUPPORTED_BY, re.compile(r"([' \t]*)(<?\+)")),
    (ATTACKED_BY, re.compile(r"([' \t]*)(<?-)")),
    (CONTRADICTION, re.compile(r"([' \t]*)(><)")),
    (UNDERCUTS_CHILD, re.compile(r"([' \t]*)(_>)")),
    (UNDERCUT_BY, re.compile(rf"([' \t]*)(<_|_(?=[{_JS_SPACE}]))")),
]
_SIMPLE = {
    FRONT_MATTER: re.compile(r"===+[\s\S]*?===+"),
    DATA: re.compile(r"\{(?:(?!\}\s[^,}])(?:" + _DOT + r"|\n))*\}(?!\s*(?:,|\}))"),
    ESCAPED: re.compile(r"\\" + _DOT + r"(?: )*"),
    SPECIAL: re.compile(rf"(?:\.[^{_JS_SPACE}]+?\.[ \t]?)|(?::[^{_JS_SPACE}]+?:[ \t]?)"),
    NEWLINE: re.compile(r"[ \t]*(?:\r\n|\n|\r)"),
    LINK: re.compile(r"\[[^\]]+?\]\([^)]+?\)[ \t]?"),
    TAG: re.compile(r"#(?:\([^)]+\)|[a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+)[ \t]?"),
    STATEMENT_DEFINITION: re.compile(rf"\[{_DOT}+?\]:"),
    STATEMENT_REFERENCE: re.compile(rf"\[[^-\n\r\u2028\u2029]{_DOT}*?\]"),
    STATEMENT_MENTION: re.compile(rf"@\[{_DOT}+?\][ \t]?"),
    ARGUMENT_DEFINITION: re.compile(rf"<{_DOT}+?>:"),
    ARGUMENT_REFERENCE: re.compile(rf"<[^-\n\r\u2028\u2029]{_DOT}*?>"),
    ARGUMENT_MENTION: re.compile(rf"@<{_DOT}+?>[ \t]?"),
    SPACES: re.compile(r"[ \t]+"),
    FREESTYLE: re.compile(r"[^\\@#*_\[\],.:;</>\-\r\n(){}]+"),
    CONTROL: re.compile(r"[@#*_\[\],.:;</>\-(){}][ \t]?"),
    INFERENCE_END: re.compile(r"-{2,}"),
    LIST_DELIMITER: re.compile(r","),
}
_EMPTYLINE = re.compile(r"(?:[ \t]*(?:\r\n|\n)){2,}")
_INFERENCE_START = re.compile(r"[' \t]*-{2}")
_HEADING = re.compile(r"(#+) ")
_NUMBER = re.compile(r"[' \t]*\(\d+\)")
_ORDERED = re.compile(r"([' \t]*)\d+\.(?=\s)")
_UNORDERED = re.compile(r"([' \t]*)\*(?=\s)")
_EMPHASIS = {  # marker → (start, end) patterns
    BOLD_ASTERISK: (re.compile(r"\*\*(?!\s)"), re.compile(r"\*\*" + _AFTER_END)),
    BOLD_UNDERSCORE: (re.compile(r"__(?!\s)"), re.compile(r"__" + _AFTER_END)),
    ITALIC_ASTERISK: (re.compile(r"\*(?!\s)"), re.compile(r"\*" + _AFTER_END)),
    ITALIC_UNDERSCORE: (re.compile(r"_(?!\s)"), re.compile(r"_" + _AFTER_END)),
}
_SKIPPED = (COMMENT, SPACES)
_LINE_END = re.compile(r"[\n\r\u2028\u2029]")
#: The tokens that scan ahead for their end: for each way one opens, what no such token
#: opened earlier can reach past (None: the text's end). Their body and end depend on no
#: place, so one that fails where it opens fails at every later opening before that barrier
#: too, and is not tried there again: a stretch of text is scanned once, not once for each of
#: its characters (40 KB of "{" cost 45 s, a megabyte hours).
_SCANNING: dict[str, dict[str, re.Pattern[str] | None]] = {
    COMMENT: {"<!--": None, "/*": None, "//": _LINE_END},
    FRONT_MATTER: {"===": None},
    DATA: {"{": re.compile(r"[\r\u2028\u2029]|\}\s[^,}]")},
    SPECIAL: {".": re.compile(rf"[{_JS_SPACE}]"), ":": re.compile(rf"[{_JS_SPACE}]")},
    LINK: {"[": re.compile(r"\]")},
    TAG: {"#(": re.compile(r"\)")},
    STATEMENT_DEFINITION: {"[": _LINE_END},
    STATEMENT_REFERENCE: {"[": _LINE_END},
    STATEMENT_MENTION: {"@[": _LINE_END},
    ARGUMENT_DEFINITION: {"<": _LINE_END},
    ARGUMENT_REFERENCE: {"<": _LINE_END},
    ARGUMENT_MENTION: {"@<": _LINE_END},
}
#: What a scanning token needs somewhere after it besides (a link's ")"): where it is absent,
#: every later one fails.
_NEEDS = {LINK: ")"}


class _Lexer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[Token] = []
        self.indents = [0]
        self.emphasis: list[str] = []
        self.inference = False
        self.line, self.column = 1, 1
        self.failed: dict[tuple[str, str], int] = {}  # (kind, opener) → not before this place
        self.found: dict[str, int] = {}  # a needed text → where it is next (-1: nowhere)

    def _opener(self, kind: str, pos: int) -> str | None:
        """How a token of a scanning ``kind`` opens at ``pos`` (None: it does not)."""
        return next((o for o in _SCANNING.get(kind, ()) if self.text.startswith(o, pos)), None)

    def _tried(self, kind: str, pos: int) -> bool:
        """Whether a ``kind`` opened at ``pos`` is known to fail (see :data:`_SCANNING`)."""
        opener = self._opener(kind, pos)
        return opener is not None and pos < self.failed.get((kind, opener), -1)

    def _fails(self, kind: str, pos: int) -> None:
        """Note that a ``kind`` failed at ``pos``: so it does up to its barrier."""
        opener = self._opener(kind, pos)
        if opener is not None:
            barrier = _SCANNING[kind][opener]
            found = barrier.search(self.text, pos + len(opener)) if barrier else None
            self.failed[kind, opener] = found.start() if found else len(self.text)
            needed = _NEEDS.get(kind)
            if needed is not None and self._next(needed, pos) < 0:
                self.failed[kind, opener] = len(self.text)

    def _next(self, text: str, pos: int) -> int:
        """Where ``text`` is next at or after ``pos`` (-1: nowhere); looked for again only
        once ``pos`` passed it, as the lexer only moves on."""
        known = self.found.get(text)
        if known is None or 0 <= known < pos:
            known = self.found[text] = self.text.find(text, pos)
        return known

    # -- context ------------------------------------------------------------------------
    def _last(self) -> str | None:
        return self.tokens[-1].kind if self.tokens else None

    def _line_start(self, *, after_empty: bool = True) -> bool:
        last = self._last()
        return last is None or last == NEWLINE or (after_empty and last == EMPTYLINE)

    def _emit(self, kind: str) -> None:
        self.tokens.append(Token(kind, "", self.line, self.column))

    def _dedent_all(self) -> None:
        while len(self.indents) > 1:
            self.indents.pop()
            self._emit(DEDENT)

    def _indent(self, width: int) -> None:
        if width > self.indents[-1]:
            self.indents.append(width)
            self._emit(INDENT)
        else:
            while len(self.indents) > 1 and width < self.indents[-1]:
                self.indents.pop()
                self._emit(DEDENT)

    # -- matchers: each returns (kind, length) or None ------------------------------------
    def _comment(self, pos: int) -> tuple[str, int] | None:
        last = self._last()
        pattern = (_COMMENT_AFTER_EMPTY if last == EMPTYLINE
                   else _COMMENT_AFTER_NEWLINE if last == NEWLINE else _COMMENT_ANY)  # fmt: skip
        if self._tried(COMMENT, pos):
            return None
        found = pattern.match(self.text, pos)
        if found is None:
            self._fails(COMMENT, pos)
            return None
        return COMMENT, found.end() - pos

    def _emptyline(self, pos: int) -> tuple[str, int] | None:
        if self._last() == EMPTYLINE:
            return None
        found = _EMPTYLINE.match(self.text, pos)
        if found is None:
            return None
        if found.end() < len(self.text):
            self._dedent_all()
        return EMPTYLINE, found.end() - pos

    def _inference_start(self, pos: int) -> tuple[str, int] | None:
        if not self._line_start(after_empty=False):
            return None
        found = _INFERENCE_START.match(self.text, pos)
        if found is None:
            return None
        self._dedent_all()
        self.inference = True
        return INFERENCE_START, found.end() - pos

    def _relation(self, pos: int) -> tuple[str, int] | None:
        if not self._line_start():
            return None
        for kind, pattern in _RELATIONS:
            found = pattern.match(self.text, pos)
            if found is not None:
                self._indent(len(found.group(1)))
                return kind, found.end() - pos
        return None

    def _heading(self, pos: int) -> tuple[str, int] | None:
        if self.tokens and self._last() not in (EMPTYLINE, NEWLINE):
            return None
        found = _HEADING.match(self.text, pos)
        return (HEADING, found.end() - pos) if found else None

    def _number(self, pos: int) -> tuple[str, int] | None:
        if not self._line_start():
            return None
        found = _NUMBER.match(self.text, pos)
        if found is None:
            return None
        self._dedent_all()
        return NUMBER, found.end() - pos

    def _list_item(self, pos: int) -> tuple[str, int] | None:
        if not self._line_start():
            return None
        for kind, pattern in ((ORDERED_ITEM, _ORDERED), (UNORDERED_ITEM, _UNORDERED)):
            found = pattern.match(self.text, pos)
            if found is not None:
                self._indent(len(found.group(1)) + 1)
                return kind, found.end() - pos
        return None

    def _emphasis(self, pos: int) -> tuple[str, int] | None:
        for marker, (_, end) in _EMPHASIS.items():
            if self.emphasis and self.emphasis[-1] == marker:
                found = end.match(self.text, pos)
                if found is not None:
                    self.emphasis.pop()
                    return f"{marker} end", found.end() - pos
        for marker, (start, _) in _EMPHASIS.items():
            found = start.match(self.text, pos)
            if found is not None:
                self.emphasis.append(marker)
                return f"{marker} start", found.end() - pos
        return None

    def _simple(self, *kinds: str) -> Callable[[int], tuple[str, int] | None]:
        def match(pos: int) -> tuple[str, int] | None:
            for kind in kinds:
                if self._tried(kind, pos):
                    continue
                found = _SIMPLE[kind].match(self.text, pos)
                if found is not None:
                    return kind, found.end() - pos
                self._fails(kind, pos)
            return None

        return match

    def run(self) -> list[Token]:
        default = [
            self._comment, self._simple(FRONT_MATTER, DATA, ESCAPED, SPECIAL), self._emptyline,
            self._simple(NEWLINE), self._inference_start, self._relation, self._heading,
            self._number, self._list_item, self._emphasis,
            self._simple(LINK, TAG, STATEMENT_DEFINITION, STATEMENT_REFERENCE, STATEMENT_MENTION,
                         ARGUMENT_DEFINITION, ARGUMENT_REFERENCE, ARGUMENT_MENTION, SPACES,
                         FREESTYLE, CONTROL),
        ]  # fmt: skip
        inference = [
            self._comment, self._simple(NEWLINE, ESCAPED, SPECIAL, INFERENCE_END, DATA,
                                        LIST_DELIMITER, SPACES, FREESTYLE, CONTROL),
        ]  # fmt: skip
        pos = 0
        while pos < len(self.text):
            for matcher in inference if self.inference else default:
                found = matcher(pos)
                if found is not None:
                    break
            else:
                raise LexError(self.line, self.column, self.text[pos : pos + 20])
            kind, length = found
            image = self.text[pos : pos + length]
            if kind == INFERENCE_END:
                self.inference = False
            if kind not in _SKIPPED:
                self.tokens.append(Token(kind, image, self.line, self.column))
            breaks = image.count("\n") + image.count("\r") - image.count("\r\n")
            if breaks:
                self.line += breaks
                self.column = len(re.split(r"\r\n|\n|\r", image)[-1]) + 1
            else:
                self.column += length
            pos += length
        if self.tokens and self.tokens[-1].kind == EMPTYLINE:
            self.tokens.pop()
        self._dedent_all()
        return self.tokens


def tokenize(text: str) -> list[Token]:
    """The tokens of an Argdown text, comments and spaces left out.

    >>> [t.kind for t in tokenize("[A]: a\\n  + [B]")]
    ['[def]:', 'text', 'newline', 'indent', '<+', '[ref]', 'dedent']

    Raises:
        LexError: no token matches somewhere (a lone backslash at the end of a line).
    """
    return _Lexer(text).run()
