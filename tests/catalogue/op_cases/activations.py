"""Calls of the activations and normalizations along an axis."""

from __future__ import annotations

import random
from typing import Any

from tests.catalogue.cases.draw import shape, size
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


@generates_op("layer_normalization", "rms_normalization")
def normalization(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 3)
    args: dict[str, Any] = {"x": T(shape(rng, rank, high=6))}
    if rng.random() < 0.6:
        args["axis"] = rng.randint(-rank - 1, rank)
    return args


@generates_op("bias_add")
def bias_add(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 4)
    dims = shape(rng, rank, high=6)
    channels = dims[-1] if rng.random() < 0.8 else size(rng, 1, 6)
    bias: tuple = (channels,)
    if rng.random() < 0.2 and rank >= 2:
        bias = dims[1:]
    return {"value": T(dims), "bias": T(bias)}


@generates_op("batch_normalization")
def batch_normalization(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(1, 3)
    dims = shape(rng, rank, high=6)
    at = rng.randint(-rank, rank - 1)
    vector = (dims[at] if rng.random() < 0.85 else size(rng, 1, 6),)
    args: dict[str, Any] = {"x": T(dims), "mean": T(vector), "variance": T(vector), "axis": at}
    if rng.random() < 0.4:
        args["scale"] = T(vector)
        if rng.random() < 0.7:
            args["offset"] = T(vector)
    elif rng.random() < 0.1:
        args["offset"] = T(vector)
    return args


@generates_op("dot_product_attention")
def attention(rng: random.Random, op: str) -> dict[str, Any]:
    batch, length, source, heads, size_ = (rng.choice([None, 2]), 3, 4, 2, 5)
    query = [batch, length, heads, size_]
    key = [batch, source, rng.choice([heads, 1]), size_]
    value = [batch, source, key[2], rng.choice([size_, 6])]
    for tensor in (query, key, value):
        if rng.random() < 0.15:
            tensor[rng.randrange(4)] = rng.randint(1, 7)
    if rng.random() < 0.1:
        query = query[1:]
    return {"query": T(tuple(query)), "key": T(tuple(key)), "value": T(tuple(value))}
