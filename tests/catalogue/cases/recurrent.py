"""Cases for LSTM, GRU, SimpleRNN, Bidirectional and TimeDistributed."""

from __future__ import annotations

import random

from tests.catalogue.cases import generates
from tests.catalogue.cases.draw import maybe, rank, shape
from tests.catalogue.harness import Case, Nest

RNNS = ("LSTM", "GRU", "SimpleRNN")


def rnn_config(rng: random.Random, kind: str) -> dict:
    config: dict = {"units": rng.randint(1, 8)}
    maybe(rng, config, "return_sequences", True, False)
    maybe(rng, config, "return_state", True, False)
    maybe(rng, config, "go_backwards", True)
    maybe(rng, config, "use_bias", False)
    if kind == "GRU":
        maybe(rng, config, "reset_after", False)
    return config


@generates(*RNNS)
def rnn(rng: random.Random, kind: str) -> Case:
    return Case(kind, rnn_config(rng, kind), (shape(rng, rank(rng, 2, 1, 4)),))


@generates("Bidirectional")
def bidirectional(rng: random.Random, kind: str) -> Case:
    inner = rng.choice(RNNS)
    config: dict = {"layer": Nest(inner, rnn_config(rng, inner))}
    maybe(rng, config, "merge_mode", "concat", "sum", "mul", "ave", None)
    return Case(kind, config, (shape(rng, rank(rng, 2, 1, 4)),))


@generates("TimeDistributed")
def time_distributed(rng: random.Random, kind: str) -> Case:
    inner = rng.choice(["Dense", "Dense", "Dropout", "Flatten", "Conv1D", "LSTM"])
    config = {
        "Dense": {"units": rng.randint(1, 6)},
        "Dropout": {"rate": 0.2},
        "Flatten": {},
        "Conv1D": {"filters": 2, "kernel_size": rng.randint(1, 4)},
        "LSTM": {"units": 3},
    }[inner]
    usual = 4 if inner in ("Conv1D", "LSTM") else rng.choice([3, 4])
    return Case(kind, {"layer": Nest(inner, config)}, (shape(rng, rank(rng, usual - 1, 1, 4)),))
