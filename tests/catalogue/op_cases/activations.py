"""Calls of the activations and normalizations along an axis."""

from __future__ import annotations

import random
from typing import Any

from tests.catalogue.cases.draw import shape
from tests.catalogue.op_cases import generates_op
from tests.catalogue.ops_harness import T


@generates_op("softmax", "log_softmax", "sparsemax", "normalize", "glu")
def along_axis(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(0 if op != "glu" else 1, 4)
    dims = shape(rng, rank, high=6)
    args: dict[str, Any] = {"x": T(dims)}
    if rng.random() < 0.7:
        args["axis"] = rng.randint(-rank - 1, rank) if rank else rng.choice([0, -1])
        if op in ("softmax", "log_softmax", "normalize") and rank >= 2 and rng.random() < 0.3:
            args["axis"] = rng.choice([(0, -1), None, (1, rank)])
    return args
