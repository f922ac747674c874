"""Calls of the ops that move, add or drop axes, or repeat a tensor."""

from __future__ import annotations

import math
import random
from typing import Any

from tests.catalogue.cases.draw import shape, size
from tests.catalogue.op_cases import generates_op
from tests.catalogue.ops_harness import BATCH_SIZE, T


def _divisor(rng: random.Random, total: int) -> int:
    return rng.choice([d for d in range(1, total + 1) if total % d == 0])


@generates_op("reshape")
def reshape(rng: random.Random, op: str) -> dict[str, Any]:
    source = shape(rng, rng.randint(1, 3), high=6, unknown=0.1)
    choice = rng.random()
    if choice < 0.2:  # the batch axis kept through tf.shape(x)[0]
        rest = shape(rng, rng.randint(1, 2), high=6, unknown=0.1)
        known = math.prod(d for d in rest if d is not None)
        target: tuple = rng.choice(
            [(BATCH_SIZE, -1), (BATCH_SIZE, known), (BATCH_SIZE, known + 1), (-1, *rest)]
        )
        return {"x": T((BATCH_SIZE, *rest)), "newshape": target}
    if None not in source and choice < 0.75:
        total = math.prod(source)
        first = _divisor(rng, total)
        target = (first, total // first)
        if rng.random() < 0.4:
            target = (-1, target[1]) if rng.random() < 0.5 else (target[0], -1)
        elif rng.random() < 0.25:
            target = (target[0], target[1] + 1)
    else:
        target = tuple(rng.choice([-1, 2, 3, 4, 6]) for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.05:
        target = (-1, -1)
    return {"x": T(source), "newshape": target}


@generates_op("transpose")
def transpose(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 4)
    args: dict[str, Any] = {"x": T(shape(rng, rank, high=6))}
    if rng.random() < 0.7:
        order = list(range(rank))
        rng.shuffle(order)
        if rng.random() < 0.15:
            order = order[:-1] or [0, 0]
        elif rng.random() < 0.15:
            order[0] = order[0] - rank
        args["axes"] = tuple(order)
    return args


@generates_op("swapaxes")
def swapaxes(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(0, 4)
    if rng.random() < 0.4:  # the last two: tf.linalg.matrix_transpose
        return {"x": T(shape(rng, rank, high=6)), "axis1": -2, "axis2": -1}
    return {
        "x": T(shape(rng, rank, high=6)),
        "axis1": rng.randint(-rank - 1, rank),
        "axis2": rng.randint(-rank, rank),
    }


@generates_op("moveaxis")
def moveaxis(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 4)
    count = rng.randint(1, rank)
    source = rng.sample(range(-rank, rank + 1), count)
    destination = rng.sample(range(rank), count)
    x = T(shape(rng, rank, high=6))
    if rng.random() < 0.5:
        return {"x": x, "source": source[0], "destination": destination[0]}
    return {"x": x, "source": source, "destination": destination}


@generates_op("expand_dims")
def expand_dims(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(0, 3)
    axis: Any = rng.randint(-rank - 2, rank + 1)
    if rng.random() < 0.2:
        axis = tuple(rng.randint(-rank - 2, rank + 1) for _ in range(2))
    return {"x": T(shape(rng, rank, high=6)), "axis": axis}


@generates_op("squeeze")
def squeeze(rng: random.Random, op: str) -> dict[str, Any]:
    dims = tuple(rng.choice([1, 1, size(rng, 1, 5)]) for _ in range(rng.randint(1, 4)))
    args: dict[str, Any] = {"x": T(dims)}
    if rng.random() < 0.8:
        args["axis"] = rng.randrange(-len(dims), len(dims))
        if rng.random() < 0.2:
            args["axis"] = (args["axis"], rng.randrange(len(dims)))
    return args


@generates_op("ravel", "backend_batch_flatten")
def flatten(rng: random.Random, op: str) -> dict[str, Any]:
    dims = shape(rng, rng.randint(0 if op == "ravel" else 1, 4), high=5)
    if op == "backend_batch_flatten" and dims and rng.random() < 0.5:
        dims = (BATCH_SIZE, *dims[1:])
    return {"x": T(dims)}


@generates_op("broadcast_to")
def broadcast_to(rng: random.Random, op: str) -> dict[str, Any]:
    target = tuple(rng.randint(1, 5) for _ in range(rng.randint(1, 4)))
    source = list(target[rng.randint(0, len(target)) :])
    for i in range(len(source)):
        if rng.random() < 0.3:
            source[i] = rng.choice([1, None, rng.randint(1, 5)])
    if rng.random() < 0.1:
        source = [2, *target]
    return {"x": T(tuple(source)), "shape": target}


@generates_op("tile")
def tile(rng: random.Random, op: str) -> dict[str, Any]:
    dims = shape(rng, rng.randint(1, 3), high=5)
    rank = len(dims) if rng.random() < 0.7 else rng.randint(1, 4)
    repeats = tuple(rng.randint(1, 3) for _ in range(rank))
    return {"x": T(dims), "repeats": repeats if rng.random() < 0.9 else repeats[0]}


@generates_op("repeat")
def repeat(rng: random.Random, op: str) -> dict[str, Any]:
    dims = shape(rng, rng.randint(1, 3), high=4)
    args: dict[str, Any] = {"x": T(dims), "repeats": rng.randint(1, 3)}
    if rng.random() < 0.8:
        args["axis"] = rng.randint(-len(dims) - 1, len(dims) - 1)
        size_on_axis = dims[args["axis"]] if -len(dims) <= args["axis"] < len(dims) else 2
        if rng.random() < 0.3:
            count = size_on_axis or 2
            count += rng.random() < 0.2
            args["repeats"] = [rng.randint(0, 2) for _ in range(count)]
    return args


@generates_op("backend_repeat")
def backend_repeat(rng: random.Random, op: str) -> dict[str, Any]:
    rank = 2 if rng.random() < 0.8 else rng.choice([1, 3])
    return {"x": T(shape(rng, rank, high=6)), "n": rng.randint(1, 5)}


@generates_op("extract_sequences")
def extract_sequences(rng: random.Random, op: str) -> dict[str, Any]:
    dims = shape(rng, rng.randint(1, 3), high=10)
    length, stride = rng.randint(1, 4), rng.randint(1, 3)
    return {"x": T(dims), "sequence_length": length, "sequence_stride": stride}
