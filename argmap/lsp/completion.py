"""A cursor in a map → what may be written there: claim ids where a claim is named, the keys
the format allows in that mapping and the values of those that allow a few, and in
``quotes:`` the sentences of the source that hold the words typed so far; a reason's
``scheme:``, the schemes argmap asks critical questions of; an objection's ``question:``, the
questions of the schemes of the reasons it attacks."""

from __future__ import annotations

import re

from lsprotocol import types

from argmap.analysis.schemes import scheme_of, starting
from argmap.lsp.cursor import ITEM, PLACES, Place, in_text, mapping_of, place, sibling_keys
from argmap.lsp.document import Document
from argmap.lsp.passages import Sources
from argmap.model import Role
from argmap.model.keys import KEYS
from argmap.read.loader import load
from argmap.read.outline import Claim
from argmap.read.syntax import yaml_string
from argmap.schema import value_schema

#: Characters after which a client should ask again without the user asking.
TRIGGERS = ["[", ",", " ", '"']
#: Longest label shown for a sentence offered as a quote.
LABEL = 80

#: The values of a claim's keys that the format fixes.
VALUES = {"implicit": ("true", "false"), "thesis": ("true", "false"),
          "role": tuple(role.value for role in Role)}  # fmt: skip
_ID_CHARS = re.compile(r"[a-z0-9-]*")
_KEY_CHARS = re.compile(r"[A-Za-z_-]*")
_SCHEME_CHARS = re.compile(r"[^\n\r#]*")  # a scheme's name, to a comment or the line's end
_FLOW_SCHEME_CHARS = re.compile(r"[^\n\r#,\[\]{}]*")  # ... or the end of the value in braces
_LONE_CR = re.compile(r"\r(?!\n)")


def _lines(text: str) -> str:
    """``text`` with each line ending in a LF, for the cursor's reading of lines: a lone CR
    ends a line too (old Mac files), and is made a LF of the same length (offsets stay)."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def _kind(claim: Claim) -> str:
    return claim.kind.value + (", implicit" if claim.implicit else "")


def _listed(document: Document, where: Place, owner: Claim | None, offset: int) -> set[str]:
    """The ids already named in the list the cursor is in, when it is a claim's own list of
    reasons, objections, contradicts or restates, or a list inside one (a linked reason, the
    objections to a step): AM112 refuses an id twice in one list. The id under the cursor,
    being typed over, is left out of them."""
    if owner is None or len(where.path) < 4 or where.path[-1] != ITEM:
        return set()
    typing = document.outline.token_at(offset)
    mine = [ref.token for ref in document.outline.references if ref.owner is owner]
    if len(where.path) == 4:
        section, _, key, _ = where.path
        return {
            token.value
            for token in mine
            if token is not typing
            and len(token.path) == 4
            and token.path[0] == section
            and token.path[2] == key
        }
    if typing is not None and isinstance(typing.path[-1], int):
        inside = typing.path[:-1]  # the list the id being typed is an item of
    elif where.flow:  # after a comma in [...]: the list is the innermost one around the cursor
        start, end = max(
            ((s, e) for s, e in document.outline.collections.items() if s <= offset <= e),
            default=(0, -1),
        )
        items = [t for t in mine if start <= t.start < end and len(t.path) == len(where.path)]
        if not items:
            return set()
        inside = items[-1].path[:-1]
    else:
        return set()
    return {token.value for token in mine if token is not typing and token.path[:-1] == inside}


def _ruled_out(document: Document, where: Place, owner: Claim | None) -> set[str]:
    """The ids the check would refuse where the cursor is: as a reason of the claim, those it
    supports however far (a support cycle, AM105) and its objections; as an objection to
    it or to one of its steps, its reasons (both for and against, AM107). An objection to an
    objection defends the claim: nothing is ruled out there."""
    tail = where.path[2:]
    attacks = tail.count("objections")
    if owner is None or owner.id is None or not tail or attacks > 1:
        return set()
    references = document.outline.references
    if attacks == 1:
        return {
            ref.token.value for ref in references if ref.owner is owner and ref.role == "reason"
        }
    if tail[0] != "reasons":
        return set()
    supports: dict[str, set[str]] = {}  # claim id → the ids of the claims it is a reason of
    for ref in references:
        if ref.role == "reason" and ref.owner.id is not None:
            supports.setdefault(ref.token.value, set()).add(ref.owner.id.value)
    found: set[str] = set()
    todo = [owner.id.value]
    while todo:
        for target in supports.get(todo.pop(), ()):
            if target not in found:
                found.add(target)
                todo.append(target)
    # Its objections and those of its steps; not those answering them (which defend it).
    return found | {
        ref.token.value
        for ref in references
        if ref.owner is owner and ref.role == "objection"
        and ref.token.path.count("objections") == 1
    }  # fmt: skip


def _ids(document: Document, where: Place, offset: int) -> list[types.CompletionItem]:
    body = document.body
    start = where.start
    end = _ID_CHARS.match(body, offset).end()
    closing = ""
    opening = body[start : start + 1]
    if opening in ("'", '"') and start < offset:
        # An id typed in quotes: the id goes inside them (the client filters by what is
        # typed after the quote), and the quote is closed if the editor did not close it.
        start += 1
        if body[end : end + 1] != opening:
            closing = opening
    edit_range = document.range(start, end)
    owner = document.outline.claim_before(offset)
    own = owner.id.value if owner is not None and owner.id is not None else None
    left_out = _listed(document, where, owner, offset) | _ruled_out(document, where, owner)
    items = []
    for number, (claim_id, claim) in enumerate(document.outline.ids().items()):
        if claim_id == own or claim_id in left_out:
            continue  # a claim is no reason for itself, nor twice a reason, nor ...
        items.append(
            types.CompletionItem(
                label=claim_id,
                kind=types.CompletionItemKind.Reference,
                label_details=types.CompletionItemLabelDetails(description=_kind(claim)),
                detail=claim.text,
                sort_text=f"0{number:06d}",
                filter_text=claim_id,
                text_edit=types.TextEdit(edit_range, claim_id + closing),
            )
        )
    return items


def _keys(document: Document, where: Place, offset: int, lines: str) -> list[types.CompletionItem]:
    mapping = where.mapping()
    if mapping is None:
        return []
    body = document.body
    end = _KEY_CHARS.match(body, offset).end()
    _, line_end = document.line_bounds(offset)
    has_colon = body[end:line_end].lstrip().startswith(":")
    present = sibling_keys(lines, document.outline, offset, where.column)
    edit_range = document.range(where.start, end)
    items = []
    for number, (key, required) in enumerate(KEYS[mapping].items()):
        if key in present:
            continue
        items.append(
            types.CompletionItem(
                label=key,
                kind=types.CompletionItemKind.Property,
                detail=f"{'required' if required else 'optional'} key of {PLACES[mapping]}",
                documentation=(value_schema(mapping, key) or {}).get("description"),
                sort_text=f"1{number:06d}",
                filter_text=key,
                text_edit=types.TextEdit(edit_range, key if has_colon else key + ": "),
            )
        )
    return items


def _values(document: Document, where: Place, offset: int) -> list[types.CompletionItem]:
    """The values of a claim's key that allows only a few (true or false, a role)."""
    if where.claim_kind is None or len(where.path) != 3 or where.path[2] not in VALUES:
        return []
    end = _KEY_CHARS.match(document.body, offset).end()
    edit_range = document.range(where.start, end)
    space = _space(document, where)
    return [
        types.CompletionItem(
            label=value,
            kind=types.CompletionItemKind.EnumMember,
            detail=f"a value of '{where.path[2]}'",
            sort_text=f"2{number:06d}",
            filter_text=value,
            text_edit=types.TextEdit(edit_range, space + value),
        )
        for number, value in enumerate(VALUES[where.path[2]])
    ]


def _space(document: Document, where: Place) -> str:
    """A space to put before a value asked for right after its key's colon (``role:|``),
    which YAML would otherwise read as part of one plain text (``role:opponent``)."""
    return " " if where.start > 0 and document.body[where.start - 1] == ":" else ""


def _schemes(document: Document, where: Place, offset: int) -> list[types.CompletionItem]:
    """The argumentation schemes argmap asks questions of, as the value of a reason's
    ``scheme``; each with its questions."""
    if not where.path or where.path[-1] != "scheme" or mapping_of(where.path[:-1]) != "reason":
        return []
    chars = _FLOW_SCHEME_CHARS if where.flow else _SCHEME_CHARS
    rest = chars.match(document.body, offset).group()  # type: ignore[union-attr]
    end = offset + len(rest.rstrip())  # up to a comment, keeping the space before it
    edit_range = document.range(where.start, end)
    space = _space(document, where)
    typed = document.body[where.start : offset]  # what the editor filters the items by
    return [
        types.CompletionItem(
            label=scheme.name,
            kind=types.CompletionItemKind.EnumMember,
            detail="an argumentation scheme",
            documentation="\n".join(f"{n}. {q}" for n, q in enumerate(scheme.questions, 1)),
            sort_text=f"2{number:06d}",
            # a name typed as textbooks write it (Argument from Ex, Appeal to Au) keeps its item
            filter_text=typed if typed.strip("\"' ") else scheme.name,
            text_edit=types.TextEdit(edit_range, space + scheme.name),
        )
        for number, scheme in enumerate(starting(typed.strip("\"'")))
    ]


def _questions(document: Document, where: Place, offset: int) -> list[types.CompletionItem]:
    """The critical questions an objection may raise (``question: 4``): those of the scheme of
    each reason it attacks, as the map reads with a number where the cursor is."""
    path = where.path[:-1] if where.path[-1:] == (ITEM,) else where.path
    if path[-1:] != ("question",) or mapping_of(path[:-1]) != "objection":
        return []
    rest = _ID_CHARS.match(document.body, offset).group()  # type: ignore[union-attr]
    end = offset + len(rest)
    body = document.body
    trial = Document(document.uri, body[: where.start] + "1" + body[end:], None)
    amap = load(trial.body.encode("utf-8"), document.path)[0]  # its shape only: no checks
    reasons = trial.questioned(amap, where.start) if amap is not None else None
    if reasons is None:
        return []
    edit_range = document.range(where.start, end)
    space = _space(document, where)
    items: dict[int, types.CompletionItem] = {}
    for reason in reasons:
        scheme = scheme_of(reason.scheme or "")
        for number, question in enumerate(scheme.questions if scheme else (), 1):
            items.setdefault(number, types.CompletionItem(
                label=str(number),
                kind=types.CompletionItemKind.EnumMember,
                detail=f"{scheme.name}: {question}",  # type: ignore[union-attr]
                documentation=question,
                sort_text=f"{number:06d}",
                text_edit=types.TextEdit(edit_range, space + str(number)),
            ))  # fmt: skip
    return [items[number] for number in sorted(items)]


def _quotes(
    document: Document, where: Place, offset: int, sources: Sources
) -> list[types.CompletionItem]:
    read = sources.for_map(document.path, document.outline.source_path)
    if read is None:
        return []
    source = read[1]
    typed = where.typed
    opening = typed[:1] if typed[:1] in ("'", '"') else ""
    end = offset
    if opening and document.body[offset : offset + 1] == opening:
        end += 1  # the closing quote the editor typed for the user
    edit_range = document.range(where.start, end)
    owner = document.outline.claim_before(offset)
    quoted = {token.value for token in owner.quotes} if owner is not None else set()
    items = []
    for rank, found in enumerate(source.matching(typed[len(opening) :])):
        sentence = found.sentence
        if sentence.text in quoted:
            continue
        quoted.add(sentence.text)  # a sentence the source repeats: once, the best placed
        label = sentence.text if len(sentence.text) <= LABEL else sentence.text[: LABEL - 1] + "…"
        items.append(
            types.CompletionItem(
                label=label,
                kind=types.CompletionItemKind.Text,
                detail=f"source line {sentence.line}",
                documentation=sentence.text,
                sort_text=f"{rank:06d}",
                filter_text=typed,
                text_edit=types.TextEdit(edit_range, yaml_string(sentence.text)),
            )
        )
    return items


def complete(
    document: Document, position: types.Position, sources: Sources
) -> types.CompletionList:
    """What may be written at ``position``."""
    offset = document.offset(position)
    lines = _lines(document.body)
    if in_text(lines, document.outline, offset):
        return types.CompletionList(is_incomplete=False, items=[])
    where = place(lines, document.outline, offset)
    items: list[types.CompletionItem] = []
    schemes: list[types.CompletionItem] = []
    if where.in_quotes():
        items = _quotes(document, where, offset, sources)
        return types.CompletionList(is_incomplete=True, items=items)
    if where.expects_id():
        items += _ids(document, where, offset)
    if where.key:
        items += _keys(document, where, offset, lines)
    else:
        schemes = _schemes(document, where, offset)  # filtered here: asked again as typed
        items += _values(document, where, offset) + schemes
    items += _questions(document, where, offset)  # also as a list's item, where keys may go
    return types.CompletionList(is_incomplete=bool(schemes), items=items)
