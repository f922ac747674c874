"""Cases for GroupNormalization, RMSNormalization, UnitNormalization and
SpectralNormalization."""

from __future__ import annotations

import random

from tests.catalogue.cases import generates
from tests.catalogue.cases.draw import maybe, rank, shape, size
from tests.catalogue.harness import Case, Nest


@generates("GroupNormalization")
def group_normalization(rng: random.Random, kind: str) -> Case:
    x = shape(rng, rank(rng, 2, 1, 3), low=1, high=12, unknown=0.08)
    config: dict = {"groups": rng.choice([1, 2, 3, 4, -1, 32])}
    maybe(rng, config, "axis", -1, 1, -2, 3)
    maybe(rng, config, "center", False)
    maybe(rng, config, "scale", False)
    # a group's channels are normalised together when it runs: compare with a real run
    return Case(kind, config, (x,), runtime=rng.random() < 0.3)


@generates("RMSNormalization")
def rms_normalization(rng: random.Random, kind: str) -> Case:
    config: dict = {}
    maybe(rng, config, "axis", -1, 1, -2, [1, 2], [-2, -1], 3)
    # the scale multiplies the input broadcast from the last axis when it runs (Keras's
    # symbolic shape ignores it): compare with a real run, on sizes known
    runtime = config.get("axis", -1) != -1
    x = shape(rng, rank(rng, 2, 1, 3), low=1, high=6, unknown=0 if runtime else 0.08)
    return Case(kind, config, (x,), runtime=runtime)


@generates("UnitNormalization")
def unit_normalization(rng: random.Random, kind: str) -> Case:
    x = shape(rng, rng.choice([1, 2, 3]))
    config: dict = {}
    maybe(rng, config, "axis", -1, 1, 2, [1, 2], -3, 3)
    return Case(kind, config, (x,))


@generates("SpectralNormalization")
def spectral_normalization(rng: random.Random, kind: str) -> Case:
    roll, dtypes = rng.random(), ()
    if roll < 0.35:
        inner = Nest("Dense", {"units": rng.randint(1, 6)})
        x = shape(rng, rank(rng, 2, 1, 3), unknown=0.08)
    elif roll < 0.55:
        inner = Nest("Conv1D", {"filters": rng.randint(1, 4), "kernel_size": rng.randint(1, 4)})
        x = shape(rng, rank(rng, 2, 1, 3), low=1, high=8)
    elif roll < 0.7:
        inner = Nest(
            "Embedding", {"input_dim": rng.randint(2, 20), "output_dim": rng.randint(1, 6)}
        )
        x, dtypes = shape(rng, rng.choice([1, 2])), ("int32",)
    elif roll < 0.85:
        inner = Nest("EinsumDense", {"equation": "abc,cd->abd", "output_shape": (None, 3)})
        x = (size(rng, 1, 6), size(rng, 1, 6, unknown=0.08))
    else:  # layers without a kernel: refused
        inner = rng.choice(
            [Nest("LSTM", {"units": 3}), Nest("Dropout", {"rate": 0.1}), Nest("PReLU", {})]
        )
        x = shape(rng, 2)
    config: dict = {"layer": inner}
    maybe(rng, config, "power_iterations", 1, 3)
    return Case(kind, config, (x,), dtypes=dtypes)
