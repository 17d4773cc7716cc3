"""ArgumentMap → what its preferred labellings say of the claims grounded semantics leaves open.

A *complete labelling* labels every node of the framework (:class:`Graph`: claims, steps,
attacks) in, out or undecided so that each node's label is the one the rules of
:mod:`argmap.analysis.evaluate` give it from the labels of its neighbours. The grounded
labelling is the least of them; the *preferred* ones are the maximal ones: no other complete
labelling has all their nodes in in, all their nodes out out, and more. (When no claim
supports itself through a cycle of reasons, these are exactly the complete labellings whose
set of nodes in is maximal; in every map they are the preferred extensions of the abstract
framework that the map translates into, as the tests check.) Every complete labelling agrees
with the grounded one where that one decides, so only the nodes it leaves undecided are
searched, one connected group of them at a time (groups touch only through decided nodes, so
each is labelled on its own), and within a group one strongly connected part at a time, after
the parts it depends on (see :func:`_solve`), by backtracking with propagation. The search is
capped (:data:`LIMIT` labels set in all): past it, :class:`TooHard` is raised rather than
running for ever.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from argmap.analysis.components import connected, strongly_connected
from argmap.analysis.evaluate import IN, OUT, UNDEC, grounded_labels
from argmap.analysis.framework import Graph
from argmap.model import ArgumentMap

#: Labels the search may set (chosen or forced), in all, before it gives up: about a second.
LIMIT = 1 << 18

_OPEN = 3  # not labelled yet (only during the search)
_CHOICES = (IN, OUT, UNDEC)


class TooHard(Exception):
    """The preferred labellings were not found within the search's cap."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"gave up looking for the preferred labellings after setting {limit} labels"
        )


class Verdict(enum.Enum):
    """What the preferred labellings say of a claim the grounded labelling leaves undecided;
    the values are the words used in output."""

    SCEPTICAL = "stands in every"  # in every preferred labelling
    CREDULOUS = "stands in some"  # in some, not all
    DEFEATED = "defeated in every"  # out in every one (e.g. floating defeat)
    UNDECIDED = "undecided in every"
    NEVER = "never stands"  # out in some, undecided in the others


class Node:
    """A node the grounded labelling leaves open, and what its label depends on."""

    __slots__ = ("attackers", "claim", "empty", "members", "premise", "steps", "uses")

    def __init__(self) -> None:
        self.members: list[int] = []  # all must be in (steps and attacks)
        self.attackers: list[int] = []  # all must be out
        self.steps: list[int] = []  # for a claim: one must be in (unless a premise)
        self.uses: list[int] = []  # the open nodes whose label depends on this one
        self.claim = False
        self.premise = False
        self.empty = False


def value(node: Node, label: list[int] | bytearray) -> int:
    """The label the rules give a node from its neighbours' labels; _OPEN while that still
    depends on a neighbour not labelled yet."""
    attack = OUT
    for a in node.attackers:
        la = label[a]
        if la == IN:
            return OUT
        if la == _OPEN or attack == _OPEN:
            attack = _OPEN
        elif la == UNDEC:
            attack = UNDEC
    if node.claim:
        support = IN if node.premise else OUT
        if not node.premise:
            for s in node.steps:
                ls = label[s]
                if ls == IN:
                    support = IN
                    break
                if ls == _OPEN or support == _OPEN:
                    support = _OPEN
                elif ls == UNDEC:
                    support = UNDEC
    elif node.empty:
        return OUT
    else:
        support = IN
        for m in node.members:
            lm = label[m]
            if lm == OUT:
                return OUT
            if lm == _OPEN or support == _OPEN:
                support = _OPEN
            elif lm == UNDEC:
                support = UNDEC
    if support == OUT:
        return OUT
    if support == _OPEN or attack == _OPEN:
        return _OPEN
    return IN if support == IN and attack == OUT else UNDEC


def nodes(g: Graph, grounded: bytearray) -> dict[int, Node]:
    """The nodes the grounded labelling leaves undecided, with their neighbours."""
    found = {
        x: Node() for x in range(g.size) if grounded[x] == UNDEC and (x >= g.n or g.same[x] == x)
    }
    for x, node in found.items():
        node.claim = x < g.n
        node.premise = node.claim and g.premise[x]
    for x in g.empty:
        if x in found:
            found[x].empty = True
    for source, target in zip(g.member_from, g.member_to, strict=True):
        if target in found:
            found[target].members.append(source)
            if source in found:
                found[source].uses.append(target)
    for source, target in zip(g.attack_from, g.attack_to, strict=True):
        if target in found:
            found[target].attackers.append(source)
            if source in found:
                found[source].uses.append(target)
    for x in range(g.n, g.size):
        c = g.support[x]
        if c in found:
            found[c].steps.append(x)
            if x in found:
                found[x].uses.append(c)
    return found


class _Search:
    """Backtracking over the labels of one strongly connected part, the parts it depends on
    labelled: each node tried in, out, undecided, and every label of the part the rules force
    (given those chosen) set at once; a labelling is kept when complete."""

    def __init__(
        self, found: dict[int, Node], label: list[int], budget: list[int], part: list[int]
    ) -> None:
        self.found, self.label, self.budget = found, label, budget
        self.part, self.inside = part, set(part)
        self.complete: list[bytes] = []  # a label per node of the part

    def assign(self, x: int, to: int, trail: list[int]) -> bool:
        """Label x, then whatever that forces; False on a contradiction."""
        self.budget[0] -= 1
        if self.budget[0] < 0:
            raise TooHard(self.budget[1])
        label, found, inside = self.label, self.found, self.inside
        label[x] = to
        trail.append(x)
        todo = [x]
        while todo:
            y = todo.pop()
            for z in (y, *found[y].uses):
                if z not in inside:  # a later part: labelled when its turn comes
                    continue
                got = value(found[z], label)
                if got == _OPEN:
                    continue
                if label[z] == _OPEN:
                    self.budget[0] -= 1
                    if self.budget[0] < 0:
                        raise TooHard(self.budget[1])
                    label[z] = got
                    trail.append(z)
                    todo.append(z)
                elif label[z] != got:
                    return False
        return True

    def run(self) -> None:
        """Every complete labelling of the part, into ``self.complete`` (no recursion: a
        part may hold thousands of nodes)."""
        label, group = self.label, self.part
        frames: list[list] = []  # [position in the group, next choice, the trail of that choice]
        at = 0
        while True:
            while at < len(group) and label[group[at]] != _OPEN:
                at += 1
            if at == len(group):  # kept as bytes; a big group's labellings cost the budget
                self.budget[0] -= len(group) >> 6
                if self.budget[0] < 0:
                    raise TooHard(self.budget[1])
                self.complete.append(bytes(label[x] for x in group))
            else:
                frames.append([at, 0, []])
            while frames:  # the next choice, undoing the one before
                frame = frames[-1]
                for y in frame[2]:
                    label[y] = _OPEN
                if frame[1] == len(_CHOICES):
                    frames.pop()
                    continue
                to = _CHOICES[frame[1]]
                frame[1] += 1
                frame[2] = []
                if self.assign(group[frame[0]], to, frame[2]):
                    at = frame[0] + 1
                    break
            else:
                return


def maximal(labellings: list[bytes], budget: list[int]) -> list[bytes]:
    """The labellings no other one extends: none stands all they stand and defeats all they
    defeat, and more. Each comparison costs the budget one sixteenth of a label."""
    masks = {
        lab: (
            sum(1 << i for i, v in enumerate(lab) if v == IN),
            sum(1 << i for i, v in enumerate(lab) if v == OUT),
        )
        for lab in set(labellings)
    }
    kept: list[bytes] = []
    for lab in sorted(masks, key=lambda lab: (-sum(v != UNDEC for v in lab), lab)):
        ins, outs = masks[lab]
        budget[0] -= len(kept) >> 4
        if budget[0] < 0:
            raise TooHard(budget[1])
        # Kept ones decide more nodes: one that decides all this one does, alike, extends it.
        if not any(ins & masks[k][0] == ins and outs & masks[k][1] == outs for k in kept):
            kept.append(lab)
    return sorted(kept)


class Preferred:
    """The grounded labelling and, for each group of nodes it leaves open, the preferred
    labellings of that group."""

    def __init__(self, g: Graph, grounded: bytearray, limit: int = LIMIT) -> None:
        self._g = g
        self.grounded = grounded
        found = nodes(g, grounded)
        label = [_OPEN if x in found else v for x, v in enumerate(grounded)]
        budget = [limit, limit]  # what is left, and the cap
        uses = {x: node.uses for x, node in found.items()}
        self.groups: list[tuple[list[int], list[bytes]]] = []
        for group in connected(found, uses):
            self.groups.append((group, _solve(group, found, label, budget)))

    @property
    def graph(self) -> Graph:
        """The framework the labellings label."""
        return self._g

    @property
    def count(self) -> int:
        """How many preferred labellings the map has (the product over the groups)."""
        total = 1
        for _, labellings in self.groups:
            total *= len(labellings)
        return total

    def labellings(self) -> list[bytearray]:
        """Every preferred labelling of every node (for tests and small maps)."""
        result = [bytearray(self.grounded)]
        for group, options in self.groups:
            result = [_fill(base, group, option) for base in result for option in options]
        for labels in result:
            self._g.spread(labels)
        return result

    def labelling(self, group: list[int], option: bytes) -> bytearray:
        """The grounded labelling with one group labelled as ``option`` (one of its preferred
        labellings), the others left undecided: every label a claim of that group, and its
        neighbours, have in the preferred labellings that label the group so."""
        labels = _fill(self.grounded, group, option)
        self._g.spread(labels)
        return labels

    @property
    def verdicts(self) -> Mapping[str, Verdict]:
        """Claim id → verdict, for the claims the grounded labelling leaves undecided."""
        g = self._g
        by_node: dict[int, Verdict] = {}
        for group, options in self.groups:
            for i, x in enumerate(group):
                if x < g.n:
                    by_node[x] = _verdict({option[i] for option in options})
        return {g.ids[c]: by_node[g.same[c]] for c in range(g.n) if g.same[c] in by_node}


def _solve(
    group: list[int], found: dict[int, Node], label: list[int], budget: list[int]
) -> list[bytes]:
    """The preferred labellings of a connected group of open nodes, a label per node in the
    group's order.

    The group is labelled one strongly connected part at a time, each after the parts it
    depends on: for each preferred labelling of those, the part's complete labellings given
    it, of which the maximal ones are kept. That gives exactly the preferred labellings of the
    whole (the rules are monotone: a labelling of the parts before that decides more lets a
    part decide at least as much), and costs the product of the parts' preferred labellings,
    where labelling the group at once costs the product of their complete ones."""
    done: list[int] = []
    at: dict[int, int] = {}  # a node done → its place in them
    partial = [bytearray()]  # the preferred labellings of the nodes done, in their order
    for part in strongly_connected(group, {x: found[x].uses for x in group}):
        x = part[0]
        decided = len(part) == 1 and x not in found[x].uses  # by the parts before
        inputs = sorted(
            {
                (at[y], y)
                for z in part
                for y in (*found[z].members, *found[z].attackers, *found[z].steps)
                if y in at
            }
        )
        # Carrying each labelling through the part: an eighth of a label per input read, and one.
        budget[0] -= len(partial) * (len(inputs) + 1) >> 3
        if budget[0] < 0:
            raise TooHard(budget[1])
        grown = partial if decided else []
        given: dict[bytes, list[bytes]] = {}  # the part's labels for each labelling of its inputs
        for before in partial:
            key = bytes(before[i] for i, _ in inputs)
            if key not in given:
                for (_, y), v in zip(inputs, key, strict=True):
                    label[y] = v
                if decided:
                    budget[0] -= 1
                    if budget[0] < 0:
                        raise TooHard(budget[1])
                    given[key] = [bytes((value(found[x], label),))]
                else:
                    search = _Search(found, label, budget, part)
                    search.run()
                    given[key] = maximal(search.complete, budget)
            if decided:
                before += given[key][0]
            else:
                grown.extend(before + lab for lab in given[key])
        for y in part:
            at[y] = len(done)
            done.append(y)
        partial = grown
    for y in done:
        label[y] = _OPEN
    return sorted(bytes(lab[at[y]] for y in group) for lab in partial)


def _fill(base: bytearray, group: list[int], option: bytes) -> bytearray:
    result = bytearray(base)
    for x, v in zip(group, option, strict=True):
        result[x] = v
    return result


def _verdict(seen: set[int]) -> Verdict:
    if seen == {IN}:
        return Verdict.SCEPTICAL
    if IN in seen:
        return Verdict.CREDULOUS
    if seen == {OUT}:
        return Verdict.DEFEATED
    return Verdict.UNDECIDED if seen == {UNDEC} else Verdict.NEVER


def preferred(
    amap: ArgumentMap, *, contradictions: bool = True, limit: int | None = None
) -> Preferred:
    """The preferred labellings of a map, found where its grounded labelling leaves claims
    undecided.

    Raises:
        TooHard: when more than ``limit`` (default :data:`LIMIT`) labels were tried.
    """
    g = Graph(amap, contradictions)
    return Preferred(g, grounded_labels(g), LIMIT if limit is None else limit)


__all__ = ["LIMIT", "Preferred", "TooHard", "Verdict", "preferred", "value"]
