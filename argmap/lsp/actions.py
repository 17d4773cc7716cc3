"""Diagnostics at the cursor → the edits that fix them: the id or key that was meant (AM103,
AM009), a premise to write for an unknown id (AM103), ``implicit: true`` or the closest
passage of the source as a quote (AM204), the closest passage in place of a quote that is
not in the source (AM110), and the source path that was meant (AM109).

Each fix is worked out from the map as it is now (its outline and source), not from a
diagnostic's message.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from lsprotocol import types

from argmap.lsp.completion import yaml_string
from argmap.lsp.cursor import mapping_of
from argmap.lsp.diagnostics import SOURCE
from argmap.lsp.document import Document
from argmap.lsp.outline import Claim, Token
from argmap.lsp.passages import Ranked, Source, Sources
from argmap.model import Kind
from argmap.model.keys import ID_PATTERN, KEYS, MAX_ID
from argmap.project import meant, roots
from argmap.read.passages import Passage
from argmap.read.syntax import JSON, YAML, Syntax

#: Suggestions offered for an unknown id or key, at most (the first is preferred).
SUGGESTIONS = 3
#: How much of a claim's text the closest passage must cover to be offered as its quote.
MIN_SIMILARITY = 0.3


def _edit(
    document: Document, title: str, start: int, end: int, text: str, problem: types.Diagnostic,
    preferred: bool = False,
) -> types.CodeAction:  # fmt: skip
    change = types.TextEdit(document.range(start, end), text)
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[problem],
        is_preferred=preferred or None,
        edit=types.WorkspaceEdit(changes={document.uri: [change]}),
    )


def _written(token: Token, value: str) -> str:
    """``value`` to write in place of ``token``: as it is where the token is plain YAML, quoted
    where the token is quoted (and in a JSON map, where every string is)."""
    return value if token.plain else yaml_string(value)


def _token(document: Document, problem: types.Diagnostic) -> Token | None:
    """The scalar the diagnostic is about (the one starting where it starts)."""
    offset = document.offset(problem.range.start)
    token = document.outline.token_at(offset)
    return token if token is not None and token.start == offset else None


def _unknown_id(document: Document, problem: types.Diagnostic) -> list[types.CodeAction]:
    token = _token(document, problem)
    if token is None or token.key:
        return []
    ids = list(document.outline.ids())
    close = difflib.get_close_matches(token.value, ids, n=SUGGESTIONS, cutoff=0.6)
    return [
        _edit(document, f"Change to '{name}'", token.start, token.end, _written(token, name),
              problem, n == 0)
        for n, name in enumerate(close)
    ] + _add_premise(document, token.value, problem)  # fmt: skip


def _add_premise(
    document: Document, claim_id: str, problem: types.Diagnostic
) -> list[types.CodeAction]:
    """A premise with the unknown id and an empty text (which the check then points at),
    after the last premise, laid out as it is; or a section of premises at the end. Nothing
    for an id that cannot be one, or a list of premises written ``[...]``."""
    if not ID_PATTERN.fullmatch(claim_id) or len(claim_id) > MAX_ID:
        return []
    body, newline = document.body, _newline(document)
    found = document.outline
    section = next((s for s in found.sections if s.kind is Kind.PREMISE), None)
    title = f"Add a premise '{claim_id}'"
    premise = JSON.value({"id": claim_id, "text": ""})  # in a JSON map
    if section is None and _syntax(document).json:
        end = body.rstrip().rfind("}")
        while end > 0 and body[end - 1].isspace():
            end -= 1
        text = f',{newline}  "premises": [{newline}    {premise}{newline}  ]'
        return [_edit(document, title, end, end, text, problem)] if end > 0 else []
    if section is None:
        end = len(body.rstrip())
        text = f"{newline}{newline}premises:{newline}  - id: {claim_id}{newline}    text: "
        return [_edit(document, title, end, end, text, problem)]
    claims = [c for c in found.claims if section.key.start < c.start <= section.end]
    if not claims:
        return []
    last = claims[-1]
    line_start, _ = document.line_bounds(last.start)
    prefix = body[line_start : last.start]
    if _syntax(document).json and last.flow:
        text = f",{newline}{prefix}{premise}" if not prefix.strip() else f", {premise}"
        return [_edit(document, title, last.end, last.end, text, problem)]
    if prefix.strip() != "-":
        return []  # not an item of a block list
    # Its last scalar (or closing brace) ends it: a block mapping reaches on over the
    # comments and blank lines that follow it.
    ends = [t.end for t in found.tokens if last.start <= t.start < last.end]
    _, where = document.line_bounds(max([*ends, last.end if last.flow else last.start]))
    indent = " " * len(prefix)
    # A blank line before it if the premises are kept apart by one.
    apart = len(claims) > 1 and re.search(r"\n[ \t]*\r?\n", body[claims[-2].start : line_start])
    text = f"{newline * (2 if apart else 1)}{prefix}id: {claim_id}{newline}{indent}text: "
    return [_edit(document, title, where, where, text, problem)]


def _unknown_key(document: Document, problem: types.Diagnostic) -> list[types.CodeAction]:
    token = _token(document, problem)
    place = mapping_of(token.path) if token is not None and token.key else None
    if token is None or place is None:
        return []
    close = difflib.get_close_matches(token.value, list(KEYS[place]), n=SUGGESTIONS, cutoff=0.6)
    return [
        _edit(document, f"Change to '{name}'", token.start, token.end, _written(token, name),
              problem, n == 0)
        for n, name in enumerate(close)
    ]  # fmt: skip


def _passage_text(source: Source, found: Passage) -> str:
    """The source's words a passage spans, on one line, as a quote takes them."""
    return " ".join(source.text[found.start : found.end].split())


def _closest_quote(
    document: Document, problem: types.Diagnostic, sources: Sources
) -> list[types.CodeAction]:
    token = _token(document, problem)
    read = sources.for_map(document.path, document.outline.source_path)
    if token is None or read is None:
        return []
    source = read[1]
    missing = source.missing_part(token.value)
    if missing is not None:  # replace only the part argmap check names, if then found
        if missing.passage is None:
            return []
        found = missing.passage
        quote = token.value
        part = _passage_text(source, found)
        whole = quote[: missing.start] + part + quote[missing.end :]
        if not source.searchable.contains(whole):
            return []
        title = f"Replace its {missing.what} {missing.number} by the closest passage"
        title += f" (line {found.line})"
        return [_edit(document, title, token.start, token.end, yaml_string(whole), problem, True)]
    found = source.closest_quote(token.value)
    if found is None:
        return []
    passage = _passage_text(source, found)
    how = ", reworded" if found.reworded else ""
    title = f"Replace the quote by the closest passage{how} (line {found.line})"
    return [_edit(document, title, token.start, token.end, yaml_string(passage), problem, True)]


def _source_meant(document: Document, problem: types.Diagnostic) -> list[types.CodeAction]:
    """The path a source path that names no file probably meant (:func:`argmap.project.meant`)."""
    token = _token(document, problem)
    if token is None or token.key or document.path is None:
        return []
    if token.value != document.outline.source_path:  # a diagnostic of an older text
        return []
    near = Path(document.path).parent
    location = Path(os.path.normpath(near / token.value))
    path = meant(token.value, location, near, roots(document.path, None))
    if path is None:
        return []
    return [_edit(document, f"Change to '{path}'", token.start, token.end, yaml_string(path),
                  problem, True)]  # fmt: skip


def _claim_at(document: Document, problem: types.Diagnostic) -> Claim | None:
    token = _token(document, problem)
    for claim in document.outline.claims:
        if claim.id is not None and claim.id is token:
            return claim
    return None


def _syntax(document: Document) -> Syntax:
    """The map's syntax, which every fix writes: JSON in a ``.json`` map, else YAML."""
    return YAML if document.path is None else Syntax.of(str(document.path))


def _newline(document: Document) -> str:
    return "\r\n" if "\r\n" in document.body else "\n"


def _add_entry(document: Document, claim: Claim, block: list[str], flow: str) -> tuple[int, str]:
    """Where and what to insert to add an entry to a claim: the lines ``block`` (``key:
    value`` first, then its indented continuation) after its text (or its id), or ``flow``
    before the closing brace of a claim written as ``{...}``."""
    body = document.body
    if claim.flow and _syntax(document).json:  # after its last value, on its own line if it has
        end = body.rfind("}", claim.start, claim.end)
        while end > claim.start and body[end - 1].isspace():
            end -= 1
        first = next(iter(claim.keys.values()))
        line_start, _ = document.line_bounds(first.start)
        on_lines = "\n" in body[claim.start : first.start]
        indent = _newline(document) + " " * (first.start - line_start) if on_lines else " "
        return end, "," + indent + flow
    if claim.flow:
        return body.rfind("}", claim.start, claim.end), ", " + flow
    key = claim.keys.get("id") or next(iter(claim.keys.values()))
    line_start, _ = document.line_bounds(key.start)
    indent = " " * (key.start - line_start)
    after = claim.text_end if "text" in claim.keys and claim.text_end is not None else None
    if after is None:
        after = claim.id.end if claim.id is not None else key.end
    while after > key.start and body[after - 1].isspace():
        after -= 1
    _, line_end = document.line_bounds(after)
    newline = _newline(document)
    return line_end, "".join(newline + indent + line for line in block)


def _mark_implicit(document: Document, claim: Claim, problem: types.Diagnostic) -> types.CodeAction:
    flow = _syntax(document).entry("implicit", True)
    where, text = _add_entry(document, claim, ["implicit: true"], flow)
    name = claim.id.value if claim.id is not None else "the claim"
    return _edit(document, f"Mark '{name}' implicit", where, where, text, problem)


def _quote_passage(
    document: Document, claim: Claim, problem: types.Diagnostic, found: Ranked
) -> types.CodeAction:
    quote = yaml_string(found.sentence.text)
    flow = f"{_syntax(document).value('quotes')}: [{quote}]"
    where, text = _add_entry(document, claim, ["quotes:", "  - " + quote], flow)
    title = f"Quote the closest passage (line {found.sentence.line})"
    return _edit(document, title, where, where, text, problem)


def _unquoted(
    document: Document, problem: types.Diagnostic, sources: Sources
) -> list[types.CodeAction]:
    claim = _claim_at(document, problem)
    if claim is None or "implicit" in claim.keys or "quotes" in claim.keys:
        return []
    fixes = [_mark_implicit(document, claim, problem)]
    read = sources.for_map(document.path, document.outline.source_path)
    found = read[1].closest(claim.text) if read is not None and claim.text else None
    if found is not None and found.score >= MIN_SIMILARITY:
        fixes.append(_quote_passage(document, claim, problem, found))
    return fixes


def wanted(context: types.CodeActionContext, kind: str) -> bool:
    """Whether the client asks for code actions of ``kind``: when it names kinds, those (and
    their sub-kinds); otherwise every kind, but source actions only when the user asked.
    VS Code asks on its own at every move of the cursor, for its light bulb, which shows no
    source actions; laying out a map of 1,000 claims for each takes a tenth of a second."""
    if context.only:
        return any(kind == only or kind.startswith(f"{only}.") for only in context.only)
    automatic = context.trigger_kind == types.CodeActionTriggerKind.Automatic
    return not (automatic and kind == types.CodeActionKind.Source)


def actions(
    document: Document, problems: list[types.Diagnostic], sources: Sources
) -> list[types.CodeAction]:
    """The fixes for those of ``problems`` (the diagnostics at the cursor, as the client sends
    them) that argmap reported and knows how to fix."""
    found: list[types.CodeAction] = []
    for problem in problems:
        if problem.source != SOURCE:
            continue
        if problem.code == "AM103":
            found += _unknown_id(document, problem)
        elif problem.code == "AM009":
            found += _unknown_key(document, problem)
        elif problem.code == "AM110":
            found += _closest_quote(document, problem, sources)
        elif problem.code == "AM204":
            found += _unquoted(document, problem, sources)
        elif problem.code == "AM109":
            found += _source_meant(document, problem)
    return found
