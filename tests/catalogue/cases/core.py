"""Cases for Dense, Embedding and the layers that keep their input's shape."""

from __future__ import annotations

import random

from tests.catalogue.cases import generates
from tests.catalogue.cases.draw import maybe, rank, shape
from tests.catalogue.harness import Case


@generates("Dense")
def dense(rng: random.Random, kind: str) -> Case:
    config = {"units": rng.randint(1, 9)}
    maybe(rng, config, "use_bias", True, False)
    maybe(rng, config, "activation", "relu", "softmax", None)
    return Case(kind, config, (shape(rng, rank(rng, rng.choice([1, 2, 3]), 0, 4)),))


@generates("Embedding")
def embedding(rng: random.Random, kind: str) -> Case:
    config = {"input_dim": rng.randint(2, 50), "output_dim": rng.randint(1, 9)}
    maybe(rng, config, "mask_zero", True, False)
    return Case(kind, config, (shape(rng, rng.choice([1, 1, 2])),), dtypes=("int32",))


_SAME_SHAPE = {
    "Dropout": lambda rng: {"rate": rng.choice([0.0, 0.2, 0.5])},
    "GaussianNoise": lambda rng: {"stddev": rng.choice([0.1, 1.0])},
    "GaussianDropout": lambda rng: {"rate": rng.choice([0.1, 0.5])},
    "AlphaDropout": lambda rng: {"rate": rng.choice([0.1, 0.5])},
    "Activation": lambda rng: {"activation": rng.choice(["relu", "tanh", "softmax"])},
    "ReLU": lambda rng: rng.choice([{}, {"max_value": 6.0}, {"negative_slope": 0.1}]),
    "LeakyReLU": lambda rng: rng.choice([{}, {"negative_slope": 0.2}]),
    "ELU": lambda rng: rng.choice([{}, {"alpha": 0.5}]),
    "PReLU": lambda rng: rng.choice([{}, {"shared_axes": [1]}]),
    "Softmax": lambda rng: rng.choice([{}, {"axis": -1}, {"axis": 1}]),
    "BatchNormalization": lambda rng: rng.choice([{}, {"center": False}, {"scale": False}]),
    "LayerNormalization": lambda rng: rng.choice([{}, {"center": False}, {"scale": False}]),
    "UnitNormalization": lambda rng: rng.choice([{}, {"axis": -1}]),
    "Masking": lambda rng: rng.choice([{}, {"mask_value": 0.0}]),
    "Identity": lambda rng: {},
    "ActivityRegularization": lambda rng: rng.choice([{}, {"l1": 0.01}]),
}


@generates(*_SAME_SHAPE)
def same_shape(rng: random.Random, kind: str) -> Case:
    return Case(kind, _SAME_SHAPE[kind](rng), (shape(rng, rng.choice([1, 2, 3])),))


@generates("SpatialDropout1D")
def spatial_dropout_1d(rng: random.Random, kind: str) -> Case:
    return Case(kind, {"rate": 0.3}, (shape(rng, rank(rng, 2, 1, 3)),))


@generates("InputLayer")
def input_layer(rng: random.Random, kind: str) -> Case:
    dims = shape(rng, rng.choice([1, 2, 3]))
    config = rng.choice(
        [
            {"shape": dims},
            {"batch_shape": (None, *dims)},
            {"shape": dims, "batch_size": rng.randint(1, 4)},
            {"input_shape": dims},
        ]
    )
    return Case(kind, config, ())
