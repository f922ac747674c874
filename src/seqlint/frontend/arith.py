"""Operators on evaluated values: exact on constants, symbolic on sizes, bounded.

Results that would be huge (``10**10**10``, ``"a" * 10**9``) are unknown
rather than computed: the linted code is never trusted to be reasonable.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from seqlint.dims import UNKNOWN, Sym, add, is_known, mul
from seqlint.ir import ShapeTuple, Value

_MAX_INT = 2**63
_MAX_LEN = 10_000
_MAX_SYMBOL = 60  # longer symbolic names are unknown
MAX_NODES = 10_000  # values visited by one walk over a container

_NUMERIC: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "//": operator.floordiv,
    "%": operator.mod,
    "**": operator.pow,
    "<<": operator.lshift,
    ">>": operator.rshift,
    "&": operator.and_,
    "|": operator.or_,
    "^": operator.xor,
}

_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "in": lambda a, b: a in b,
    "not in": lambda a, b: a not in b,
}


def is_number(value: Value) -> bool:
    return isinstance(value, (int, float))


def is_constant(value: Value) -> bool:
    """A plain Python constant (possibly a container of them): safe to compute with.

    Containers may share items (``x = [x, x]`` doubles a tree at each step), so
    the walk gives up after visiting :data:`MAX_NODES` values or 32 levels.
    """
    stack = [(value, 0)]
    visited = 0
    while stack:
        item, depth = stack.pop()
        visited += 1
        if visited > MAX_NODES or depth > 32:
            return False
        if isinstance(item, (tuple, list)):
            stack.extend((part, depth + 1) for part in item)
        elif isinstance(item, dict):
            stack.extend((part, depth + 1) for part in (*item, *item.values()))
        elif item is not None and not isinstance(item, (bool, int, float, str, bytes)):
            return False
    return True


def binary(op: str, left: Value, right: Value) -> Value:
    """``left op right``; unknown when it cannot be computed exactly."""
    if is_number(left) and is_number(right):
        return _numeric(op, left, right)
    if isinstance(left, Sym) or isinstance(right, Sym):
        return _symbolic(op, left, right)
    if isinstance(left, ShapeTuple):
        left = left.items
    if isinstance(right, ShapeTuple):
        right = right.items
    if op == "+" and type(left) is type(right) and isinstance(left, (str, tuple, list)):
        return left + right if len(left) + len(right) <= _MAX_LEN else UNKNOWN
    if op == "*" and isinstance(left, int) != isinstance(right, int):
        sequence, count = (left, right) if isinstance(right, int) else (right, left)
        if isinstance(sequence, (str, tuple, list)) and not isinstance(count, bool):
            return sequence * count if len(sequence) * max(count, 0) <= _MAX_LEN else UNKNOWN
    return UNKNOWN


def _numeric(op: str, left: int | float, right: int | float) -> Value:
    function = _NUMERIC.get(op)
    if function is None:
        return UNKNOWN
    if op == "**" and (abs(right) > 64 or isinstance(right, int) and right < 0 and left == 0):
        return UNKNOWN
    if op in ("<<", ">>") and (not isinstance(right, int) or not 0 <= right <= 64):
        return UNKNOWN
    try:
        result = function(left, right)
    except (ArithmeticError, TypeError, ValueError):
        return UNKNOWN
    if isinstance(result, int) and abs(result) >= _MAX_INT:
        return UNKNOWN
    if isinstance(result, complex):
        return UNKNOWN
    return result


def _symbolic(op: str, left: Value, right: Value) -> Value:
    """Arithmetic with a symbolic size: ``maxlen * 2`` is the symbol ``maxlen*2``."""
    sizes = all(is_known(v) or isinstance(v, Sym) for v in (left, right))
    if not sizes:
        return UNKNOWN
    result = _symbolic_size(op, left, right)
    return UNKNOWN if isinstance(result, Sym) and len(result.name) > _MAX_SYMBOL else result


def _symbolic_size(op: str, left: Value, right: Value) -> Value:
    if op == "+":
        return left if right == 0 else right if left == 0 else add(left, right)
    if op == "*":
        if left == 0 or right == 0:
            return 0
        return left if right == 1 else right if left == 1 else mul(left, right)
    if op in ("-", "//"):
        if right == (0 if op == "-" else 1):
            return left
        return Sym(f"{_operand(left)}{op}{_operand(right)}")
    return UNKNOWN


def _operand(value: Value) -> str:
    text = str(value)
    return text if text.isidentifier() or text.isdigit() else f"({text})"


def unary(op: str, value: Value) -> Value:
    """``-x``, ``+x``, ``~x``, ``not x`` on constants."""
    if op == "not":
        truth = truth_value(value)
        return UNKNOWN if truth is None else not truth
    if is_number(value):
        if op == "-":
            return -value
        if op == "+":
            return value
        if op == "~" and isinstance(value, int):
            return ~value
    if op == "+" and isinstance(value, Sym):
        return value
    return UNKNOWN


def compare(op: str, left: Value, right: Value) -> Value:
    """A comparison between constants (``is``/``is not`` also on known objects)."""
    if op in ("is", "is not"):
        if left is UNKNOWN or right is UNKNOWN or isinstance(left, Sym) or isinstance(right, Sym):
            return UNKNOWN
        if left is None or right is None or isinstance(left, bool) or isinstance(right, bool):
            same = left is right
            return same if op == "is" else not same
        return UNKNOWN
    if not (is_constant(left) and is_constant(right)):
        return UNKNOWN
    try:
        return bool(_COMPARE[op](left, right))
    except (KeyError, TypeError, ValueError):
        return UNKNOWN


def truth_value(value: Value) -> bool | None:
    """The truth of a constant, None when it is not known."""
    if is_constant(value):
        return bool(value)
    return None
