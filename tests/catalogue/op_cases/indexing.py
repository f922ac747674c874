"""Calls of the indexing and gathering ops."""

from __future__ import annotations

import random
from typing import Any

from tests.catalogue.cases.draw import shape, size
from tests.catalogue.op_cases import generates_op
from tests.catalogue.ops_harness import T


def _bound(rng: random.Random, length: int) -> int | None:
    return rng.choice([None, rng.randint(-length - 1, length + 1)])


def _item(rng: random.Random) -> tuple:
    choice = rng.random()
    if choice < 0.3:
        return ("index", rng.randint(-4, 4))
    if choice < 0.8:
        step = rng.choice([None, None, 1, 2, -1, -2, 0] if rng.random() < 0.3 else [None])
        return ("slice", _bound(rng, 4), _bound(rng, 4), step)
    if choice < 0.9:
        return ("newaxis",)
    return ("ellipsis",)


@generates_op("getitem")
def getitem(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 4)
    key = tuple(_item(rng) for _ in range(rng.randint(1, rank + 1)))
    if rng.random() < 0.2:
        key = (("ellipsis",), *key[:-1])
    return {"x": T(shape(rng, rank, high=5)), "key": key}


@generates_op("strided_slice")
def strided_slice(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 3)
    count = rng.randint(1, rank + 1)
    args: dict[str, Any] = {
        "input_": T(shape(rng, rank, high=5)),
        "begin": [rng.randint(-3, 3) for _ in range(count)],
        "end": [rng.randint(-3, 5) for _ in range(count)],
    }
    if rng.random() < 0.5:
        args["strides"] = [rng.choice([1, 1, 2, -1]) for _ in range(count)]
    for mask in ("begin_mask", "end_mask", "shrink_axis_mask", "new_axis_mask", "ellipsis_mask"):
        if rng.random() < 0.25:
            args[mask] = rng.randrange(1 << count)
    return args


@generates_op("slice")
def slice_(rng: random.Random, op: str) -> dict[str, Any]:
    dims = shape(rng, rng.randint(1, 3), high=6)
    starts, lengths = [], []
    for d in dims:
        start = rng.randint(0, (d or 4) - 1) if rng.random() < 0.9 else (d or 4) + 1
        starts.append(start)
        lengths.append(rng.choice([-1, rng.randint(0, max((d or 4) - start, 0)), 3]))
    if rng.random() < 0.1:
        lengths = lengths[:-1]
    return {"inputs": T(dims), "start_indices": starts, "shape": lengths}


@generates_op("take", "gather")
def take(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 3)
    dims = shape(rng, rank, high=5)
    indices: Any = T(shape(rng, rng.randint(0, 2), high=4), "int32")
    if rng.random() < 0.2:
        indices = rng.choice([0, [0, 1], [[0], [1]]])
    names = ("params", "indices") if op == "gather" else ("x", "indices")
    args: dict[str, Any] = {names[0]: T(dims), names[1]: indices}
    if rng.random() < 0.7:
        args["axis"] = rng.randint(-rank - 1, rank)
    if op == "gather" and rng.random() < 0.3 and isinstance(indices, T) and indices.shape:
        args["batch_dims"] = 1
        args[names[0]] = T((indices.shape[0] if rng.random() < 0.8 else size(rng, 1, 4), *dims))
        args["axis"] = rng.choice([1, 2, 0])
    return args


@generates_op("take_along_axis")
def take_along_axis(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 3)
    dims = shape(rng, rank, high=5)
    indices = [rng.choice([d, 1, size(rng, 1, 4)]) for d in dims]
    if rng.random() < 0.1:
        indices = indices[1:]
    args: dict[str, Any] = {"x": T(dims), "indices": T(tuple(indices), "int32")}
    args["axis"] = rng.choice([rng.randint(-rank - 1, rank - 1), rng.randint(0, rank - 1), None])
    if args["axis"] is None:
        args["indices"] = T(tuple(indices[:1]), "int32")
    return args


@generates_op("one_hot")
def one_hot(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(0, 3)
    indices = T(shape(rng, rank, high=5), "int32")
    args: dict[str, Any] = {"x": indices, "num_classes": rng.randint(1, 6)}
    if rng.random() < 0.5:
        args["axis"] = rng.randint(-1, rank + 1)
    return args


@generates_op("pad")
def pad(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 3)
    pairs = [[rng.randint(0, 2), rng.randint(0, 2)] for _ in range(rank)]
    choice = rng.random()
    if choice < 0.15:
        width: Any = rng.randint(0, 2)
    elif choice < 0.3:
        width = (1, 2)
    elif choice < 0.4:
        width = pairs[1:] or [[1, 1], [1, 1]]
    elif choice < 0.45:
        width = [[-1, 1]] * rank
    else:
        width = pairs
    return {"x": T(shape(rng, rank, high=5)), "pad_width": width}


@generates_op("backend_temporal_padding")
def temporal_padding(rng: random.Random, op: str) -> dict[str, Any]:
    rank = 3 if rng.random() < 0.85 else rng.choice([2, 4])
    args: dict[str, Any] = {"x": T(shape(rng, rank, high=6))}
    if rng.random() < 0.6:
        args["padding"] = (rng.randint(0, 3), rng.randint(0, 3))
    return args


@generates_op("multi_hot")
def multi_hot(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 3)
    args: dict[str, Any] = {"inputs": T(shape(rng, rank, high=5), "int32")}
    args["num_classes"] = rng.randint(1, 6)
    if rng.random() < 0.4:
        args["axis"] = rng.randint(-1, rank)
    return args


@generates_op("sequence_mask")
def sequence_mask(rng: random.Random, op: str) -> dict[str, Any]:
    args: dict[str, Any] = {"lengths": T(shape(rng, rng.randint(0, 2), high=5), "int32")}
    if rng.random() < 0.7:
        args["maxlen"] = rng.randint(1, 8)
    return args


@generates_op("in_top_k")
def in_top_k(rng: random.Random, op: str) -> dict[str, Any]:
    batch = size(rng, 1, 5)
    predictions = (batch, size(rng, 2, 6)) if rng.random() < 0.85 else (batch,)
    targets = (batch if rng.random() < 0.85 else size(rng, 1, 5),)
    return {"targets": T(targets, "int32"), "predictions": T(predictions), "k": rng.randint(1, 3)}


@generates_op("slice_update", "scatter_update", "scatter")
def updates(rng: random.Random, op: str) -> dict[str, Any]:
    dims = tuple(rng.randint(2, 5) for _ in range(rng.randint(1, 3)))
    if op == "slice_update":
        return {"inputs": T(dims), "start_indices": [0] * len(dims), "updates": T((1,) * len(dims))}
    if op == "scatter_update":
        return {"inputs": T(dims), "indices": [[0] * len(dims)], "updates": T((1,))}
    return {"indices": T((1, len(dims)), "int32"), "values": T((1,)), "shape": dims}
