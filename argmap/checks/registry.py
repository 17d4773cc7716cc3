"""What a check is: its code, its stage, and a function from a map to findings.

Each check reports one code (a few closely tied checks report two), from one function that
takes a :class:`Context` (the map, its source text, its own text, and what several checks
compute from them, worked out once) and yields :class:`Finding` values: a place and a message,
no path. The runner (:mod:`argmap.checks.runner`) adds the path; a code's severity and meaning
are in the one table of codes, :data:`argmap.diagnostics.CODES`.

A check's docstring says what it reports, then gives a map that fails it (``Fails::``) and one
that passes (``Passes::``), as fragments of YAML under the lines ``argmap: 1`` and ``title:``;
the tests run them.
"""

from __future__ import annotations

import enum
import functools
import inspect
import re
from collections.abc import Callable, Iterable

import attrs

from argmap.analysis import sides
from argmap.analysis.evaluate import Evaluation, evaluate
from argmap.diagnostics import CODES, Span
from argmap.model import ArgumentMap, Claim, Link, Relation, relations
from argmap.read.source import SourceText
from argmap.read.syntax import YAML, Syntax


class Stage(enum.IntEnum):
    """When a check runs: those of a later stage only while no earlier finding would make
    them mislead (see :data:`BLOCKING`)."""

    WRITTEN = 1  # the map as written: ids, references, structure, links, quotes
    SETTLED = 2  # contradictions: needs sound ids and references
    EVALUATED = 3  # what stands: needs every contradiction settled


#: Errors after which evaluating the argument would mislead: ids or references that are not
#: sound, a claim both for and against a target, a claim that is one statement with a claim
#: it contradicts or attacks.
STRUCTURAL = frozenset(
    {"AM101", "AM102", "AM103", "AM104", "AM105", "AM106", "AM107", "AM112", "AM116"}
)
#: Errors after which the checks of a later stage would mislead: the structural ones, and a
#: contradiction the map leaves open (what stands then depends on how it is settled).
BLOCKING = STRUCTURAL | {"AM114"}


@attrs.frozen
class Finding:
    """What a check found: a code, where, and a message; and places in the map's source text
    it is about too, each with what is there (the closest passage to a quote not found)."""

    code: str
    span: Span
    message: str
    in_source: tuple[tuple[Span, str], ...] = ()


class Context:
    """A map under check, its source text (None when it has none or it could not be read),
    the bytes of the map as written (None when it was not read from a file: a UTF-8 file, as
    it loaded), the syntax its hints are written in (YAML, or JSON for a map read from JSON),
    and what several checks compute from them, each worked out once."""

    def __init__(
        self,
        amap: ArgumentMap,
        source: SourceText | None = None,
        written: bytes | None = None,
        syntax: Syntax = YAML,
    ) -> None:
        self.map = amap
        self.source = source
        self.written = written
        self.syntax = syntax

    @functools.cached_property
    def lines(self) -> list[str] | None:
        """The lines of the map's text as editors count them (what spans count), or None;
        decoded only for the rare message that shows a line."""
        if self.written is None:
            return None
        text = self.written.decode("utf-8-sig")
        return re.split(r"\r\n|\r|\n", text)

    @functools.cached_property
    def relations(self) -> tuple[Relation, ...]:
        return tuple(relations(self.map))

    @functools.cached_property
    def by_id(self) -> dict[str, Claim]:
        return self.map.by_id()

    @functools.cached_property
    def supporting(self) -> dict[tuple[str, str], Relation]:
        """(member, target) of every support, with the first step that makes it."""
        found: dict[tuple[str, str], Relation] = {}
        for relation in self.relations:
            if relation.link is Link.SUPPORT:
                for member in relation.claims:
                    found.setdefault((member.id, relation.target.id), relation)
        return found

    @functools.cached_property
    def evaluation(self) -> Evaluation:
        return evaluate(self.map)

    @functools.cached_property
    def unsettled(self) -> Evaluation:
        """What the reasons and objections establish without the declared contradictions."""
        return evaluate(self.map, contradictions=False)

    @functools.cached_property
    def unopposed(self) -> Evaluation | None:
        """What the map's claims establish without the analyst's own (a fact-checker's
        objections, :func:`argmap.analysis.sides.own`): the text's argument weighed on its
        own; None in a map without them. A debate's opposition and the objections a text
        raises (a microtext's opponent), which the text states, are weighed."""
        if not self.own:
            return None
        return evaluate(attrs.evolve(self.map, claims=self.text_claims()))

    @functools.cached_property
    def own(self) -> frozenset[str]:
        """The ids of the analyst's own claims (:func:`argmap.analysis.sides.own`)."""
        return frozenset(sides.own(self.map))

    def text_claims(self, leaving: frozenset[str] = frozenset()) -> tuple[Claim, ...]:
        """The map's claims but the analyst's own and ``leaving``."""
        return tuple(c for c in self.map.claims if c.id not in self.own and c.id not in leaving)


Run = Callable[[Context], Iterable[Finding]]


@attrs.frozen
class Check:
    """One check: the codes it reports, when it runs, and its function."""

    codes: tuple[str, ...]
    stage: Stage
    run: Run

    @property
    def name(self) -> str:
        return self.run.__name__

    @property
    def doc(self) -> str:
        """The function's docstring, its indentation removed (as Python 3.13 stores it; older
        versions keep it)."""
        return inspect.cleandoc(self.run.__doc__ or "")

    def __call__(self, context: Context) -> Iterable[Finding]:
        return self.run(context)


#: Every check, as :func:`check` registers them: in the order their modules are imported (by
#: :mod:`argmap.checks.runner`), and in each in the order they are written.
REGISTERED: list[Check] = []


def check(*codes: str, stage: Stage = Stage.WRITTEN) -> Callable[[Run], Check]:
    """Make a function of a context a :class:`Check` reporting ``codes``, and register it: the
    runner runs it once its module is imported."""
    unknown = [code for code in codes if code not in CODES]
    if unknown:
        raise ValueError(f"unknown diagnostic codes {unknown}")

    def register(run: Run) -> Check:
        made = Check(codes, stage, run)
        REGISTERED.append(made)
        return made

    return register


__all__ = ["BLOCKING", "REGISTERED", "STRUCTURAL", "Check", "Context", "Finding", "Stage", "check"]
