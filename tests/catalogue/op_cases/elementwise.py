"""Calls of the elementwise ops: broadcasting operands (binary ops, ``where``) and one
operand (math functions, activations, casts)."""

from __future__ import annotations

import random
from typing import Any

from seqlint.shapes.ops.elementwise import BINARY, BITWISE
from seqlint.shapes.ops.unary import MATH, WITH_PARAMETERS
from tests.catalogue.cases.draw import shape, size
from tests.catalogue.op_cases import generates_op
from tests.catalogue.ops_harness import T

INTEGER_OPS = frozenset({*BITWISE, "gcd", "lcm", "bitwise_invert"})
BOOLEAN_OPS = frozenset({"logical_and", "logical_or", "logical_xor", "logical_not"})


def dtype_of(op: str) -> str:
    if op in INTEGER_OPS:
        return "int32"
    return "bool" if op in BOOLEAN_OPS else "float32"


def related(rng: random.Random, base: tuple) -> tuple:
    """A shape that broadcasts with ``base`` (usually) or not."""
    choice = rng.random()
    if choice < 0.3:
        return base[rng.randint(0, len(base)) :]
    if choice < 0.6 and base:
        axis = rng.randrange(len(base))
        return (*base[:axis], rng.choice([1, size(rng, 1, 6)]), *base[axis + 1 :])
    return base


def _scalar(rng: random.Random, dtype: str) -> Any:
    if dtype == "bool":
        return True
    return rng.choice([2, 3]) if dtype == "int32" else rng.choice([2.0, 1])


@generates_op(*BINARY, *BITWISE, "squared_difference")
def binary(rng: random.Random, op: str) -> dict[str, Any]:
    dtype = dtype_of(op)
    base = shape(rng, rng.randint(0, 4), high=6)
    other = related(rng, base)
    first, second = (base, other) if rng.random() < 0.5 else (other, base)
    names = ("x", "y") if op in BITWISE or op == "squared_difference" else ("x1", "x2")
    args = {names[0]: T(first, dtype), names[1]: T(second, dtype)}
    if op == "ldexp":
        args[names[1]] = T(second, "int32")
    if rng.random() < 0.1:
        args[names[rng.randrange(2)]] = _scalar(rng, dtype)
    return args


@generates_op("where")
def where(rng: random.Random, op: str) -> dict[str, Any]:
    base = shape(rng, rng.randint(0, 4), high=6)
    args: dict[str, Any] = {"condition": T(related(rng, base), "bool")}
    choice = rng.random()
    if choice < 0.8:
        args["x1"] = T(related(rng, base)) if rng.random() < 0.9 else 0.0
        args["x2"] = T(related(rng, base)) if rng.random() < 0.9 else 1.0
    elif choice < 0.9:
        args["x1"] = T(base)
    return args


_PARAMETERS: dict[str, Any] = {
    "decimals": lambda rng: rng.choice([0, 2]),
    "alpha": lambda rng: rng.choice([0.5, 1.0]),
    "approximate": lambda rng: rng.random() < 0.5,
    "negative_slope": lambda rng: 0.1,
    "b": lambda rng: 4,
    "threshold": lambda rng: 0.5,
    "default_value": lambda rng: 0.0,
    "nan": lambda rng: 0.0,
    "posinf": lambda rng: 1e6,
    "neginf": lambda rng: -1e6,
    "k": lambda rng: rng.choice([-1, 0, 1]),
    "dtype": lambda rng: rng.choice(["float32", "int32", "float16"]),
    "x_min": lambda rng: 0.0,
    "x_max": lambda rng: 1.0,
    "fill_value": lambda rng: 2.0,
}
_REQUIRED = {"threshold": ("threshold", "default_value")}


@generates_op(*MATH, *WITH_PARAMETERS)
def unary(rng: random.Random, op: str) -> dict[str, Any]:
    signature = WITH_PARAMETERS.get(op, "x:tensor")
    names = [item.partition(":")[0].partition("=")[0] for item in signature.split(", ")]
    args: dict[str, Any] = {names[0]: T(shape(rng, rng.randint(0, 4), high=6), dtype_of(op))}
    for item in signature.split(", ")[1:]:
        name = item.partition("=")[0]
        if "=" not in item or name in _REQUIRED.get(op, ()) or rng.random() < 0.3:
            args[name] = _PARAMETERS[name](rng)
    return args


@generates_op("dropout")
def dropout(rng: random.Random, op: str) -> dict[str, Any]:
    return {"x": T(shape(rng, rng.randint(0, 3), high=5)), "rate": rng.choice([0.1, 0.5])}


@generates_op("add_n")
def add_n(rng: random.Random, op: str) -> dict[str, Any]:
    base = shape(rng, rng.randint(0, 3), high=5)
    count = rng.randint(1, 3)
    return {"inputs": [T(base if rng.random() < 0.8 else related(rng, base)) for _ in range(count)]}
