"""Calls of the elementwise, matmul, shaping and reduction ops."""

from __future__ import annotations

import math
import random
from typing import Any

from tests.catalogue.cases.draw import shape, size
from tests.catalogue.op_cases import generates_op
from tests.catalogue.ops_harness import T


def _related(rng: random.Random, base: tuple) -> tuple:
    """A shape that broadcasts with ``base`` (usually) or not."""
    choice = rng.random()
    if choice < 0.3:
        return base[rng.randint(0, len(base)) :]
    if choice < 0.6 and base:
        axis = rng.randrange(len(base))
        return (*base[:axis], rng.choice([1, size(rng, 1, 6)]), *base[axis + 1 :])
    return base


@generates_op("add", "subtract", "multiply", "divide")
def binary(rng: random.Random, op: str) -> dict[str, Any]:
    base = shape(rng, rng.randint(0, 4), high=6)
    other = _related(rng, base)
    first, second = (base, other) if rng.random() < 0.5 else (other, base)
    return {"x1": T(first), "x2": T(second) if rng.random() < 0.9 else rng.choice([2.0, 1])}


@generates_op("tanh", "exp", "sigmoid")
def unary(rng: random.Random, op: str) -> dict[str, Any]:
    return {"x": T(shape(rng, rng.randint(0, 4), high=6))}


@generates_op("softmax")
def softmax(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 4)
    args: dict[str, Any] = {"x": T(shape(rng, rank, high=6))}
    if rng.random() < 0.6:
        args["axis"] = rng.randint(-rank - 1, rank)
    return args


@generates_op("matmul")
def matmul(rng: random.Random, op: str) -> dict[str, Any]:
    n, k, m = size(rng, 1, 6), size(rng, 1, 6), size(rng, 1, 6)
    inner = k if rng.random() < 0.8 else size(rng, 1, 6)
    batch = shape(rng, rng.choice([0, 0, 1, 2]), high=4)
    first = (*batch, n, k)
    second = (*batch[rng.randint(0, len(batch)) :], inner, m)
    if rng.random() < 0.15:
        first = first[-1:]
    if rng.random() < 0.15:
        second = second[-2:-1]
    args: dict[str, Any] = {"x1": T(first), "x2": T(second)}
    if rng.random() < 0.4 and len(first) >= 2 and len(second) >= 2:
        args["transpose_b"] = True
        args["x2"] = T((*second[:-2], second[-1], second[-2]))
    return args


@generates_op("reshape")
def reshape(rng: random.Random, op: str) -> dict[str, Any]:
    source = shape(rng, rng.randint(1, 3), high=6, unknown=0.1)
    if None not in source and rng.random() < 0.7:
        total = math.prod(source)
        first = rng.choice([d for d in range(1, total + 1) if total % d == 0])
        target: tuple = (first, total // first)
        if rng.random() < 0.4:
            target = (-1, target[1])
        elif rng.random() < 0.2:
            target = (target[0], target[1] + 1)
    else:
        target = tuple(rng.choice([-1, 2, 3]) for _ in range(rng.randint(1, 3)))
        if target.count(-1) > 1:
            target = (-1, 2)
    return {"x": T(source), "newshape": target}


@generates_op("transpose")
def transpose(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 4)
    args: dict[str, Any] = {"x": T(shape(rng, rank, high=6))}
    if rng.random() < 0.7:
        order = list(range(rank))
        rng.shuffle(order)
        if rng.random() < 0.1:
            order = order[:-1] or [0, 0]
        args["axes"] = tuple(order)
    return args


@generates_op("expand_dims")
def expand_dims(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(0, 3)
    return {"x": T(shape(rng, rank, high=6)), "axis": rng.randint(-rank - 2, rank + 1)}


@generates_op("squeeze")
def squeeze(rng: random.Random, op: str) -> dict[str, Any]:
    dims = tuple(rng.choice([1, 1, size(rng, 1, 5)]) for _ in range(rng.randint(1, 4)))
    args: dict[str, Any] = {"x": T(dims)}
    if rng.random() < 0.8:
        args["axis"] = rng.randrange(-len(dims), len(dims))
    return args


@generates_op("concatenate")
def concatenate(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 3)
    base = shape(rng, rank, high=6)
    at = rng.randrange(rank)
    tensors = []
    for _ in range(rng.randint(2, 3)):
        dims = list(base)
        dims[at] = size(rng, 1, 6)
        if rng.random() < 0.15:
            other = rng.randrange(rank)
            dims[other] = size(rng, 1, 6)
        tensors.append(T(tuple(dims) if rng.random() > 0.05 else tuple(dims[1:])))
    return {"xs": tensors, "axis": rng.choice([at, at - rank])}


@generates_op("sum", "mean", "max", "min")
def reduce(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 4)
    args: dict[str, Any] = {"x": T(shape(rng, rank, high=6))}
    if rng.random() < 0.7:
        args["axis"] = rng.choice([rng.randint(-rank, rank - 1), (0, rank - 1), rank])
    if rng.random() < 0.5:
        args["keepdims"] = rng.random() < 0.5
    return args
