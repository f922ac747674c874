"""Calls of the ops that join tensors or cut one into several."""

from __future__ import annotations

import random
from typing import Any

from tests.catalogue.cases.draw import shape, size
from tests.catalogue.op_cases import generates_op
from tests.catalogue.ops_harness import T


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
    return {"xs": tensors, "axis": rng.choice([at, at - rank, at, rank])}


@generates_op("stack")
def stack(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(0, 3)
    base = shape(rng, rank, high=5)
    tensors = []
    for _ in range(rng.randint(1, 3)):
        dims = list(base)
        if dims and rng.random() < 0.2:
            dims[rng.randrange(rank)] = size(rng, 1, 5)
        tensors.append(T(tuple(dims)))
    return {"x": tensors, "axis": rng.randint(-rank - 2, rank + 1)}


@generates_op("unstack")
def unstack(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 3)
    dims = shape(rng, rank, high=4, unknown=0.25)
    args: dict[str, Any] = {"x": T(dims), "axis": rng.randint(-rank - 1, rank - 1)}
    if rng.random() < 0.4:
        args["num"] = rng.randint(1, 4)
    return args


@generates_op("split")
def split(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 3)
    dims = shape(rng, rank, high=8)
    at = rng.randint(-rank - 1, rank - 1)
    axis_size = dims[at] if -rank <= at < rank else None
    if rng.random() < 0.6:
        pieces: Any = rng.choice([1, 2, 3, 4])
    else:
        total = axis_size or 6
        cuts = sorted(rng.sample(range(1, total + 2), rng.randint(1, 2)))
        sizes = [b - a for a, b in zip([0, *cuts], cuts, strict=False)]
        pieces = sizes if rng.random() < 0.5 else cuts
        if rng.random() < 0.3:
            pieces[rng.randrange(len(pieces))] = -1
    return {"x": T(dims), "indices_or_sections": pieces, "axis": at}


@generates_op("hstack", "vstack", "append")
def stacked(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 3)
    base = shape(rng, rank, high=5)
    at = rng.randrange(rank)
    tensors = []
    for _ in range(2 if op == "append" else rng.randint(1, 3)):
        dims = list(base)
        dims[rng.choice([at, at, rng.randrange(rank)])] = size(rng, 1, 5)
        tensors.append(T(tuple(dims)))
    if op != "append":
        return {"xs": tensors}
    args: dict[str, Any] = {"x1": tensors[0], "x2": tensors[1]}
    if rng.random() < 0.7:
        args["axis"] = rng.randint(-rank, rank)
    return args


@generates_op("array_split")
def array_split(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 3)
    return {
        "x": T(shape(rng, rank, high=8)),
        "indices_or_sections": rng.randint(1, 4),
        "axis": rng.randint(-rank, rank - 1),
    }
