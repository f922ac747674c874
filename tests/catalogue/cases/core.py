"""Cases for Dense, Embedding, ReversibleEmbedding and the layers that keep their input's
shape."""

from __future__ import annotations

import random

from tests.catalogue.cases import generates
from tests.catalogue.cases.draw import maybe, rank, shape
from tests.catalogue.cases.spatial import data_format, image, spatial_rank
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
    if rng.random() < 0.2:
        config["lora_rank"] = rng.randint(1, 4)
    return Case(kind, config, (shape(rng, rng.choice([1, 1, 2])),), dtypes=("int32",))


@generates("ReversibleEmbedding")
def reversible_embedding(rng: random.Random, kind: str) -> Case:
    config = {"input_dim": rng.randint(2, 50), "output_dim": rng.randint(1, 9)}
    maybe(rng, config, "tie_weights", False)
    maybe(rng, config, "mask_zero", True)
    if rng.random() < 0.5:
        return Case(kind, config, (shape(rng, rng.choice([1, 1, 2])),), dtypes=("int32",))
    # reverse=True: vectors back to the vocabulary; Keras checks their size when it runs
    features = config["output_dim"] if rng.random() < 0.8 else rng.randint(1, 9)
    x = (*shape(rng, rng.choice([1, 1, 2]), unknown=0), features)
    return Case(kind, config, (x,), call={"reverse": True}, runtime=True)


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


@generates("SpatialDropout2D", "SpatialDropout3D")
def spatial_dropout(rng: random.Random, kind: str) -> Case:
    config: dict = {"rate": 0.3}
    first = data_format(rng, config)
    return Case(kind, config, (image(rng, spatial_rank(kind), first),))


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


@generates("Lambda")
def lambda_layer(rng: random.Random, kind: str) -> Case:
    """A Lambda whose ``output_shape`` Keras builds what follows for (seqlint runs the function
    itself in a script; this compares the layer's own declaration)."""
    dims = shape(rng, rng.choice([1, 2, 3]))
    declared = dims if rng.random() < 0.6 else shape(rng, rng.choice([1, 2]))
    return Case(kind, {"function": lambda x: x * 2.0, "output_shape": declared}, (dims,))
