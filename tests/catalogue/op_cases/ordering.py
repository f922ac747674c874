"""Calls of the ops along an axis: cumulative, sorting, flipping, rolling, top_k."""

from __future__ import annotations

import random
from typing import Any

from tests.catalogue.cases.draw import shape
from tests.catalogue.op_cases import generates_op
from tests.catalogue.ops_harness import T


def _axis(rng: random.Random, rank: int) -> int:
    return rng.randint(-rank - 1, rank) if rank else rng.choice([0, -1])


@generates_op("cumsum", "cumprod", "nancumsum", "nancumprod", "sort", "argsort", "diff")
def along_axis(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(0 if op != "diff" else 1, 4)
    name = "a" if op == "diff" else "x"
    args: dict[str, Any] = {name: T(shape(rng, rank, high=6))}
    if rng.random() < 0.7:
        args["axis"] = _axis(rng, rank)
    elif rng.random() < 0.3 and op != "diff":
        args["axis"] = None
    if op == "diff" and rng.random() < 0.5:
        args["n"] = rng.randint(1, 4)
    return args


@generates_op("flipud", "fliplr")
def flip_axis(rng: random.Random, op: str) -> dict[str, Any]:
    return {"x": T(shape(rng, rng.randint(0, 3), high=5))}


@generates_op("flip", "roll")
def flip_roll(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(0, 4)
    args: dict[str, Any] = {"x": T(shape(rng, rank, high=6))}
    if op == "roll":
        args["shift"] = rng.choice([1, -2, [1, 2]])
    choice = rng.random()
    if choice < 0.4:
        args["axis"] = _axis(rng, rank)
    elif choice < 0.8:
        args["axis"] = [_axis(rng, rank) for _ in range(rng.randint(1, 2))]
    return args


@generates_op("top_k")
def top_k(rng: random.Random, op: str) -> dict[str, Any]:
    rank = rng.randint(0, 3) if rng.random() < 0.2 else rng.randint(1, 3)
    dims = shape(rng, rank, high=6)
    args: dict[str, Any] = {"x": T(dims), "k": rng.randint(1, 7)}
    if rng.random() < 0.2:
        args["sorted"] = False
    return args
