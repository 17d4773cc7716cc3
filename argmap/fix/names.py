"""Names written wrong → their fixes: the id meant for an unknown id, or a premise to write
with it (AM103); the key meant for an unknown key (AM009); the source path meant for one that
names no file (AM109), or that an escape in double quotes broke (AM012, AM109).

An id or key is changed without a person looking only when one name is close to it and far
closer than any other (:func:`_unique`): two claims ``energy-1`` and ``energy-2`` leave
``energy-3`` to a person. A source path found among the files around (and in the folder
argmap runs in) is a guess, never safe; one written as Windows reads it (``..\\texts``, or
as typed before YAML read its backslashes as escapes) is what the map says, and safe.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from argmap.fix.context import Applicability, Context, Edit, Fix
from argmap.fix.scalars import rewrite
from argmap.meant import cased, meant, slashed
from argmap.model import Kind
from argmap.model.keys import ID_PATTERN, KEYS, MAX_ID
from argmap.project import roots
from argmap.read.escapes import unescaped
from argmap.read.outline import Token, mapping_of
from argmap.read.suggest import Names, Orphans
from argmap.read.syntax import JSON
from argmap.sources import holding

#: Suggestions offered for an unknown id or key, at most (the first is preferred).
SUGGESTIONS = 3
#: How like a name another must be to be suggested, and to be the one meant, alone.
CUTOFF = 0.6
SAFE_RATIO = 0.8
#: How far ahead of the next name the one meant must be, to be changed without a person.
LEAD = 0.2


def _unique(name: str, close: list[str]) -> bool:
    """Whether the best of ``close`` (the names like ``name``, best first) is near (``SAFE_RATIO``
    alike) and no other comes within ``LEAD`` of it: safe to write without a person choosing.
    ``quotes`` for ``qoutes`` (83% alike; ``note`` 60%), not ``energy-2`` for ``energy-3``
    (``energy-1`` as near)."""
    ratios = [difflib.SequenceMatcher(None, name, other).ratio() for other in close[:2]]
    return (
        bool(ratios)
        and ratios[0] >= SAFE_RATIO
        and (len(ratios) == 1 or ratios[0] - ratios[1] >= LEAD)
    )


def _safe(name: str, close: list[str]) -> Applicability:
    return Applicability.SAFE if _unique(name, close) else Applicability.UNSAFE


def _changes(
    context: Context, token: Token, close: list[str], what: str, first: Applicability
) -> list[Fix]:
    """A fix to each of ``close``: the first ``first`` and preferred (unless for an editor
    alone, as when two are about as good), the rest for an editor."""
    return [
        Fix(f"Change to '{name}'", (rewrite(context, token, name),),
            first if n == 0 else Applicability.EDITOR, what,
            n == 0 and first is not Applicability.EDITOR)
        for n, name in enumerate(close)
    ]  # fmt: skip


def unknown_id(context: Context, offset: int) -> list[Fix]:
    """An unknown id (AM103, at ``offset``) → the ids like it, and a premise with it. The one
    ``argmap check`` names first (:meth:`argmap.read.suggest.Names.meant`): what a rename left
    (a claim nothing names, whose id holds the unknown one's words) is a guess, an unsafe fix;
    of two about as good, neither is made without a person."""
    token = context.token(offset)
    if token is None or token.key:
        return []
    ids = list(context.outline.ids())
    named = {ref.token.value for ref in context.outline.references}
    meant = Names(ids).meant(token.value, Orphans(i for i in ids if i not in named))
    close = difflib.get_close_matches(token.value, ids, n=SUGGESTIONS, cutoff=CUTOFF)
    if len(meant) != 1:
        first = Applicability.EDITOR  # none close, or two about as good: a person's choice
    elif meant != close[:1]:
        first = Applicability.UNSAFE  # what a rename left
    else:
        first = _safe(token.value, close)
    ordered = [*meant, *(name for name in close if name not in meant)][:SUGGESTIONS]
    return _changes(context, token, ordered, "id", first) + _add_premise(context, token.value)


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
    return _changes(context, token, close, "key", _safe(token.value, close))


def source_meant(context: Context, offset: int) -> list[Fix]:
    """A source path naming no file (AM109, at ``offset``) → the path it probably meant
    (:func:`argmap.meant.meant`: the one ``argmap check`` names, the map's quotes telling
    files alike apart), inside the map's project or its source root; a Windows path
    (``..\\texts\\a.txt``) written with '/', or a path in the case of the names of its
    one file (``Texts/A.txt``), is no guess but what Windows reads the map as, and safe."""
    token = context.token(offset)
    if token is None or token.key or context.path is None:
        return []
    if token.value != context.outline.source_path:  # a diagnostic of an older text
        return []
    typed = escaped_path(context, offset)
    if typed:
        return typed
    near = Path(context.path).parent
    location = Path(os.path.normpath(near / token.value))
    quotes = [t.value for t in context.outline.tokens if "quotes" in t.path and not t.key]
    folders = roots(context.path, context.source_root)
    same = slashed(token.value, near, folders) or cased(token.value, near, folders)
    if same is not None:  # the path Windows reads: what the map says, written for all
        edit = rewrite(context, token, same)
        return [Fix(f"Change to '{same}'", (edit,), Applicability.SAFE, "source path", True)]
    path = meant(token.value, location, near, folders, holding(quotes))
    if path is None:
        return []
    edit = rewrite(context, token, path)
    return [Fix(f"Change to '{path}'", (edit,), Applicability.UNSAFE, "source path", True)]


def escaped_path(context: Context, offset: int) -> list[Fix]:
    """A source path in double quotes that an escape broke (AM012, AM109 at ``offset``:
    ``"..\\texts\\article.txt"``, its ``\\t`` read as a tab, its ``\\a`` as a bell) → the
    path as typed, each backslash a backslash, written with '/' when that names a file
    argmap reads. What the person typed, as Windows reads it: no guess, and safe."""
    token = context.token(offset)
    if token is None or token.key or context.path is None:
        return []
    if token.value != context.outline.source_path:  # not the source path, or an older text
        return []
    typed = unescaped(token.value, context.syntax.json)
    if typed is None:
        return []
    near = Path(context.path).parent
    same = slashed(typed, near, roots(context.path, context.source_root))
    if same is None:
        return []
    edit = rewrite(context, token, same)
    return [Fix(f"Change to '{same}'", (edit,), Applicability.SAFE, "source path", True)]


__all__ = [
    "CUTOFF",
    "LEAD",
    "SAFE_RATIO",
    "SUGGESTIONS",
    "escaped_path",
    "source_meant",
    "unknown_id",
    "unknown_key",
]
