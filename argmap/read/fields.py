"""Positioned nodes → checked values: mappings with the keys a place allows, text, ids, flags,
lists, and data carried for other formats; a diagnostic for each that is wrong."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any, TypeVar

from argmap.diagnostics import Diagnostic, Span, clip
from argmap.model import FORMAT_VERSION, Carried, Ref, Role
from argmap.model.keys import KEYS, MAX_QUESTION, MAX_TEXT, REQUIRED
from argmap.read.escapes import ESCAPES, misread
from argmap.read.hints import colon_hint, new_item
from argmap.read.jsontree import MOST_DIGITS
from argmap.read.suggest import did_you_mean, side_hint
from argmap.read.syntax import Syntax
from argmap.read.yamltree import Mapping, Node, Scalar, Sequence, bad_character, describe

#: The keys of data carried for other formats, in the order :meth:`Fields.carries` gives them.
CARRIED = ("aif", "sadface")

T = TypeVar("T")
#: The claims a draft leaves out that have an id: their errors, by id.
Dropped = dict[str, tuple[Diagnostic, ...]]

#: Plain scalars of carried data read as numbers (YAML 1.2's core schema, as JSON writes them).
_INTEGER = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


_ROLES = {role.value: role for role in Role}


class Fields:
    """Reads the values of positioned nodes, collecting diagnostics instead of stopping at the
    first."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.syntax = Syntax.of(path)  # how hints write what to write
        self.diagnostics: list[Diagnostic] = []
        self.left_out = 0  # claims a draft leaves out, and the errors of those with an id
        self.dropped: Dropped = {}

    def drop(self, node: Node, before: int) -> None:
        """Leave a claim out of a draft, keeping its errors (those reported since there were
        ``before``) by its id when it has one that reads."""
        self.left_out += 1
        errors = tuple(self.diagnostics[before:])
        for key, value in node.pairs if isinstance(node, Mapping) else ():
            if isinstance(key, Scalar) and key.value == "id" and isinstance(value, Scalar):
                if value.value.strip() and errors:
                    self.dropped.setdefault(value.value, errors)
                return

    def role(self, node: Node) -> Role | None:
        """A claim's ``role``; a debate's name for a side is told the role it is."""
        if isinstance(node, Scalar) and node.value in _ROLES:
            return _ROLES[node.value]
        shown = f"'{clip(node.value)}'" if isinstance(node, Scalar) else describe(node)
        hint = side_hint(node.value, _ROLES, self._role) if isinstance(node, Scalar) else ""
        self.error(node.span, "AM010", f"'role' must be proponent or opponent, not {shown}{hint}")
        return None

    def _role(self, role: str) -> str:
        return f"write '{self.syntax.entry('role', role)}'"

    def error(self, span: Span, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, span, code, message))

    def mapping(
        self, node: Node, place: str, what: str, *, dashes: int | None = None
    ) -> dict[str, tuple[Scalar, Node]] | None:
        """Check a mapping against the keys allowed at ``place``; return its entries by key.
        ``dashes`` is the column (0-based) of the dashes of the list it is an item of."""
        if not isinstance(node, Mapping):
            self.error(node.span, "AM010", f"{what} must be a mapping, not {describe(node)}")
            return None
        allowed = KEYS[place]
        entries: dict[str, tuple[Scalar, Node]] = {}
        for key, value in node.pairs:
            if not isinstance(key, Scalar):
                self.error(key.span, "AM010", f"a key in {what} must be text, not {describe(key)}")
                continue
            name = key.value
            if name in entries:
                first = entries[name][0].span
                message = f"duplicate key '{name}' in {what} (first at {first})"
                if name == "id" and dashes is not None:
                    message += new_item(node, value, dashes)
                self.error(key.span, "AM007", message)
                continue
            if name not in allowed:
                self.error(key.span, "AM009", self._unknown_key(name, place, what))
                continue
            entries[name] = (key, value)
        for name in REQUIRED[place]:
            if name not in entries:
                message = f"{what} is missing the required key '{name}'"
                if place == "top" and name == "argmap":
                    message += (
                        f"; add '\"argmap\": \"{FORMAT_VERSION}\",' after the opening '{{'"
                        if self.syntax.json
                        else f"; add the line 'argmap: {FORMAT_VERSION}' at the top of the file"
                    )
                self.error(node.span, "AM011", message)
        return entries

    @staticmethod
    def _unknown_key(key: str, place: str, what: str) -> str:
        allowed = KEYS[place]
        message = f"unknown key '{clip(key)}' in {what}"
        if place == "premise" and key in ("reasons", "reason"):
            return message + "; premises have no reasons: list it under conclusions instead"
        hint = did_you_mean(key, allowed)
        if hint:
            return message + hint
        return message + "; expected one of: " + ", ".join(allowed)

    def plain(self, node: Scalar) -> bool:
        """Whether a scalar is bare text, which a hint may show how to write otherwise: plain
        in YAML, any in JSON (whose text is always in quotes)."""
        return node.plain or self.syntax.json

    def text(self, node: Node, what: str, limit: int = MAX_TEXT) -> str | None:
        """A non-empty text value without refused characters, at most ``limit`` characters."""
        if not isinstance(node, Scalar):
            message = f"{what} must be text, not {describe(node)}"
            self.error(node.span, "AM010", message + colon_hint(node))
            return None
        value = node.value
        if not value or value.isspace():
            self.error(node.span, "AM016", f"{what} is empty")
            return None
        bad = bad_character(value)
        if bad is not None:
            index, description = bad
            message = f"{what} contains a {description} at character {index + 1}"
            if what.endswith(" path") and value[index] in ESCAPES:  # "C:\\texts\\article.txt"
                message += misread(value, self.syntax.json) or ""
            self.error(node.span, "AM012", message)
            return None
        if len(value) > limit:
            self.error(
                node.span, "AM014", f"{what} is {len(value)} characters long; the limit is {limit}"
            )
            return None
        return value

    def one_or_list(
        self,
        node: Node,
        what: str,
        item: Callable[[Node, str], T | None],
        *,
        may_be_empty: bool = False,
    ) -> tuple[T, ...] | None:
        """A single item or a list of items (non-empty unless ``may_be_empty``)."""
        nodes: tuple[Node, ...]
        if isinstance(node, Sequence):
            if not node.items and not may_be_empty:
                key = what.split("'")[1] if what.startswith("'") else what  # 'ignore' of ...
                fix = (
                    "name at least one claim in it"
                    if key == "claims"
                    else f"write at least one item in it, or leave '{key}' out"
                )
                self.error(node.span, "AM016", f"{what} is an empty list: {fix}")
                return None
            nodes = node.items
        elif may_be_empty and isinstance(node, Scalar) and node.plain and node.value == "":
            nodes = ()
        else:
            nodes = (node,)
        values = [item(n, what) for n in nodes]
        if None in values:  # each item reported its own error
            return None
        return tuple(values)  # type: ignore[arg-type]

    def ref(self, node: Node, what: str) -> Ref | None:
        if isinstance(node, Scalar) and node.value.strip():
            return Ref(node.value, node.span)
        message = f"{what} must list claim ids, not {describe(node)}"
        self.error(node.span, "AM010", message + colon_hint(node))
        return None

    def flag(self, node: Node, what: str) -> bool | None:
        """``true`` or ``false``, as written (YAML's other spellings of booleans are refused)."""
        if isinstance(node, Scalar) and node.value in ("true", "false"):
            return node.value == "true"
        shown = f"'{clip(node.value)}'" if isinstance(node, Scalar) else describe(node)
        self.error(node.span, "AM010", f"'{what}' must be true or false, not {shown}")
        return None

    def line(self, node: Node, what: str) -> str | None:
        return self.text(node, f"a line in {what}")

    def optional_text(
        self, entries: dict[str, tuple[Scalar, Node]], key: str, what: str, limit: int = MAX_TEXT
    ) -> str | bool | None:
        """The text under ``key``, None when absent, False when present but invalid."""
        if key not in entries:
            return None
        value = self.text(entries[key][1], what, limit)
        return False if value is None else value

    def question(self, node: Node, what: str) -> int | None:
        """The number of a critical question: 1, 2, ... as ``argmap questions`` numbers them."""
        value = node.value.strip() if isinstance(node, Scalar) else ""
        if value.isascii() and value.isdigit() and 0 < int(value) <= MAX_QUESTION:
            return int(value)
        shown = f"'{clip(node.value)}'" if isinstance(node, Scalar) else describe(node)
        self.error(node.span, "AM010", f"{what} must be the number of a critical question of "
                   f"the reason's scheme (1, 2, ... as 'argmap questions' numbers them), not "
                   f"{shown}")  # fmt: skip
        return None

    def carries(
        self, entries: dict[str, tuple[Scalar, Node]], of: str = ""
    ) -> tuple[Carried | None, Carried | None] | None:
        """The data carried for AIF and for SADFace (``aif:``, ``sadface:``) of something
        (``of``: " of a claim", ...), each None when absent; None when either is wrong."""
        found = [self.carried(entries[key][1], f"'{key}'{of}") if key in entries else None
                 for key in CARRIED]  # fmt: skip
        if any(key in entries and value is None for key, value in zip(CARRIED, found, strict=True)):
            return None
        return found[0], found[1]

    def carried(self, node: Node, what: str) -> Carried | None:
        """Data carried for another format (``aif:``): a mapping of any JSON values. Plain
        scalars are read as YAML 1.2 reads them (``null`` or nothing, ``true``, ``false``,
        numbers), quoted ones as text."""
        if not isinstance(node, Mapping):
            self.error(node.span, "AM010", f"{what} must be a mapping, not {describe(node)}")
            return None
        before = len(self.diagnostics)
        value = self._data(node, what)
        return Carried.of(value) if len(self.diagnostics) == before else None

    def _data(self, node: Node, what: str) -> Any:
        if isinstance(node, Sequence):
            return [self._data(item, what) for item in node.items]
        if isinstance(node, Mapping):
            out: dict[str, Any] = {}
            for key, value in node.pairs:
                if not isinstance(key, Scalar):
                    self.error(key.span, "AM010", f"a key in {what} must be text, not "
                               f"{describe(key)}")  # fmt: skip
                elif key.value in out:
                    self.error(key.span, "AM007", f"duplicate key '{clip(key.value)}' in {what}")
                else:
                    out[key.value] = self._data(value, what)
            return out
        text = node.value
        if not node.plain:
            return text
        if text in ("", "~", "null", "Null", "NULL"):
            return None
        if text in ("true", "True", "TRUE", "false", "False", "FALSE"):
            return text.lower() == "true"
        if _INTEGER.fullmatch(text):
            digits = len(text.lstrip("+-"))
            if digits <= MOST_DIGITS:
                return int(text)
            self.error(node.span, "AM010", f"a number of {digits} digits in {what}; argmap reads "
                       f"whole numbers of at most {MOST_DIGITS} digits (write it in quotes to "
                       "keep it as text)")  # fmt: skip
            return None
        if _FLOAT.fullmatch(text):
            number = float(text)
            if not math.isinf(number):
                return number
            self.error(node.span, "AM010", f"the number {clip(text, 40)} in {what} is larger "
                       "than JSON's numbers go (about 1.8e308); write it in quotes to keep it "
                       "as text")  # fmt: skip
            return None
        return text


__all__ = ["Fields"]
