"""ArgumentMap → YAML text in argmap's format: deterministic, every string read back exactly.

Keys come in the order of the format's key tables (:data:`argmap.model.keys.KEYS`), with the claim's
id and text first and the links last, so a new key is written as soon as the loader knows it.
Text is written plain only when it is unmistakably text (for argmap and for any other YAML
reader), else double-quoted with escapes, so nothing is lost: not a line break, a tab, a
backslash, a quote mark, an invisible character, nor a value YAML would read as a number,
a boolean or null.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from typing import Any

import yaml

from argmap.model import (
    ArgumentMap,
    Carried,
    Claim,
    Kind,
    Objection,
    Reason,
    Ref,
    Restatement,
    Source,
)
from argmap.model.blank import PLACEHOLDER
from argmap.model.keys import ID_PATTERN, KEYS

#: Keys written first and last in a claim; the others follow the loader's order in between.
_FIRST = ("id", "text")
_LAST = ("reasons", "objections", "contradicts", "restates", "aif", "sadface")
#: The longest line a list of ids is written on (``[a, b]``); longer lists are written one id a
#: line, as ``argmap fmt`` lays them out.
WIDTH = 100
#: A key written plain: a word (of ASCII letters, digits and ``_``) YAML reads as text.
_FLOW_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

_PLAIN_PUNCTUATION = frozenset(" .,;!?()'/%+=$&-\u2018\u2019\u201c\u201d\u2013\u2014\u2026")
_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
_NAMED = {"\0": "\\0", "\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v",
          "\f": "\\f", "\r": "\\r", "\x1b": "\\e", '"': '\\"', "\\": "\\\\", "\x85": "\\N",
          "\u2028": "\\L", "\u2029": "\\P"}  # fmt: skip
#: What YAML 1.2 (as editors read it) takes for a number, beyond YAML 1.1's resolver.
_NUMBER = re.compile(r"0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


def _printable(char: str) -> bool:
    """Whether YAML (libyaml) takes the character literally inside double quotes."""
    code = ord(char)
    return (
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    ) and code != 0xFEFF


def _plain_char(char: str) -> bool:
    return char in _PLAIN_PUNCTUATION or (
        unicodedata.category(char)[0] in "LNM" and _printable(char)
    )


#: A character libyaml does not take as itself in any scalar (:func:`_printable`, in one match).
UNPRINTABLE = re.compile(r"[^\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
#: Text of ASCII letters, digits and the plain punctuation only: plain character by
#: character, told in one match (a map's texts mostly are; the loop below costs a call each).
_PLAIN_ASCII = re.compile(r"[A-Za-z0-9 .,;!?()'/%+=$&\-]*")
#: A character ``quoted`` writes otherwise than itself: named, or not printable to libyaml.
_ESCAPED = re.compile(UNPRINTABLE.pattern + r'|["\\\u2028\u2029]')


def _all_plain(text: str) -> bool:
    """Whether every character of ``text`` may stand in a plain scalar."""
    return _PLAIN_ASCII.fullmatch(text) is not None or all(_plain_char(c) for c in text)


def _plain_ok(text: str) -> bool:
    """Whether ``text`` can be written unquoted and is read back as this very text by any
    YAML reader: a letter or digit first, a letter, a digit or one of ``.!?)'`` last, no YAML
    indicator, no double space, and nothing that YAML 1.1 or 1.2 resolves to a number, a
    boolean, null or a date."""
    if not text or not text[0].isalnum() or not (text[-1].isalnum() or text[-1] in ".!?)'"):
        return False
    if "  " in text or not _all_plain(text):
        return False
    return _reads_as_text(text)


def _reads_as_text(text: str) -> bool:
    """Whether YAML 1.1 and 1.2 both read ``text`` written plain as text, not a number, a
    boolean, null or a date."""
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR and not (
        _NUMBER.fullmatch(text)
        or text.lower() in ("true", "false", "null", "yes", "no", "on", "off", "y", "n")
    )


def mapping_key(text: str) -> str:
    """A mapping's key: plain when it is a word that YAML reads as this very text
    (``analyst_name``, ``scheme``), else double-quoted (``"no"``, ``"a: b"``, ``""``), as
    :func:`dump` and ``argmap fmt`` both write it."""
    return text if _FLOW_KEY.fullmatch(text) and _reads_as_text(text) else quoted(text)


def quoted(text: str) -> str:
    r"""Text in double quotes, escaped so YAML reads back exactly ``text``.

    >>> print(quoted('a "b"\\c\n\u2028'))
    "a \"b\"\\c\n\L"
    """
    if _ESCAPED.search(text) is None:  # nothing to escape: the common case
        return '"' + text + '"'
    return escaped(text)


def escaped(text: str) -> str:
    """:func:`quoted`, each character escaped or not on its own: the rule the fast path for
    text with nothing to escape must agree with (a test holds the two together)."""
    out = []
    for char in text:
        if char in _NAMED:
            out.append(_NAMED[char])
        elif _printable(char):
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02X}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(f"\\U{ord(char):08X}")
    return '"' + "".join(out) + '"'


def scalar(text: str) -> str:
    """Text as a YAML scalar: plain when that is unmistakable, else double-quoted.

    >>> scalar("Energy is the most obvious area.")
    'Energy is the most obvious area.'
    >>> scalar("no")
    '"no"'
    >>> scalar("3.10")
    '"3.10"'

    A blank of an exercise's worksheet (:data:`~argmap.model.blank.PLACEHOLDER`) is plain
    too, as its students type it: underscores are no YAML indicator, number or date.
    """
    return text if _plain_ok(text) or text == PLACEHOLDER else quoted(text)


def _id(ref: str) -> str:
    """A claim id: plain when it is a slug YAML reads as text (``no`` and ``null`` are quoted)."""
    return ref if ID_PATTERN.fullmatch(ref) and _plain_ok(ref) else quoted(ref)


def _number(value: float) -> str:
    """A JSON number as YAML 1.2 reads it back (``1e+16`` for a big float, never ``inf``)."""
    return str(value) if isinstance(value, int) else repr(value)


def _flow(value: Any) -> str:
    """Carried data on one line: YAML's flow style, every text double-quoted."""
    if isinstance(value, dict):
        items = [f"{mapping_key(k)}: {_flow(v)}" for k, v in value.items()]
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    return _atom(value) if not isinstance(value, str) else quoted(value)


def _atom(value: Any) -> str:
    """A JSON scalar that is not text: null, a boolean, a number."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return _number(value)


def _ids(refs: tuple[Ref, ...]) -> str:
    return "[" + ", ".join(_id(ref.id) for ref in refs) + "]"


def _one_or_list(refs: tuple[Ref, ...]) -> str:
    return _id(refs[0].id) if len(refs) == 1 else _ids(refs)


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def emit(self, indent: int, text: str) -> None:
        self.lines.append(" " * indent + text)

    def ids(self, indent: int, head: str, refs: tuple[Ref, ...], *, one: bool = False) -> None:
        """``head`` (``key:`` or ``- key:``) and a list of ids: on its line when it fits in
        :data:`WIDTH`, else one id a line; ``one`` writes a single id alone."""
        text = _one_or_list(refs) if one else _ids(refs)
        if indent + len(head) + 1 + len(text) <= WIDTH or (len(refs) == 1 and one):
            self.emit(indent, f"{head} {text}")
            return
        self.emit(indent, head)
        for ref in refs:
            self.emit(indent + len(head) - len(head.lstrip("- ")) + 2, f"- {_id(ref.id)}")

    def texts(self, indent: int, key: str, values: tuple[str, ...]) -> None:
        self.emit(indent, f"{key}:")
        for value in values:
            self.emit(indent + 2, f"- {scalar(value)}")

    def data(self, indent: int, key: str, value: Any) -> None:
        """Carried data (JSON values): mappings in block style, the items of a list each on
        one line, text plain only where it is unmistakable."""
        if isinstance(value, dict) and value:
            self.emit(indent, f"{key}:")
            for name, item in value.items():
                self.data(indent + 2, mapping_key(name), item)
        elif isinstance(value, list) and value:
            self.emit(indent, f"{key}:")
            for item in value:
                self.emit(
                    indent + 2, f"- {_flow(item) if not isinstance(item, str) else scalar(item)}"
                )
        elif isinstance(value, (dict, list)):
            self.emit(indent, f"{key}: {_flow(value)}")
        else:
            self.emit(indent, f"{key}: {scalar(value) if isinstance(value, str) else _atom(value)}")

    def value(self, indent: int, key: str, value: object) -> None:
        """A field by its Python type: text, a flag, a choice, carried data, a list of ids or
        of texts."""
        if isinstance(value, Carried):
            self.data(indent, key, value.value)
        elif isinstance(value, enum.Enum):
            self.emit(indent, f"{key}: {scalar(value.value)}")
        elif isinstance(value, bool):
            self.emit(indent, f"{key}: {'true' if value else 'false'}")
        elif isinstance(value, str):
            self.emit(indent, f"{key}: {scalar(value)}")
        elif isinstance(value, tuple) and all(isinstance(v, Ref) for v in value):
            self.ids(indent, f"{key}:", value)  # type: ignore[arg-type]
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            self.texts(indent, key, value)  # type: ignore[arg-type]
        else:  # pragma: no cover - a key the loader gained and this writer does not know
            raise TypeError(f"cannot write {key}={value!r} as YAML")

    def objections(self, indent: int, objections: tuple[Ref | Objection, ...]) -> None:
        if all(isinstance(item, Ref) for item in objections):
            self.ids(indent, "objections:", objections)  # type: ignore[arg-type]
            return
        self.emit(indent, "objections:")
        for item in objections:
            if isinstance(item, Ref):
                self.emit(indent + 2, f"- {_id(item.id)}")
            else:
                self.full(indent + 4, item)

    def full(self, indent: int, item: Reason | Objection) -> None:
        """A reason or objection written as a mapping, as a list item at ``indent - 2``."""
        self.ids(indent - 2, "- claims:", item.claims, one=True)
        if isinstance(item, Objection) and item.question:
            numbers = item.question
            shown = str(numbers[0]) if len(numbers) == 1 else f"[{', '.join(map(str, numbers))}]"
            self.emit(indent, f"question: {shown}")
        if item.objections:
            self.objections(indent, item.objections)
        if item.note is not None:
            self.emit(indent, f"note: {scalar(item.note)}")
        if isinstance(item, Reason) and item.scheme is not None:
            self.emit(indent, f"scheme: {scalar(item.scheme)}")
        self.carried(indent, item)

    def carried(self, indent: int, item: Reason | Objection | Restatement) -> None:
        """The data a relation carries for AIF and SADFace (``aif:``, ``sadface:``)."""
        for key, value in (("aif", item.aif), ("sadface", item.sadface)):
            if value is not None:
                self.data(indent, key, value.value)

    def restates(self, indent: int, restates: tuple[Ref | Restatement, ...]) -> None:
        if all(isinstance(item, Ref) for item in restates):
            self.ids(indent, "restates:", restates)  # type: ignore[arg-type]
            return
        self.emit(indent, "restates:")
        for item in restates:
            if isinstance(item, Ref):
                self.emit(indent + 2, f"- {_id(item.id)}")
            else:
                self.emit(indent + 2, f"- claim: {_id(item.claim.id)}")
                self.carried(indent + 4, item)

    def reasons(self, indent: int, reasons: tuple[Reason, ...]) -> None:
        if not reasons:
            self.emit(indent, "reasons: []")
            return
        self.emit(indent, "reasons:")
        for reason in reasons:
            if (reason.objections or reason.note is not None or reason.scheme or reason.aif
                    or reason.sadface):  # fmt: skip
                self.full(indent + 4, reason)
            elif reason.linked:
                self.emit(indent + 2, f"- {_ids(reason.claims)}")
            else:
                self.emit(indent + 2, f"- {_id(reason.claims[0].id)}")

    def claim(self, claim: Claim) -> None:
        keys = KEYS[claim.kind.value]
        self.emit(2, f"- id: {_id(claim.id)}")
        middle = [key for key in keys if key not in _FIRST + _LAST]
        for key in ["text", *middle, *(key for key in _LAST if key in keys)]:
            value = _claim_value(claim, key)
            if key == "reasons":
                self.reasons(4, claim.reasons)
            elif key == "objections" and claim.objections:
                self.objections(4, claim.objections)
            elif key == "restates" and claim.restates:
                self.restates(4, claim.restates)
            elif key not in ("objections", "restates") and value not in (None, (), False):
                self.value(4, key, value)

    def source(self, source: Source) -> None:
        self.emit(0, "source:")
        for key in KEYS["source"]:
            value = getattr(source, key, None)
            if value is not None and value != ():
                self.value(2, key, value)


def _claim_value(claim: Claim, key: str) -> object:
    if key == "quotes":
        return tuple(quote.text for quote in claim.quotes)
    return getattr(claim, key, None)


def dump(amap: ArgumentMap, *, header: str = "") -> str:
    """The YAML text of a map. ``header`` (lines without a trailing newline) goes first,
    each line made a comment.

    Loading the text gives back an equal map (spans aside); the same map always gives the same
    text.
    """
    writer = _Writer()
    for line in header.splitlines():
        writer.emit(0, f"# {line}".rstrip())
    writer.emit(0, f"argmap: {amap.version}")
    writer.emit(0, f"title: {scalar(amap.title)}")
    if amap.lang is not None:
        writer.emit(0, f"lang: {scalar(amap.lang)}")
    if amap.note is not None:
        writer.emit(0, f"note: {scalar(amap.note)}")
    if amap.source is not None:
        writer.source(amap.source)
    for kind in Kind:
        claims = [claim for claim in amap.claims if claim.kind is kind]
        if not claims:
            continue
        writer.lines.append("")
        writer.emit(0, f"{kind.section}:")
        for claim in claims:
            writer.claim(claim)
    for key, carried in (("aif", amap.aif), ("sadface", amap.sadface)):
        if carried is not None:
            writer.lines.append("")
            writer.data(0, key, carried.value)
    return "\n".join(writer.lines) + "\n"
