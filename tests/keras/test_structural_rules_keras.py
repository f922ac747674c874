"""Structural verdicts beyond the rules' own examples, each linted and run in real Keras."""

import os
import textwrap

import pytest

from tests.helpers import codes_and_lines

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = pytest.mark.keras

# (source, the (code, line) seqlint reports, regex of what Keras raises)
CASES = {
    "MultiHeadAttention called on one list": (
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(10, 8))
        attended = layers.MultiHeadAttention(num_heads=2, key_dim=4)([inputs, inputs])
        """,
        {("SL114", 5)},  # one cause, one finding: SL116 leaves the missing `value` to it
        r"missing a required argument: 'value'",
    ),
    "one output of a layer unpacked into two names": (
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(10, 8))
        encoded = layers.LSTM(4, return_sequences=True)(inputs)
        context, scores = layers.Attention()([encoded, encoded])
        """,
        {("SL232", 6)},
        r"Iterating over a symbolic KerasTensor is not supported",
    ),
    "input_shape=X.shape, 2-D data, Dense first: fails at fit": (
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        X = np.random.rand(16, 6)
        y = np.random.rand(16, 1)
        model = keras.Sequential([layers.Dense(4, input_shape=X.shape), layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(X, y, epochs=1, verbose=0)
        """,
        {("SL102", 7)},
        r"Expected shape \(None, 16, 6\), but input has incompatible shape \(None, 6\)",
    ),
    "Input(shape=(features,)) into an LSTM": (
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(8,))
        outputs = layers.Dense(1)(layers.LSTM(4)(inputs))
        """,
        {("SL102", 4)},
        r"expected ndim=3, found ndim=2",
    ),
    "Flatten then GRU": (
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(10, 3)),
            layers.Flatten(),
            layers.GRU(4),
        ])
        """,
        {("SL101", 7)},
        r"expected ndim=3, found ndim=2",
    ),
    "Add of different feature sizes": (
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        a = keras.Input(shape=(10, 4))
        b = keras.Input(shape=(10, 3))
        summed = layers.Add()([a, b])
        """,
        {("SL104", 6)},
        r"Inputs have incompatible shapes",
    ),
    "LSTM given one initial state": (
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        x = keras.Input(shape=(5, 3))
        h = keras.Input(shape=(4,))
        out = layers.LSTM(4)(x, initial_state=[h])
        model = keras.Model([x, h], out)
        model.predict([np.zeros((2, 5, 3)), np.zeros((2, 4))], verbose=0)
        """,
        {("SL107", 7)},
        r"list index out of range",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_seqlint_and_keras_agree(name):
    source, expected, keras_error = CASES[name]
    source = textwrap.dedent(source)
    assert codes_and_lines(source) == expected
    with pytest.raises(Exception, match=keras_error):
        exec(compile(source, "<case>", "exec"), {"__name__": "__main__"})
