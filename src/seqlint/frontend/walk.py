"""Walks over a libcst tree by its nodes' fields, for the frontend's searches.

libcst's ``CSTVisitor`` rebuilds every node it passes and costs as much as the parse, and
``isinstance`` against libcst's classes (ABCs) is slow: these walks read only the fields that
may hold code and test classes by exact type.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import libcst as cst

# Fields that hold only whitespace, comments or punctuation: the walk skips them.
_LAYOUT_FIELDS = frozenset(
    {
        "lpar",
        "rpar",
        "comma",
        "leading_lines",
        "trailing_whitespace",
        "header",
        "footer",
        "semicolon",
        "newline",
        "lines_after_decorators",
        "equal",
        "dot",
        "colon",
        "star",
        "operator",
        "asynchronous",
        "empty_lines",
        "lbracket",
        "rbracket",
        "lbrace",
        "rbrace",
    }
)
_FIELDS: dict[type, tuple[str, ...]] = {}
_NODE_TYPES: dict[type, bool] = {}


def is_node(kind: type) -> bool:
    """Whether ``kind`` is a libcst node class (by type: libcst's classes are ABCs, whose
    ``isinstance`` costs a walk its time)."""
    known = _NODE_TYPES.get(kind)
    if known is None:
        known = _NODE_TYPES[kind] = issubclass(kind, cst.CSTNode)
    return known


def code_fields(kind: type) -> tuple[str, ...]:
    """The fields of a node type that may hold code (the frontend's walks read only these)."""
    names = _FIELDS.get(kind)
    if names is None:
        names = tuple(
            f.name
            for f in dataclasses.fields(kind)
            if f.name not in _LAYOUT_FIELDS and not f.name.startswith("whitespace")
        )
        _FIELDS[kind] = names
    return names


def children(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The node's children that may hold code, in the order of its fields: source order, but
    for a definition's decorators and return annotation, and a conditional expression's test
    (libcst's sequence fields hold only nodes)."""
    found: list[cst.CSTNode] = []
    for name in code_fields(type(node)):
        value = getattr(node, name)
        kind = type(value)
        if kind is tuple or kind is list:
            found.extend(value)
        elif kind is not str and value is not None and is_node(kind):
            found.append(value)
    return found


def nodes(root: cst.CSTNode, prune: frozenset[type] = frozenset()) -> Iterator[cst.CSTNode]:
    """``root`` and the nodes under it that may hold code, parents first, children in the
    order of :func:`children`; the children of a node whose type is in ``prune`` are skipped
    (the node itself is yielded)."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        if type(node) not in prune:
            stack.extend(reversed(children(node)))


def string_value(node: cst.SimpleString) -> str | bytes:
    """``node.evaluated_value`` without ``ast.literal_eval`` for a plain quoted string (no
    prefix, no backslash), as most strings of a script are."""
    text = node.value
    if text[0] in "'\"" and "\\" not in text:
        quote = 3 if len(text) >= 6 and text[:3] in ('"""', "'''") else 1
        return text[quote:-quote]
    return node.evaluated_value
