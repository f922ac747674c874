"""RNN over a cell class of the script, cells called directly and recurrent layers called
eagerly on arrays: each problem reported by its rule at its line (tests/keras/
test_rnn_cells_keras.py runs the same sources in Keras, which raises what ``RAISES`` says),
and sources seqlint must leave silent (Keras runs them)."""

from __future__ import annotations

import textwrap

import pytest

from tests.helpers import codes_and_lines, lint

HEADER = """\
import numpy as np
import tensorflow as tf
import keras
from keras import layers, ops

"""

CELL = """\
class Cell(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.state_size = {state_size}{output_size}

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units))

    def call(self, inputs, states):
        h = ops.matmul(inputs, self.kernel)
        new = {new}
        return {output}, {states}

"""


def cell(
    state_size: str = "units",
    new: str = "h",
    output: str = "h",
    states: str = "[new]",
    output_size: str = "",
) -> str:
    """A cell class of the script (its lines 6-19 after HEADER; ``new`` on line 17, the
    return on line 18)."""
    extra = f"\n        self.output_size = {output_size}" if output_size else ""
    return CELL.format(
        state_size=state_size, output_size=extra, new=new, output=output, states=states
    )


FIT = """\
model = keras.Model(x, y)
model.compile(optimizer="sgd", loss="mse")
model.fit(np.zeros((2, 5, 3)), np.zeros((2,) + tuple(model.output_shape[1:])), verbose=0)
"""

INITIAL_FIT = """\
model = keras.Model([x, h0], y)
model.compile(optimizer="sgd", loss="mse")
model.fit([np.zeros((2, 5, 3)), np.zeros((2, 5))], np.zeros((2, 4)), verbose=0)
"""

# name -> (source after HEADER, the (code, line) seqlint reports, what Keras raises)
RAISES = {
    "cell output wider than state_size, before a Dense": (
        cell(output="ops.concatenate([h, h], axis=-1)")
        + "x = keras.Input((5, 3))\ny = layers.RNN(Cell(4))(x)\ny = layers.Dense(1)(y)\n"
        + FIT,
        {("SL113", 21), ("SL118", 21)},
        r"to have value 4, but received input with shape \(None, 8\)",
    ),
    "cell output wider than its output_size, before a Dense": (
        cell(output="ops.concatenate([h, h], axis=-1)", output_size="6")
        + "x = keras.Input((5, 3))\n"
        + "y = layers.RNN(Cell(4), return_sequences=True)(x)\ny = layers.Dense(1)(y)\n"
        + FIT,
        {("SL113", 22), ("SL118", 22)},
        r"to have value 6, but received input with shape \(None, 5, 8\)",
    ),
    "cell returns a state with an axis more": (
        cell(new="ops.expand_dims(h, 0)")
        + "x = keras.Input((5, 3))\ny = layers.RNN(Cell(4))(x)\n"
        + FIT,
        {("SL114", 17)},
        r"enters the loop with shape \(None, 4\), but has shape \(1, None, 4\)",
    ),
    "cell returns a wider state": (
        cell(new="ops.concatenate([h, h], axis=-1)")
        + "x = keras.Input((5, 3))\ny = layers.RNN(Cell(4))(x)\n"
        + FIT,
        {("SL114", 17)},
        r"enters the loop with shape \(None, 4\), but has shape \(None, 8\)",
    ),
    "cell returns one state for two": (
        cell(state_size="[units, units]")
        + "x = keras.Input((5, 3))\ny = layers.RNN(Cell(4))(x)\n"
        + FIT,
        {("SL114", 18)},
        r"Too few leaves for PyTreeSpec; expected: 2, got: 1",
    ),
    "cell of a Sequential model returns a wider state": (
        cell(new="ops.concatenate([h, h], axis=-1)")
        + "model = keras.Sequential([keras.Input((5, 3)), layers.RNN(Cell(4))])\n"
        + 'model.compile(optimizer="sgd", loss="mse")\n'
        + "model.fit(np.zeros((2, 5, 3)), np.zeros((2, 4)), verbose=0)\n",
        {("SL114", 17)},
        r"enters the loop with shape \(None, 4\), but has shape \(None, 8\)",
    ),
    "cell whose state_size is None when the RNN is made": (
        cell(state_size="None") + "x = keras.Input((5, 3))\ny = layers.RNN(Cell(4))(x)\n",
        {("SL114", 21)},
        r"state_size must be specified",
    ),
    "RNN over a cell of the script on a rank-2 input": (
        cell() + "x = keras.Input((3,))\ny = layers.RNN(Cell(4))(x)\n" + FIT,
        {("SL102", 20)},  # the input declared without the time axis
        r"Shapes used to initialize variables must be fully-defined",
    ),
    "LSTMCell called on a rank-3 state": (
        """\
        x = keras.Input((3,))
        h = keras.Input((None, 4))
        c = keras.Input((4,))
        y, (h2, c2) = layers.LSTMCell(4)(x, [h, c])
        """,
        {("SL107", 9)},
        r"infer the output shape / dtype of 'lstm_cell",
    ),
    "GRUCell called on a state of another size": (
        """\
        x = keras.Input((3,))
        h = keras.Input((5,))
        y, h2 = layers.GRUCell(4)(x, h)
        """,
        {("SL107", 8)},
        r"infer the output shape / dtype of 'gru_cell",
    ),
    "GRUCell given the new h of an LSTMCell of other units": (
        """\
        x = keras.Input((3,))
        h = keras.Input((4,))
        y, (h2, c2) = layers.LSTMCell(4)(x, [h, h])
        z, g = layers.GRUCell(5)(y, [h2])
        """,
        {("SL107", 9)},
        r"infer the output shape / dtype of 'gru_cell",
    ),
    "LSTMCell called on a sequence": (
        """\
        x = keras.Input((6, 3))
        h = keras.Input((4,))
        y, states = layers.LSTMCell(4)(x, [h, h])
        """,
        {("SL102", 6)},  # the input declared with the steps the cell cannot take
        r"infer the output shape / dtype of 'lstm_cell",
    ),
    "LSTM called eagerly on one step": (
        """\
        x = tf.random.normal((3, 128))
        y = layers.LSTM(4)(x)
        """,
        {("SL101", 7)},
        r"expected ndim=3, found ndim=2",
    ),
    "GRU called eagerly with a positional state of another size": (
        """\
        x = np.zeros((2, 5, 3), dtype="float32")
        state = tf.zeros((2, 6))
        y = layers.GRU(4)(x, state)
        """,
        {("SL107", 8)},
        r"Matrix size-incompatible: In\[0\]: \[2,6\]",
    ),
    "RNN over stacked LSTMCells given a flat list of states": (
        """\
        x = keras.Input((5, 3))
        states = [keras.Input((4,)) for _ in range(4)]
        y = layers.RNN([layers.LSTMCell(4) for _ in range(2)])(x, initial_state=states)
        model = keras.Model([x] + states, y)
        model.predict([np.zeros((2, 5, 3))] + [np.zeros((2, 4))] * 4, verbose=0)
        """,
        {("SL107", 8)},
        r"list index out of range",
    ),
    "stacked cells of the script, the first one's output wider than it declares": (
        cell(output="ops.concatenate([h, h], axis=-1)", output_size="units")
        + "x = keras.Input((5, 3))\ny = layers.RNN([Cell(4), Cell(6)])(x)\n"
        + FIT,
        {("SL111", 17)},  # the second Cell is built for the 4 features declared, gets 8
        r"Dimensions must be equal, but are 8 and 4",
    ),
    "a cell of the script's wider output into the LSTMCell stacked after it": (
        cell(output="ops.concatenate([h, h], axis=-1)")
        + "x = keras.Input((5, 3))\ny = layers.RNN([Cell(4), layers.LSTMCell(6)])(x)\n"
        + FIT,
        {("SL114", 21)},
        r"Dimensions must be equal, but are 8 and 4",
    ),
    "cell given an initial state wider than the state it returns": (
        cell()
        + "x = keras.Input((5, 3))\nh0 = keras.Input((5,))\n"
        + "y = layers.RNN(Cell(4))(x, initial_state=h0)\n"
        + INITIAL_FIT,
        {("SL114", 16)},  # where the returned state is made
        r"enters the loop with shape \(None, 5\), but has shape \(None, 4\)",
    ),
}

RUNS = {
    "a cell of the script as Keras documents it": cell()
    + "x = keras.Input((5, 3))\ny = layers.RNN(Cell(4))(x)\ny = layers.Dense(1)(y)\n"
    + FIT,
    "a wider output the cell declares": cell(
        output="ops.concatenate([h, h], axis=-1)", output_size="2 * units"
    )
    + "x = keras.Input((5, 3))\ny = layers.RNN(Cell(4))(x)\ny = layers.Dense(1)(y)\n"
    + FIT,
    "a state with an axis more, unrolled": cell(new="ops.expand_dims(h, 0)")
    + "x = keras.Input((5, 3))\ny = layers.RNN(Cell(4), unroll=True)(x)\n"
    + FIT,
    "two states returned for two": cell(state_size="(units, units)", states="[new, h]")
    + "x = keras.Input((5, 3))\ny = layers.RNN(Cell(4), return_sequences=True)(x)\n"
    + FIT,
    "cells called directly on their states": """\
        x = keras.Input((3,))
        h = keras.Input((4,))
        y, (h2, c2) = layers.LSTMCell(4)(x, (h, h))
        z, g = layers.GRUCell(4)(y, h2)
        w, (s,) = layers.SimpleRNNCell(4)(z, [keras.Input((None, 4))])
        """,
    "LSTM and RNN called eagerly on sequences": """\
        x = tf.random.normal((3, 5, 8))
        y = layers.LSTM(4)(x)
        z = layers.RNN(layers.GRUCell(4))(np.zeros((3, 5, 8), dtype="float32"), tf.zeros((3, 4)))
        """,
    "stacked cells of the script, in a list and in StackedRNNCells": cell()
    + "x = keras.Input((5, 3))\ny = layers.RNN([Cell(4), Cell(6)])(x)\n"
    + "y = layers.RNN(layers.StackedRNNCells([Cell(6), Cell(2)]), return_sequences=True)(x)\n"
    + FIT,
    "a cell of the script stacked with built-in cells": cell()
    + "x = keras.Input((5, 3))\n"
    + "y = layers.RNN([layers.GRUCell(5), Cell(4), layers.LSTMCell(6)])(x)\n"
    + FIT,
    "cell that keeps the initial state it is given": cell(new="states[0]")
    + "x = keras.Input((5, 3))\nh0 = keras.Input((5,))\n"
    + "y = layers.RNN(Cell(4))(x, initial_state=[h0])\n"
    + INITIAL_FIT,
    "stacked LSTMCells given one [h, c] list each": """\
        x = keras.Input((5, 3))
        states = [[keras.Input((4,)), keras.Input((4,))] for _ in range(2)]
        y = layers.RNN([layers.LSTMCell(4) for _ in range(2)])(x, initial_state=states)
        """,
}


def source(body: str) -> str:
    return HEADER + textwrap.dedent(body)


@pytest.mark.parametrize("name", sorted(RAISES))
def test_reported_at_its_line(name):
    body, expected, _ = RAISES[name]
    assert codes_and_lines(source(body)) == expected


@pytest.mark.parametrize("name", sorted(RUNS))
def test_silent(name):
    assert codes_and_lines(source(RUNS[name])) == set()


def test_messages_name_the_cell_and_its_state_size():
    body, _, _ = RAISES["cell returns one state for two"]
    (found,) = lint(source(body))
    assert found.message == (
        "Cell(4).call() returns 1 new state, but its state_size [4, 4] has 2: the RNN's loop "
        "needs the same states back at every step"
    )
    body, _, _ = RAISES["cell returns a state with an axis more"]
    (found,) = lint(source(body))
    assert "returns new state 0 of shape (1, batch, 4), but its state_size says (batch, 4)" in (
        found.message
    )
    body, _, _ = RAISES["cell output wider than state_size, before a Dense"]
    error = next(d for d in lint(source(body)) if d.code == "SL118")
    assert "declared (None, 4), from its cell's output_size or state_size," in error.message
    assert "Keras builds Dense(1) at line 22 for it, but call returns (batch, 8)" in error.message
    assert error.hint.startswith("give the cell output_size = 8")
    body, _, _ = RAISES["cell given an initial state wider than the state it returns"]
    (found,) = lint(source(body))
    assert found.message == (
        "Cell(4).call() returns new state 0 of shape (batch, 4), but the initial_state the RNN "
        "is given says (batch, 5): the RNN's loop needs each state to keep its shape from step "
        "to step"
    )
    assert found.hint == (
        "return new state 0 as a (batch, 5) tensor, or pass an initial state of that shape"
    )
    body, _, _ = RAISES["a cell of the script's wider output into the LSTMCell stacked after it"]
    (found,) = lint(source(body))
    assert found.message == (
        "LSTMCell(6) in the stack is built for the 4 features Cell(4) declares (its "
        "output_size, else state_size[0]), but Cell(4).call() returns (batch, 8): its kernel "
        "cannot take them"
    )
    assert found.hint == "give Cell(4) output_size = 8, or return 4 features from its call()"
