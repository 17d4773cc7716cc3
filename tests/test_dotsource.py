"""argmap.dotsource writes the DOT source the graphviz package writes, byte for byte."""

from __future__ import annotations

import warnings

import graphviz
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import dotsource
from argmap.api import load
from argmap.dot import to_dot

from .conftest import SEED_MAP

# Values that exercise every quoting rule: IDs, numbers, keywords, HTML-like labels, quotes,
# backslashes (never an odd number at the end: both libraries warn about those), unicode.
VALUE = st.one_of(
    st.sampled_from(["spam", "_x1", "-4.2", ".5", "7.", "node", "Graph", "", "a b", "<<b>x</b>>"]),
    st.text(alphabet='ab <>"\\-_.0é\n', max_size=12).filter(
        lambda s: not dotsource._FINAL_ODD_BACKSLASHES.search(s)
    ),
)
PORT = st.sampled_from(["a:b", "a:b:sw", "x y:z w", "node:p"])  # node[:port[:compass]]
KEY = st.sampled_from(["label", "color", "id", "class", "style", "tooltip", "URL", "width"])
ATTRS = st.dictionaries(KEY.filter(lambda k: k != "label"), VALUE | st.none(), max_size=4)
STATEMENT = st.one_of(
    st.tuples(st.just("node"), VALUE, VALUE | st.none(), ATTRS, st.booleans()),
    st.tuples(
        st.just("edge"),
        st.tuples(VALUE | PORT, VALUE | PORT),
        VALUE | st.none(),
        ATTRS,
        st.booleans(),
    ),
    st.tuples(st.just("attr"), st.sampled_from([None, "graph", "node", "edge"]), ATTRS),
)


def play(graph, statements) -> None:
    for statement in statements:
        if statement[0] == "node":
            _, name, label, attrs, html = statement
            graph.node(
                name, label=label if html else (label and graph_nohtml(graph)(label)), **attrs
            )
        elif statement[0] == "edge":
            _, (tail, head), label, attrs, _ = statement
            graph.edge(tail, head, label=label, **attrs)
        else:
            _, kw, attrs = statement
            graph.attr(kw, **attrs)


def graph_nohtml(graph):
    return dotsource.nohtml if isinstance(graph, dotsource.Digraph) else graphviz.nohtml


@given(
    st.lists(STATEMENT, max_size=8),
    st.lists(STATEMENT, max_size=4),
    st.sampled_from([None, "argmap", "cluster legend", "node"]),
    ATTRS,
)
def test_same_source_as_the_graphviz_package(statements, inner, name, graph_attr) -> None:
    ours = dotsource.Digraph(name=name, graph_attr=graph_attr, node_attr={"shape": "box"})
    theirs = graphviz.Digraph(name=name, graph_attr=graph_attr, node_attr={"shape": "box"})
    for graph in (ours, theirs):
        play(graph, statements)
        with graph.subgraph(name="cluster_x") as sub:
            play(sub, inner)
    assert ours.source == theirs.source


def test_the_seed_map_is_the_same_through_both() -> None:
    import argmap.dot

    amap = load(SEED_MAP)
    ours = to_dot(amap)
    argmap.dot.graphviz = graphviz  # type: ignore[attr-defined]
    try:
        theirs = to_dot(amap)
    finally:
        argmap.dot.graphviz = dotsource  # type: ignore[attr-defined]
    assert ours == theirs


def test_an_odd_final_backslash_warns_like_the_package() -> None:
    with pytest.warns(dotsource.DotSyntaxWarning):
        dotsource.quote("ends\\")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert dotsource.quote("ends\\\\") == '"ends\\\\"'


def test_nohtml_values_are_quoted_and_not_memoized() -> None:
    assert dotsource.quote("<x>") == "<x>"
    assert dotsource.quote(dotsource.nohtml("<x>")) == '"<x>"'
    assert dotsource.quote("<x>") == "<x>"
