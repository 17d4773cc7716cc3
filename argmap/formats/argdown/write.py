"""ArgumentMap → Argdown (argdown.org) text that the Argdown parser reads to the same structure.

Claims become statements titled by their id, tagged with their kind (``#premise``), with their
other fields (quotes, note, link, role, restatements, carried data, ...) as the statement's
data. A reason of one claim becomes a support relation (``+``); a linked or undercut reason, or
one with a note, a scheme or carried data, becomes an argument with a premise-conclusion
structure whose conclusion is the claim, listed among the claim's supports (``+ <c reason 2>``)
where it stands among them; a reason imported from Argdown keeps its argument's title, which
its note begins with (``<Bullying argument>: ...``), and the inference rules it ends with.
An objection of one claim becomes an attack relation (``-``); a linked one, or one with
objections, a note or data of its own, becomes an argument that attacks the claim, supported
by its claims. Undercuts (``_``) point at the argument of the step they attack.
``contradicts`` becomes a contradiction (``><``).

Text is written on one line as a person would write it: a backslash goes only before a
character that Argdown would read as markup where it stands (a ``[``, a ``#`` before a word, an
``_`` or ``*`` before a word, ``//``, ...), so it comes out literally; line breaks inside a
text become spaces, and runs of spaces one space (as Argdown reads them; the losses say so),
while a no-break, narrow no-break or thin space stays (Argdown keeps it as text).
The kind tags are kept out of the statements' text in Argdown's map and views (``model:
removeTagsFromText`` in the front matter): they colour the map, as tags do.
The front matter also holds the map's title, language, note, source and carried AIF data, and says
``argmap: 1``, so that ``argmap import argdown`` reads the text back as the same map.
"""

from __future__ import annotations

import json
import re

from argmap.formats.base import Exported
from argmap.formats.json import claim_document, document
from argmap.formats.sniff import ARGDOWN_MARK
from argmap.model import ArgumentMap, Claim, Link, Relation, walk

#: The front matter key that says argmap wrote the text (:mod:`argmap.formats.argdown.read`
#: reads it back).
MARK = ARGDOWN_MARK
#: Claims named in a note, at most (then "…").
MAX_NAMED = 10
#: Argdown's default shortcodes (``.A.``, ``:smile:``, ...), which its model replaces by a
#: symbol: only where one of them stands is a ``.`` or ``:`` escaped.
_SHORTCODE_NAMES = (
    "A E O P -> <-> ~ ^ v v_ <> [] happy smile smiley laugh lol rofl joy heart ? question love "
    "wink shush meh eye-roll sad disappointed scream +1 up -1 down think star y agree n disagree"
)
SHORTCODES = frozenset(f"{mark}{name}{mark}" for mark in ".:" for name in _SHORTCODE_NAMES.split())
_SHORTCODE = re.compile(r"([.:])\S+?\1")
_FENCE = re.compile(r"={3,}")  # front matter, wherever a token may start
#: What makes a ``#`` a tag: a tag's first character, or ``(`` (``#(two words)``).
_TAG = re.compile("[(a-zA-z0-9\\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]")
#: Claim fields carried as the statement's data rather than structure.
STRUCTURE = ("id", "text", "reasons", "objections", "contradicts")
#: White space that Argdown's lexer reads as text, not as space between words (it skips only
#: spaces and tabs): the no-break and typographic spaces, such as the no-break (U+00A0) and
#: narrow no-break (U+202F) spaces of French typography and the thin space (U+2009).
_KEPT_SPACE = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPACE_RUN = re.compile(f"[^\\S{_KEPT_SPACE}]+")


def one_line(text: str) -> str:
    """A text on one line as an Argdown statement holds it: each run of spaces, tabs and
    line breaks one space, no-break and typographic spaces as they are, none at either end.

    >>> one_line("a\\t b\\nc\u00a0: d ")
    'a b c\xa0: d'
    """
    return _SPACE_RUN.sub(" ", text).strip()


def escape(text: str, after: str = "") -> str:
    r"""Text on one line for an Argdown statement or description, read back literally.

    A backslash goes only where Argdown 1.7's lexer would read markup: before a backslash, a
    ``[`` (a reference or link) and a ``{`` (data); before ``#``, ``*`` and ``_`` followed by
    a word (a tag, bold or italic); before the ``/`` of ``//`` and ``/*`` (comments), the
    ``<`` of ``<!--`` and any ``<`` that a ``>`` follows on the line (an argument reference;
    ``after`` is the rest of the line); before each ``=`` of ``===`` (front matter); and
    before the ``.`` or ``:`` that starts one of Argdown's shortcodes (``.A.``, ``:smile:``).

    >>> print(escape("Cars, trucks and e.g. buses: 3 < 4. See [1] #2 and snake_case."))
    Cars, trucks and e.g. buses: 3 < 4. See \[1] \#2 and snake\_case.
    >>> print(escape("a <b> c\nd // e"))
    a \<b> c d \// e
    """
    line = one_line(text)
    angle = max(line.rfind(">"), len(line) if ">" in after else -1)
    fences = {i for run in _FENCE.finditer(line) for i in range(*run.span())}
    marked = {
        i
        for i, char in enumerate(line)
        if char in "\\[{"
        or (char in "*_" and line[i + 1 : i + 2].strip())
        or (char == "/" and line[i + 1 : i + 2] in ("/", "*") and i + 1 < len(line))
        or (char == "<" and (i < angle or line.startswith("!--", i + 1)))
        or i in fences
    }
    # Right to left, as these depend on the marks after them: a '#' before a tag's first
    # character (a backslash included, so also before an escape); and a '.' or ':' that starts
    # a shortcode token (the same mark follows, no space between), which keeps what it spans
    # as written, backslashes too: escaped when it is one of Argdown's shortcodes or spans an
    # escape.
    for i in range(len(line) - 1, -1, -1):
        char = line[i]
        if char == "#":
            if _TAG.match(line, i + 1) is not None or i + 1 in marked:
                marked.add(i)
        elif char in ".:":
            token = _SHORTCODE.match(line, i)
            if token is not None and (
                token.group() in SHORTCODES or any(j in marked for j in range(i + 1, token.end()))
            ):
                marked.add(i)
    return "".join("\\" + char if i in marked else char for i, char in enumerate(line))


#: What Argdown's lexer would read as its own inside data's texts: written as JSON escapes.
_LEXED = re.compile(r"[{}<>\[\]*_#@`~]")


def _json(value: object) -> str:
    r"""JSON of a value, its text as written but for what does not show (line and paragraph
    separators, no-break and soft hyphens, other format characters), which is escaped.

    >>> print(_json(["Выбор «Казахстана»", "a\u2028b\xa0c"]))
    ["Выбор «Казахстана»", "a\u2028b\u00a0c"]
    """
    text = json.dumps(value, ensure_ascii=False)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else json.dumps(c)[1:-1] for c in text)


def _data(value: object) -> str:
    r"""JSON on one line (:func:`_json`), with no character inside a text that Argdown's lexer
    reads as its own (it ends data at a brace followed by a word, and takes ``*``, ``_``,
    ``<``, ``[``, ``#`` and ``@`` as emphasis, references, tags and mentions): Argdown's data of
    a statement or argument.

    >>> print(_data({"note": "a {b} *c*", "n": [1, {"x": None}]}))
    {"note":"a \u007bb\u007d \u002ac\u002a","n":[1,{"x":null}]}
    """
    if isinstance(value, dict):
        return "{" + ",".join(f"{_data(str(k))}:{_data(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_data(item) for item in value) + "]"
    return _LEXED.sub(lambda m: f"\\u{ord(m[0]):04x}", _json(value))


#: A reason's note as the Argdown import writes it: the title of the argument it came from
#: (``<Bullying argument>``), then its description (``: ...``) or its inference (``; ...``).
_TITLED = re.compile(r"<([^<>\s-](?:[^<>\n]*[^<>\s])?)>(?:: |; |$)")
#: The inference rules such a note ends with (``; inference: Modus ponens, Generalisation``),
#: when they are plain words that Argdown reads back as written between ``--`` lines.
_WORD = r"[^\W\d_](?:[^\W_]|[ '’()&]|-(?!-))*"
_RULES = re.compile(rf"(?:^|; )inference: ({_WORD}(?:, {_WORD})*)$")


def _described(title: str, relation: Relation, description: str | None = None) -> str:
    """An argument's first line: its title, the note (or ``description``) as its description
    (on one line) and, as its data, the note as written, the scheme, the critical questions
    and the carried data."""
    data: dict[str, object] = {}
    if relation.note is not None:
        data["note"] = relation.note
    if relation.scheme is not None:
        data["scheme"] = relation.scheme
    if relation.question:
        data["question"] = list(relation.question)
    for key, carried in (("aif", relation.aif), ("sadface", relation.sadface)):
        if carried is not None:
            data[key] = carried.value
    written = f" {_data(data)}" if data else ""
    description = relation.note if description is None else description
    text = escape(description, written) if description is not None else ""
    return f"<{title}>" + (f": {text}" if text else "") + written


class _Writer:
    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.blocks: list[list[str]] = []
        # The relations of the claim being written, by what they belong to (None: the claim).
        self.under: dict[Relation | None, list[Relation]] = {}
        # The titles argmap makes (``c reason 2``), and the reason (claim id, number) that
        # each title a note begins with names: the first whose note goes on with a
        # description (its argument's main conclusion, as the import writes it), else the first.
        self.defaults = {
            f"{c.id} reason {n}" for c in amap.claims for n in range(1, len(c.reasons) + 1)
        }
        self.owners: dict[str, tuple[str, int]] = {}
        for described in (True, False):
            for claim in amap.claims:
                for number, reason in enumerate(claim.reasons, 1):
                    found = _TITLED.match(reason.note or "")
                    if (
                        found
                        and found[1] not in self.defaults
                        and (found[0].endswith(": ") or not described)
                    ):
                        self.owners.setdefault(found[1], (claim.id, number))

    def statement(self, claim: Claim) -> None:
        extra = {k: v for k, v in claim_document(claim).items() if k not in STRUCTURE}
        data = f" {_data(extra)}" if extra else ""
        tag = f" #{claim.kind.value}"
        self.blocks.append([f"[{claim.id}]: {escape(claim.text, tag + data)}{tag}{data}"])

    def titled(self, step: Relation, claim: str) -> tuple[str, str | None, str | None]:
        """A reason's argument title, description and inference rules: the title of the
        Argdown argument its note names, when the reason owns it, else ``c reason 2``; the
        note as its description, without the title it took and the rules it ends with."""
        default, note = f"{claim} reason {step.number}", step.note or ""
        found = _TITLED.match(note)
        if found is None:
            return default, None, None
        owner = self.owners.get(found[1]) == (claim, step.number)
        start = found.end() if owner else 0
        rules = _RULES.search(note[found.end() :])
        if rules is None:
            return (found[1], note[start:], None) if owner else (default, None, None)
        stop = found.end() + rules.start()
        description = note[start:stop] if owner else note[:stop].removesuffix("; ")
        return found[1] if owner else default, description, rules[1]

    def reason(self, step: Relation, target: str, title: str, description: str | None,
               rules: str | None) -> None:  # fmt: skip
        self.blocks.append([_described(title, step, description)])
        premises = [f"({n}) [{ref.id}]" for n, ref in enumerate(step.claims, 1)]
        conclusion = f"({len(step.claims) + 1}) [{target}]"
        inference = ["--", rules, "--"] if rules else ["----"]
        self.blocks.append([*premises, *inference, conclusion])
        self.undercuts(title, step)

    def objection(self, title: str, attack: Relation) -> None:
        head = _described(title, attack)
        self.blocks.append([head, *(f"  + [{ref.id}]" for ref in attack.claims)])
        self.undercuts(title, attack)

    def attacks(self, title: str, attacks: list[Relation], mark: str) -> list[str]:
        """The lines of ``title``'s block that name its attackers (``mark`` is ``-`` for a
        rebuttal, ``_`` for an undercut); an objection written in full gets its own block
        (and its undercuts theirs) before them."""
        lines = []
        for attack in attacks:
            if attack.plain:
                lines.append(f"  {mark} [{attack.claims[0].id}]")
            else:
                nested = f"{title} objection {attack.number}"
                lines.append(f"  {mark} <{nested}>")
                self.objection(nested, attack)
        return lines

    def undercuts(self, title: str, relation: Relation) -> None:
        lines = self.attacks(title, self.under.get(relation, []), "_")
        if lines:
            self.blocks.append([f"<{title}>", *lines])

    def relations(self, claim: Claim) -> None:
        self.under = {}
        for relation in walk(claim):
            self.under.setdefault(relation.on, []).append(relation)
        top = self.under.get(None, [])
        lines = []
        for step in (r for r in top if r.link is Link.SUPPORT):
            if (step.linked or step.objections or step.note or step.scheme or step.aif
                    or step.sadface):  # fmt: skip
                title, description, rules = self.titled(step, claim.id)
                self.reason(step, claim.id, title, description, rules)
                lines.append(f"  + <{title}>")  # where it stands
            else:
                lines.append(f"  + [{step.claims[0].id}]")
        lines += self.attacks(claim.id, [r for r in top if r.link is Link.REBUT], "-")
        lines += [f"  >< [{r.claims[0].id}]" for r in top if r.link is Link.CONTRADICT]
        if lines:
            self.blocks.append([f"[{claim.id}]", *lines])


def _front(value: object) -> str:
    """A front matter value: JSON (which YAML reads) with no ``=`` that could end the block."""
    return _json(value).replace("=", "\\u003d")


def write(amap: ArgumentMap) -> Exported:
    """The map as Argdown; the losses name what Argdown has no place for."""
    writer = _Writer(amap)
    kept = ("title", "lang", "note", "source", "aif", "sadface")
    top = {k: v for k, v in document(amap).items() if k in kept}
    front = [f"{key}: {_front(value)}" for key, value in top.items()]
    # Argdown shows a tag inside the statement's text unless told not to: the kinds colour
    # the map as tags without being read as part of each claim.
    model = ["model:", "  removeTagsFromText: true"]
    writer.blocks.append(["===", front[0], f"{MARK}: 1", *front[1:], *model, "==="])
    for claim in amap.claims:
        writer.statement(claim)
    for claim in amap.claims:
        writer.relations(claim)
    # Argdown reads a statement on one line, a run of spaces or tabs in it as one space.
    multiline = [claim.id for claim in amap.claims if "\n" in claim.text]
    spaced = [claim.id for claim in amap.claims
              if one_line(claim.text) != claim.text.replace("\n", " ")]  # fmt: skip
    losses = [
        f"{what} in the text of {_claims(ids)} {become}: {_named(ids)}"
        for what, become, ids in (
            ("line breaks", "become spaces", multiline),
            ("runs of spaces or tabs", "become one space", spaced),
        )
        if ids
    ]
    text = "\n\n".join("\n".join(block) for block in writer.blocks) + "\n"
    return Exported(text, tuple(losses))


def _claims(ids: list[str]) -> str:
    return "1 claim" if len(ids) == 1 else f"{len(ids)} claims"


def _named(ids: list[str]) -> str:
    return ", ".join(ids[:MAX_NAMED]) + (", …" if len(ids) > MAX_NAMED else "")
