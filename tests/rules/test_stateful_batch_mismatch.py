"""SL230: stateful RNNs against the batches fit/evaluate/predict cut (Keras proofs:
tests/keras/test_stateful_keras.py runs every case)."""

import pytest

from tests.helpers import codes_and_lines, lint

MODEL = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(batch_shape=(4, 10, 3))
x = layers.LSTM(8, stateful=True)(inputs)
model = keras.Model(inputs, layers.Dense(1)(x))
model.compile(optimizer="adam", loss="mse")
"""
FIT = 9  # the line of the call each case appends

# name -> (the call appended to MODEL, SL230 reported on it?, regex of what Keras raises)
CASES = {
    "default batch_size 32 on 64 samples": (
        "model.fit(np.zeros((64, 10, 3)), np.zeros((64, 1)), epochs=1, verbose=0)",
        True,
        r"Expected batch size: 4",
    ),
    "last partial batch": (
        "model.fit(np.zeros((18, 10, 3)), np.zeros((18, 1)), batch_size=4, epochs=1, verbose=0)",
        True,
        r"Incompatible shapes|Dimensions must be equal|must be the same",
    ),
    "fewer samples than batch_size, not the fixed batch": (
        "model.predict(np.zeros((3, 10, 3)), verbose=0)",
        True,
        r"Expected batch size: 4",
    ),
    "fewer samples than batch_size, exactly the fixed batch": (
        "model.predict(np.zeros((4, 10, 3)), verbose=0)",
        False,
        None,
    ),
    "evaluate in batches of the fixed size": (
        "model.evaluate(np.zeros((16, 10, 3)), np.zeros((16, 1)), batch_size=4, verbose=0)",
        False,
        None,
    ),
    "validation_data with a partial batch": (
        "model.fit(np.zeros((16, 10, 3)), np.zeros((16, 1)), batch_size=4, epochs=1, verbose=0,"
        " validation_data=(np.zeros((6, 10, 3)), np.zeros((6, 1))))",
        True,
        r"Incompatible shapes|Dimensions must be equal|must be the same",
    ),
    "validation_split leaving whole batches": (
        "model.fit(np.zeros((16, 10, 3)), np.zeros((16, 1)), batch_size=4, epochs=1, verbose=0,"
        " validation_split=0.25)",
        False,
        None,
    ),
    "smaller batch_size, unknown sample count": (
        "model.predict(np.zeros((n, 10, 3)), batch_size=2, verbose=0)",
        True,
        None,  # n is not defined: not run in Keras (the 16-sample case above proves the verdict)
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_stateful_batch_cases(name):
    call, reported, _ = CASES[name]
    expected = {("SL230", FIT)} if reported else set()
    assert {c for c in codes_and_lines(MODEL + call) if c[0] == "SL230"} == expected


def test_message_names_the_layer_the_input_and_the_batches():
    (diagnostic,) = lint(MODEL + CASES["last partial batch"][0])
    assert diagnostic.message == (
        "LSTM(8, stateful=True) at line 6 is stateful with a fixed batch of 4 samples "
        "(Input(batch_shape=(4, 10, 3)) at line 5), but fit gives it a last batch of 2 "
        "samples (18 samples of x (line 9) in batches of 4)"
    )
    assert (
        diagnostic.hint
        == "pass batch_size=4 and a multiple of 4 samples (e.g. X[: len(X) // 4 * 4])"
    )


def test_default_batch_size_is_named_as_such():
    (diagnostic,) = lint(MODEL + CASES["default batch_size 32 on 64 samples"][0])
    assert "batches of 32 samples (batch_size=32, the default)" in diagnostic.message


SEQUENTIAL = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

X = np.zeros((20, 5, 2))
model = keras.Sequential([
    keras.Input(shape=(5, 2), batch_size=4),
    layers.Bidirectional(layers.GRU(3, stateful=True)),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, np.zeros((20, 1)), batch_size=BATCH, epochs=1)
"""


def test_sequential_input_batch_size_and_bidirectional_stateful_layer():
    assert codes_and_lines(SEQUENTIAL.replace("BATCH", "8")) == {("SL230", 12)}
    assert codes_and_lines(SEQUENTIAL.replace("BATCH", "4")) == set()
    assert codes_and_lines(SEQUENTIAL.replace("BATCH", "size")) == set()  # unknown batch size


def test_nothing_without_a_stateful_layer_a_fixed_batch_or_known_batches():
    not_stateful = MODEL.replace(", stateful=True", "") + CASES["last partial batch"][0]
    assert codes_and_lines(not_stateful) == set()
    no_fixed_batch = MODEL.replace("batch_shape=(4, 10, 3)", "shape=(10, 3)")
    assert codes_and_lines(no_fixed_batch + CASES["last partial batch"][0]) == {("SL231", 6)}
    steps = "model.fit(np.zeros((18, 10, 3)), np.zeros((18, 1)), batch_size=4, steps_per_epoch=4)"
    assert codes_and_lines(MODEL + steps) == set()
    larger = "model.predict(np.zeros((n, 10, 3)), batch_size=8)"  # n may be 4
    assert codes_and_lines(MODEL + larger) == set()
    generator = "model.fit(make_batches(), epochs=1)"
    assert codes_and_lines(MODEL + generator) == set()
