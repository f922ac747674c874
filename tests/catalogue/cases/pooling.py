"""Cases for pooling in 1, 2 and 3 dimensions: windowed, global and adaptive."""

from __future__ import annotations

import random

from tests.catalogue.cases import generates
from tests.catalogue.cases.draw import maybe
from tests.catalogue.cases.spatial import (
    at_edge,
    axis_values,
    data_format,
    image,
    per_axis,
    spatial_rank,
)
from tests.catalogue.harness import Case

_WINDOWED = [f"{kind}{rank}D" for kind in ("MaxPooling", "AveragePooling") for rank in (1, 2, 3)]
_GLOBAL = [f"Global{kind}Pooling{rank}D" for kind in ("Max", "Average") for rank in (1, 2, 3)]
_ADAPTIVE = [f"Adaptive{kind}Pooling{rank}D" for kind in ("Max", "Average") for rank in (1, 2, 3)]


@generates(*_WINDOWED)
def pooling(rng: random.Random, kind: str) -> Case:
    rank = spatial_rank(kind)
    config: dict = {}
    if kind.startswith("Average") or rng.random() < 0.7:  # MaxPooling defaults to 2
        config["pool_size"] = per_axis(rng, rank, 1, 4 if rank < 3 else 3)
    if rng.random() < 0.5:
        config["strides"] = rng.choice([None, per_axis(rng, rank, 1, 3)])
    maybe(rng, config, "padding", "valid", "same", "valid", "same", "SAME")
    first = data_format(rng, config)
    spans = axis_values(config.get("pool_size", 2), rank)
    return Case(kind, config, (at_edge(rng, image(rng, rank, first), first, rank, spans),))


@generates(*_GLOBAL)
def global_pooling(rng: random.Random, kind: str) -> Case:
    rank = spatial_rank(kind)
    config: dict = {}
    maybe(rng, config, "keepdims", True, False)
    first = data_format(rng, config)
    return Case(kind, config, (image(rng, rank, first),))


@generates(*_ADAPTIVE)
def adaptive_pooling(rng: random.Random, kind: str) -> Case:
    """A 2D or 3D layer given a sequence returns a sequence when it runs, not the shape Keras
    computes symbolically: those cases run the layer (``runtime``), on defined sizes of at
    least 2 (the TensorFlow backend fails on an axis or an output size of 1)."""
    rank = spatial_rank(kind)
    config: dict = {"output_size": per_axis(rng, rank, 1, 5)}
    first = data_format(rng, config)
    shape = image(rng, rank, first, odd=0.25)
    if rank > 1 and (len(shape) == 2 or rng.random() < 0.1):
        config["output_size"] = per_axis(rng, rank, 2, 5)
        sequence = (rng.randint(2, 9), rng.randint(2, 9))
        return Case(kind, config, (sequence,), runtime=True)
    return Case(kind, config, (shape,))
