"""The results of ``check``, ``eval``, ``coverage`` and ``questions`` as the JSON objects their
``--output-format json`` prints, for programs: the command line prints these, and a script or
a notebook builds the same from Python (a row a map for pandas, say).

Each object starts with what it is: ``format``, the command that wrote it (``argmap-eval``),
and ``version``, the version of its shape (:data:`RESULT_VERSION`; not argmap's version). The
version changes only when a key is removed or renamed, or its value changes type or meaning;
a key added keeps it (a program should pass over keys it does not know). argmap ships a JSON
Schema of each (``argmap/schemas/COMMAND.schema.json``, :func:`result_schema`, printed by
``argmap schema COMMAND``), which describes exactly what this argmap writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from argmap.analysis.coverage import Coverage
from argmap.analysis.evaluate import Evaluation, Status, evaluate
from argmap.analysis.explain import explain
from argmap.analysis.preferred import Preferred, Verdict, preferred
from argmap.analysis.questions import Asked, Questions
from argmap.analysis.readings import where
from argmap.analysis.sides import debated, side_of
from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap, Role

#: The version of the shape of the JSON of ``check``, ``eval``, ``coverage``, ``questions`` and
#: ``compare``.
RESULT_VERSION = 1

#: The commands whose ``--output-format json`` has a shipped schema.
RESULT_COMMANDS = ("check", "eval", "coverage", "questions", "compare")

#: Where the schemas are: beside this module, as the font is (importlib.resources would add
#: some 10 ms to every ``argmap check``, which prints its results through this module).
SCHEMAS = Path(__file__).resolve().parent / "schemas"

#: Why a map has no figures (``skipped``'s ``reason``): the file cannot be read; the map has
#: errors that leave no map to read; (coverage) it names no source; (coverage) its source
#: cannot be read, or its page not written; (eval, preferred) past the search's cap.
REASONS = ("unreadable", "errors", "no source", "failed", "too hard")


def stamped(command: str, found: dict[str, object]) -> dict[str, object]:
    """``found``, one object of ``command``'s JSON, with what it is first.

    >>> stamped("eval", {"path": "m.yaml", "claims": None})
    {'format': 'argmap-eval', 'version': 1, 'path': 'm.yaml', 'claims': None}
    """
    return {"format": f"argmap-{command}", "version": RESULT_VERSION, **found}


def result_schema(command: str) -> str:
    """The JSON Schema (draft-07) of ``command``'s JSON, as the package ships it."""
    if command not in RESULT_COMMANDS:
        raise ValueError(f"no schema of the JSON of {command!r}")
    return (SCHEMAS / f"{command}.schema.json").read_text("utf-8")


def diagnostic_result(diagnostic: Diagnostic) -> dict[str, object]:
    """A problem as ``argmap check --output-format json`` prints it.

    >>> from argmap.diagnostics import Span
    >>> diagnostic_result(Diagnostic("m.yaml", Span(3, 9), "AM103", "reason 'x' is no claim"))
    ... # doctest: +NORMALIZE_WHITESPACE
    {'format': 'argmap-check', 'version': 1, 'path': 'm.yaml', 'line': 3, 'column': 9,
     'severity': 'error', 'code': 'AM103', 'message': "reason 'x' is no claim"}
    """
    d = diagnostic
    return stamped("check", {"path": d.path, "line": d.span.line, "column": d.span.column,
                             "severity": d.severity.value, "code": d.code,
                             "message": d.message})  # fmt: skip


def evaluation_result(
    path: str,
    amap: ArgumentMap,
    *,
    semantics: str = "grounded",
    only: Iterable[Status] = (),
    side: Role | None = None,
) -> dict[str, object]:
    """A map's evaluation as ``argmap eval --output-format json`` prints it: each claim whose
    (grounded) status is one of ``only`` (all when none is given), of ``side``'s claims when it
    is given (:func:`~argmap.analysis.sides.side_of`), with its kind, in a debate (a map whose
    claims have roles) its side, whether it
    is implicit and the thesis, its status and why; with ``semantics="preferred"``, what the
    preferred labellings do with it. Raises :class:`~argmap.analysis.preferred.TooHard` when
    the preferred labellings are too many to find."""
    shown = set(only) or set(Status)
    evaluation = evaluate(amap)
    verdicts = preferred(amap) if semantics == "preferred" else None
    claims: list[dict[str, object]] = []
    debate = debated(amap.claims)  # sides to tell
    for claim in amap.by_id().values():
        if evaluation.status(claim.id) not in shown or side not in (None, side_of(claim)):
            continue
        one: dict[str, object] = {"id": claim.id, "kind": claim.kind.value}
        if debate:
            one["side"] = side_of(claim).value
        one.update(implicit=claim.implicit, thesis=claim.thesis,
                   status=evaluation.status(claim.id).value)  # fmt: skip
        if verdicts is not None:
            one["preferred"] = verdict_word(verdicts.verdicts.get(claim.id)) or None
        claims.append({**one, "why": why(evaluation, verdicts, claim.id)})
    return stamped("eval", {"path": path, "claims": claims, "skipped": None})


def coverage_result(path: str, found: Coverage) -> dict[str, object]:
    """A map's coverage as ``argmap coverage --output-format json`` prints it: what its row
    and its sentences NOT QUOTED say."""
    missed = [{"line": s.line, "text": s.text} for s in found.missed]
    return stamped("coverage", {"path": path, "sentences": len(found.argument),
                                "quoted": len(found.argument) - len(missed),
                                "share": found.share, "not_quoted": missed,
                                "skipped": None})  # fmt: skip


def skipped_result(command: str, path: str, reason: str, message: str) -> dict[str, object]:
    """The object of ``eval`` or ``coverage`` for a map without figures, and why.

    >>> skipped_result("eval", "m.yaml", "unreadable", "m.yaml: no such file")
    ... # doctest: +NORMALIZE_WHITESPACE
    {'format': 'argmap-eval', 'version': 1, 'path': 'm.yaml', 'claims': None,
     'skipped': {'reason': 'unreadable', 'message': 'm.yaml: no such file'}}
    """
    if reason not in REASONS:
        raise ValueError(f"no reason {reason!r}: one of {', '.join(REASONS)}")
    figures = {"eval": ("claims",), "questions": ("reasons", "without")}.get(
        command, ("sentences", "quoted", "share", "not_quoted")
    )
    return stamped(command, {"path": path, **dict.fromkeys(figures),
                             "skipped": {"reason": reason, "message": message}})  # fmt: skip


def questions_result(path: str, found: Questions, *, open_only: bool = False) -> dict[str, object]:
    """A map's critical questions as ``argmap questions --output-format json`` prints them:
    each reason that names a scheme, where it is, the scheme argmap knows it as (None: one it
    does not know, which asks nothing) and as the map writes it, the objections to its step
    and to each of its claims, its note, and each question with the claims of the objections
    that raise it (``open_only``: only the questions nothing raises yet); and how many
    reasons name no scheme."""
    return stamped("questions", {"path": path,
                                 "reasons": [_asked(a, open_only) for a in found.asked],
                                 "without": found.without, "skipped": None})  # fmt: skip


def _asked(asked: Asked, open_only: bool) -> dict[str, object]:
    relation = asked.relation
    span = relation.written.span
    questions = [
        {"number": number, "text": text, "raised_by": list(asked.raised_by(number))}
        for number, text in enumerate(asked.scheme.questions if asked.scheme else (), 1)
        if not (open_only and asked.raised_by(number))
    ]
    return {
        "line": span.line or None, "column": span.column or None,
        "target": relation.target.id, "claims": [ref.id for ref in relation.claims],
        "scheme": asked.scheme.name if asked.scheme else None, "written": asked.name,
        "note": relation.note,
        "objections": {"step": list(asked.against_step),
                       "claims": {claim: list(by) for claim, by in asked.against_claims}},
        "questions": questions,
    }  # fmt: skip


def why(evaluation: Evaluation, verdicts: Preferred | None, claim_id: str) -> str:
    """The grounded chain, then, for a claim it leaves undecided, where the preferred
    labellings have it stand, fall or stay undecided."""
    text = explain(evaluation, claim_id)
    if verdicts is None or claim_id not in verdicts.verdicts:
        return text
    return f"{text}. Preferred labellings: {where(verdicts, evaluation, claim_id)}"


def verdict_word(verdict: Verdict | None) -> str:
    """The preferred column's words for a verdict; empty for none."""
    return "" if verdict is None else verdict.value


__all__ = [
    "REASONS",
    "RESULT_COMMANDS",
    "RESULT_VERSION",
    "coverage_result",
    "diagnostic_result",
    "evaluation_result",
    "questions_result",
    "result_schema",
    "skipped_result",
    "stamped",
    "verdict_word",
    "why",
]
