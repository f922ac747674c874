"""Cases for Flatten, Reshape, RepeatVector, Permute, UpSampling1D/2D/3D, Cropping1D/2D/3D and
ZeroPadding1D/2D/3D."""

from __future__ import annotations

import math
import random

from tests.catalogue.cases import generates
from tests.catalogue.cases.draw import maybe, rank, shape
from tests.catalogue.cases.spatial import at_edge, data_format, image, per_axis, spatial_rank
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


@generates("UpSampling2D", "UpSampling3D")
def up_sampling(rng: random.Random, kind: str) -> Case:
    rank = spatial_rank(kind)
    config: dict = {}
    if rng.random() < 0.6:
        config["size"] = per_axis(rng, rank, 1, 3)
    if rank == 2:
        maybe(rng, config, "interpolation", "nearest", "bilinear")
    first = data_format(rng, config)
    return Case(kind, config, (image(rng, rank, first),))


def _sides(rng: random.Random, rank: int, high: int) -> object:
    """A ``cropping``/``padding`` value: one int, one entry per axis, or (begin, end) pairs."""
    if rank == 1:
        return rng.choice([rng.randint(0, high), (rng.randint(0, high), rng.randint(0, high))])
    return rng.choice(
        [
            rng.randint(0, high),
            tuple(rng.randint(0, high) for _ in range(rank)),
            tuple((rng.randint(0, high), rng.randint(0, high)) for _ in range(rank)),
        ]
    )


def _removed(value: object, rank: int) -> tuple[int, ...]:
    """What a ``cropping`` value removes from each axis."""
    if rank == 1:
        value = (value,)
    elif isinstance(value, int):
        value = (value,) * rank
    assert isinstance(value, tuple)
    return tuple(sum(v) if isinstance(v, tuple) else 2 * v for v in value)


_DEFAULT_CROPPING = {1: (1, 1), 2: ((0, 0), (0, 0)), 3: ((1, 1), (1, 1), (1, 1))}


@generates("Cropping1D", "Cropping2D", "Cropping3D")
def cropping(rng: random.Random, kind: str) -> Case:
    rank = spatial_rank(kind)
    config: dict = {}
    if rng.random() < 0.8:
        config["cropping"] = _sides(rng, rank, 3 if rank < 3 else 1)
    first = rank > 1 and data_format(rng, config)
    removed = _removed(config.get("cropping", _DEFAULT_CROPPING[rank]), rank)
    spans = tuple(r + 1 for r in removed)  # the shortest axis that keeps one position
    return Case(kind, config, (at_edge(rng, image(rng, rank, first), first, rank, spans),))


@generates("ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D")
def zero_padding(rng: random.Random, kind: str) -> Case:
    rank = spatial_rank(kind)
    config: dict = {}
    if rng.random() < 0.8:
        config["padding"] = _sides(rng, rank, 3)
    first = data_format(rng, config)
    return Case(kind, config, (image(rng, rank, first),))
