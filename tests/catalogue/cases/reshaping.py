"""Cases for Flatten, Reshape, RepeatVector, Permute and UpSampling1D."""

from __future__ import annotations

import math
import random

from tests.catalogue.cases import generates
from tests.catalogue.cases.draw import maybe, rank, shape
from tests.catalogue.harness import Case


@generates("Flatten")
def flatten(rng: random.Random, kind: str) -> Case:
    return Case(kind, {}, (shape(rng, rng.choice([1, 2, 3])),))


@generates("Reshape")
def reshape(rng: random.Random, kind: str) -> Case:
    dims = shape(rng, rng.choice([1, 2, 3]), high=6, unknown=0.1)
    if None not in dims and rng.random() < 0.7:
        total = math.prod(dims)
        first = rng.choice([d for d in range(1, total + 1) if total % d == 0])
        target: tuple = (first, total // first)
        if rng.random() < 0.4:
            target = (-1, target[1]) if rng.random() < 0.5 else (target[0], -1)
    else:
        target = tuple(rng.choice([-1, 2, 3, 4]) for _ in range(rng.choice([1, 2])))
        if target.count(-1) > 1:
            target = (2, -1)
    if rng.random() < 0.2 and -1 not in target:
        target = (*target[:-1], target[-1] + 1)  # usually the wrong size
    return Case(kind, {"target_shape": target}, (dims,))


@generates("RepeatVector")
def repeat_vector(rng: random.Random, kind: str) -> Case:
    return Case(kind, {"n": rng.randint(1, 6)}, (shape(rng, rank(rng, 1, 1, 3)),))


@generates("Permute")
def permute(rng: random.Random, kind: str) -> Case:
    dims = list(range(1, rng.choice([2, 3, 4])))
    rng.shuffle(dims)
    return Case(kind, {"dims": tuple(dims)}, (shape(rng, rank(rng, len(dims), 1, 4)),))


@generates("UpSampling1D")
def up_sampling_1d(rng: random.Random, kind: str) -> Case:
    config: dict = {}
    maybe(rng, config, "size", 1, 2, 3)
    return Case(kind, config, (shape(rng, rank(rng, 2, 1, 3)),))
