"""Argdown tokens → syntax tree, by the grammar of Argdown's parser (``@argdown/core`` 1.7).

A recursive-descent port of Argdown's grammar: a document is front matter, then headings,
statements, arguments, premise–conclusion structures and lists, separated by empty lines; a
statement or argument may carry data and an indented block of relations, each relation a
statement or argument that may carry relations in turn. The tree keeps Argdown's rule names and
every token, so that :mod:`argmap.formats.argdown.model` can read it as Argdown's model plugin
reads Argdown's tree. Unlike Argdown, which recovers and reports, the first syntax error stops.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import attrs

from argmap.formats.argdown import lex
from argmap.formats.argdown.lex import Token

# Rule names (Argdown's).
ARGDOWN, HEADING, STATEMENT, STATEMENT_DEFINITION = "argdown", "heading", "statement", "definition"
ARGUMENT, PCS, PCS_TAIL, PCS_STATEMENT = "argument", "pcs", "pcsTail", "pcsStatement"
INFERENCE, INFERENCE_RULES, RELATIONS, RELATION = (
    "inference",
    "inferenceRules",
    "relations",
    "relation",
)
ORDERED_LIST, UNORDERED_LIST, LIST_ITEM = "orderedList", "unorderedList", "listItem"
CONTENT, FREESTYLE_TEXT, BOLD, ITALIC = "statementContent", "freestyleText", "bold", "italic"


#: How deep indented relations, lists and emphasis may nest: far more than a text needs, and
#: few enough that reading the tree (recursively, like Argdown) cannot run out of stack.
MAX_NESTING = 64


class ParseError(ValueError):
    """The tokens do not follow Argdown's grammar (or nest deeper than argmap reads)."""

    def __init__(self, token: Token, expected: str, problem: str | None = None,
                 after: Token | None = None) -> None:  # fmt: skip
        found = "the end of the file" if token.kind == lex.EOF else _describe(token, after)
        problem = problem or f"expected {expected}, found {found}"
        super().__init__(f"{token.line}:{token.column}: {problem}")
        self.line, self.column = token.line, token.column


def _describe(token: Token, after: Token | None = None) -> str:
    """``token`` in words; ``after``, the token before it, tells a relation indented as
    nothing open is (a dedent to no level) from one opening a level."""
    if token.kind in lex.RELATIONS:
        indent = token.image[: len(token.image) - len(token.image.lstrip())]
        if indent and after is not None and after.kind != lex.INDENT:
            width = f" {len(indent)} spaces" if indent.strip(" ") == "" else ""
            return (f"the relation {token.image.strip()!r} indented{width}, in line with "
                    "nothing above it (the relations under a statement line up, and those "
                    "under a relation are indented further)")  # fmt: skip
        return (f"the relation {token.image.strip()!r} (a relation is indented under the "
                "statement or argument it relates to)")  # fmt: skip
    if token.kind in (lex.INDENT, lex.DEDENT):
        return f"a change of indentation ({token.kind})"
    image = " ".join(token.image.split())
    return f"{token.kind} {image[:30]!r}" if image else token.kind


@attrs.define(eq=False)
class Rule:
    """A node of the syntax tree: a rule of the grammar and what it matched, in order.

    ``built`` is left for the model builder, which notes there what it made of the node.
    """

    name: str
    children: list[Rule | Token]
    line: int = 0
    built: dict[str, Any] = attrs.Factory(dict)


FREESTYLE_FIRST = frozenset({lex.FREESTYLE, lex.CONTROL, lex.ESCAPED, lex.SPECIAL})
CONTENT_FIRST = FREESTYLE_FIRST | {
    lex.LINK, lex.TAG, lex.ARGUMENT_MENTION, lex.STATEMENT_MENTION, lex.NEWLINE,
    *(f"{marker} start" for marker in (lex.BOLD_ASTERISK, lex.BOLD_UNDERSCORE,
                                        lex.ITALIC_ASTERISK, lex.ITALIC_UNDERSCORE)),
}  # fmt: skip
_EMPHASIS = {
    f"{lex.BOLD_ASTERISK} start": BOLD, f"{lex.BOLD_UNDERSCORE} start": BOLD,
    f"{lex.ITALIC_ASTERISK} start": ITALIC, f"{lex.ITALIC_UNDERSCORE} start": ITALIC,
}  # fmt: skip


class _Parser:
    def __init__(self, tokens: list[Token]) -> None:
        last = tokens[-1] if tokens else Token(lex.EOF, "", 1, 1)
        lines = last.image.splitlines(keepends=True) or [""]
        end = (
            (last.line + len(lines), 1)
            if lines[-1].endswith(("\n", "\r"))
            else (
                last.line + len(lines) - 1,
                (last.column if len(lines) == 1 else 1) + len(lines[-1]),
            )
        )
        self.tokens = [*tokens, Token(lex.EOF, "", *end)]
        self.pos = 0
        self.depth = 0  # how many relations, lists and emphases are open

    @contextlib.contextmanager
    def deeper(self, what: str) -> Iterator[None]:
        """One more level of ``what`` open while the block runs; raises ParseError past
        MAX_NESTING."""
        if self.depth >= MAX_NESTING:
            raise ParseError(self.tokens[self.pos], "", f"{what} nested more than {MAX_NESTING} "
                             f"levels deep; argmap reads at most {MAX_NESTING}")  # fmt: skip
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1

    def peek(self, ahead: int = 0) -> str:
        return self.tokens[min(self.pos + ahead, len(self.tokens) - 1)].kind

    def take(self, kind: str, expected: str | None = None) -> Token:
        token = self.tokens[self.pos]
        if token.kind != kind:
            after = self.tokens[self.pos - 1] if self.pos else None
            raise ParseError(token, expected or kind, after=after)
        self.pos += 1
        return token

    def maybe(self, kind: str, into: list[Rule | Token] | None = None) -> Token | None:
        if self.peek() != kind:
            return None
        token = self.take(kind)
        if into is not None:
            into.append(token)
        return token

    def rule(self, name: str, children: list[Rule | Token]) -> Rule:
        first = next((c for c in children if isinstance(c, Token)), None)
        line = first.line if first else (children[0].line if children else 0)  # type: ignore[union-attr]
        return Rule(name, children, line)

    # -- the document -------------------------------------------------------------------
    def document(self) -> Rule:
        children: list[Rule | Token] = []
        self.maybe(lex.NEWLINE)
        self.maybe(lex.EMPTYLINE)
        if self.maybe(lex.FRONT_MATTER, children):
            self.maybe(lex.NEWLINE)
            children.append(self.take(lex.EMPTYLINE, "an empty line after the front matter"))
        children.append(self.element())
        while self.maybe(lex.EMPTYLINE):
            children.append(self.element())
        self.take(lex.EOF, "an empty line before a new block")
        return self.rule(ARGDOWN, children)

    def element(self) -> Rule:
        kind = self.peek()
        if kind == lex.HEADING:
            return self.heading()
        if kind == lex.NUMBER:
            return self.pcs()
        if kind in (lex.ARGUMENT_DEFINITION, lex.ARGUMENT_REFERENCE):
            return self.argument()
        if kind == lex.INDENT and self.peek(1) in (lex.ORDERED_ITEM, lex.UNORDERED_ITEM):
            return self.items()
        if kind in (lex.STATEMENT_DEFINITION, lex.STATEMENT_REFERENCE) or kind in CONTENT_FIRST:
            return self.statement()
        expected = "a statement, an argument, a heading or a list"
        after_empty = self.pos > 0 and self.tokens[self.pos - 1].kind == lex.EMPTYLINE
        if kind == lex.INDENT and self.peek(1) in lex.RELATIONS and after_empty:
            relation = self.tokens[self.pos + 1].image.strip()
            raise ParseError(self.tokens[self.pos], "", f"expected {expected}, found the relation "
                             f"{relation!r} after an empty line; an empty line ends the "
                             "relations above it: remove it to go on with them")  # fmt: skip
        raise ParseError(self.tokens[self.pos], expected)

    def heading(self) -> Rule:
        children: list[Rule | Token] = [self.take(lex.HEADING)]
        children.append(self.content())
        self.data(children)
        return self.rule(HEADING, children)

    def data(self, children: list[Rule | Token]) -> None:
        """Optional data, on its own line or not: ``{...}``."""
        if self.peek() == lex.DATA or (self.peek() == lex.NEWLINE and self.peek(1) == lex.DATA):
            self.maybe(lex.NEWLINE, children)
            children.append(self.take(lex.DATA))
            self.maybe(lex.NEWLINE, children)

    # -- statements and arguments -------------------------------------------------------
    def statement(self) -> Rule:
        children: list[Rule | Token] = []
        kind = self.peek()
        if kind == lex.STATEMENT_REFERENCE:
            children.append(self.take(kind))
            while self.maybe(lex.TAG, children):
                pass
            self.maybe(lex.NEWLINE, children)
        elif kind == lex.STATEMENT_DEFINITION:
            definition = self.take(kind)
            children.append(self.rule(STATEMENT_DEFINITION, [definition, self.content()]))
        else:
            children.append(self.content())
        self.data(children)
        if self.peek() == lex.INDENT:
            children.append(self.relations())
        return self.rule(STATEMENT, children)

    def argument(self) -> Rule:
        children: list[Rule | Token] = []
        if self.peek() == lex.ARGUMENT_DEFINITION:
            children.append(self.take(lex.ARGUMENT_DEFINITION))
            children.append(self.content())
        else:
            children.append(self.take(lex.ARGUMENT_REFERENCE, "an argument <title>"))
            while self.maybe(lex.TAG, children):
                pass
            self.maybe(lex.NEWLINE, children)
        self.data(children)
        if self.peek() == lex.INDENT:
            children.append(self.relations())
        return self.rule(ARGUMENT, children)

    def relations(self) -> Rule:
        with self.deeper("relations"):
            children: list[Rule | Token] = [self.take(lex.INDENT)]
            while True:
                token = self.tokens[self.pos]
                if token.kind not in lex.RELATIONS:
                    raise ParseError(token, "a relation (+, -, _, ><, <+, <-, <_, +>, ->, _>)")
                self.pos += 1
                if token.kind == lex.CONTRADICTION:
                    member = self.statement()
                elif self.peek() in (lex.ARGUMENT_DEFINITION, lex.ARGUMENT_REFERENCE):
                    member = self.argument()
                else:
                    member = self.statement()
                children.append(self.rule(RELATION, [token, member]))
                if self.peek() not in lex.RELATIONS:
                    break
            self.take(lex.DEDENT, "the end of the indented relations")
        return self.rule(RELATIONS, children)

    def items(self) -> Rule:
        with self.deeper("lists"):
            children: list[Rule | Token] = [self.take(lex.INDENT)]
            marker = self.peek()
            name = ORDERED_LIST if marker == lex.ORDERED_ITEM else UNORDERED_LIST
            while self.peek() == marker:
                item = self.take(marker)
                if self.peek() in (lex.ARGUMENT_DEFINITION, lex.ARGUMENT_REFERENCE):
                    member = self.argument()
                else:
                    member = self.statement()
                children.append(self.rule(LIST_ITEM, [item, member]))
            self.take(lex.DEDENT, "the end of the list")
        return self.rule(name, children)

    # -- premise-conclusion structures --------------------------------------------------
    def pcs(self) -> Rule:
        children: list[Rule | Token] = [self.pcs_statement()]
        while True:
            tail: list[Rule | Token] = []
            while self.peek() == lex.NUMBER:
                tail.append(self.pcs_statement())
            tail.append(self.inference())
            tail.append(self.pcs_statement())
            children.append(self.rule(PCS_TAIL, tail))
            if self.peek() not in (lex.NUMBER, lex.INFERENCE_START):
                return self.rule(PCS, children)

    def pcs_statement(self) -> Rule:
        number = self.take(lex.NUMBER, "a numbered statement (1)")
        return self.rule(PCS_STATEMENT, [number, self.statement()])

    def inference(self) -> Rule:
        start = self.take(lex.INFERENCE_START, "an inference line ----")
        children: list[Rule | Token] = [start]
        if self.peek() in FREESTYLE_FIRST or (
            self.peek() == lex.NEWLINE and self.peek(1) in FREESTYLE_FIRST
        ):
            self.maybe(lex.NEWLINE, children)
            rules: list[Rule | Token] = [self.freestyle()]
            while self.maybe(lex.LIST_DELIMITER):
                rules.append(self.freestyle())
            children.append(self.rule(INFERENCE_RULES, rules))
        self.maybe(lex.NEWLINE, children)
        if self.maybe(lex.DATA, children):
            self.maybe(lex.NEWLINE, children)
        if self.peek() != lex.INFERENCE_END:
            token = self.tokens[self.pos]
            found = "the end of the file" if token.kind == lex.EOF else _describe(token)
            raise ParseError(token, "", f"expected the end of the inference --, found {found}; "
                             f"the inference begun on line {start.line} ends with a line --, "
                             "or, without rules, is one line ----")  # fmt: skip
        children.append(self.take(lex.INFERENCE_END))
        children.append(self.take(lex.NEWLINE, "a line break after the inference"))
        if self.peek() == lex.INDENT:
            with self.deeper("relations"):
                relations: list[Rule | Token] = [self.take(lex.INDENT)]
                while self.peek() == lex.UNDERCUT_BY:
                    token = self.take(lex.UNDERCUT_BY)
                    member = (self.argument() if self.peek() in (lex.ARGUMENT_DEFINITION,
                              lex.ARGUMENT_REFERENCE) else self.statement())  # fmt: skip
                    relations.append(self.rule(RELATION, [token, member]))
                if len(relations) == 1:
                    raise ParseError(self.tokens[self.pos], "an undercut _ of the inference")
                self.take(lex.DEDENT, "the end of the indented relations")
            children.append(self.rule(RELATIONS, relations))
        return self.rule(INFERENCE, children)

    # -- text ---------------------------------------------------------------------------
    def content(self) -> Rule:
        children: list[Rule | Token] = []
        while (kind := self.peek()) in CONTENT_FIRST:
            if kind in FREESTYLE_FIRST:
                children.append(self.freestyle())
            elif kind in _EMPHASIS:
                with self.deeper("bold and italic text"):
                    start = self.take(kind)
                    marker = kind.removesuffix(" start")
                    inner: list[Rule | Token] = [start]
                    if self.peek() in CONTENT_FIRST:
                        inner.append(self.content())
                    inner.append(self.take(f"{marker} end", f"the closing {marker}"))
                children.append(self.rule(_EMPHASIS[kind], inner))
            else:
                children.append(self.take(kind))
        if not children:
            raise ParseError(self.tokens[self.pos], "text")
        return self.rule(CONTENT, children)

    def freestyle(self) -> Rule:
        children: list[Rule | Token] = []
        while self.peek() in FREESTYLE_FIRST:
            children.append(self.take(self.peek()))
        if not children:
            raise ParseError(self.tokens[self.pos], "text")
        return self.rule(FREESTYLE_TEXT, children)


def parse(tokens: list[Token]) -> Rule:
    """The syntax tree of a tokenized Argdown text.

    >>> tree = parse(lex.tokenize("[A]: a"))
    >>> tree.name, tree.children[0].name
    ('argdown', 'statement')

    Raises:
        ParseError: the tokens break the grammar; it names the place and what was expected.
    """
    return _Parser(tokens).document()
