"""Cases for Conv1D and 1D pooling."""

from __future__ import annotations

import random

from tests.catalogue.cases import generates
from tests.catalogue.cases.draw import maybe, rank, shape
from tests.catalogue.harness import Case


@generates("Conv1D")
def conv1d(rng: random.Random, kind: str) -> Case:
    config: dict = {"filters": rng.randint(1, 6), "kernel_size": rng.randint(1, 6)}
    maybe(rng, config, "padding", "valid", "same", "causal")
    if rng.random() < 0.5:
        maybe(rng, config, "strides", 1, 2, 3)
    else:
        maybe(rng, config, "dilation_rate", 1, 2)
    maybe(rng, config, "use_bias", False)
    maybe(rng, config, "data_format", "channels_last", "channels_first")
    return Case(kind, config, (shape(rng, rank(rng, 2, 1, 3)),))


@generates("MaxPooling1D", "AveragePooling1D")
def pooling1d(rng: random.Random, kind: str) -> Case:
    config: dict = {"pool_size": rng.randint(1, 5)}
    maybe(rng, config, "strides", 1, 2, 3, None)
    maybe(rng, config, "padding", "valid", "same")
    maybe(rng, config, "data_format", "channels_last", "channels_first")
    return Case(kind, config, (shape(rng, rank(rng, 2, 1, 3)),))


@generates("GlobalMaxPooling1D", "GlobalAveragePooling1D")
def global_pooling1d(rng: random.Random, kind: str) -> Case:
    config: dict = {}
    maybe(rng, config, "keepdims", True, False)
    maybe(rng, config, "data_format", "channels_last", "channels_first")
    return Case(kind, config, (shape(rng, rank(rng, 2, 1, 3)),))
