"""Calls of the reductions and arg-reductions."""

from __future__ import annotations

import random
from typing import Any

from seqlint.shapes.ops.reduction import KERAS_REDUCTIONS, QUANTILES, REDUCTIONS
from tests.catalogue.cases.draw import shape
from tests.catalogue.op_cases import generates_op
from tests.catalogue.ops_harness import T


def _axis(rng: random.Random, rank: int) -> Any:
    return rng.choice(
        [
            rng.randint(-rank, rank - 1),
            rng.randint(-rank, rank - 1),
            (0, rank - 1),
            tuple(rng.sample(range(rank), min(rank, 2))),
            rank,
            -rank - 1,
            [rng.randint(-rank, rank - 1)],
        ]
    )


@generates_op(*REDUCTIONS, *KERAS_REDUCTIONS, *QUANTILES, "count_nonzero", "moments", "norm")
def reduce(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 4)
    dtype = "bool" if op in ("any", "all") else "float32"
    args: dict[str, Any] = {"x": T(shape(rng, rank, high=6), dtype)}
    name = "axes" if op == "moments" else "axis"
    if rng.random() < 0.7 or op == "moments":
        args[name] = _axis(rng, rank)
    if rng.random() < 0.5 and op != "count_nonzero":
        args["keepdims"] = rng.random() < 0.5
    if op == "norm" and rng.random() < 0.4:
        args["ord"] = rng.choice([1, 2, "fro", "nuc", 3])
    if op in QUANTILES:
        scale = 100 if "percentile" in op else 1
        args["q"] = rng.choice([0.5 * scale, [0.25 * scale, 0.75 * scale], T((3,))])
    return args


@generates_op("argmax", "argmin", "nanargmax", "nanargmin")
def arg_reduce(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(0, 4)
    args: dict[str, Any] = {"x": T(shape(rng, rank, high=6))}
    if rng.random() < 0.8:
        args["axis"] = rng.randint(-rank - 1, rank) if rank else rng.choice([0, -1])
    if rng.random() < 0.3:
        args["keepdims"] = True
    return args
