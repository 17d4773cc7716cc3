"""Argdown syntax tree → Argdown's model, read as Argdown's model plugin reads the tree.

The tree is walked in order, as Argdown's tree walker walks it, and each rule and token does
what the listeners of Argdown's model plugin (``@argdown/core`` 1.7) do: a statement joins the
equivalence class of its title (an untitled one gets "Untitled N"), an argument's description
joins its argument, a premise–conclusion structure belongs to the argument just before it,
headings open sections, and each relation joins the node it is written under to the statement
or argument it introduces, once. Argdown's quirks are kept, so that a map says what Argdown's
own map of the text shows: an undercut written under a statement (``_ [x]``) is aimed at the
last inference read before it, wherever that was, and at the statement only when there was
none.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.formats.argdown import lex
from argmap.formats.argdown import parse as syntax
from argmap.formats.argdown.lex import Token
from argmap.formats.argdown.model import (
    ATTACK,
    CONTRADICTORY,
    DESCRIPTION,
    INTERMEDIARY,
    MAIN_CONCLUSION,
    PREMISE,
    RELATION_STATEMENT,
    SHORTCODES,
    SUPPORT,
    TOP_LEVEL,
    UNDERCUT,
    Inference,
    Member,
    Model,
    ModelError,
    Node,
    Relation,
    Section,
    load_yaml,
    merge,
    settle,
)  # fmt: skip
from argmap.formats.argdown.parse import Rule

_DATA_BLOCK = re.compile(r"^\{[ \t]*(?:\n\r|\n)")
_TAG = re.compile(r"#(?:\(([^)]+)\)|([a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))")
_DATA_BLOCK = re.compile(r"^\{[ \t]*(?:\n\r|\n)")


class _Builder:
    """Walks the syntax tree as Argdown's tree walker does, with its model plugin's listeners."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.remove_tags = bool(settings.get("removeTagsFromText"))
        self.statements: dict[str, Node] = {}
        self.arguments: dict[str, Node] = {}
        self.relations: list[Relation] = []
        self.sections: list[Section] = []
        self.untitled = 0
        self.untitled_titles: set[str] = set()
        self.statement: Member | None = None
        self.heading: Member | None = None
        self.section: Section | None = None
        self.parent: Member | Node | Inference | None = None  # of relations to come
        self.parents: list[Node | Inference] = []
        self.relation: Relation | None = None
        self.pcs: Node | None = None
        self.inference: Inference | None = None
        self.front_matter: Any = None
        self.emphasis: list[int] = []

    # -- helpers ------------------------------------------------------------------------
    def unique_title(self) -> str:
        self.untitled += 1
        self.untitled_titles.add(f"Untitled {self.untitled}")
        return f"Untitled {self.untitled}"

    def statement_node(self, title: str) -> Node:
        return self.statements.setdefault(title, Node("statement", title))

    def argument_node(self, title: str | None = None) -> Node:
        node = self.arguments.get(title) if title is not None else None
        if node is None:
            node = Node("argument", title if title is not None else self.unique_title())
            self.arguments[node.title] = node
        self.parent = node
        return node

    def relation_member(self, member: Member | Node | Inference) -> Node | Inference:
        if not isinstance(member, Member):
            return member
        if member.title is None:
            member.title = self.unique_title()
        if member.role == DESCRIPTION:
            return self.argument_node(member.title)
        return self.statement_node(member.title)

    def target(self) -> Member | None:
        return self.heading or self.statement

    @staticmethod
    def data_of(node: Rule) -> Any:
        for child in node.children:
            if isinstance(child, Token) and child.kind == lex.DATA:
                text = child.image
                if _DATA_BLOCK.match(text):
                    text = re.sub(r"\}\s*$", "", text[_DATA_BLOCK.match(text).end() :])  # type: ignore[union-attr]
                return load_yaml(text, child.line, child.column)
        return None

    # -- the walk -----------------------------------------------------------------------
    def walk(self, node: Rule | Token, parent: Rule | None, index: int) -> None:
        if isinstance(node, Token):
            self.token(node, parent, index)
            return
        enter = getattr(self, f"enter_{node.name}", None)
        if enter is not None:
            enter(node, parent, index)
        for number, child in enumerate(node.children):
            self.walk(child, node, number)
        leave = getattr(self, f"exit_{node.name}", None)
        if leave is not None:
            leave(node, parent, index)

    def token(self, token: Token, parent: Rule | None, index: int) -> None:
        target = self.target()
        kind = token.kind
        if kind in (lex.STATEMENT_DEFINITION, lex.ARGUMENT_DEFINITION) and self.statement:
            self.statement.title = token.image[1:-2]
        elif kind in (lex.STATEMENT_REFERENCE, lex.ARGUMENT_REFERENCE) and self.statement:
            self.statement.title = token.image[1:-1]
            self.statement.reference = True
        elif kind in (lex.STATEMENT_MENTION, lex.ARGUMENT_MENTION) and target:
            start = len(target.text)
            target.text += token.image
            target.ranges.append(
                ("mention", start, len(target.text) - 1, token.image.strip()[2:-1])
            )
        elif kind == lex.LINK and target:
            found = re.match(r"\[(.+)\]\((.+)\)", token.image.rstrip(" \t"), re.DOTALL)
            assert found is not None
            start = len(target.text)
            target.text += found.group(1)
            target.ranges.append(("link", start, len(target.text) - 1, found.group(2)))
            if token.image.endswith(" "):
                target.text += " "
        elif kind == lex.TAG and target:
            found = _TAG.match(token.image)
            assert found is not None
            tag = found.group(1) or found.group(2)
            if not self.remove_tags:
                start = len(target.text)
                target.text += token.image
                target.ranges.append(("tag", start, len(target.text) - 1, tag))
            if tag not in target.tags:
                target.tags.append(tag)
        elif (kind == lex.NEWLINE and target and parent is not None
              and index != len(parent.children) - 1 and not target.text.endswith(" ")):  # fmt: skip
            target.text += " "

    def enter_freestyleText(self, node: Rule, parent: Rule | None, index: int) -> None:
        text = ""
        for child in node.children:
            assert isinstance(child, Token)
            if child.kind == lex.ESCAPED:
                text += child.image[1:]
            elif child.kind == lex.SPECIAL and child.image.strip() in SHORTCODES:
                text += SHORTCODES[child.image.strip()] + (" " if child.image.endswith(" ") else "")
            else:
                text += child.image
        node.built["text"] = text  # read by inference rules
        target = self.target()
        if target is not None:
            target.text += text

    def enter_bold(self, node: Rule, parent: Rule | None, index: int) -> None:
        target = self.target()
        self.emphasis.append(len(target.text) if target else 0)

    def exit_bold(self, node: Rule, parent: Rule | None, index: int) -> None:
        self.emphasis.pop()
        target, end = self.target(), node.children[-1]
        if target and isinstance(end, Token) and end.image.endswith(" "):
            target.text += " "

    enter_italic, exit_italic = enter_bold, exit_bold

    def enter_heading(self, node: Rule, parent: Rule | None, index: int) -> None:
        self.heading = Member(line=node.line)

    def exit_heading(self, node: Rule, parent: Rule | None, index: int) -> None:
        heading = self.heading
        assert heading is not None
        start = node.children[0]
        assert isinstance(start, Token)
        level = len(start.image) - 1
        section = Section(f"s{len(self.sections) + 1}", level, heading.text.strip(), None,
                          self.data_of(node))  # fmt: skip
        previous = self.section
        while previous is not None and previous.level >= level:
            previous = previous.parent
        section.parent = previous
        self.sections.append(section)
        self.section = section
        self.heading = None

    def enter_statement(self, node: Rule, parent: Rule | None, index: int) -> None:
        member = Member(line=node.line)
        if parent is not None and parent.name == syntax.ARGDOWN:
            member.role = TOP_LEVEL
        elif self.relation is not None:
            member.role = RELATION_STATEMENT
        self.statement = member
        self.parent = member
        node.built["member"] = member

    def exit_statement(self, node: Rule, parent: Rule | None, index: int) -> None:
        member: Member = node.built["member"]
        member.data = self.data_of(node)
        if not member.title:
            member.title = self.unique_title()
        self.add_member(self.statement_node(member.title), member)
        self.statement = None

    def add_member(self, owner: Node, member: Member) -> None:
        owner.tags += [tag for tag in member.tags if tag not in owner.tags]
        if isinstance(member.data, dict):
            owner.data = merge(owner.data if isinstance(owner.data, dict) else {}, member.data)
        member.section = self.section
        owner.members.append(member)
        in_group = member.data.get("isInGroup") if isinstance(member.data, dict) else None
        if in_group is True or (
            not member.reference and in_group is None and owner.section is None
        ):
            owner.section = member.section

    def enter_argument(self, node: Rule, parent: Rule | None, index: int) -> None:
        member = Member(role=DESCRIPTION, line=node.line)
        self.statement = member
        self.parent = member
        node.built["member"] = member

    def exit_argument(self, node: Rule, parent: Rule | None, index: int) -> None:
        member: Member = node.built["member"]
        member.data = self.data_of(node)
        argument = self.argument_node(member.title or self.unique_title())
        node.built["argument"] = argument
        self.add_member(argument, member)
        self.statement = None

    def enter_pcs(self, node: Rule, parent: Rule | None, index: int) -> None:
        argument = None
        if parent is not None and index > 0:
            before = parent.children[index - 1]
            if isinstance(before, Rule) and before.name == syntax.ARGUMENT:
                argument = before.built["argument"]
        if argument is None:
            argument = self.argument_node()
        if self.section is not None:
            argument.section = self.section
        if argument.pcs:
            raise ModelError(node.line, f"a second premise-conclusion structure for the argument "
                             f"<{argument.title}>; an argument has one")  # fmt: skip
        node.built["argument"] = argument
        self.pcs = argument

    def exit_pcs(self, node: Rule, parent: Rule | None, index: int) -> None:
        argument: Node = node.built["argument"]
        last = argument.pcs[-1]
        assert last.role == INTERMEDIARY  # the grammar ends a pcs with a conclusion
        last.role = MAIN_CONCLUSION
        self.pcs = None

    def exit_pcsStatement(self, node: Rule, parent: Rule | None, index: int) -> None:
        assert self.pcs is not None and parent is not None
        member: Member = node.children[1].built["member"]  # type: ignore[union-attr]
        member.role = PREMISE
        before = parent.children[index - 1] if index > 0 else None
        if isinstance(before, Rule) and before.name == syntax.INFERENCE:
            member.role = INTERMEDIARY
            member.inference = before.built["inference"]
            member.inference.index = len(self.pcs.pcs)
            member.inference.argument = self.pcs.title
        self.pcs.pcs.append(member)

    def enter_inference(self, node: Rule, parent: Rule | None, index: int) -> None:
        inference = Inference(node.line)
        node.built["inference"] = inference
        self.inference = inference
        self.parent = inference
        self.parents.append(inference)

    def exit_inference(self, node: Rule, parent: Rule | None, index: int) -> None:
        node.built["inference"].data = self.data_of(node)

    def exit_inferenceRules(self, node: Rule, parent: Rule | None, index: int) -> None:
        assert self.inference is not None
        self.inference.rules += [child.built["text"].strip() for child in node.children
                                 if isinstance(child, Rule)]  # fmt: skip

    def enter_relations(self, node: Rule, parent: Rule | None, index: int) -> None:
        assert self.parent is not None
        self.parents.append(self.relation_member(self.parent))

    def exit_relations(self, node: Rule, parent: Rule | None, index: int) -> None:
        self.relation = None
        self.parents.pop()

    def enter_relation(self, node: Rule, parent: Rule | None, index: int) -> None:
        token = node.children[0]
        assert isinstance(token, Token)
        here = self.parents[-1]
        kind = {lex.SUPPORTS_CHILD: SUPPORT, lex.SUPPORTED_BY: SUPPORT, lex.ATTACKS_CHILD: ATTACK,
                lex.ATTACKED_BY: ATTACK, lex.CONTRADICTION: CONTRADICTORY,
                lex.UNDERCUTS_CHILD: UNDERCUT, lex.UNDERCUT_BY: UNDERCUT}[token.kind]  # fmt: skip
        relation = Relation(kind, line=token.line)
        if token.kind in (lex.SUPPORTED_BY, lex.ATTACKED_BY):
            relation.target = here
        elif token.kind == lex.UNDERCUT_BY:
            statement = isinstance(here, Node) and here.kind == "statement"
            relation.target = self.inference if statement and self.inference else here
            if relation.target is self.inference and self.pcs is None and not self._concludes(here):
                relation.under = here  # type: ignore[assignment]
        else:
            relation.source = here
        self.relation = relation
        node.built["relation"] = relation

    def _concludes(self, here: object) -> bool:
        """Whether the statement ``here`` is the conclusion of the last inference read."""
        inference = self.inference
        argument = self.arguments.get(inference.argument or "") if inference else None
        if inference is None or argument is None or inference.index is None:
            return False
        return isinstance(here, Node) and here.title == argument.pcs[inference.index].title

    def exit_relation(self, node: Rule, parent: Rule | None, index: int) -> None:
        relation: Relation = node.built["relation"]
        member: Member = node.children[1].built["member"]  # type: ignore[union-attr]
        end = self.relation_member(member)
        if relation.source is None:
            relation.source = end
        else:
            relation.target = end
        source = relation.source
        for other in source.relations:
            if other.target is relation.target and other.kind == relation.kind:
                return
            if (relation.kind == CONTRADICTORY == other.kind and other.source is relation.target
                    and other.target is source):  # fmt: skip
                other.mirrored = relation.line if other.mirrored is None else other.mirrored
                return
        self.relations.append(relation)
        source.relations.append(relation)
        relation.target.relations.append(relation)  # type: ignore[union-attr]


def build(tree: Rule) -> Model:
    """Argdown's model of a parsed text.

    >>> from argmap.formats.argdown.parse import parse
    >>> model = build(parse(lex.tokenize("[A]: a\\n  + [B]: b")))
    >>> [(r.source.title, r.kind, r.target.title) for r in model.relations]
    [('B', 'support', 'A')]

    Raises:
        ModelError: data that is not YAML, or a second reconstruction of one argument.
    """
    front = next((c for c in tree.children if isinstance(c, Token) and c.kind == lex.FRONT_MATTER),
                 None)  # fmt: skip
    matter = load_yaml(re.sub(r"={3,}\s*$", "", re.sub(r"^\s*={3,}", "", front.image)),
                       front.line) if front else None  # fmt: skip
    model_settings = matter.get("model") if isinstance(matter, dict) else None
    settings = model_settings if isinstance(model_settings, dict) else {}
    builder = _Builder(settings)
    builder.front_matter = matter
    builder.walk(tree, None, 0)
    for node in [*builder.statements.values(), *builder.arguments.values()]:
        if node.section is None and node.members:
            node.section = node.members[0].section
    relations = settle(builder.relations, builder.statements, settings)
    return Model(builder.front_matter, builder.statements, builder.arguments, relations,
                 builder.sections, frozenset(builder.untitled_titles))  # fmt: skip
