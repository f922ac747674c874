"""SL231: stateful RNNs on inputs without a fixed batch size (Keras proofs:
tests/keras/test_stateful_keras.py)."""

import pytest

from tests.helpers import codes_and_lines, lint

# name -> (source, the (code, line) reported); every one is run in Keras
CASES = {
    "functional Input(shape=...)": (
        """\
from tensorflow import keras
from tensorflow.keras import layers
inputs = keras.Input(shape=(10, 3))
x = layers.Bidirectional(layers.LSTM(8, stateful=True))(inputs)
""",
        {("SL231", 4)},
    ),
    "Sequential with input_shape on the stateful layer": (
        """\
from tensorflow import keras
from tensorflow.keras import layers
model = keras.Sequential([
    layers.GRU(8, stateful=True, input_shape=(10, 3)),
    layers.Dense(1),
])
""",
        {("SL231", 4)},
    ),
    "Sequential built with a free batch": (
        """\
from tensorflow import keras
from tensorflow.keras import layers
model = keras.Sequential([layers.Dense(3), layers.SimpleRNN(8, stateful=True)])
model.build((None, 10, 3))
""",
        {("SL231", 3)},
    ),
    "Sequential built with a fixed batch": (
        """\
from tensorflow import keras
from tensorflow.keras import layers
model = keras.Sequential([layers.Dense(3), layers.SimpleRNN(8, stateful=True)])
model.build((4, 10, 3))
""",
        set(),
    ),
    "batch_shape with a batch size": (
        """\
from tensorflow import keras
from tensorflow.keras import layers
inputs = keras.Input(batch_shape=(2, 10, 3))
x = layers.LSTM(8, stateful=True)(layers.Dense(4)(inputs))
""",
        set(),
    ),
    "subclassed model built from its data": (
        """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.rnn = layers.LSTM(8, stateful=True)
        self.out = layers.Dense(1)
    def call(self, x):
        return self.out(self.rnn(x))
model = Net()
model.build((None, 10, 3))
model.compile(optimizer="adam", loss="mse")
model.fit(np.zeros((8, 10, 3)), np.zeros((8, 1)), batch_size=4, epochs=1, verbose=0)
""",
        set(),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_stateful_without_batch_cases(name):
    source, expected = CASES[name]
    assert codes_and_lines(source) == expected


def test_message_and_silence_on_unreadable_declarations():
    (diagnostic,) = lint(CASES["functional Input(shape=...)"][0])
    assert diagnostic.message.startswith(
        "Bidirectional(LSTM(8, stateful=True)) at line 4 is stateful, but its input, "
        "Input(shape=(10, 3)) at line 3, declares no batch size, (batch, 10, 3): Keras 3 needs"
    )
    unreadable = """\
from tensorflow import keras
from tensorflow.keras import layers
a = keras.Input(shape=(10, 3), **options)
b = keras.Input(shape=(10, 3), batch_size=size)
c = keras.Input(batch_shape=shape)
for t in (a, b, c, opaque):
    pass
x = layers.LSTM(8, stateful=True)(a)
y = layers.LSTM(8, stateful=True)(b)
z = layers.LSTM(8, stateful=True)(c)
w = layers.LSTM(8, stateful=True)(opaque)
"""
    assert codes_and_lines(unreadable) == set()


def test_a_keras2_batch_size_keyword_on_the_layer_is_left_to_the_keyword_rules():
    source = """\
from tensorflow import keras
from tensorflow.keras import layers
model = keras.Sequential()
model.add(layers.LSTM(20, input_shape=(10, 1), batch_size=25, stateful=True))
"""
    assert {c for c in codes_and_lines(source) if c[0] == "SL231"} == set()
