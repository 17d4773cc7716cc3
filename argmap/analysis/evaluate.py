"""ArgumentMap → which claims stand, are defeated or undecided (grounded semantics), and why.

The map is read as a structured argumentation framework of claims, *steps* (one per reason) and
*attacks* (one per objection written in full; a plain objection is its claim itself):

- a step or an attack holds when every claim making it stands and everything attacking it (its
  undercutters) is defeated; it fails when one of its claims is defeated or an undercutter holds;
- a claim stands when it is a premise or some step for it holds, and every attack on it is
  defeated: its objections, and the claims it contradicts (a contradiction is a rebuttal in both
  directions); it is defeated when an attack on it holds or every step for it fails;
- whatever neither rule settles is undecided (attack cycles, self-attack, support cycles);
- claims that restate each other are one statement: they stand or fall together, by the
  reasons, attacks and contradictions of them all.

The statuses are the least fixed point of these rules, i.e. the grounded labelling: the sceptical
one, unique, and computed here in time linear in the size of the map by propagating from what
holds outright, with counters and a worklist (no recursion).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping

import attrs

from argmap.analysis.framework import Graph, ints
from argmap.model import ArgumentMap


class Status(enum.Enum):
    """A claim's status; the values are the words used in output and as SVG classes.

    For a step or an attack, STANDS reads "holds" and DEFEATED reads "fails".
    """

    STANDS = "stands"
    DEFEATED = "defeated"
    UNDECIDED = "undecided"


#: A node's label in a labelling, one byte each: undecided, in (a claim stands, a step or an
#: attack holds), out (defeated, fails); :func:`grounded_labels` and the preferred labellings
#: (:mod:`argmap.analysis.preferred`) use them.
UNDEC, IN, OUT = 0, 1, 2
_STATUS = (Status.UNDECIDED, Status.STANDS, Status.DEFEATED)


def grounded_labels(g: Graph) -> bytearray:
    """The grounded labelling of every node: each edge is followed once from each end."""
    n, size = g.n, g.size
    label = bytearray(size)  # UNDEC
    # need[x]: what x still waits for to hold: members that do not stand yet, attackers not yet
    # defeated, and for a conclusion one step that holds. left[c]: steps of c not yet failed
    # (-1 once c is supported, and always for a premise).
    need = g.need[:]
    left = ints([-1 if premise else k for premise, k in zip(g.premise, g.steps, strict=True)])
    work: list[int] = [c for c in range(n) if left[c] == 0]
    for x in work:
        label[x] = OUT  # a conclusion without reasons (AM106)
    for x in g.empty:
        label[x] = OUT  # a step or attack none of whose claims is known (AM103)
    work += g.empty
    for x in [x for x, waits in enumerate(need) if not waits]:
        if label[x] == UNDEC:
            label[x] = IN
            work.append(x)

    first_member, next_member, member_to = g.first_member, g.next_member, g.member_to
    first_attack, next_attack, attack_to = g.first_attack, g.next_attack, g.attack_to
    support = g.support
    pop, push = work.pop, work.append
    while work:
        x = pop()
        holds = label[x] == IN
        e = first_member[x] if x < n else -1
        while e >= 0:  # the steps and attacks x is a claim of
            y = member_to[e]
            e = next_member[e]
            if label[y] == UNDEC:
                if not holds:
                    label[y] = OUT
                    push(y)
                else:
                    need[y] -= 1
                    if need[y] == 0:
                        label[y] = IN
                        push(y)
        e = first_attack[x]
        while e >= 0:  # what x attacks
            y = attack_to[e]
            e = next_attack[e]
            if label[y] == UNDEC:
                if holds:
                    label[y] = OUT
                    push(y)
                else:
                    need[y] -= 1
                    if need[y] == 0:
                        label[y] = IN
                        push(y)
        c = support[x]
        if c >= 0 and label[c] == UNDEC and left[c] >= 0:
            if holds:
                left[c] = -1  # supported: one step that holds is enough
                need[c] -= 1
                if need[c] == 0:
                    label[c] = IN
                    push(c)
            else:
                left[c] -= 1
                if left[c] == 0:
                    label[c] = OUT
                    push(c)
    return label


# --- why ----------------------------------------------------------------------------------


@attrs.frozen
class Step:
    """A step (a reason for a claim) or an attack, and why it does not simply hold.

    ``claims`` make it (one claim for a plain objection). When it fails, ``blocking`` are its
    claims that are defeated and ``undercuts`` the attacks on it that hold; when it is
    undecided, the undecided ones. ``number`` is a step's place among its claim's reasons.
    """

    claims: tuple[str, ...]
    status: Status
    blocking: tuple[str, ...] = ()
    undercuts: tuple[Step, ...] = ()
    number: int = 0

    def named(self) -> Iterator[str]:
        """Every claim this link names, its undercuts' too."""
        yield from self.claims
        for undercut in self.undercuts:
            yield from undercut.named()


@attrs.frozen
class Why:
    """The direct causes of a claim's status.

    For a defeated claim: the attacks on it that hold and the claims contradicting it that
    stand, and when no reason holds, its failed steps. For an undecided one: the undecided
    attacks and contradictions, and its steps when none stands. For a claim that stands: its
    steps that do not hold, if any (they do not matter, but the analyst may want to know),
    and the attacks on it, each failing (``answered``), and the claims contradicting it, each
    defeated (``outdone``): why it stands though attacked. ``same`` are the claims it is one
    statement with (restatements), whose reasons and attacks count as its own.
    """

    status: Status
    attacks: tuple[Step, ...] = ()
    contradicting: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
    same: tuple[str, ...] = ()
    answered: tuple[Step, ...] = ()
    outdone: tuple[str, ...] = ()

    def named(self) -> Iterator[str]:
        for attack in self.attacks:
            yield from attack.named()
        yield from self.contradicting
        for step in self.steps:
            yield from step.named()


class Evaluation:
    """The status of every claim (and step and attack) of a map, with explanations on demand."""

    def __init__(
        self, graph: Graph, labels: bytearray, shown: frozenset[str] | None = None
    ) -> None:
        self._g = graph
        self._labels = labels
        self._shown = shown

    def within(self, shown: Iterable[str]) -> Evaluation:
        """These statuses, for a drawing of only the claims ``shown`` (a part of the map,
        :func:`argmap.analysis.focus.focus`): :meth:`unseen` names what decides a claim's
        status that the part leaves out."""
        return Evaluation(self._g, self._labels, frozenset(shown))

    def unseen(self, claim_id: str) -> tuple[str, ...]:
        """The claims that defeat a claim, or leave it undecided (:meth:`why`: the attacks
        and contradictions, or the claims blocking its steps), that the part drawn
        (:meth:`within`) leaves out, in file order; none for a claim that stands or for the
        whole map."""
        if self._shown is None or self.status(claim_id) is Status.STANDS:
            return ()
        why = self.why(claim_id)
        causes = set(why.contradicting)
        for attack in why.attacks:
            causes.update(attack.named())
        for step in why.steps:
            causes.update(step.blocking)
            for undercut in step.undercuts:
                causes.update(undercut.named())
        return tuple(sorted(causes - self._shown, key=self._g.at))

    def __len__(self) -> int:
        return self._g.n

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self._g.index

    def status(self, claim_id: str) -> Status:
        return _STATUS[self._labels[self._g.at(claim_id)]]

    @property
    def statuses(self) -> Mapping[str, Status]:
        """Claim id → status, in file order."""
        return {
            cid: _STATUS[label]
            for cid, label in zip(self._g.ids, self._labels[: self._g.n], strict=True)
        }

    def step_status(self, claim_id: str, number: int) -> Status:
        """Status of reason ``number`` (from 1) of a claim: STANDS when the step holds."""
        starts, steps = self._g.incoming()[3]
        c = self._g.at(claim_id)
        return _STATUS[self._labels[steps[starts[c] + number - 1]]]

    def counts(self) -> dict[Status, int]:
        found = dict.fromkeys(Status, 0)
        for label in self._labels[: self._g.n]:
            found[_STATUS[label]] += 1
        return found

    def _link(self, x: int) -> Step:
        g, labels = self._g, self._labels
        own = labels[x]
        if x < g.n:  # a plain objection: the claim itself
            return Step((g.ids[x],), _STATUS[own], () if own == IN else (g.ids[x],))
        (mstarts, members), (astarts, attackers), _, _ = g.incoming()
        mine = members[mstarts[x] : mstarts[x + 1]]
        claims = tuple(g.ids[m] for m in mine)
        if own == IN:
            return Step(claims, Status.STANDS, number=g.number[x])
        against = IN if own == OUT else UNDEC
        return Step(
            claims,
            _STATUS[own],
            tuple(g.ids[m] for m in mine if labels[m] == own),
            tuple(
                self._link(a)
                for a in attackers[astarts[x] : astarts[x + 1]]
                if labels[a] == against
            ),
            g.number[x],
        )

    def why(self, claim_id: str) -> Why:
        """The direct causes of a claim's status (see :class:`Why`)."""
        g, labels = self._g, self._labels
        _, (astarts, attackers), (cstarts, contra), (sstarts, steps) = g.incoming()
        own = g.at(claim_id)
        c = g.same[own]
        together = g.together.get(c, [c])
        status = labels[c]
        mine = [s for m in together for s in steps[sstarts[m] : sstarts[m + 1]]]
        failed = [self._link(s) for s in mine if labels[s] != IN]
        same = tuple(g.ids[m] for m in together if m != own)
        if status == IN:
            answered = tuple(self._link(a) for a in attackers[astarts[c] : astarts[c + 1]])
            outdone = tuple(g.ids[i] for i in contra[cstarts[c] : cstarts[c + 1]])
            return Why(Status.STANDS, steps=tuple(failed), same=same, answered=answered,
                       outdone=outdone)  # fmt: skip
        against = IN if status == OUT else UNDEC
        unsupported = not g.premise[c] and len(failed) == len(mine)
        if status == OUT and any(step.status is Status.UNDECIDED for step in failed):
            unsupported = False  # defeated by an attack; its support alone is undecided
        return Why(
            _STATUS[status],
            tuple(
                self._link(a)
                for a in attackers[astarts[c] : astarts[c + 1]]
                if labels[a] == against
            ),
            tuple(g.ids[i] for i in contra[cstarts[c] : cstarts[c + 1]] if labels[i] == against),
            tuple(failed) if unsupported else (),
            same,
        )


def evaluate(amap: ArgumentMap, *, contradictions: bool = True) -> Evaluation:
    """Every claim's status under grounded semantics.

    Args:
        amap: The map; it need not be clean (duplicates: the first claim counts; unknown
            references are left out).
        contradictions: Whether declared contradictions act (as mutual rebuttals). Without
            them, the result says what the map's reasons and objections alone establish.
    """
    graph = Graph(amap, contradictions)
    labels = grounded_labels(graph)
    graph.spread(labels)
    return Evaluation(graph, labels)


__all__ = [
    "IN",
    "OUT",
    "UNDEC",
    "Evaluation",
    "Status",
    "Step",
    "Why",
    "evaluate",
    "grounded_labels",
]
