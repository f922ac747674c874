"""Calls of the ops that make a tensor from sizes."""

from __future__ import annotations

import random
from typing import Any

from tests.catalogue.op_cases import generates_op


@generates_op("zeros", "ones", "full")
def filled(rng: random.Random, op: str) -> dict[str, Any]:
    shape: Any = tuple(rng.randint(0, 5) for _ in range(rng.randint(0, 3)))
    if rng.random() < 0.1:
        shape = rng.randint(1, 4)
    elif rng.random() < 0.1 and shape:
        shape = (*shape[:-1], -1)
    args: dict[str, Any] = {"shape": shape}
    if op == "full":
        args["fill_value"] = 1.5
    return args


@generates_op("eye")
def eye(rng: random.Random, op: str) -> dict[str, Any]:
    args: dict[str, Any] = {"N": rng.randint(0, 5)}
    if rng.random() < 0.5:
        args["M"] = rng.randint(0, 5)
    if rng.random() < 0.2:
        args["batch_shape"] = [rng.randint(1, 3)]
    return args


@generates_op("arange")
def arange(rng: random.Random, op: str) -> dict[str, Any]:
    args: dict[str, Any] = {"start": rng.randint(-3, 8)}
    if rng.random() < 0.6:
        args["stop"] = rng.randint(-3, 10)
        if rng.random() < 0.5:
            args["step"] = rng.choice([1, 2, 3, -1, -2, 0])
    return args
