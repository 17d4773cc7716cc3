"""Argdown's relations and premise–conclusion structures → each claim's reasons and objections.

Given the claim made of each statement (and of each argument that stands as a claim), an
argument's premise–conclusion structure gives its conclusion a reason made of its premises
(each inference one step: the statements since the previous conclusion, or those its ``uses``
data names); a support gives its target a reason, an attack an objection, a contradiction a
``contradicts``; an undercut attacks a step: the inference it points at, or every step that a
statement or argument takes. An argument without premise–conclusion structure that statements
support (written by argmap, or without a description of its own) is a step made of them. What
the map cannot hold is left out with a note naming its line: relations of a reconstructed
argument that has no single claim, a claim supporting or attacking itself or what it supports,
a reason given twice, the reason that closes a support cycle.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs

from argmap.formats.argdown.model import (
    ATTACK,
    CONTRADICTORY,
    CONTRARY,
    ENTAILS,
    INTERMEDIARY,
    MAIN_CONCLUSION,
    SUPPORT,
    UNDERCUT,
    Inference,
    Model,
    Node,
    Relation,
)  # fmt: skip
from argmap.formats.base import MAX_NESTED_ATTACKS, break_support_cycles, clean_text, shorten
from argmap.model.keys import MAX_QUESTION, MAX_TEXT


@attrs.define(eq=False)
class Step:
    """A reason or an objection: claims (ids) that support or attack together."""

    members: list[str]
    note: str | None = None
    undercuts: list[Step] = attrs.Factory(list)  # shared by the copies of one argument's step
    line: int = 0  # where it is said: a claim's reasons and objections keep the text's order
    extra: dict[str, Any] = attrs.Factory(dict)  # a reason's scheme, carried data (argmap's)


def extra_of(data: object) -> dict[str, Any]:
    """What an argument's data adds to the step it makes, as argmap writes it: a ``scheme``,
    the critical questions an objection raises (``question``) and carried ``aif`` and
    ``sadface`` data."""
    if not isinstance(data, dict):
        return {}
    out: dict[str, Any] = {}
    if isinstance(data.get("scheme"), str) and data["scheme"].strip():
        out["scheme"] = data["scheme"]
    question = data.get("question")
    if (
        isinstance(question, list)
        and question
        and all(type(number) is int and 0 < number <= MAX_QUESTION for number in question)
    ):
        out["question"] = question
    for key in ("aif", "sadface"):
        if isinstance(data.get(key), dict):
            out[key] = data[key]
    return out


@attrs.define
class Relations:
    """What the relations give each claim, by claim id."""

    reasons: dict[str, list[Step]]
    objections: dict[str, list[Step]]
    contradicts: dict[str, list[str]]


def _numbers(uses: object, index: int) -> bool:
    """Whether ``uses`` names statements before the ``index``-th: a list of numbers from 1."""
    return (
        isinstance(uses, list)
        and bool(uses)
        and all(isinstance(u, int) and not isinstance(u, bool) and 1 <= u <= index for u in uses)
    )


def _name(node: Node | Inference | None) -> str:
    if isinstance(node, Inference):
        return f"the inference of <{node.argument}>"
    if node is None:
        return "nothing"
    return f"[{node.title}]" if node.kind == "statement" else f"<{node.title}>"


class _Reader:
    def __init__(self, model: Model, ids: dict[int, str], steps_of: dict[int, Step],
                 notes: list[str], argmap_notes: bool) -> None:  # fmt: skip
        self.model, self.ids, self.notes = model, ids, notes
        self.step_arguments = steps_of  # id(argument node) → its step (members, note)
        self.argmap_notes = argmap_notes
        claims = list(ids.values())
        self.out = Relations({c: [] for c in claims}, {c: [] for c in claims},
                             {c: [] for c in claims})  # fmt: skip
        self.inference_steps: dict[int, Step] = {}
        self.contradictions: dict[str, list[tuple[int, str]]] = {}  # claim → (line, other)
        self.contradicting: list[Relation] = []  # as written, for their notes

    def claim(self, node: Node | Inference | None) -> str | None:
        """The claim a node stands for: a statement, an argument standing as a claim, or the
        conclusion of a reconstructed argument."""
        if isinstance(node, Node):
            if id(node) in self.ids:
                return self.ids[id(node)]
            if node.kind == "argument" and node.pcs:
                return self.ids.get(id(self.model.statements[node.pcs[-1].title]))
        return None

    def source_step(self, node: Node | Inference | None, line: int) -> Step | None:
        """The step a relation's source makes: its claim, or an argument's own step."""
        if isinstance(node, Node) and id(node) in self.step_arguments:
            own = self.step_arguments[id(node)]
            return Step(list(own.members), own.note, own.undercuts, line, own.extra)
        claim = self.claim(node)
        return Step([claim], line=line) if claim is not None else None

    def left_out(self, relation: Relation, why: str) -> None:
        self.notes.append(f"line {relation.line}: {_name(relation.source)} {relation.kind}s "
                          f"{_name(relation.target)}: {why}; left out")  # fmt: skip

    # -- premise-conclusion structures ----------------------------------------------------
    def structures(self) -> None:
        for argument in self.model.arguments.values():
            previous = 0
            described = argument.canonical()
            for index, member in enumerate(argument.pcs):
                if member.role not in (INTERMEDIARY, MAIN_CONCLUSION) or member.inference is None:
                    continue
                inference = member.inference
                uses = inference.data.get("uses") if isinstance(inference.data, dict) else None
                if _numbers(uses, index):
                    premises = [argument.pcs[u - 1] for u in uses]
                else:
                    premises = argument.pcs[previous:index]
                previous = index
                target = self.claim_of(member.title)
                members = [self.claim_of(p.title) for p in premises]
                members = [m for m in dict.fromkeys(members) if m != target]
                if not members:
                    self.notes.append(f"line {inference.line}: the inference of "
                                      f"<{argument.title}> has no premise but its own "
                                      "conclusion; left out")  # fmt: skip
                    continue
                main = member.role == MAIN_CONCLUSION
                text = described.text.strip() if described and main else ""
                line = min(argument.cited) if main and argument.cited else inference.line
                step = Step(members, self.step_note(argument, text, inference), line=line)
                if self.argmap_notes:
                    step.extra = extra_of(argument.data)
                self.inference_steps[id(inference)] = step
                self.out.reasons[target].append(step)

    def claim_of(self, title: str | None) -> str:
        """The claim of a statement of a premise–conclusion structure."""
        return self.ids[id(self.model.statements[title])]  # type: ignore[index]

    def step_note(self, argument: Node, description: str, inference: Inference | None
                  ) -> str | None:  # fmt: skip
        if self.argmap_notes:
            written = argument.data.get("note") if isinstance(argument.data, dict) else None
            return written if isinstance(written, str) else " ".join(description.split()) or None
        title = argument.title
        parts = [f"<{title}>" + (f": {' '.join(description.split())}" if description else "")]
        if inference is not None and inference.rules:
            parts.append(f"inference: {', '.join(inference.rules)}")
        if inference is not None and isinstance(inference.data, dict):
            extra = {k: v for k, v in inference.data.items() if k != "uses"}
            if extra:
                parts.append(f"data: {extra}")
        return "; ".join(parts)

    # -- relations ------------------------------------------------------------------------
    def relations(self) -> None:
        undercuts: list[Relation] = []
        for relation in self.model.relations:
            kind = {ENTAILS: SUPPORT, CONTRARY: ATTACK}.get(relation.kind, relation.kind)
            if kind == UNDERCUT:
                undercuts.append(relation)
            elif kind == CONTRADICTORY:
                self.contradiction(relation)
            elif isinstance(relation.target, Node) and id(relation.target) in self.step_arguments:
                if kind == ATTACK:  # a support of it made it a step: nothing more to do
                    self.left_out(relation, "an argument made of the claims that support it "
                                  "cannot be attacked in the map, only undercut")  # fmt: skip
            else:
                self.support_or_attack(relation, kind)
        for relation in undercuts:
            self.undercut(relation)
        self.unsupported_contradictions()
        for steps in (*self.out.reasons.values(), *self.out.objections.values()):
            steps.sort(key=lambda step: step.line)
        for claim, said in self.contradictions.items():
            if said:
                self.out.contradicts[claim] = [other for _, other in sorted(said)]

    def support_or_attack(self, relation: Relation, kind: str) -> None:
        target = self.claim(relation.target) if isinstance(relation.target, Node) and (
            relation.target.kind == "statement" or not relation.target.pcs) else None  # fmt: skip
        if target is None:
            self.left_out(relation, "the map has no single claim for an argument with a "
                          "premise-conclusion structure")  # fmt: skip
            return
        step = self.source_step(relation.source, relation.line)
        if step is None:
            self.left_out(relation, "its source is no claim")
            return
        if target in step.members:
            if kind == ATTACK:
                self.left_out(relation, "a claim cannot attack itself")
            return  # an argument supporting its own conclusion says nothing more
        (self.out.reasons if kind == SUPPORT else self.out.objections)[target].append(step)

    def contradiction(self, relation: Relation) -> None:
        one, other = self.claim(relation.source), self.claim(relation.target)
        if one is None or other is None or one == other:
            self.left_out(relation, "only two different claims can contradict each other")
            return
        self.contradicting.append(relation)
        said = [(relation.line, one, other)]
        if relation.mirrored is not None:  # written under both: kept so
            said.append((relation.mirrored, other, one))
        for line, claim, opposite in said:
            if opposite not in [o for _, o in self.contradictions.setdefault(claim, [])]:
                self.contradictions[claim].append((line, opposite))

    def unsupported_contradictions(self) -> None:
        """Leave out, with a note, a contradiction between a claim and a claim it is a reason
        for: the map could not say both (AM107). Argdown that argmap wrote keeps what its map
        said."""
        if self.argmap_notes:
            return
        supporting = {(m, target) for target, steps in self.out.reasons.items()
                      for step in steps for m in step.members}  # fmt: skip
        for relation in self.contradicting:
            one, other = self.claim(relation.source), self.claim(relation.target)
            if (one, other) in supporting or (other, one) in supporting:
                self.left_out(relation, "a claim cannot contradict one it is a reason for")
                for claim, opposite in ((one, other), (other, one)):
                    kept = self.contradictions.get(claim, [])
                    kept[:] = [(line, o) for line, o in kept if o != opposite]

    def undercut(self, relation: Relation) -> None:
        target = relation.target
        if isinstance(target, Inference):
            steps = [self.inference_steps[id(target)]] if id(target) in self.inference_steps else []
        elif isinstance(target, Node) and id(target) in self.step_arguments:
            steps = [self.step_arguments[id(target)]]  # its copies share its undercuts
        elif isinstance(target, Node) and target.kind == "argument" and target.pcs:
            last = target.pcs[-1].inference
            steps = [self.inference_steps[id(last)]] if id(last) in self.inference_steps else []
        else:
            claim = self.claim(target)
            steps = [s for s in self.all_steps() if claim in s.members]
        if not steps:
            self.left_out(relation, "it takes no step in the map to undercut")
            return
        if relation.under is not None and isinstance(target, Inference):
            self.notes.append(f"line {relation.line}: the undercut written under "
                              f"[{relation.under.title}] is aimed at the last inference read "
                              f"before it, that of <{target.argument}> (line {target.line}), as "
                              "Argdown aims it")  # fmt: skip
        for step in steps:
            undercutter = self.source_step(relation.source, relation.line)
            if undercutter is None:
                self.left_out(relation, "its source is no claim")
                return
            step.undercuts.append(undercutter)

    def all_steps(self) -> Iterator[Step]:
        for steps in (*self.out.reasons.values(), *self.out.objections.values()):
            yield from steps


def relations(model: Model, ids: dict[int, str], steps_of: dict[int, Step], notes: list[str],
              *, argmap_notes: bool = False) -> Relations:  # fmt: skip
    """Each claim's reasons, objections and contradictions.

    Args:
        model: Argdown's model of the text.
        ids: The claim id of each node that is a claim, by ``id(node)``.
        steps_of: The step each argument that is made of its supporters makes, by ``id(node)``.
        notes: Where to say what was left out.
        argmap_notes: Notes of reasons are the arguments' descriptions alone (Argdown written
            by argmap), not "<title>: description; inference: ...".
    """
    reader = _Reader(model, ids, steps_of, notes, argmap_notes)
    reader.structures()
    reader.relations()
    return reader.out


def documents(steps: list[Step], owner: str, notes: list[str], seen: frozenset[int] = frozenset(),
              *, repeats: bool = False) -> list[dict[str, Any]]:  # fmt: skip
    """Steps as map data: ``{"claims": [...], "objections": [...], "note": ...}``; steps of
    the same claims are one (a list names a claim once), except with ``repeats`` (Argdown
    that argmap wrote: a map's steps as it has them); undercuts nested deeper than a map can
    hold, or in a circle, are left out with a note."""
    merged: dict[tuple[str, ...], Step] = {}
    for step in steps:
        one = len(step.members) == 1 or step.undercuts
        key = tuple(sorted(step.members)) if one and not repeats else (
            tuple(step.members), id(step))  # fmt: skip
        if key not in merged:
            merged[key] = Step(list(step.members), step.note, list(step.undercuts), step.line,
                               dict(step.extra))  # fmt: skip
            continue
        first = merged[key]
        first.undercuts += [u for u in step.undercuts if u not in first.undercuts]
        if step.note and step.note != first.note:
            first.note = "; ".join(filter(None, (first.note, step.note)))
    out = []
    for step in merged.values():
        item: dict[str, Any] = {"claims": list(step.members)}
        nested = [u for u in step.undercuts if id(u) not in seen]
        if len(nested) < len(step.undercuts):
            notes.append(f"undercuts of a step of '{owner}' lead back to it; left out")
        if any(owner in u.members for u in nested):  # it would be its own objection (AM104)
            notes.append(f"'{owner}' cannot undercut an attack on itself or a support of it; "
                         "left out")  # fmt: skip
            nested = [u for u in nested if owner not in u.members]
        if len(seen) >= MAX_NESTED_ATTACKS and nested:
            notes.append(f"undercuts of a step of '{owner}' nest more than {MAX_NESTED_ATTACKS} "
                         "deep; left out")  # fmt: skip
            nested = []
        if nested:
            item["objections"] = documents(nested, owner, notes, seen | {id(step)},
                                           repeats=repeats)  # fmt: skip
        note = shorten(clean_text(step.note)[0], MAX_TEXT) if step.note is not None else ""
        if note.strip():  # without what argmap refuses, and no longer than a note may be
            item["note"] = note
        item.update(step.extra)
        out.append(item)
    return out


def tidy(reasons: dict[str, list[Step]], objections: dict[str, list[Step]],
         notes: list[str], *, repeats: bool = False) -> None:  # fmt: skip
    """Reasons and objections as a map accepts them: no reason given twice, no claim attacking
    what supports the same claim, no support cycle. With ``repeats`` (Argdown that argmap
    wrote), an objection its map made twice is kept twice."""
    for steps in reasons.values():
        seen: dict[frozenset[str], Step] = {}
        for step in list(steps):
            key = frozenset(step.members)
            if key in seen:
                steps.remove(step)
                seen[key].undercuts.extend(u for u in step.undercuts
                                           if u not in seen[key].undercuts)  # fmt: skip
                if step.note and step.note != seen[key].note:
                    seen[key].note = "; ".join(filter(None, (seen[key].note, step.note)))
            else:
                seen[key] = step
    for claim, steps in reasons.items():
        supporters = {m for step in steps for m in step.members} | {claim}
        for step in steps:
            for undercut in [u for u in step.undercuts if set(u.members) & supporters]:
                notes.append(f"'{', '.join(undercut.members)}' cannot both support '{claim}' "
                             "and undercut a reason of it; the undercut is left out")  # fmt: skip
                step.undercuts.remove(undercut)
    for claim, steps in objections.items():
        supporters = {m for step in reasons.get(claim, []) for m in step.members} | {claim}
        kept: dict[tuple[str, ...], Step] = {}
        for step in list(steps):
            if set(step.members) & supporters:
                notes.append(f"'{', '.join(step.members)}' cannot both support and attack "
                             f"'{claim}'; the attack is left out")  # fmt: skip
                steps.remove(step)
            elif (key := tuple(step.members)) in kept and not (
                repeats or step.undercuts or step.note or step.extra
            ):
                steps.remove(step)
            else:
                kept.setdefault(key, step)
    for claim, step, path in break_support_cycles(reasons, list(reasons)):
        notes.append(f"the reason {', '.join(step.members)} of '{claim}' closes a support cycle "
                     f"({' → '.join(path)}); left out")  # fmt: skip


__all__ = ["Relations", "Step", "documents", "extra_of", "relations", "tidy"]
