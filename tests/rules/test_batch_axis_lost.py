"""SL233: an op in a Lambda or custom layer turns the batch axis into a fixed size (Keras
proofs: tests/keras/test_batch_axis_lost_keras.py runs every case)."""

import pytest

from tests.helpers import codes_and_lines, lint

HEAD = """\
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras import layers

inputs = keras.Input(shape=(20, 8))
h = layers.LSTM(16, return_sequences=True)(inputs)
"""
OP = 9  # the line of the Lambda each case adds after HEAD

MODEL = """\
outputs = layers.Dense(3, activation="softmax")(pooled)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
"""

FIT = "model.fit(np.zeros((64, 20, 8)), np.zeros((64, 3)), epochs=1, verbose=0)"

# what Keras (or TensorFlow) raises when the loss meets targets of another number of rows
LOSS_ERROR = r"must have the same shape|must be broadcastable|Incompatible shapes|first dimension"

# name -> (the Lambda line, the data call, SL233 reported at the Lambda?, regex Keras raises)
CASES = {
    "K.sum over the batch axis, default batches of 32": (
        "pooled = layers.Lambda(lambda t: K.sum(t, axis=0))(h)",
        FIT,
        True,
        LOSS_ERROR,
    ),
    "tf.reduce_mean over axis 0, one batch of 5": (
        "pooled = layers.Lambda(lambda t: tf.reduce_mean(t, 0))(h)",
        "model.fit(np.zeros((5, 20, 8)), np.zeros((5, 3)), epochs=1, verbose=0)",
        True,
        LOSS_ERROR,
    ),
    "evaluate with a last partial batch": (
        "pooled = layers.Lambda(lambda t: K.sum(t, axis=0))(h)",
        "model.evaluate(np.zeros((50, 20, 8)), np.zeros((50, 3)), batch_size=20, verbose=0)",
        True,
        LOSS_ERROR,
    ),
    "the steps summed, axis=1": (
        "pooled = layers.Lambda(lambda t: K.sum(t, axis=1))(h)",
        FIT,
        False,
        None,
    ),
    "the batch mean subtracted (it broadcasts back onto the batch)": (
        "pooled = layers.Lambda(lambda t: K.sum(t - K.mean(t, axis=0), axis=1))(h)",
        FIT,
        False,
        None,
    ),
    "batches of exactly the fixed size": (
        "pooled = layers.Lambda(lambda t: K.sum(t, axis=0))(h)",
        "model.fit(np.zeros((40, 20, 8)), np.zeros((40, 3)), batch_size=20, epochs=1, verbose=0)",
        False,
        None,
    ),
    "one sample (its one row of targets broadcasts)": (
        "pooled = layers.Lambda(lambda t: K.sum(t, axis=0))(h)",
        "model.fit(np.zeros((1, 20, 8)), np.zeros((1, 3)), epochs=1, verbose=0)",
        False,
        None,
    ),
    "no fit": (
        "pooled = layers.Lambda(lambda t: K.sum(t, axis=0))(h)",
        "model.summary()",
        False,
        None,
    ),
    "unknown number of samples": (
        "pooled = layers.Lambda(lambda t: K.sum(t, axis=0))(h)",
        "model.fit(np.zeros((n, 20, 8)), np.zeros((n, 3)), epochs=1, verbose=0)",
        False,
        None,  # n is not defined: not run in Keras
    ),
}


def _source(name: str) -> str:
    line, call, _, _ = CASES[name]
    return HEAD + line + "\n" + MODEL + call + "\n"


@pytest.mark.parametrize("name", sorted(CASES))
def test_batch_axis_cases(name):
    _, _, reported, _ = CASES[name]
    expected = {("SL233", OP)} if reported else set()
    assert {c for c in codes_and_lines(_source(name)) if c[0] == "SL233"} == expected


def test_message_names_the_op_the_shapes_and_the_batches():
    (diagnostic,) = lint(_source("K.sum over the batch axis, default batches of 32"))
    assert diagnostic.message == (
        "K.sum(t, axis=0) reduces over the batch axis: it gives (20, 16) from (batch, 20, 16), "
        "so the model's output (20, 3) has 20 rows whatever the batch size, and fit gives it "
        "batches of 32 samples (batch_size=32, the default) of x (line 13): the loss meets "
        "their targets with 20 predictions, and Keras raises"
    )
    assert [row.layer for row in diagnostic.trace] == [
        "Input(shape=(20, 8))",
        "LSTM(16, return_sequences=True)",
        "K.sum(t, axis=0)",
    ]


# A custom layer whose weight has no batch axis: ``x * w`` broadcasts the batch axis of
# (batch, 4) against the weight's 4 rows.
WEIGHTED = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


class Scale(layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], input_shape[-1]))

    def call(self, x):
        return {expression}


inputs = keras.Input(shape=(4,))
outputs = layers.Dense(1)(Scale()(inputs))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.zeros((32, 4)), np.zeros((32, 1)), epochs=1, verbose=0)
"""
WEIGHTED_OP = 11

WEIGHTED_CASES = {
    "x * w": ("x * self.w", True, r"Dimensions must be equal, but are 32 and 4"),
    "x * w added back onto the batch": (
        "x * self.w + x",
        True,
        r"Dimensions must be equal, but are 32 and 4",
    ),
    "expand_dims(x, -1) * w, summed over the inputs": (
        "keras.ops.sum(keras.ops.expand_dims(x, -1) * self.w, axis=1)",
        False,
        None,
    ),
    "x * w on batches of 4": ("x * self.w + x", False, None),
}
WEIGHTED_CALLS = {  # the data call of a case, when not the fit of WEIGHTED
    "x * w on batches of 4": (
        "model.fit(np.zeros((32, 4)), np.zeros((32, 1)), batch_size=4, epochs=1, verbose=0)"
    ),
}


def weighted_source(name: str) -> str:
    source = WEIGHTED.replace("{expression}", WEIGHTED_CASES[name][0])
    if name in WEIGHTED_CALLS:
        fit = "model.fit(np.zeros((32, 4)), np.zeros((32, 1)), epochs=1, verbose=0)"
        source = source.replace(fit, WEIGHTED_CALLS[name])
    return source


@pytest.mark.parametrize("name", sorted(WEIGHTED_CASES))
def test_batch_axis_broadcast_against_a_weight(name):
    _, reported, _ = WEIGHTED_CASES[name]
    expected = {("SL233", WEIGHTED_OP)} if reported else set()
    found = codes_and_lines(weighted_source(name))
    assert {c for c in found if c[0] == "SL233"} == expected


def test_broadcast_message_names_the_weight():
    (diagnostic,) = [d for d in lint(weighted_source("x * w")) if d.code == "SL233"]
    assert diagnostic.message == (
        "x * self.w broadcasts the batch axis of (batch, 4) against axis 0 of (4, 4), of size "
        "4: it gives (4, 4), and fit gives it batches of 32 samples (batch_size=32, the "
        "default) of x (line 18): their rows cannot broadcast against 4, and TensorFlow raises"
    )


def test_predict_runs_the_broadcast_too():
    source = weighted_source("x * w added back onto the batch").replace(
        "model.fit(np.zeros((32, 4)), np.zeros((32, 1)), epochs=1, verbose=0)",
        "model.predict(np.zeros((10, 4)), verbose=0)",
    )
    assert {c for c in codes_and_lines(source) if c[0] == "SL233"} == {("SL233", WEIGHTED_OP)}


# The weight of keras-team/keras#15470: a tf.Variable made in __init__ from an initializer.
IN_INIT = """\
import numpy as np
import tensorflow as tf
from tensorflow import keras

w_initialization = tf.keras.initializers.GlorotUniform()


class NMU(keras.layers.Layer):
    def __init__(self, output_dim, input_dim):
        super().__init__()
        self.weight = tf.Variable(w_initialization([input_dim, output_dim]), trainable=True)

    def call(self, inputs):
        W = tf.minimum(tf.maximum(self.weight, 0), 1)
        output = {product} + 1 - W
        return tf.reduce_prod(output, axis=1)


inputs = keras.Input(shape=(2,))
model = keras.Model(inputs, NMU(2, 2)(inputs))
model.compile(loss="mse", optimizer="rmsprop")
model.fit(np.zeros((8, 2)), np.zeros((8, 2)), epochs=1, batch_size=4, verbose=0)
"""
IN_INIT_OP = 15
IN_INIT_CASES = {
    "inputs * W": ("(inputs * W)", True, r"Dimensions must be equal, but are 4 and 2"),
    "tf.expand_dims(inputs, -1) * W": ("(tf.expand_dims(inputs, -1) * W)", False, None),
}


def in_init_source(name: str) -> str:
    return IN_INIT.replace("{product}", IN_INIT_CASES[name][0])


@pytest.mark.parametrize("name", sorted(IN_INIT_CASES))
def test_a_tf_variable_made_in_init_is_a_weight(name):
    expected = {("SL233", IN_INIT_OP)} if IN_INIT_CASES[name][1] else set()
    assert {c for c in codes_and_lines(in_init_source(name)) if c[0] == "SL233"} == expected
