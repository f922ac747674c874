"""Cases for LSTM, GRU, SimpleRNN, RNN over cells, the cells, Bidirectional and TimeDistributed."""

from __future__ import annotations

import random

from tests.catalogue.cases import generates
from tests.catalogue.cases.convolutional_recurrent import conv_lstm
from tests.catalogue.cases.draw import maybe, rank, shape, size
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
    """Over an LSTM, GRU or SimpleRNN, an RNN over cells, or a ConvLSTM."""
    form, batch = rng.random(), None
    if form < 0.6:
        inner = rng.choice(RNNS)
        wrapped, x = Nest(inner, rnn_config(rng, inner)), shape(rng, rank(rng, 2, 1, 4))
    elif form < 0.8:
        over = rnn_over_cells(rng, "RNN")
        wrapped, x, batch = Nest("RNN", over.config), over.inputs[0], over.batch
    else:
        images = conv_lstm(rng, rng.choice(["ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D"]))
        wrapped, x = Nest(images.kind, images.config), images.inputs[0]
    # Keras's backward copy goes backwards: a layer that already does is refused
    wrapped.config.pop("go_backwards", None)
    config: dict = {"layer": wrapped}
    maybe(rng, config, "merge_mode", "concat", "sum", "mul", "ave", None)
    return Case(kind, config, (x,), batch=batch)


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


CELLS = ("LSTMCell", "GRUCell", "SimpleRNNCell")
N_STATES = {"LSTMCell": 2, "GRUCell": 1, "SimpleRNNCell": 1}


def cell_config(rng: random.Random, kind: str) -> dict:
    config: dict = {"units": rng.randint(1, 8)}
    maybe(rng, config, "use_bias", False)
    if kind == "GRUCell":
        maybe(rng, config, "reset_after", False)
    return config


def cell_nests(rng: random.Random, n: int) -> list[Nest]:
    kinds = [rng.choice(CELLS) for _ in range(n)]
    return [Nest(kind, cell_config(rng, kind)) for kind in kinds]


def _states(rng: random.Random, cell: Nest) -> tuple[tuple[int, ...], ...]:
    """The states of one cell, now and then of a wrong size or one too few or many."""
    units = cell.config["units"]
    states = [(units,) for _ in range(N_STATES[cell.kind])]
    odd = rng.random()
    if odd < 0.15:
        states[rng.randrange(len(states))] = (rng.choice([1, units + 1]),)
    elif odd < 0.25:  # a cell called without states is a TypeError: keep one
        states = states[:-1] if len(states) > 1 and rng.random() < 0.5 else [*states, (units,)]
    return tuple(states)


@generates("RNN")
def rnn_over_cells(rng: random.Random, kind: str) -> Case:
    form = rng.random()
    cells = cell_nests(rng, 1 if form < 0.6 else rng.randint(1, 3))
    cell: object = cells[0] if form < 0.6 else cells
    if form > 0.85:
        cell = Nest("StackedRNNCells", {"cells": cells})
    config: dict = {"cell": cell}
    maybe(rng, config, "return_sequences", True, False)
    maybe(rng, config, "return_state", True, False)
    maybe(rng, config, "go_backwards", True)
    batch = None
    if rng.random() < 0.1:
        config["stateful"], batch = True, 2  # stateful needs a fixed batch size
    x = shape(rng, rank(rng, 2, 1, 4))
    if x[:1] != (None,) and rng.random() < 0.2:
        config["unroll"] = True  # unrolling needs a defined time axis
    if isinstance(cell, Nest) and cell.kind in CELLS and rng.random() < 0.3:
        # checked when the model runs
        return Case(kind, config, (x,), states=_states(rng, cell), batch=batch, runtime=True)
    return Case(kind, config, (x,), batch=batch)


@generates(*CELLS)
def cell_called(rng: random.Random, kind: str) -> Case:
    cell = Nest(kind, cell_config(rng, kind))
    x = (size(rng, 1, 8, unknown=0.1),)
    return Case(kind, cell.config, (x,), states=_states(rng, cell), states_as="states")


@generates("StackedRNNCells")
def stacked_cells_called(rng: random.Random, kind: str) -> Case:
    cells = cell_nests(rng, rng.randint(1, 3))
    states = tuple([(c.config["units"],)] * N_STATES[c.kind] for c in cells)
    x = (size(rng, 1, 8, unknown=0.1),)
    return Case(kind, {"cells": cells}, (x,), states=states, states_as="states")
