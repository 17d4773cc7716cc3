"""Argdown's model (what ``argdown json`` reports) as values, and the rules that settle it.

Statements with the same title are one *equivalence class* (a :class:`Node`), whose canonical
text is that of its last definition; an argument is a node too, with its premise–conclusion
structure as ``pcs``. :func:`settle` applies what Argdown's model plugin (``@argdown/core``
1.7) does once the text is read: a relation from a reconstructed argument starts at its
conclusion, an undercut of one points at its last inference, strict mode turns support and
attack between statements into entailment and contrariety, and an attack on an argument is
dropped when the attacker already attacks one of its premises.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import yaml

from argmap.read.yamltree import MAX_DEPTH

# Statement roles (Argdown's).
TOP_LEVEL, RELATION_STATEMENT, DESCRIPTION = (
    "top-level-statement",
    "relation-statement",
    "argument-description",
)
PREMISE, INTERMEDIARY, MAIN_CONCLUSION = "premise", "intermediary-conclusion", "main-conclusion"
SUPPORT, ATTACK, UNDERCUT, CONTRADICTORY = "support", "attack", "undercut", "contradictory"
ENTAILS, CONTRARY = "entails", "contrary"  # support and attack between statements, strict mode


class ModelError(ValueError):
    """The text parses but Argdown could not build a model from it."""

    def __init__(self, line: int, message: str, column: int | None = None) -> None:
        super().__init__(f"{line}{'' if column is None else f':{column}'}: {message}")
        self.line, self.column = line, column


@attrs.define(eq=False)
class Section:
    id: str
    level: int
    title: str
    parent: Section | None
    data: Any = None

    def path(self) -> list[str]:
        """The titles of the headings down to this one."""
        return [*(self.parent.path() if self.parent else []), self.title]


@attrs.define(eq=False)
class Member:
    """One occurrence of a statement (or of an argument's description) in the text."""

    title: str | None = None
    text: str = ""
    role: str | None = None
    reference: bool = False
    tags: list[str] = attrs.Factory(list)
    ranges: list[tuple[str, int, int, str]] = attrs.Factory(list)  # type, start, stop, value
    data: Any = None
    section: Section | None = None
    line: int = 0
    inference: Inference | None = None


@attrs.define(eq=False)
class Inference:
    """The inference line(s) before a conclusion: its rules and data."""

    line: int
    rules: list[str] = attrs.Factory(list)
    data: Any = None
    argument: str | None = None
    index: int | None = None  # the position of its conclusion in the pcs
    relations: list[Relation] = attrs.Factory(list)


@attrs.define(eq=False)
class Node:
    """An equivalence class (``kind`` "statement") or an argument."""

    kind: str
    title: str
    members: list[Member] = attrs.Factory(list)
    relations: list[Relation] = attrs.Factory(list)
    tags: list[str] = attrs.Factory(list)
    data: Any = None
    section: Section | None = None
    pcs: list[Member] = attrs.Factory(list)
    #: Lines where a reconstructed argument is said to support its own conclusion (Argdown
    #: merges or drops those relations; a map keeps where the reason stands among the others).
    cited: list[int] = attrs.Factory(list)

    def canonical(self) -> Member | None:
        """The member whose text stands for the node: the last definition (Argdown's rule)."""
        defined = [m for m in self.members if not m.reference]
        marked = [m for m in defined if isinstance(m.data, dict) and m.data.get("isCanonical")]
        return (marked or defined or [None])[-1]


@attrs.define(eq=False)
class Relation:
    kind: str
    source: Node | Inference | None = None
    target: Node | Inference | None = None
    line: int = 0
    #: For a contradiction also written the other way round (which Argdown merges into this
    #: one): the line where it was.
    mirrored: int | None = None
    #: For an undercut written under a statement that Argdown aims at the last inference read
    #: before it, of another statement: the statement it is written under.
    under: Node | None = None


@attrs.frozen
class Model:
    front_matter: Any
    statements: dict[str, Node]
    arguments: dict[str, Node]
    relations: list[Relation]
    sections: list[Section]
    untitled: frozenset[str] = frozenset()  # the titles Argdown made up ("Untitled 3")


class _Refused(Exception):
    """YAML the data of an Argdown file may not hold, where it is (0-based line in the data)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


class _YamlLoader(yaml.SafeLoader):
    """YAML as js-yaml reads it for Argdown: ``yes`` and ``2020-01-01`` stay text, ``1e+16``
    is a number. Anchors, aliases and tags are refused, as in map files (an alias shares a
    node, and a few of them spell a document of billions of values), and so is nesting deeper
    than a map's."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        line = event.start_mark.line
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(line, f"alias '*{event.anchor}' is not allowed: write the value out")
        if event.anchor is not None:
            raise _Refused(line, f"anchor '&{event.anchor}' is not allowed: write every value out")
        if event.tag is not None:
            raise _Refused(line, f"tag '{event.tag}' is not allowed: data is plain text, "
                                 "numbers, lists and mappings")  # fmt: skip
        if isinstance(event, yaml.CollectionStartEvent) and self.depth >= MAX_DEPTH:
            raise _Refused(line, f"data nested deeper than {MAX_DEPTH} levels")
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_YamlLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag not in (
        "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:float")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}  # fmt: skip
_YamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
#: js-yaml's floats (3.x): an exponent needs no decimal point, as in JSON.
_YamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
               r"|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."),
)  # fmt: skip


#: An escape of a character by its code in eight hex digits, in double quotes.
_LONG_ESCAPE = re.compile(r"\\U([0-9A-Fa-f]{8})")


def load_yaml(text: str, line: int, column: int | None = None) -> Any:
    """YAML data (of a statement at ``column``, or, without one, the front matter, ``text``
    starting on ``line`` right after its ``===``); ``\\ud83d\\ude00`` escapes are joined
    into the one character they spell, as JavaScript's strings do."""
    loader = _YamlLoader(text)
    try:
        return _joined(loader.get_single_data())
    except _Refused as exc:
        raise ModelError(line + exc.line, str(exc)) from None
    except (yaml.YAMLError, ValueError) as exc:
        if isinstance(exc, ValueError):  # PyYAML's chr() of an escape past U+10FFFF
            found = (m[0] for m in _LONG_ESCAPE.finditer(text) if int(m[1], 16) > 0x10FFFF)
            past = next(found, None)
            problem = f"an escape '{past}' past U+10FFFF, the last character" if past else str(exc)
            mark = loader.get_mark()
        else:
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            mark = getattr(exc, "problem_mark", None)
        what = "the data"
        if column is None:  # the front matter: its lines are the file's
            what = "the front matter"
            if mark is not None and mark.line:
                line, column = line + mark.line, mark.column + 1
        raise ModelError(line, f"{what} is not YAML ({problem})", column) from None
    finally:
        loader.dispose()


def _joined(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")
    if isinstance(value, list):
        return [_joined(item) for item in value]
    if isinstance(value, dict):
        return {_joined(k): _joined(v) for k, v in value.items()}
    return value


_SHORTCODES = {
    "A": "∀", "E": "∃", "O": "𝗢", "P": "𝗣", "->": "→", "<->": "↔", "~": "¬", "^": "∧", "v": "∨",
    "v_": "⊻", "<>": "◇", "[]": "◻", "happy": "😀", "smile": "☺", "smiley": "☺", "laugh": "😆",
    "lol": "😆", "rofl": "🤣", "joy": "😂", "heart": "❤", "?": "❓", "question": "❓", "love": "😍",
    "wink": "😉", "shush": "🤫", "meh": "😐", "eye-roll": "🙄", "sad": "😢", "disappointed": "😞",
    "scream": "😱", "+1": "👍", "up": "👍", "-1": "👎", "down": "👎", "think": "🤔", "star": "⭐",
    "y": "✔", "agree": "✔", "n": "❌", "disagree": "❌",
}  # fmt: skip
#: Argdown's shortcodes, ``.name.`` and ``:name:`` (``:smile:`` alone differs).
SHORTCODES = {**{f".{k}.": v for k, v in _SHORTCODES.items()},
              **{f":{k}:": v for k, v in _SHORTCODES.items()}, ":smile:": "☺️"}  # fmt: skip


def merge(into: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """lodash's merge: nested mappings merged key by key, the rest overwritten."""
    out = dict(into)
    for key, value in data.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def settle(
    relations: list[Relation], statements: dict[str, Node], settings: dict[str, Any]
) -> list[Relation]:
    """Argdown's model plugin after the walk: relations of reconstructed arguments moved to
    their conclusion and last inference; strict mode; attacks on an argument dropped when the
    attacker already attacks one of its premises."""
    if settings.get("transformArgumentRelations", True) is not False:
        kept = []
        for relation in relations:
            source, target = relation.source, relation.target
            keep = True
            if isinstance(source, Node) and source.kind == "argument" and source.pcs:
                source.relations.remove(relation)
                conclusion = statements[source.pcs[-1].title]  # type: ignore[index]
                if target is conclusion and relation.kind == SUPPORT:
                    source.cited.append(relation.line)
                relation.source = conclusion
                if any(
                    o.target is target and o.kind == relation.kind for o in conclusion.relations
                ):
                    target.relations.remove(relation)  # type: ignore[union-attr]
                    keep = False
                else:
                    conclusion.relations.append(relation)
            if (keep and isinstance(target, Node) and target.kind == "argument" and target.pcs
                    and relation.kind == UNDERCUT):  # fmt: skip
                inference = target.pcs[-1].inference
                assert inference is not None
                target.relations.remove(relation)
                relation.target = inference
                if any(o.source is relation.source and o.kind == UNDERCUT
                       for o in inference.relations):  # fmt: skip
                    relation.source.relations.remove(relation)  # type: ignore[union-attr]
                    keep = False
                else:
                    inference.relations.append(relation)
            if keep:
                kept.append(relation)
        relations = kept
    if settings.get("mode") == "strict":
        kept = []
        for relation in relations:
            if all(isinstance(end, Node) and end.kind == "statement"
                   for end in (relation.source, relation.target)):  # fmt: skip
                if relation.kind == SUPPORT:
                    relation.kind = ENTAILS
                elif relation.kind == ATTACK:
                    if any(o.kind == CONTRARY and {o.source, o.target} == {relation.source,
                           relation.target} for o in relation.source.relations):  # type: ignore[union-attr]  # fmt: skip
                        continue
                    relation.kind = CONTRARY
            kept.append(relation)
        relations = kept
    return [r for r in relations if not _redundant(r)]


def _redundant(relation: Relation) -> bool:
    source, target = relation.source, relation.target
    if not (isinstance(source, Node) and source.kind == "statement" and relation.kind == ATTACK
            and isinstance(target, Node) and target.kind == "argument" and target.pcs):  # fmt: skip
        return False
    premises = {m.title for m in target.pcs if m.role == PREMISE}
    for other in source.relations:
        far = other.target if other.source is source else other.source
        if (isinstance(far, Node) and far.kind == "statement" and far.title in premises
                and ((other.kind == ATTACK and other.source is source)
                     or other.kind in (CONTRADICTORY, CONTRARY))):  # fmt: skip
            return True
    return False
