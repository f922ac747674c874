"""SL232: unpacking a layer call's outputs into the wrong number of names (Keras proofs:
tests/keras/test_subclassed_keras.py runs every case)."""

import pytest

from tests.helpers import codes_and_lines, lint

HEADER = """\
from tensorflow import keras
from tensorflow.keras import layers
x = keras.Input(shape=(12, 8))
"""

# name -> (the line after HEADER, reported?, regex of the Python error Keras code raises)
CASES = {
    "LSTM states into GRU-sized names": (
        "out, h = layers.LSTM(4, return_state=True)(x)",
        True,
        r"too many values to unpack \(expected 2",
    ),
    "GRU states into LSTM-sized names": (
        "out, h, c = layers.GRU(4, return_state=True)(x)",
        True,
        r"not enough values to unpack \(expected 3, got 2\)",
    ),
    "SimpleRNN output and state": (
        "out, h = layers.SimpleRNN(4, return_state=True)(x)",
        False,
        None,
    ),
    "Bidirectional LSTM states": (
        "out, fh, fc, bh = layers.Bidirectional(layers.LSTM(4, return_state=True))(x)",
        True,
        r"too many values to unpack \(expected 4",
    ),
    "attention scores": (
        "out, scores, extra = layers.Attention()([x, x], return_attention_scores=True)",
        True,
        r"not enough values to unpack \(expected 3, got 2\)",
    ),
    "a starred name takes the rest": (
        "out, *states = layers.LSTM(4, return_state=True)(x)",
        False,
        None,
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_unpacking_cases(name):
    line, reported, _ = CASES[name]
    assert codes_and_lines(HEADER + line) == ({("SL232", 4)} if reported else set())


def test_message_names_what_the_layer_returns():
    (diagnostic,) = lint(HEADER + CASES["Bidirectional LSTM states"][0])
    assert diagnostic.message == (
        "Bidirectional(LSTM(4, return_state=True)) returns 5 tensors (output, forward_h, "
        "forward_c, backward_h, backward_c), unpacked into 4 names"
    )
