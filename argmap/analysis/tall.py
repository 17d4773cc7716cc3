"""A tree too tall for a page + node sizes → where to cut its tallest path so that its figures
come out even, and the tree carved there. Pure: node sizes come in, a plan goes out.

Carving bottom up (:func:`argmap.analysis.carve.carve`) fills each figure of a long chain of
reasons to the page's foot from the bottom, and leaves what is left over to the top: a chain
of 17 claims that takes four claims a page gives figures of 1, 4, 4, 4 and 4 claims, the first
(the overview, where the thesis is) a claim over a stub. Cut here instead, the tallest path of a
tree (from its top, each time into the child whose subtree reaches lowest) is split into the
fewest figures that fit the page's height (never leaving the path's foot, a claim with nothing
beneath it, to a figure alone: it would only repeat that claim, which the figure above draws in
full over its stub), and of those splits into the one whose figures are the most even: the
fewest with a lone claim in full (over the claim it continues in another figure: a claim and a
half), then the fewest filled to within :data:`SNUG` of the page's foot,
then the least sum of the squares of their numbers of claims (those continued below counted):
4, 4, 3, 3, 3 (claims, not heights: a claim's text a line longer moves no cut it need not).
Each figure is then carved as before, bottom up, for what else is too wide or too tall in it.

A figure that continues another is reckoned with its ``used in`` stub on top, as it is drawn.
The cuts depend only on the tree beneath the top, so an edit changes only the figures of the
tree it is in, and an edit that leaves the tallest path as long as it was (a premise added
beside others) none of the cuts.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.analysis.carve import Budget, Plan, Sizes, carve, contour_of
from argmap.analysis.contour import Contour, height
from argmap.analysis.shape import Shape

#: A figure estimated within this share of the page's foot may come out of Graphviz a little
#: taller than the page (its heading is reckoned, not measured): of the splits into the fewest
#: figures, one with fewer such figures is taken, so that no figure is carved again.
SNUG = 0.03


def _uncut(top: str, shape: Shape, sizes: Sizes, plan: Plan) -> dict[str, Contour]:
    """The contour of every claim of ``top``'s tree (down to the claims already cut) drawn
    whole, with no further cut."""
    scratch = Plan(cut=set(plan.cut))
    order, stack = [], [top]
    while stack:
        here = stack.pop()
        order.append(here)
        stack.extend(p.claim for p in shape.children[here] if p.claim not in plan.cut)
    done: dict[str, Contour] = {}
    for here in reversed(order):  # children before parents
        done[here] = contour_of(here, None, shape, sizes, scratch, done)
    return done


def tallest_path(top: str, shape: Shape, plan: Plan, uncut: dict[str, Contour]) -> list[str]:
    """From ``top`` down, each time into the kept child whose subtree reaches lowest (of
    equally low ones, the first written)."""
    path = [top]
    while True:
        below = [
            (part.offset + len(uncut[part.claim]), -n, part.claim)
            for n, part in enumerate(shape.children[path[-1]])
            if part.claim not in plan.cut
        ]
        if not below:
            return path
        path.append(max(below)[2])


def even_cuts(
    top: str,
    shape: Shape,
    sizes: Sizes,
    room: float,
    plan: Plan,
    used: bool = False,
    rooms: Mapping[str, float] | None = None,
) -> list[str]:
    """The claims of ``top``'s tallest path to cut off so that the figures of that path fit
    ``room`` points high in the fewest figures, as even in height as can be; ``used``: the
    figure of ``top`` has a ``used in`` stub on top; ``rooms``: claims whose figure, should
    they top one, must be lower (it came out of Graphviz too tall)."""
    rooms = rooms or {}
    uncut = _uncut(top, shape, sizes, plan)
    path = tallest_path(top, shape, plan, uncut)
    count = len(path)
    overhead = sizes.stub[1] + sizes.rank_gap  # a "used in" stub, over a continued figure

    def cost(a: int, b: int) -> float:
        """The height of the figure of path[a] when path[b] is cut (b == count: nothing)."""
        levels = [level[2] for level in uncut[path[a]]]
        if b < count:
            reach = len(levels) - len(uncut[path[b]])  # path[b]'s rank in path[a]'s figure
            levels = [*levels[:reach], sizes.full[path[b]][1], sizes.stub[1]]
        tall = height([[0.0, 0.0, level] for level in levels], sizes.rank_gap)
        return tall + (overhead if a > 0 or used else 0.0)

    if cost(0, count) <= min(room, rooms.get(top, room)):
        return []
    # best[b]: (figures, figures of a lone claim in full, figures within SNUG of the foot, sum
    # of squared numbers of claims drawn, a claim continued below counted) of the path above
    # path[b] cut into figures, and where the last of them starts.
    best: list[tuple[int, int, int, int, int]] = [(0, 0, 0, 0, -1)]
    # The foot of the path with nothing beneath it never tops a figure alone: that figure
    # would only repeat it (drawn in full over its stub above), and the one above grow a stub.
    foot = count > 1 and not shape.children[path[-1]]
    for b in range(1, count + 1):
        found: tuple[int, int, int, int, int] | None = None
        last = b - 2 if b == count and foot else b - 1  # the lowest start, taken if too tall
        for a in range(last, -1, -1):
            tall, most = cost(a, b), min(room, rooms.get(path[a], room))
            if tall > most and a < last:
                if tall > room:
                    break  # taller still with more claims on top
                continue
            figures, lone, snug, squares, _ = best[a]
            trial = (
                figures + 1,
                lone + (b - a < 2),
                snug + (tall > most * (1 - SNUG)),
                squares + (b - a + (b < count)) ** 2,
                a,
            )
            if found is None or trial[:4] < found[:4]:
                found = trial
        assert found is not None
        best.append(found)
    cuts = []
    b = count
    while b > 0:
        a = best[b][4]
        if a > 0:
            cuts.append(path[a])
        b = a
    return cuts[::-1]


def carve_even(
    root: str,
    shape: Shape,
    sizes: Sizes,
    budget: Budget,
    plan: Plan,
    rooms: Mapping[str, float] | None = None,
) -> Contour:
    """Carve ``root``'s figure (:func:`argmap.analysis.carve.carve`) with, for a budget of some
    height, its tallest path cut first into even figures (:func:`even_cuts`, ``rooms`` the
    lower heights of some figures' tops). Returns the contour of ``root``'s figure."""
    if budget.height is None:
        return carve(root, shape, sizes, budget, plan)
    used = root in plan.cut  # carved again: a figure cut off another, under its stub
    cuts = even_cuts(root, shape, sizes, budget.height, plan, used, rooms)
    plan.cut.update(cuts)
    lower = Budget(budget.width, budget.height - sizes.stub[1] - sizes.rank_gap)
    for top in reversed(cuts):  # the lowest first: each is carved with what is under it cut
        carve(top, shape, sizes, lower, plan)
    return carve(root, shape, sizes, lower if used else budget, plan)


__all__ = ["carve_even", "even_cuts", "tallest_path"]
