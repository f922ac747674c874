"""Calls of the products: matmul, dot, K.dot, tensordot, inner, outer, K.batch_dot."""

from __future__ import annotations

import random
from typing import Any

from tests.catalogue.cases.draw import shape, size
from tests.catalogue.op_cases import generates_op
from tests.catalogue.ops_harness import T


def _inner(rng: random.Random, k: int | None) -> int | None:
    """Usually ``k``, sometimes another size."""
    return k if rng.random() < 0.8 else size(rng, 1, 6)


@generates_op("matmul")
def matmul(rng: random.Random, op: str) -> dict[str, Any]:
    n, k, m = size(rng, 1, 6), size(rng, 1, 6), size(rng, 1, 6)
    batch = shape(rng, rng.choice([0, 0, 1, 2]), high=4)
    first = (*batch, n, k)
    second = (*batch[rng.randint(0, len(batch)) :], _inner(rng, k), m)
    if rng.random() < 0.15:
        first = first[-1:]
    if rng.random() < 0.15:
        second = second[-2:-1]
    args: dict[str, Any] = {"x1": T(first), "x2": T(second)}
    if rng.random() < 0.4 and len(first) >= 2 and len(second) >= 2:
        args[rng.choice(["transpose_b", "adjoint_b"])] = True
        args["x2"] = T((*second[:-2], second[-1], second[-2]))
    if rng.random() < 0.2 and len(first) >= 2:
        args[rng.choice(["transpose_a", "adjoint_a"])] = True
        args["x1"] = T((*first[:-2], first[-1], first[-2]))
    return args


@generates_op("dot", "backend_dot", "inner", "outer")
def dot(rng: random.Random, op: str) -> dict[str, Any]:
    k = size(rng, 1, 6)
    first = (*shape(rng, rng.randint(0, 2), high=5), k)
    second = (*shape(rng, rng.randint(0, 2), high=5), _inner(rng, k), size(rng, 1, 5))
    if rng.random() < 0.25:
        second = (_inner(rng, k),)
    if op == "inner":
        second = (*second[:-2], second[-1] if rng.random() < 0.2 else _inner(rng, k))
    if rng.random() < 0.1:
        first = ()
    names = ("x", "y") if op == "backend_dot" else ("x1", "x2")
    return {names[0]: T(first), names[1]: T(second)}


@generates_op("tensordot")
def tensordot(rng: random.Random, op: str) -> dict[str, Any]:
    shared = shape(rng, rng.randint(0, 2), high=5)
    first = (*shape(rng, rng.randint(0, 2), high=5), *shared)
    second = (*(_inner(rng, d) for d in shared), *shape(rng, rng.randint(0, 2), high=5))
    args: dict[str, Any] = {"x1": T(first), "x2": T(second)}
    if rng.random() < 0.5:
        args["axes"] = len(shared) if rng.random() < 0.8 else len(shared) + 1
    elif first and second:
        i, j = rng.randrange(len(first)), rng.randrange(len(second))
        args["axes"] = ([i], [j]) if rng.random() < 0.5 else ([i - len(first)], [j])
    return args


@generates_op("backend_batch_dot")
def batch_dot(rng: random.Random, op: str) -> dict[str, Any]:
    batch = rng.choice([None, None, 4])
    k = size(rng, 1, 6)
    first = (batch, *shape(rng, rng.randint(0, 2), high=5), k)
    other_batch = batch if rng.random() < 0.9 else 3
    second = (other_batch, _inner(rng, k), *shape(rng, rng.randint(0, 1), high=5))
    args: dict[str, Any] = {"x": T(first), "y": T(second)}
    if rng.random() < 0.4:
        args["axes"] = rng.choice([(len(first) - 1, 1), -1, 1, (0, 1), (len(first), 1)])
    return args
