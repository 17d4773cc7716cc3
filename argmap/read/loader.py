"""Map file bytes → ArgumentMap, with a positioned diagnostic for every shape error."""

from __future__ import annotations

import os

from argmap.diagnostics import Diagnostic, clip
from argmap.model import (
    FORMAT_VERSION,
    ArgumentMap,
    Carried,
    Claim,
    Kind,
    Objection,
    Quote,
    Reason,
    Ref,
    Restatement,
    Source,
)
from argmap.model.keys import (
    KEYS,
    LANG_PATTERN,
    MAX_CLAIM_TEXT,
    MAX_LABEL,
    MAX_SCHEME,
    MAX_TITLE,
    REQUIRED,
)
from argmap.read.fields import Dropped, Fields
from argmap.read.hints import claim_for, claims_keyed, id_for
from argmap.read.jsontree import in_json
from argmap.read.jsontree import parse as parse_json
from argmap.read.yamltree import Mapping, Node, Scalar, Sequence, Spans, decode, describe, parse


class _Reader(Fields):
    """Walks positioned nodes into the model, collecting diagnostics instead of stopping at the
    first. ``partial``: a map of the claims that read well, whatever else is wrong (a draft);
    :meth:`~argmap.read.fields.Fields.drop` keeps the errors of those that did not."""

    partial = False

    def quote(self, node: Node, what: str) -> Quote | None:
        value = self.text(node, "a quote")
        return None if value is None else Quote(value, node.span)

    def reason(self, node: Node, what: str) -> Reason | None:
        if isinstance(node, Scalar):
            ref = self.ref(node, "a reason")
            return None if ref is None else Reason((ref,), span=ref.span)  # the same place
        if isinstance(node, Sequence):
            if not node.items:
                self.error(node.span, "AM016", "a linked reason is an empty list: name its "
                           "claims in it, or leave it out")  # fmt: skip
                return None
            refs = [self.ref(n, "a linked reason") for n in node.items]
            if any(r is None for r in refs):
                return None
            return Reason(tuple(r for r in refs if r is not None), span=node.span)
        written = self.written_in_full(node, "reason", "a reason")
        if written is None:
            return None
        claims, objections, note, (aif, sadface), entries = written
        scheme = self.optional_text(entries, "scheme", "the scheme of a reason", MAX_SCHEME)
        if scheme is False:
            return None
        return Reason(claims, objections, note, scheme or None, aif, span=node.span,
                      sadface=sadface)  # fmt: skip

    def objection(self, node: Node, what: str) -> Ref | Objection | None:
        """A claim id, or an objection written in full: a mapping like a reason's."""
        if not isinstance(node, Mapping):
            return self.ref(node, what)
        written = self.written_in_full(node, "objection", "an objection")
        if written is None:
            return None
        claims, objections, note, (aif, sadface), entries = written
        question: tuple[int, ...] | None = ()
        where = node.span
        if "question" in entries:
            where = entries["question"][1].span
            question = self.one_or_list(
                entries["question"][1], "'question' of an objection", self.question
            )
        if question is None:
            return None
        if len(claims) == 1 and not (objections or note or aif or sadface or question):
            return claims[0]  # {claims: a} says no more than a
        return Objection(claims, objections, note, aif, question, span=node.span,
                         question_span=where, sadface=sadface)  # fmt: skip

    def restatement(self, node: Node, what: str) -> Ref | Restatement | None:
        """A claim id, or a restatement written in full: the claim and its carried data."""
        if not isinstance(node, Mapping):
            return self.ref(node, what)
        entries = self.mapping(node, "restatement", "a restatement")
        if entries is None or "claim" not in entries:
            return None
        ref = self.ref(entries["claim"][1], "the claim of a restatement")
        carried = self.carries(entries)
        if ref is None or carried is None:
            return None
        aif, sadface = carried
        return ref if aif is sadface is None else Restatement(ref, aif, span=node.span,
                                                              sadface=sadface)  # fmt: skip

    def written_in_full(self, node: Node, place: str, name: str) -> tuple[
        tuple[Ref, ...], tuple[Ref | Objection, ...], str | None,
        tuple[Carried | None, Carried | None], dict[str, tuple[Scalar, Node]]] | None:  # fmt: skip
        """The keys a reason and an objection written in full share: their claims, the
        objections that undercut them, a note and carried data, and the entries for the
        rest; None if any is wrong (reported)."""
        entries = self.mapping(node, place, name)
        if entries is None or "claims" not in entries:
            return None
        claims = self.one_or_list(entries["claims"][1], f"'claims' of {name}", self.ref)
        objections: tuple[Ref | Objection, ...] | None = ()
        if "objections" in entries:
            objections = self.one_or_list(
                entries["objections"][1], f"'objections' of {name}", self.objection
            )
        note = self.optional_text(entries, "note", f"the note of {name}")
        carried = self.carries(entries, f" of {name}")
        if claims is None or objections is None or note is False or carried is None:
            return None
        return claims, objections, note or None, carried, entries

    def claim(
        self, node: Node, kind: Kind, place: str, what_kind: str, dashes: int | None = None
    ) -> Claim | None:
        """A claim of ``kind``; ``place`` is ``kind.value``, ``what_kind`` "a " + place;
        ``dashes`` the column of the dashes of the list it is an item of."""
        if isinstance(node, Scalar) and self.plain(node) and node.value.strip():
            message = f"{what_kind} must be a mapping, not text; {claim_for(node, self.syntax)}"
            self.error(node.span, "AM010", message)
            return None
        entries = self.mapping(node, place, what_kind, dashes=dashes)
        if entries is None:
            return None
        ok = all(map(entries.__contains__, REQUIRED[place]))
        spans = Spans.of(node, entries)  # type: ignore[arg-type]
        claim_id = None
        if "id" in entries:
            id_node = entries["id"][1]
            if isinstance(id_node, Scalar) and id_node.value.strip():
                claim_id = id_node.value
            elif isinstance(id_node, Scalar):
                self.error(id_node.span, "AM016", f"the id of {what_kind} is empty; "
                           f"{id_for(entries, self.syntax)}")  # fmt: skip
            else:
                self.error(id_node.span, "AM010", f"the id of {what_kind} must be text, "
                           f"not {describe(id_node)}")  # fmt: skip
        what = f"the text of {place} '{claim_id}'" if claim_id else f"the text of {what_kind}"
        text = self.text(entries["text"][1], what, MAX_CLAIM_TEXT) if "text" in entries else None
        quotes: tuple[Quote, ...] | None = ()
        if "quotes" in entries:
            quotes = self.one_or_list(entries["quotes"][1], "quotes", self.quote)
        objections: tuple[Ref | Objection, ...] | None = ()
        if "objections" in entries:
            objections = self.one_or_list(entries["objections"][1], "objections", self.objection)
        reasons: tuple[Reason, ...] | None = ()
        if "reasons" in entries:
            # An empty list is well-formed; the checks report a conclusion without reasons.
            reasons = self.one_or_list(
                entries["reasons"][1], "reasons", self.reason, may_be_empty=True
            )
        contradicts: tuple[Ref, ...] | None = ()
        if "contradicts" in entries:
            contradicts = self.one_or_list(entries["contradicts"][1], "contradicts", self.ref)
        restates: tuple[Ref | Restatement, ...] | None = ()
        if "restates" in entries:
            restates = self.one_or_list(entries["restates"][1], "restates", self.restatement)
        implicit = self.flag(entries["implicit"][1], "implicit") if "implicit" in entries else False
        thesis = self.flag(entries["thesis"][1], "thesis") if "thesis" in entries else False
        note = self.optional_text(entries, "note", "a note")
        url = self.optional_text(entries, "url", "a url")
        label = self.optional_text(entries, "label", "a label", MAX_LABEL)
        role = self.role(entries["role"][1]) if "role" in entries else None
        aif, sadface = self.carries(entries, " of a claim") or (None, None)  # reported, if wrong
        if (
            not ok
            or None in (claim_id, text, quotes, objections, reasons, contradicts, restates)
            or implicit is None
            or thesis is None
            or False in (note, url, label)
        ):
            return None
        return Claim(
            id=claim_id,  # type: ignore[arg-type]
            kind=kind,
            text=text,  # type: ignore[arg-type]
            quotes=quotes,  # type: ignore[arg-type]
            note=note or None,  # type: ignore[arg-type]
            url=url or None,  # type: ignore[arg-type]
            reasons=reasons,  # type: ignore[arg-type]
            objections=objections,  # type: ignore[arg-type]
            contradicts=contradicts,  # type: ignore[arg-type]
            implicit=implicit,
            role=role,
            restates=restates,  # type: ignore[arg-type]
            aif=aif,
            label=label or None,  # type: ignore[arg-type]
            thesis=thesis,
            sadface=sadface,
            spans=spans,
        )

    def lang(self, node: Node) -> str | None:
        """The map's language: a BCP 47 tag (``de``, ``pt-BR``)."""
        value = self.text(node, "'lang'", 35)
        if value is None or LANG_PATTERN.fullmatch(value):
            return value
        self.error(node.span, "AM010", f"'lang' must be a language tag such as en, de or pt-BR "
                   f"(BCP 47), not '{clip(value)}'")  # fmt: skip
        return None

    def source(self, node: Node) -> Source | None:
        if isinstance(node, Scalar) and self.plain(node) and node.value.strip():
            path = node.value.strip()
            written = (
                f"'{self.syntax.entry('source', {'path': path})}'"
                if self.syntax.json
                else f"'source:' and, under it, 'path: {path}'"
            )
            self.error(
                node.span, "AM010", f"source must be a mapping, not text; write it as {written}"
            )
            return None
        if isinstance(node, Sequence):
            self.error(node.span, "AM010", "source must be a mapping, not a list: a map quotes "
                       "one source text; to map several texts together (a debate's two cases), "
                       "put them in one file, one after the other, and give its path")  # fmt: skip
            return None
        entries = self.mapping(node, "source", "source")
        if entries is None:
            return None
        texts = [key for key in KEYS["source"] if key != "ignore"]
        fields: dict[str, object] = {
            key: self.optional_text(entries, key, f"source {key}") for key in texts
        }
        if "ignore" in entries:
            fields["ignore"] = self.one_or_list(
                entries["ignore"][1], "'ignore' of the source", self.line
            )
            if fields["ignore"] is None:
                return None
        if False in fields.values() or fields["path"] is None:
            return None
        spans = Spans.of(node, entries)  # type: ignore[arg-type]
        return Source(**fields, spans=spans)  # type: ignore[arg-type]

    def argument_map(self, root: Node) -> ArgumentMap | None:
        if not isinstance(root, Mapping):
            self.error(root.span, "AM008", f"the top level must be a mapping, not {describe(root)}")
            return None
        if self._newer(root):
            return None
        entries = self.mapping(root, "top", "the map")
        assert entries is not None
        version: str | None = None
        if "argmap" in entries:
            version_node = entries["argmap"][1]
            if isinstance(version_node, Scalar) and version_node.value.strip() == FORMAT_VERSION:
                version = FORMAT_VERSION
            else:
                shown = (
                    clip(version_node.value)
                    if isinstance(version_node, Scalar)
                    else describe(version_node)
                )
                self.error(
                    version_node.span,
                    "AM015",
                    f"unsupported format version '{shown}'; this argmap reads version "
                    f"{FORMAT_VERSION} (write '{self.syntax.entry('argmap', FORMAT_VERSION)}')",
                )
        title = (
            self.text(entries["title"][1], "the title", MAX_TITLE) if "title" in entries else None
        )
        note = self.optional_text(entries, "note", "the note of the map")
        lang = self.lang(entries["lang"][1]) if "lang" in entries else None
        source = self.source(entries["source"][1]) if "source" in entries else None
        aif, sadface = self.carries(entries, " of the map") or (None, None)  # reported, if wrong
        claims: list[Claim] = []
        for kind in Kind:
            if kind.section not in entries:
                continue
            section = entries[kind.section][1]
            if not isinstance(section, Sequence):
                self.error(
                    section.span,
                    "AM010",
                    f"'{kind.section}' must be a list, not {describe(section)}"
                    + claims_keyed(section, self.syntax),
                )
                continue
            place = kind.value
            what_kind = f"a {place}"
            for item in section.items:
                before = len(self.diagnostics)
                claim = self.claim(item, kind, place, what_kind, section.mark.column)
                if claim is not None:
                    claims.append(claim)
                elif self.partial:
                    self.drop(item, before)
        if self.partial:  # a draft: what reads well, the rest left out
            version, title = FORMAT_VERSION, os.path.basename(self.path) if title is None else title
            note = None if note is False else note
        if (self.diagnostics and not self.partial) or None in (version, title) or note is False:
            return None
        spans = Spans.of(root, entries)
        return ArgumentMap(
            title=title,
            claims=tuple(claims),
            source=source,
            note=note or None,  # type: ignore[arg-type]
            version=version,
            aif=aif,
            spans=spans,
            lang=lang,
            sadface=sadface,
        )

    def _newer(self, root: Mapping) -> bool:
        """Whether the map is of a format version newer than this argmap reads (an error,
        and nothing else is checked: its keys may be the newer format's)."""
        for key, value in root.pairs:
            if isinstance(key, Scalar) and key.value == "argmap" and isinstance(value, Scalar):
                number = value.value.strip().lstrip("0")  # digits only: no int() of 5,000
                if not (number.isascii() and number.isdigit()):
                    return False
                if (len(number), number) > (len(FORMAT_VERSION), FORMAT_VERSION):
                    self.error(
                        value.span,
                        "AM015",
                        f"the map is in format version {clip(number)}, newer than this argmap "
                        f"reads (version {FORMAT_VERSION}): update argmap to read it; its keys "
                        "are not checked",
                    )
                    return True
        return False


def load(data: bytes, path: str) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Read a map from the bytes of a file; ``path`` names it in diagnostics, and a path ending
    in ``.json`` reads it as JSON (argmap's own, as ``export json`` writes it).

    Returns the map, or None with the diagnostics (sorted) when the file is not a well-formed map.
    Consistency (references, cycles, quotes) is not checked here: see :mod:`argmap.checks`.
    """
    text, diagnostics = decode(data, path)
    if text is None:
        return None, diagnostics
    root, diagnostics = parse_json(text, path) if in_json(path) else parse(text, path)
    if root is None:
        return None, sorted(diagnostics)
    reader = _Reader(path)
    amap = reader.argument_map(root)
    return amap, sorted(reader.diagnostics)


def load_partial(data: bytes, path: str) -> tuple[ArgumentMap | None, int, Dropped]:
    """What a file that is not a well-formed map still says, to draw as a draft: the map of
    its claims that read well (a map missing its title is titled by ``path``), how many
    claims were left out, and the errors of each left out whose id reads, by id; None when
    there is no map to read (not text, not YAML, a top level that is no mapping, a newer
    format version)."""
    text, _ = decode(data, path)
    root = None
    if text is not None:
        root, _ = parse_json(text, path) if in_json(path) else parse(text, path)
    if root is None:
        return None, 0, {}
    reader = _Reader(path)
    reader.partial = True
    return reader.argument_map(root), reader.left_out, reader.dropped


def load_tree(root: Node, path: str) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Read a map from a tree of positioned nodes built elsewhere (e.g. from JSON)."""
    reader = _Reader(path)
    amap = reader.argument_map(root)
    return amap, sorted(reader.diagnostics)
