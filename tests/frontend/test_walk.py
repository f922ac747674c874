"""frontend/walk.py: the field walk visits what libcst's visitor visits, and a string's value
is libcst's evaluated_value."""

from __future__ import annotations

import libcst as cst
import pytest

from seqlint.frontend.walk import nodes, string_value

STRINGS = [
    "'abc'",
    '"a\'b"',
    '""',
    "''''''",
    '"""x\ny"""',
    "'''a\"b'''",
    "'a\\'b'",
    r"'\n'",
    "r'\\d+'",
    "b'xy'",
    "u'é'",
    "'''it\\'s'''",
]


@pytest.mark.parametrize("text", STRINGS)
def test_string_value_is_libcsts_evaluated_value(text):
    node = cst.parse_expression(text)
    assert isinstance(node, cst.SimpleString)
    assert string_value(node) == node.evaluated_value


SOURCE = """\
def f(x, *a, y=1, **k):
    for i in range(3):
        if i:
            break
    return [z for z in x if z], lambda q: q + 1


class C(B):
    w: int = 2
"""


def test_nodes_visit_the_names_a_cst_visitor_visits():
    module = cst.parse_module(SOURCE)
    seen: list[str] = []

    class Names(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            seen.append(node.value)

    module.visit(Names())
    walked = [n.value for n in nodes(module) if type(n) is cst.Name]
    assert sorted(walked) == sorted(seen)  # decorators and bases come in field order


def test_pruned_nodes_are_yielded_without_their_children():
    module = cst.parse_module(SOURCE)
    names = [n.value for n in nodes(module, frozenset({cst.FunctionDef})) if type(n) is cst.Name]
    assert sorted(names) == ["B", "C", "int", "w"]
