"""RNN over cells, the cells and the ConvLSTMs in real code: each problem kind they raise,
reported by its rule at its line (tests/keras/test_recurrent_layers_keras.py runs the same
sources in Keras, which raises), and sources seqlint must leave silent (Keras runs them)."""

from __future__ import annotations

import textwrap

import pytest

from tests.helpers import codes_and_lines, lint

HEADER = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

"""

# name -> (source after HEADER, the (code, line) seqlint reports, what Keras raises)
RAISES = {
    "ConvLSTM2D stacked without return_sequences": (
        """\
        model = keras.Sequential([
            keras.Input(shape=(10, 32, 32, 1)),
            layers.ConvLSTM2D(8, 3, padding="same"),
            layers.ConvLSTM2D(8, 3, padding="same"),
        ])
        """,
        {("SL101", 8)},
        r"expected ndim=5, found ndim=4",
    ),
    "RNN(LSTMCell) after an LSTM without return_sequences": (
        """\
        inputs = keras.Input(shape=(20, 8))
        x = layers.LSTM(16)(inputs)
        outputs = layers.RNN(layers.LSTMCell(8))(x)
        """,
        {("SL101", 7)},
        r"Shapes used to initialize variables must be fully-defined",
    ),
    "RNN over GRU cells on features declared None": (
        """\
        inputs = keras.Input(shape=(20, None))
        outputs = layers.RNN([layers.GRUCell(8), layers.GRUCell(4)])(inputs)
        """,
        {("SL110", 6)},
        r"Shapes used to initialize variables must be fully-defined",
    ),
    "ConvLSTM2D on images of undefined size": (
        """\
        frames = keras.Input(shape=(10, None, None, 3))
        outputs = layers.ConvLSTM2D(8, 3)(frames)
        """,
        {("SL114", 6)},
        r"ConvLSTM layers only support static input shapes for the spatial dimension",
    ),
    "ConvLSTM2D kernel larger than the images": (
        """\
        model = keras.Sequential([
            keras.Input(shape=(10, 4, 4, 1)),
            layers.ConvLSTM2D(8, 5),
        ])
        """,
        {("SL108", 7)},
        r"Computed output size would be zero or negative",
    ),
    "RNN(LSTMCell) decoder seeded with states of another size": (
        """\
        enc_in = keras.Input(shape=(12, 8))
        _, h, c = layers.LSTM(16, return_state=True)(enc_in)
        dec_in = keras.Input(shape=(9, 8))
        decoder = layers.RNN(layers.LSTMCell(32), return_sequences=True)
        dec = decoder(dec_in, initial_state=[h, c])
        model = keras.Model([enc_in, dec_in], dec)
        model.predict([np.zeros((2, 12, 8)), np.zeros((2, 9, 8))], verbose=0)
        """,
        {("SL107", 9)},
        r"Dimensions must be equal",
    ),
    "ConvLSTM2D given one initial state": (
        """\
        frames = keras.Input(shape=(10, 8, 8, 3))
        h = keras.Input(shape=(6, 6, 4))
        outputs = layers.ConvLSTM2D(4, 3)(frames, initial_state=[h])
        model = keras.Model([frames, h], outputs)
        model.predict([np.zeros((2, 10, 8, 8, 3)), np.zeros((2, 6, 6, 4))], verbose=0)
        """,
        {("SL107", 7)},
        r"tuple index out of range",
    ),
    "Bidirectional returning a stateful LSTM's states": (
        """\
        inputs = keras.Input(batch_shape=(4, 10, 8))
        outputs = layers.Bidirectional(layers.LSTM(16, stateful=True, return_state=True))(inputs)
        """,
        {("SL114", 6)},
        r"unsupported operand type",
    ),
}

# Sources seqlint leaves silent, and Keras runs.
RUNS = {
    "a cell called step by step": """\
        x = keras.Input(shape=(8,))
        h, c = keras.Input(shape=(4,)), keras.Input(shape=(4,))
        out, states = layers.LSTMCell(4)(x, [h, c])
        model = keras.Model([x, h, c], layers.Dense(1)(out))
        model.predict([np.zeros((2, 8)), np.zeros((2, 4)), np.zeros((2, 4))], verbose=0)
        """,
    "stacked cells returning their states, one output per cell": """\
        inputs = keras.Input(shape=(12, 8))
        rnn = layers.RNN([layers.LSTMCell(16), layers.GRUCell(8)], return_state=True)
        outputs, lstm_states, gru_state = rnn(inputs)
        model = keras.Model(inputs, layers.Dense(1)(outputs))
        model.predict(np.zeros((2, 12, 8)), verbose=0)
        """,
    "stacked ConvLSTM2D, the first returning sequences": """\
        model = keras.Sequential([
            keras.Input(shape=(10, 16, 16, 1)),
            layers.ConvLSTM2D(8, 3, padding="same", return_sequences=True),
            layers.ConvLSTM2D(8, 3),
            layers.Flatten(),
            layers.Dense(1),
        ])
        model.predict(np.zeros((2, 10, 16, 16, 1)), verbose=0)
        """,
    "Bidirectional over an RNN of cells": """\
        inputs = keras.Input(shape=(12, 8))
        x = layers.Bidirectional(layers.RNN(layers.GRUCell(8), return_sequences=True))(inputs)
        model = keras.Model(inputs, layers.Dense(3)(x))
        model.predict(np.zeros((2, 12, 8)), verbose=0)
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


def test_stacked_conv_lstm_gets_return_sequences():
    """SL101 speaks of the sequence of images the ConvLSTM needs, and fixes the layer that
    drops the time axis."""
    body, _, _ = RAISES["ConvLSTM2D stacked without return_sequences"]
    (found,) = [d for d in lint(source(body)) if d.code == "SL101"]
    assert "expected input of rank 5 (batch, time, rows, cols, channels)" in found.message
    assert "return_sequences is False" in found.message
    assert found.fix is not None and "return_sequences=True" in found.fix.message


def test_an_unbatched_dataset_that_builds_the_model_is_told_to_batch():
    """No input declaration: Keras builds the model from one unbatched (20,) element, the
    Embedding gives (20, 8) and the LSTM raises (tests/datapath/cases.py, unbatched-token-ids,
    runs it in Keras). SL101's hint names the dataset, not the layer, unless it is batched."""
    body = """\
import tensorflow as tf

ids = np.random.randint(0, 50, size=(8, 20))
dataset = tf.data.Dataset.from_tensor_slices((ids, np.zeros((8, 1)))){batch}
model = keras.Sequential([layers.Embedding(50, 8), layers.LSTM(4), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(dataset{x}, epochs=1)
"""
    (found,) = [d for d in lint(HEADER + body.format(batch="", x="")) if d.code == "SL101"]
    assert found.hint.startswith("batch the dataset (e.g. .batch(32)) before fit")
    flat = body.format(batch=".batch(4)", x=".map(lambda a, b: (a[:, 0], b))")
    (found,) = [d for d in lint(HEADER + flat) if d.code == "SL101"]
    assert found.hint == "feed this layer a sequence (batch, timesteps, features)"
