"""SL108-SL110 and the unknown-outputs cases beyond the rules' own examples, each linted
and run in real Keras: where seqlint reports an error Keras raises, where it is silent
Keras runs."""

import os
import textwrap

import pytest

from tests.helpers import codes_and_lines
from tests.rules.test_degenerate_window import ZIPPED
from tests.rules.test_loss_outputs_mismatch import REPLACED

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = pytest.mark.keras

WINDOW = r"Computed output size would be zero or negative"
UNDEFINED = r"Shapes used to initialize variables must be fully-defined"


def _pooled(layer: str) -> str:
    return f"""\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            keras.Input(shape=(3, 2)),
            {layer},
            layers.Flatten(),
            layers.Dense(1),
        ])
        model.predict(np.zeros((2, 3, 2)), verbose=0)
        """


# (source, the (code, line) seqlint reports, regex of what Keras raises)
RAISES = {
    "MaxPooling1D(5) over 3 steps": (_pooled("layers.MaxPooling1D(5)"), {("SL108", 7)}, WINDOW),
    "AveragePooling1D(4) over 3 steps": (
        _pooled("layers.AveragePooling1D(pool_size=4)"),
        {("SL108", 7)},
        WINDOW,
    ),
    "Conv1D(4, 2, dilation_rate=3) spans 4 of 3 steps": (
        _pooled("layers.Conv1D(4, 2, dilation_rate=3)"),
        {("SL108", 7)},
        WINDOW,
    ),
    "Embedding(weights=matrix) without a list": (
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        matrix = np.zeros((100, 8))
        inputs = keras.Input(shape=(20,))
        outputs = layers.Embedding(50, 8, weights=matrix)(inputs)
        """,
        {("SL109", 7)},
        r"weight shape \(50, 8\) is not compatible with provided weight shape \(100, 8\)",
    ),
    "Embedding(weights=[a vector])": (
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        vectors = np.zeros(400)
        embedding = layers.Embedding(50, 8, weights=[vectors], trainable=False)
        model = keras.Sequential([keras.Input(shape=(20,)), embedding, layers.LSTM(4)])
        """,
        {("SL109", 6)},
        r"weight shape \(50, 8\) is not compatible with provided weight shape \(400,\)",
    ),
    "functional: Input(None, 8), LSTM sequences, Flatten, Dense": (
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(None, 8))
        x = layers.LSTM(4, return_sequences=True)(inputs)
        x = layers.Dropout(0.2)(layers.Flatten()(x))
        outputs = layers.Dense(1)(x)
        """,
        {("SL110", 7)},
        UNDEFINED,
    ),
    "Sequential declared by input_shape=(None,) on the Embedding": (
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([
            layers.Embedding(100, 8, input_shape=(None,)),
            layers.Flatten(),
            layers.Dense(1),
        ])
        """,
        {("SL110", 7)},
        UNDEFINED,
    ),
    "a Lambda's slice keeps an undefined length undefined": (
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(None, 8))
        x = layers.Lambda(lambda t: t[:, :5])(inputs)
        outputs = layers.Dense(1)(layers.Flatten()(x))
        """,
        {("SL110", 6)},
        UNDEFINED,
    ),
    "Dense on a last axis declared None": (
        """\
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(10, None))
        outputs = layers.Dense(1)(inputs)
        """,
        {("SL110", 5)},
        UNDEFINED,
    ),
    "outputs reassigned in a loop, data of the wrong features": (
        """\
        import numpy as np, keras
        from keras import layers
        inp = keras.Input(shape=(10, 4))
        x = layers.LSTM(8)(inp)
        for _ in range(2):
            x = layers.Dense(8)(x)
        model = keras.Model(inp, x)
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((4, 10, 3)), np.zeros((4, 8)), epochs=1, verbose=0)
        """,
        {("SL209", 9)},
        r"expected shape=\(None, 10, 4\), found shape=\(None, 10, 3\)",
    ),
}

# Sources seqlint leaves silent, and Keras runs.
RUNS = {
    "MaxPooling1D(5, padding='same') over 3 steps": _pooled(
        "layers.MaxPooling1D(5, padding='same')"
    ),
    "AveragePooling1D(3) over exactly 3 steps": _pooled("layers.AveragePooling1D(3)"),
    "AveragePooling1D(4, padding='same') over 3 steps": _pooled(
        "layers.AveragePooling1D(4, padding='same')"
    ),
    "Conv1D(4, 5, padding='causal') over 3 steps": _pooled("layers.Conv1D(4, 5, padding='causal')"),
    "Embedding(weights=[matrix]) of the right shape, not trainable": """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        matrix = np.zeros((51, 8))
        embedding = layers.Embedding(51, 8, weights=[matrix], trainable=False)
        model = keras.Sequential([keras.Input(shape=(20,)), embedding, layers.LSTM(4)])
        """,
    "Sequential without Input: Embedding, Flatten, Dense built from the data": """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        model = keras.Sequential([layers.Embedding(50, 8), layers.Flatten(), layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((4, 5)), np.zeros((4, 1)), epochs=1, verbose=0)
        """,
    "Input(None, 8) into Flatten as the output": """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(None, 8))
        model = keras.Model(inputs, layers.Flatten()(inputs))
        model.predict(np.zeros((2, 5, 8)), verbose=0)
        """,
    "TimeDistributed(Dense) over an undefined time axis": """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        inputs = keras.Input(shape=(None, 8))
        x = layers.LSTM(4, return_sequences=True)(inputs)
        model = keras.Model(inputs, layers.Dense(1)(x))
        model.predict(np.zeros((2, 5, 8)), verbose=0)
        """,
    "issue 7: one-step windows of the targets, zipped with ten-step inputs": ZIPPED,
    "issue 7: a wrong loss dict replaced by a later compile before fit": REPLACED,
    "issue 7: outputs reassigned in a loop": """\
        import numpy as np, keras
        from keras import layers
        inp = keras.Input(shape=(10, 4))
        x = layers.LSTM(8)(inp)
        for _ in range(2):
            x = layers.Dense(8)(x)
        model = keras.Model(inp, x)
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((4, 10, 4)), np.zeros((4, 8)), epochs=1, verbose=0)
        """,
}


def _run(source: str) -> None:
    exec(compile(source, "<case>", "exec"), {"__name__": "__main__"})


@pytest.mark.parametrize("name", sorted(RAISES))
def test_reported_and_keras_raises(name):
    source, expected, keras_error = RAISES[name]
    source = textwrap.dedent(source)
    assert codes_and_lines(source) == expected
    with pytest.raises(Exception, match=keras_error):
        _run(source)


@pytest.mark.parametrize("name", sorted(RUNS))
def test_silent_and_keras_runs(name):
    source = textwrap.dedent(RUNS[name])
    assert codes_and_lines(source) == set()
    _run(source)


def test_sl107_is_silent_on_a_layer_no_model_runs():
    """wrappers_test.py of Keras 2.3.1 (the real-world corpus): Keras 3 does not check
    initial_state when it builds the layer, and no model runs it, so nothing raises; once a
    model runs it, Keras raises and SL107 reports it."""
    source = textwrap.dedent(
        """\
        import numpy as np
        from tensorflow import keras
        from tensorflow.keras import layers

        input1 = keras.Input((3, 5))
        pair = layers.Bidirectional(layers.LSTM(3, return_state=True, return_sequences=True))
        state = pair(input1)[1:]
        input2 = keras.Input((3, 5))
        output = layers.Bidirectional(layers.LSTM(3))(input2, initial_state=state[0])
        """
    )
    assert codes_and_lines(source) == set()
    _run(source)
    run = (
        "model = keras.Model([input1, input2], output)\nmodel.predict([np.zeros((2, 3, 5))] * 2)\n"
    )
    assert codes_and_lines(source + run) == {("SL107", 9)}
    with pytest.raises(Exception):  # noqa: B017 - the exception class varies with the backend
        _run(source + run)
