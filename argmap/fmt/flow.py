"""Which values of a map can be written in flow style (``[a, b]``, ``{k: v}``), and their text.

The layout (:mod:`argmap.fmt.layout`) writes lists of ids in brackets when every id reads the
same there and no comment stands among them (a linked reason keeps its brackets with comments
among its ids, one id a line); carried data written in flow style stays so.
"""

from __future__ import annotations

import re

import yaml

from argmap.fmt.cst import Map, Node, Scalar, Seq

_SLUG = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def flow_safe(scalar: Scalar) -> bool:
    """Whether a scalar written on one line reads the same inside ``[...]``."""
    if "\n" in scalar.text or scalar.style in ("|", ">"):
        return False
    if scalar.style or _SLUG.fullmatch(scalar.text):
        return True
    try:
        read = yaml.compose(f"[{scalar.text}]", Loader=_Loader)
    except yaml.YAMLError:
        return False
    return (
        isinstance(read, yaml.SequenceNode)
        and len(read.value) == 1
        and isinstance(read.value[0], yaml.ScalarNode)
        and read.value[0].value == scalar.value
    )


def has_comments(node: Node) -> bool:
    """Whether a comment stands by a node: above it, after it, or closing it."""
    closing = node.closing if isinstance(node, (Map, Seq)) else []
    return node.comment is not None or any(line for line in [*node.before, *closing])


def flow_data(node: Node) -> str | None:
    """Carried data written in flow style, on one line as written (each scalar as it was
    written there), or None when it spans lines or holds comments."""
    if has_comments(node):
        return None
    if isinstance(node, Scalar):
        return None if "\n" in node.text or node.style in ("|", ">") else node.text
    parts = []
    items = node.pairs if isinstance(node, Map) else node.items  # type: ignore[attr-defined]
    for item in items:
        if isinstance(item, tuple):
            key, value = (flow_data(item[0]), flow_data(item[1]))
            parts.append(None if key is None or value is None else f"{key}: {value}")
        else:
            parts.append(flow_data(item))
    if None in parts:
        return None
    return ("{%s}" if isinstance(node, Map) else "[%s]") % ", ".join(parts)  # type: ignore[arg-type]


def flowable(seq: Seq) -> bool:
    """A list that can be written ``[a, b]``: ids on one line each, no comments among them."""
    return (
        bool(seq.items)
        and not seq.closing
        and all(
            isinstance(item, Scalar) and not has_comments(item) and flow_safe(item)
            for item in seq.items
        )
    )


def flow_text(seq: Seq) -> str:
    return "[" + ", ".join(item.text for item in seq.items if isinstance(item, Scalar)) + "]"


__all__ = ["flow_data", "flow_safe", "flow_text", "flowable", "has_comments"]
