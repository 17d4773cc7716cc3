"""argmap.analysis.components: groups and strongly connected parts, against their definitions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis.components import connected, strongly_connected


@st.composite
def graphs(draw: st.DrawFn) -> tuple[list[int], dict[int, list[int]]]:
    """Up to 9 nodes (numbered sparsely, as open nodes are) and any edges between them."""
    nodes = draw(st.lists(st.integers(0, 40), unique=True, max_size=9))
    edges = {x: draw(st.lists(st.sampled_from(nodes), unique=True)) for x in nodes}
    return nodes, edges


def reach(nodes: list[int], edges: dict[int, list[int]]) -> dict[int, set[int]]:
    """Each node → the nodes it leads to by a path of any length (itself included)."""
    found = {}
    for x in nodes:
        seen, todo = {x}, [x]
        while todo:
            for y in edges[todo.pop()]:
                if y not in seen:
                    seen.add(y)
                    todo.append(y)
        found[x] = seen
    return found


@given(graphs())
def test_strongly_connected_parts_are_the_mutually_reachable_sets_in_edge_order(graph) -> None:
    nodes, edges = graph
    parts = strongly_connected(nodes, edges)
    assert sorted(x for part in parts for x in part) == sorted(nodes)
    paths = reach(nodes, edges)
    place = {x: i for i, part in enumerate(parts) for x in part}
    for x in nodes:
        assert set(parts[place[x]]) == {y for y in nodes if x in paths[y] and y in paths[x]}
        for y in edges[x]:
            assert place[x] <= place[y]  # no edge leads back to a part before
    assert all(part == sorted(part) for part in parts)


@given(graphs())
def test_connected_groups_join_nodes_linked_either_way(graph) -> None:
    nodes, edges = graph
    groups = connected(nodes, edges)
    assert sorted(x for group in groups for x in group) == sorted(nodes)
    both = {x: set(edges[x]) for x in nodes}
    for x in nodes:
        for y in edges[x]:
            both[y].add(x)
    undirected = reach(nodes, {x: sorted(near) for x, near in both.items()})
    for group in groups:
        assert set(group) == undirected[group[0]]


def test_a_long_chain_needs_no_recursion() -> None:
    chain = {x: [x + 1] for x in range(20_000)}
    chain[20_000] = [0]  # one cycle through them all
    assert strongly_connected(list(chain), chain) == [list(range(20_001))]
    chain[20_000] = []
    assert strongly_connected(list(chain), chain)[:2] == [[0], [1]]
