"""A graph's edges → its connected groups, and its strongly connected parts in the order of
the edges.

Both are written without recursion: the graphs are the open nodes of a map's evaluation, which
may number thousands.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

#: A node: an open node of an evaluation (a number) or a claim of a drawing (its name).
N = TypeVar("N", int, str)


def connected(nodes: Iterable[N], edges: Mapping[N, Iterable[N]]) -> list[list[N]]:
    """The nodes in groups joined by edges in either direction, each group sorted, the groups
    in the order of their first node. ``edges`` maps a node to the nodes it leads to (all of
    them among ``nodes``).

    >>> connected("abcd", {"a": ["c"], "d": ["b"]})
    [['a', 'c'], ['b', 'd']]
    """
    order = list(dict.fromkeys(nodes))
    near: dict[N, list[N]] = {x: [] for x in order}
    for x in order:
        for y in edges.get(x, ()):
            near[x].append(y)
            near[y].append(x)
    seen: set[N] = set()
    result = []
    for start in order:
        if start in seen:
            continue
        seen.add(start)
        group, todo = [], [start]
        while todo:
            x = todo.pop()
            group.append(x)
            for y in near[x]:
                if y not in seen:
                    seen.add(y)
                    todo.append(y)
        result.append(sorted(group))
    return result


def strongly_connected(nodes: Sequence[int], edges: Mapping[int, Sequence[int]]) -> list[list[int]]:
    """The nodes in their strongly connected parts (the largest sets in which every node
    leads to every other), each sorted, ordered so that an edge never leads from a part to
    one before it (Tarjan's algorithm, its stack kept by hand). ``edges`` as for
    :func:`connected`."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    parts: list[list[int]] = []
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        calls = [(root, iter(edges.get(root, ())))]
        while calls:
            x, ahead = calls[-1]
            for y in ahead:
                if y not in index:
                    index[y] = low[y] = len(index)
                    stack.append(y)
                    on_stack.add(y)
                    calls.append((y, iter(edges.get(y, ()))))
                    break
                if y in on_stack:
                    low[x] = min(low[x], index[y])
            else:  # every edge of x followed: x done
                calls.pop()
                if calls:
                    parent = calls[-1][0]
                    low[parent] = min(low[parent], low[x])
                if low[x] == index[x]:
                    part = []
                    while True:
                        y = stack.pop()
                        on_stack.discard(y)
                        part.append(y)
                        if y == x:
                            break
                    parts.append(sorted(part))
    parts.reverse()  # Tarjan finds a part after every part it leads to
    return parts


__all__ = ["connected", "strongly_connected"]
