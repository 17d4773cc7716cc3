"""Names written wrong → their fixes: the id meant for an unknown id, or a premise to write
with it (AM103); the key meant for an unknown key (AM009); the source path meant for one that
names no file (AM109).

An id or key is changed without a person looking only when one name alone is close to it
(:func:`_unique`): two claims ``energy-1`` and ``energy-2`` leave ``energy-3`` to a person. A
source path is a guess from the files around (and from the folder argmap runs in), never safe.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from argmap.fix.context import Applicability, Context, Edit, Fix
from argmap.fix.scalars import rewrite
from argmap.model import Kind
from argmap.model.keys import ID_PATTERN, KEYS, MAX_ID
from argmap.project import meant, roots
from argmap.read.outline import Token, mapping_of
from argmap.read.syntax import JSON

#: Suggestions offered for an unknown id or key, at most (the first is preferred).
SUGGESTIONS = 3
#: How like a name another must be to be suggested, and to be the one meant, alone.
CUTOFF = 0.6
SAFE_RATIO = 0.8


def _unique(name: str, close: list[str]) -> bool:
    """Whether ``close`` (the names like ``name``, best first) holds one name alone, and a
    near one: safe to write without a person choosing."""
    ratio = difflib.SequenceMatcher(None, name, close[0]).ratio() if len(close) == 1 else 0.0
    return ratio >= SAFE_RATIO


def _changes(context: Context, token: Token, close: list[str], what: str) -> list[Fix]:
    safe = Applicability.SAFE if _unique(token.value, close) else Applicability.UNSAFE
    return [
        Fix(f"Change to '{name}'", (rewrite(context, token, name),),
            safe if n == 0 else Applicability.EDITOR, what, n == 0)
        for n, name in enumerate(close)
    ]  # fmt: skip


def unknown_id(context: Context, offset: int) -> list[Fix]:
    """An unknown id (AM103, at ``offset``) → the ids like it, and a premise with it."""
    token = context.token(offset)
    if token is None or token.key:
        return []
    ids = list(context.outline.ids())
    close = difflib.get_close_matches(token.value, ids, n=SUGGESTIONS, cutoff=CUTOFF)
    return _changes(context, token, close, "id") + _add_premise(context, token.value)


def _add_premise(context: Context, claim_id: str) -> list[Fix]:
    """A premise with the unknown id and an empty text (which the check then points at),
    after the last premise, laid out as it is; or a section of premises at the end. Nothing
    for an id that cannot be one, or a list of premises written ``[...]``."""
    if not ID_PATTERN.fullmatch(claim_id) or len(claim_id) > MAX_ID:
        return []
    body, newline = context.body, context.newline
    found = context.outline
    section = next((s for s in found.sections if s.kind is Kind.PREMISE), None)
    title = f"Add a premise '{claim_id}'"
    premise = JSON.value({"id": claim_id, "text": ""})  # in a JSON map

    def insert(at: int, text: str) -> list[Fix]:
        return [Fix(title, (Edit(at, at, text),), Applicability.EDITOR, "claim")]

    if section is None and context.syntax.json:
        end = body.rstrip().rfind("}")
        while end > 0 and body[end - 1].isspace():
            end -= 1
        text = f',{newline}  "premises": [{newline}    {premise}{newline}  ]'
        return insert(end, text) if end > 0 else []
    if section is None:
        end = len(body.rstrip())
        return insert(
            end, f"{newline}{newline}premises:{newline}  - id: {claim_id}{newline}    text: "
        )
    claims = [c for c in found.claims if section.key.start < c.start <= section.end]
    if not claims:
        return []
    last = claims[-1]
    line_start, _ = context.line_bounds(last.start)
    prefix = body[line_start : last.start]
    if context.syntax.json and last.flow:
        return insert(
            last.end, f",{newline}{prefix}{premise}" if not prefix.strip() else f", {premise}"
        )
    if prefix.strip() != "-":
        return []  # not an item of a block list
    # Its last scalar (or closing brace) ends it: a block mapping reaches on over the
    # comments and blank lines that follow it.
    ends = [t.end for t in found.tokens if last.start <= t.start < last.end]
    _, where = context.line_bounds(max([*ends, last.end if last.flow else last.start]))
    indent = " " * len(prefix)
    # A blank line before it if the premises are kept apart by one.
    apart = len(claims) > 1 and re.search(r"\n[ \t]*\r?\n", body[claims[-2].start : line_start])
    return insert(
        where, f"{newline * (2 if apart else 1)}{prefix}id: {claim_id}{newline}{indent}text: "
    )


def unknown_key(context: Context, offset: int) -> list[Fix]:
    """An unknown key (AM009, at ``offset``) → the keys of that mapping like it."""
    token = context.token(offset)
    place = mapping_of(token.path) if token is not None and token.key else None
    if token is None or place is None:
        return []
    close = difflib.get_close_matches(token.value, list(KEYS[place]), n=SUGGESTIONS, cutoff=CUTOFF)
    return _changes(context, token, close, "key")


def source_meant(context: Context, offset: int) -> list[Fix]:
    """A source path naming no file (AM109, at ``offset``) → the path it probably meant
    (:func:`argmap.project.meant`)."""
    token = context.token(offset)
    if token is None or token.key or context.path is None:
        return []
    if token.value != context.outline.source_path:  # a diagnostic of an older text
        return []
    near = Path(context.path).parent
    location = Path(os.path.normpath(near / token.value))
    path = meant(token.value, location, near, roots(context.path, context.source_root))
    if path is None:
        return []
    edit = rewrite(context, token, path)
    return [Fix(f"Change to '{path}'", (edit,), Applicability.UNSAFE, "source path", True)]


__all__ = ["CUTOFF", "SAFE_RATIO", "SUGGESTIONS", "source_meant", "unknown_id", "unknown_key"]
