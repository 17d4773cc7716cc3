"""A loaded map (+ its source text) → its consistency diagnostics, every check run in its stage."""

from __future__ import annotations

import os

# Each module of checks registers its own (registry.check): imported here, its checks run.
from argmap.checks import (  # noqa: F401
    comments,
    ids,
    logic,
    questions,
    quotes,
    references,
    restatements,
    structure,
    urls,
)
from argmap.checks.registry import BLOCKING, REGISTERED, Check, Context, Finding, Stage
from argmap.diagnostics import Diagnostic, Related
from argmap.model import ArgumentMap
from argmap.read.source import SourceText
from argmap.read.syntax import Syntax

#: Every check, in the order they run within a stage.
CHECKS: tuple[Check, ...] = tuple(REGISTERED)


def check(
    amap: ArgumentMap, path: str, source: SourceText | None = None, written: bytes | None = None
) -> list[Diagnostic]:
    """All consistency findings for a loaded map, as diagnostics of the file ``path``, sorted
    by position.

    ``source`` is the map's source text, read by the caller; without it quotes are not verified
    (the caller reports why the source is missing). ``written`` is the map's file as read, for
    messages that show how a line was written. The checks of a later :class:`Stage` run
    only when no earlier one found an error that would make them mislead (:data:`BLOCKING`).
    """
    context = Context(amap, source, written, Syntax.of(path))
    found: list[Diagnostic] = []
    for stage in Stage:
        if any(d.code in BLOCKING for d in found):
            break
        for run in CHECKS:
            if run.stage is stage:
                found.extend(_diagnostic(path, amap, finding) for finding in run(context))
    return sorted(found)


def _diagnostic(path: str, amap: ArgumentMap, finding: Finding) -> Diagnostic:
    """A finding as a diagnostic of the map file ``path``; its places in the source text at
    the source's path as the map's leads to it (``maps/../sources/a.txt`` is ``sources/a.txt``)."""
    related = ()
    if finding.in_source and amap.source is not None:
        where = os.path.normpath(os.path.join(os.path.dirname(path), amap.source.path))
        related = tuple(Related(where, span, said) for span, said in finding.in_source)
    return Diagnostic(path, finding.span, finding.code, finding.message, related)


__all__ = ["CHECKS", "check"]
