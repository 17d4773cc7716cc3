"""ArgumentMap ↔ argmap's canonical JSON: the YAML format's data, with one spelling for each thing.

The JSON has the keys of the YAML format, in the order ``argmap dump`` writes them, with the
short forms spelled out: ``argmap`` is the string ``"1"``; ``quotes``, ``contradicts`` and
lists of ids are always arrays; every reason and every objection is an object with a
``claims`` array (and ``question``, ``objections``, ``note``, ``scheme``, ``aif`` and
``sadface`` when it has them), every restatement an object with its ``claim`` (and ``aif``,
``sadface``); ``reasons`` is present on
every conclusion and recommendation; absent optional keys are left out, never ``null``; flags
are JSON booleans. Text is UTF-8, indented by two spaces, one key per line, keys in a fixed
order, U+2028 and U+2029 escaped, a newline at the end: the same map always gives the same
bytes, and reading them back gives the same map.
"""

from __future__ import annotations

import enum
import json
import re
from typing import Any

from argmap.diagnostics import Diagnostic, MapError, Span
from argmap.formats.base import Exported, Imported
from argmap.formats.yaml import dump
from argmap.model import ArgumentMap, Carried, Claim, Link, Quote, Ref, Relation, Restatement, walk
from argmap.model.keys import KEYS
from argmap.read.jsontree import parse
from argmap.read.loader import load_tree
from argmap.read.yamltree import MAX_DEPTH, decode
from argmap.read.yamltree import parse as parse_yaml

_FIRST = ("id", "text")
_LAST = ("reasons", "objections", "contradicts", "restates", "aif", "sadface")


def _value(value: object) -> object:
    """A model field as JSON: text, a flag, a choice, carried data, or a list of ids, texts,
    quotes or restatements."""
    if isinstance(value, tuple):
        return [_value(item) for item in value]
    if isinstance(value, Ref):
        return value.id
    if isinstance(value, Quote):
        return value.text
    if isinstance(value, Carried):
        return value.value
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _restatement(item: Ref | Restatement) -> dict[str, Any]:
    if isinstance(item, Ref):
        return {"claim": item.id}
    out: dict[str, Any] = {"claim": item.claim.id}
    return out | _carried(item)


def _carried(item: Relation | Restatement) -> dict[str, Any]:
    """The data a relation carries for AIF and SADFace, by key."""
    pairs = (("aif", item.aif), ("sadface", item.sadface))
    return {key: value.value for key, value in pairs if value is not None}


def _present(value: object) -> bool:
    return value not in (None, (), False)


def steps(claim: Claim) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A claim's reasons and its objections as canonical JSON data: each an object with its
    ``claims``, and ``question``, ``objections`` (objects again), ``note``, ``scheme`` and
    ``aif`` when it has them."""
    reasons: list[dict[str, Any]] = []
    rebuttals: list[dict[str, Any]] = []
    made: dict[Relation, dict[str, Any]] = {}
    for relation in walk(claim):
        if relation.link is Link.CONTRADICT or relation.link is Link.RESTATE:
            continue
        out: dict[str, Any] = {"claims": [ref.id for ref in relation.claims]}
        if relation.question:
            out["question"] = list(relation.question)
        if relation.objections:
            out["objections"] = []
        if relation.note is not None:
            out["note"] = relation.note
        if relation.scheme is not None:
            out["scheme"] = relation.scheme
        out.update(_carried(relation))
        made[relation] = out
        if relation.on is not None:
            made[relation.on]["objections"].append(out)
        else:
            (reasons if relation.link is Link.SUPPORT else rebuttals).append(out)
    return reasons, rebuttals


def claim_document(claim: Claim) -> dict[str, Any]:
    """One claim as canonical JSON data."""
    keys = KEYS[claim.kind.value]
    out: dict[str, Any] = {"id": claim.id, "text": claim.text}
    for key in [k for k in keys if k not in _FIRST + _LAST]:
        value = getattr(claim, key, None)
        if _present(value):
            out[key] = _value(value)
    reasons, rebuttals = steps(claim)
    if claim.kind.takes_reasons:
        out["reasons"] = reasons
    if rebuttals:
        out["objections"] = rebuttals
    for key in _LAST[2:]:
        value = getattr(claim, key, None)
        if key in keys and _present(value):
            out[key] = [_restatement(r) for r in claim.restates] if key == "restates" else (
                _value(value))  # fmt: skip
    return out


def document(amap: ArgumentMap) -> dict[str, Any]:
    """The whole map as canonical JSON data (dicts, lists, strings, booleans)."""
    out: dict[str, Any] = {"argmap": amap.version, "title": amap.title}
    if amap.lang is not None:
        out["lang"] = amap.lang
    if amap.note is not None:
        out["note"] = amap.note
    if amap.source is not None:
        source = {key: getattr(amap.source, key, None) for key in KEYS["source"]}
        out["source"] = {key: _value(value) for key, value in source.items() if _present(value)}
    for claim in amap.claims:
        out.setdefault(claim.kind.section, []).append(claim_document(claim))
    for key, carried in (("aif", amap.aif), ("sadface", amap.sadface)):
        if carried is not None:
            out[key] = carried.value
    order = ["argmap", "title", "lang", "note", "source", *(key for key in KEYS["top"])]
    return {key: out[key] for key in dict.fromkeys(order) if key in out}


def dumps(data: object) -> str:
    """Canonical JSON text of JSON data."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"


def write(amap: ArgumentMap) -> Exported:
    """The map as canonical JSON; it holds everything."""
    return Exported(dumps(document(amap)))


def loads(text: str, path: str) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Read a map from canonical (or any equivalent) JSON text, with positioned diagnostics
    exactly as for YAML: the same checks of shape, the same codes."""
    root, problems = parse(text, path)
    if root is None:
        return None, problems
    return load_tree(root, path)


def from_document(data: object, path: str) -> tuple[ArgumentMap | None, list[Diagnostic]]:
    """Read a map from JSON data (dicts, lists, strings, numbers, booleans, None), e.g. built
    by an importer, through the loader's checks of shape. Positions are those of the
    canonical JSON text of the data."""
    return loads(dumps(data), path)


def read(data: bytes, *, path: str) -> Imported:
    """A map from the bytes of a JSON file, ``path`` naming it in diagnostics.

    Raises:
        MapError: The file is not UTF-8, not JSON, or not a map (its diagnostics say where).
    """
    text, problems = decode(data, path)
    amap, problems = (None, problems) if text is None else loads(text, path)
    if amap is None:
        raise MapError(problems)
    _refuse_too_deep(amap, path)
    return Imported(amap)


def _refuse_too_deep(amap: ArgumentMap, path: str) -> None:
    """A MapError (AM013, at the claim) when the map file written of ``amap`` would nest
    deeper than YAML may (JSON may nest twice as deep, so short forms spelled out fit)."""
    written = dump(amap)
    _, problems = parse_yaml(written, path)
    deep = next((problem for problem in problems if problem.code == "AM013"), None)
    if deep is None:
        return
    above = written.split("\n")[: deep.span.line]
    ids = [found.group(1) for line in above if (found := re.match(r"  - id: (\S+)$", line))]
    claim = amap.by_id().get(ids[-1]) if ids else None
    what = f"claim '{claim.id}'" if claim is not None else "the map"
    problem = (f"{what} nests deeper than a map file can hold ({MAX_DEPTH} levels, in YAML); "
               "write its objections less deep")  # fmt: skip
    raise MapError([Diagnostic(path, claim.where() if claim else Span(1, 1), "AM013", problem)])
