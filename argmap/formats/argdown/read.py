"""Argdown text (argdown.org) → ArgumentMap: statements are claims, arguments give reasons.

The text is read as Argdown 1.7 reads it (:mod:`argmap.formats.argdown.lex`, ``.parse``,
``.build``), then each statement becomes a claim: its id is its title made an id
(``[Energy Interest]`` → ``energy-interest``) or, untitled, its first words; its text is its
last definition's, without tags. An argument with a premise–conclusion structure gives its
conclusion a reason; one without becomes a claim whose text is its description, unless it is
only the step its supporters take (:mod:`argmap.formats.argdown.steps`). Tags named ``premise``,
``conclusion`` or ``recommendation`` set the kind (``implicit`` marks an implicit claim);
otherwise a claim with reasons is a recommendation or a conclusion by its wording. The data
keys ``quotes``, ``note``, ``url``, ``implicit``, ``label`` and ``thesis`` become those fields,
and data ``role`` the claim's role; other data, other tags, the heading a statement stands
under, its other texts and links go to its note. Argdown that argmap wrote (front matter
``argmap: 1``) comes back as the map it was made from (claim texts on one line), restatements,
schemes and carried data included.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable
from pathlib import PurePath
from typing import Any

from argmap.diagnostics import joined
from argmap.formats.argdown.build import build
from argmap.formats.argdown.lex import LexError, tokenize
from argmap.formats.argdown.model import Member, Model, ModelError, Node
from argmap.formats.argdown.parse import ParseError, parse
from argmap.formats.argdown.steps import Step, documents, extra_of, relations, tidy
from argmap.formats.argdown.write import MARK, one_line
from argmap.formats.base import (
    FormatError,
    Ids,
    Imported,
    clean_text,
    leading_words,
    shorten,
    some,
    usable_url,
)
from argmap.formats.json import from_document
from argmap.formats.kinds import Guesses
from argmap.model import Kind, Role
from argmap.model.keys import MAX_CLAIM_TEXT, MAX_LABEL, MAX_TEXT, MAX_TITLE, ascii_slug

#: Argdown's own data keys: directives, not content.
DIRECTIVES = ("isCanonical", "isInGroup")
KINDS = {kind.value: kind for kind in Kind}
#: A first line of dashes: front matter as YAML and Markdown fence it, which Argdown does not.
_DASHES = re.compile(r"-{3,}[ \t]*\r?\n")
ROLES = frozenset(role.value for role in Role)


def model_of(text: str) -> Model:
    """Argdown's model of ``text``. Raises FormatError, saying where, when it is no Argdown."""
    if "\x00" in text:
        raise FormatError("not Argdown: the file holds NUL characters (binary data?)")
    try:
        tokens = tokenize(text)
        if not [t for t in tokens if t.kind not in ("newline", "empty line", "front matter")]:
            raise FormatError("not Argdown: no statements or arguments in the file")
        return build(parse(tokens))
    except (LexError, ParseError, ModelError) as exc:
        hint = ""
        if exc.line == 1 and _DASHES.match(text):  # YAML's or Markdown's front matter
            hint = "; Argdown's front matter goes between lines of ===, not ---"
        raise FormatError(f"not Argdown: line {exc}{hint}") from None


def _fields(data: Any, argmap: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    """Data as claim fields (those of the right type) and the rest; in Argdown argmap wrote,
    also its restatements and carried data."""
    fields: dict[str, Any] = {}
    rest = (
        {str(k): v for k, v in data.items() if k not in DIRECTIVES}
        if isinstance(data, dict)
        else {}
    )
    quotes = rest.get("quotes")
    if isinstance(quotes, str) or (isinstance(quotes, list) and quotes
                                   and all(isinstance(q, str) for q in quotes)):  # fmt: skip
        cleaned = [clean_text(q)[0] for q in ([quotes] if isinstance(quotes, str) else quotes)]
        if [q for q in cleaned if q.strip()]:  # (what argmap refuses taken out of each)
            fields["quotes"] = [q for q in cleaned if q.strip()]
    if isinstance(rest.get("note"), str) and rest["note"].strip():
        fields["note"] = rest["note"]
    if isinstance(rest.get("url"), str) and usable_url(rest["url"]):
        fields["url"] = rest["url"]
    if isinstance(rest.get("implicit"), bool):
        fields["implicit"] = rest["implicit"]
    if isinstance(rest.get("role"), str) and rest["role"] in ROLES:
        fields["role"] = rest["role"]
    if isinstance(rest.get("label"), str) and clean_text(rest["label"])[0].strip():
        fields["label"] = shorten(clean_text(rest["label"])[0], MAX_LABEL)
    if isinstance(rest.get("thesis"), bool):
        fields["thesis"] = rest["thesis"]
    restates = rest.get("restates")
    if argmap and isinstance(restates, list) and all(isinstance(r, dict) for r in restates):
        fields["restates"] = restates
    for key in ("aif", "sadface"):
        if argmap and isinstance(rest.get(key), dict):
            fields[key] = rest[key]
    return fields, {k: v for k, v in rest.items() if k not in fields}


#: The data keys that become claim fields (:func:`_fields`).
FIELDS = ("quotes", "note", "url", "implicit", "role", "label", "thesis")


def _meant(key: str) -> str | None:
    """The field a data key not read as one was probably meant to be (``quote``: ``quotes``).

    >>> _meant("quote"), _meant("URL"), _meant("weight"), _meant("quotes")
    ('quotes', 'url', None, None)
    """
    near = difflib.get_close_matches(key.lower(), FIELDS, n=1, cutoff=0.8)
    return near[0] if near and near[0] != key else None


def _and(items: Iterable[str]) -> str:
    """Quoted items joined by commas and "and"."""
    return joined([f"'{item}'" for item in items])


def _plain(node: Node) -> tuple[str, list[str]]:
    """A node's canonical text without its tags, on one line, and the links in it."""
    member = node.canonical()
    return _text(member) if member is not None else ("", [])


def _text(member: Member) -> tuple[str, list[str]]:
    """A statement's text without its tags, on one line, and the links in it."""
    text, links = member.text, []
    for kind, start, stop, value in sorted(member.ranges, key=lambda r: -r[1]):
        if kind == "tag":
            text = text[:start] + text[stop + 1 :]
        elif kind == "link":
            links.insert(0, value)
    return one_line(text), links  # a no-break space kept, as Argdown keeps it


class _Reader:
    def __init__(self, model: Model, name: str) -> None:
        self.model, self.name = model, name
        matter = model.front_matter if isinstance(model.front_matter, dict) else {}
        if isinstance(matter.get("source"), str) and matter["source"].strip():
            matter = {**matter, "source": {"path": matter["source"]}}  # `source: text.txt`
        self.matter = matter
        self.argmap = str(matter.get(MARK)) == "1"
        # The one heading over the whole text of a file whose front matter has no title
        # (`# School uniforms` on top): the map's title, not every claim's group.
        tops = [section for section in model.sections if section.parent is None]
        nodes = [*model.statements.values(), *model.arguments.values()]
        self.heading = tops[0] if len(tops) == 1 and not self.given_title() and all(
            node.section is not None for node in nodes) else None  # fmt: skip
        self.notes: list[str] = []
        self.ids: dict[int, str] = {}
        self.given = Ids()

    def unique(self, base: str) -> str:
        """An id not taken: ``base``, else numbered (see :class:`Ids`)."""
        return self.given.unique(base)

    def step_arguments(self) -> dict[int, Step]:
        """Arguments without a premise–conclusion structure that are the step their supporters
        take: supported by statements and relating to something, with no description of their
        own (or written by argmap)."""
        out: dict[int, Step] = {}
        for node in self.model.arguments.values():
            if node.pcs:
                continue
            supporters = [r.source for r in node.relations if r.target is node
                          and r.kind in ("support", "entails") and isinstance(r.source, Node)
                          and (r.source.kind == "statement" or not r.source.pcs)]  # fmt: skip
            acts = [r for r in node.relations if r.source is node]
            description = _plain(node)[0]
            written = node.data.get("note") if isinstance(node.data, dict) else None
            if supporters and acts and (self.argmap or not description):
                extra = {}
                if self.argmap:
                    note = written if isinstance(written, str) else description or None
                    extra = extra_of(node.data)
                else:
                    note = f"<{node.title}>" + (f": {description}" if description else "")
                out[id(node)] = Step([], note, extra=extra)
                out[id(node)].members = [id(s) for s in supporters]  # type: ignore[misc]
        return out

    def claims(self, steps_of: dict[int, Step]) -> list[tuple[Node, str]]:
        """The nodes that are claims, each with its id: titled statements first, then
        arguments that stand as claims, then untitled statements (ids from their words)."""
        statements = list(self.model.statements.values())
        arguments = [
            a for a in self.model.arguments.values() if not a.pcs and id(a) not in steps_of
        ]
        untitled = [s for s in statements if s.title in self.model.untitled]
        for node in [s for s in statements if s.title not in self.model.untitled] + arguments:
            self.ids[id(node)] = self.unique(ascii_slug(node.title))
        for node in untitled:
            slug = ascii_slug(_plain(node)[0] or "statement")
            self.ids[id(node)] = self.unique(leading_words(slug))
        return [(node, self.ids[id(node)]) for node in statements + arguments]

    def claim(self, node: Node, claim_id: str, said: dict[str, list[str]]) -> dict[str, Any]:
        text, links = _plain(node)
        fields, rest = _fields(node.data, self.argmap)
        parts: list[str] = []
        if not text:
            text = node.title
            said["only referenced" if node.kind == "statement" else "no description"].append(
                f"[{node.title}]" if node.kind == "statement" else f"<{node.title}>"
            )
        if node.kind == "argument":
            said["argument"].append(f"<{node.title}>")
            parts.append(f"Argdown argument <{node.title}>, not reconstructed")
        texts = list(dict.fromkeys(_text(m)[0] for m in node.members
                                   if not m.reference and _text(m)[0]))  # fmt: skip
        if len(texts) > 1:
            said["texts"].append(f"[{node.title}]")
            parts.append("also stated as: " + " | ".join(t for t in texts if t != text))
        quoted = "quotes" in fields and isinstance(self.matter.get("source"), dict)
        implicit = "implicit" in node.tags and "implicit" not in fields and not quoted
        if implicit:  # `#implicit`, as `#premise` gives the kind
            fields["implicit"] = True
        tags = [t for t in node.tags if t not in KINDS and not (implicit and t == "implicit")]
        if tags:
            said["tags"].append(claim_id)
            parts.append("tags: " + " ".join(f"#{t}" if " " not in t else f"#({t})" for t in tags))
        group = node.section.path()[1 if self.heading else 0 :] if node.section else []
        if group:
            said["groups"].append(claim_id)
            parts.append("group: " + " › ".join(group))
        if rest:
            said["data"].append(claim_id)
            meant = {k: m for k in rest if (m := _meant(k)) is not None}
            if meant:
                self.notes.append(
                    f"claim '{claim_id}': data {_and(meant)} "
                    f"{'is' if len(meant) == 1 else 'are'} kept in its note; did you mean "
                    f"{_and(meant.values())}?"
                )
            parts.append("data: " + json.dumps(rest, ensure_ascii=False, default=str))
        if links and "url" not in fields and usable_url(links[0]):
            fields["url"] = links.pop(0)
        if links:
            parts.append("links: " + " ".join(links))
        if "quotes" in fields and not isinstance(self.matter.get("source"), dict):
            said["quotes"].append(claim_id)  # quotes need a source to be checked against
            parts.append("quotes: " + " | ".join(fields.pop("quotes")))
        text, changed = clean_text(text)
        if changed:
            self.notes.append(f"claim '{claim_id}': control or invisible direction characters "
                              "taken out of its text")  # fmt: skip
        if len(text) > MAX_CLAIM_TEXT:
            parts.append(f"Full text: {text}")
            text = shorten(text, MAX_CLAIM_TEXT)
            said["cut"].append(claim_id)
        note = "\n".join([*([fields.pop("note")] if "note" in fields else []), *parts])
        note = shorten(clean_text(note)[0], MAX_TEXT)
        if note.strip():  # a note of nothing but refused characters is no note
            fields["note"] = note
        return {"id": claim_id, "text": text, **fields}

    def run(self) -> Imported:
        steps_of = self.step_arguments()
        said: dict[str, list[str]] = {k: [] for k in ("only referenced", "no description",
            "argument", "texts", "tags", "groups", "data", "quotes", "cut", "misfits")}  # fmt: skip
        nodes = self.claims(steps_of)
        for step in steps_of.values():
            step.members = [self.ids[m] for m in step.members if m in self.ids]  # type: ignore[index]
        claims = {claim_id: self.claim(node, claim_id, said) for node, claim_id in nodes}
        found = relations(self.model, self.ids, steps_of, self.notes, argmap_notes=self.argmap)
        tidy(found.reasons, found.objections, self.notes, repeats=self.argmap)
        guesses = Guesses(c["text"] for c in claims.values())
        sections: dict[str, list[dict[str, Any]]] = {kind.section: [] for kind in Kind}
        for node, claim_id in nodes:
            claim, reasons = claims[claim_id], found.reasons[claim_id]
            wanted = [KINDS[t] for t in node.tags if t in KINDS]
            if wanted and wanted[0].takes_reasons == bool(reasons):
                kind = wanted[0]
            else:
                if wanted:
                    said["misfits"].append(f"{claim_id} (#{wanted[0].value})")
                kind = guesses.kind(claim_id, claim["text"], has_reasons=bool(reasons))
            if kind.takes_reasons:
                claim["reasons"] = documents(reasons, claim_id, self.notes, repeats=self.argmap)
            if found.objections[claim_id]:
                claim["objections"] = documents(
                    found.objections[claim_id], claim_id, self.notes, repeats=self.argmap
                )
            if found.contradicts[claim_id]:
                claim["contradicts"] = found.contradicts[claim_id]
            for key in ("restates", "aif", "sadface"):  # last, as the format writes them
                if key in claim:
                    claim[key] = claim.pop(key)
            sections[kind.section].append(claim)
        self.say(said)
        if (guessed := guesses.note()) is not None:
            self.notes.append(guessed)
        document = {"argmap": "1", "title": self.title(), **self.about(said),
                    **{section: items for section, items in sections.items() if items}}  # fmt: skip
        amap, diagnostics = from_document(document, self.name)
        if amap is None and "source" in document:
            self.notes.append("the source in the front matter is not as argmap writes it; "
                              "left out")  # fmt: skip
            del document["source"]
            amap, diagnostics = from_document(document, self.name)
        if amap is None:  # pragma: no cover - the document is built to the format
            raise FormatError("; ".join(d.message for d in diagnostics))
        return Imported(amap, tuple(self.notes))

    def about(self, said: dict[str, list[str]]) -> dict[str, Any]:
        """The map's note, and its source when the front matter names one."""
        out: dict[str, Any] = {}
        if not self.argmap:
            out["note"] = self.map_note(said)
        elif isinstance(self.matter.get("note"), str):
            out["note"] = self.matter["note"]
        if isinstance(self.matter.get("source"), dict):
            out["source"] = self.matter["source"]
        if self.argmap and isinstance(self.matter.get("lang"), str):
            out["lang"] = self.matter["lang"]
        for key in ("aif", "sadface"):
            if self.argmap and isinstance(self.matter.get(key), dict):
                out[key] = self.matter[key]
        return out

    def given_title(self) -> bool:
        title = self.matter.get("title")
        return isinstance(title, str) and bool(title.strip())

    def title(self) -> str:
        title = self.matter.get("title")
        if self.argmap and self.given_title():
            return title
        if not self.given_title():
            title = self.heading.title if self.heading else PurePath(self.name).stem or "Argdown"
        return shorten(" ".join(clean_text(title)[0].split()), MAX_TITLE)

    def map_note(self, said: dict[str, list[str]]) -> str:
        note = (f"Imported by argmap from {self.name} (Argdown). Claim ids are the statements' "
                "titles made ids (untitled statements: their first words); a reason is an "
                "argument's premises, or a statement that supports.")  # fmt: skip
        extra = {k: v for k, v in self.matter.items() if k not in ("title", MARK, "source")
                 and isinstance(v, (str, int, float)) and not isinstance(v, bool)}  # fmt: skip
        if extra:
            note += " " + "; ".join(f"{k}: {v}" for k, v in extra.items()) + "."
        return shorten(clean_text(note)[0], MAX_TEXT)

    def say(self, said: dict[str, list[str]]) -> None:
        lines = {
            "only referenced": "statements referenced but never given a text, their titles "
                               "taken as their texts",
            "no description": "arguments without a description, their titles taken as their "
                              "texts",
            "argument": "arguments without a premise-conclusion structure, each made a claim",
            "texts": "statements with several texts, the last taken and the others kept in the "
                     "claim's note",
            "tags": "claims whose tags are kept in their notes",
            "groups": "claims whose heading is kept in their notes as their group",
            "data": "claims whose data beyond quotes, note, url, implicit, role, label and "
                    "thesis is kept in their notes",
            "quotes": "claims with quotes but no source named in the front matter (source: "
                      "path/to/text.txt), the quotes kept in their notes",
            "cut": f"claims whose text is longer than {MAX_CLAIM_TEXT} characters, cut and kept "
                   "whole in their notes",
            "misfits": "claims whose kind tag does not fit them (a premise has no reasons; a "
                       "conclusion or recommendation has some), their kind decided as if "
                       "untagged",
        }  # fmt: skip
        for key, line in lines.items():
            if said[key]:
                self.notes.append(f"{line} ({len(said[key])}): {some(said[key])}")
        ours = ("aif", "sadface", "model") if self.argmap else ()  # argmap's own, not settings
        settings = [k for k, v in self.matter.items() if isinstance(v, (dict, list))
                    and k != "source" and k not in ours]  # fmt: skip
        if settings:
            self.notes.append(f"Argdown settings in the front matter ({', '.join(settings)}) "
                              "are not used")  # fmt: skip


def read(text: str, *, name: str) -> Imported:
    """An Argdown text as a map; the notes say what was left out, changed or guessed.

    Raises:
        FormatError: the text is not Argdown (a syntax error, by line and column), or holds no
            statement or argument.
    """
    model = model_of(text)
    if not model.statements and not any(not a.pcs for a in model.arguments.values()):
        raise FormatError("not Argdown: no statements or arguments in the file")
    return _Reader(model, name).run()
