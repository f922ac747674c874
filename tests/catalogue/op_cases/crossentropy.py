"""Calls of the crossentropies: targets matching the output, or not."""

from __future__ import annotations

import random
from typing import Any

from tests.catalogue.cases.draw import shape, size
from tests.catalogue.op_cases import generates_op
from tests.catalogue.ops_harness import T


def _changed(rng: random.Random, dims: tuple) -> tuple:
    if dims and rng.random() < 0.25:
        at = rng.randrange(len(dims))
        return (*dims[:at], rng.choice([None, size(rng, 1, 5)]), *dims[at + 1 :])
    return dims


@generates_op("categorical_crossentropy", "binary_crossentropy")
def dense_target(rng: random.Random, op: str) -> dict[str, Any]:
    output = shape(rng, rng.randint(0 if op == "binary_crossentropy" else 1, 3), high=5)
    args: dict[str, Any] = {"target": T(_changed(rng, output)), "output": T(output)}
    if op == "categorical_crossentropy" and rng.random() < 0.3:
        args["axis"] = rng.randint(-len(output), len(output) - 1)
    return args


@generates_op("sparse_categorical_crossentropy")
def sparse_target(rng: random.Random, op: str) -> dict[str, Any]:
    output = shape(rng, rng.randint(1, 3), high=5)
    target = _changed(rng, output[:-1])
    if rng.random() < 0.2:
        target = (*target, 1)
    return {"target": T(target, "int32"), "output": T(output)}
