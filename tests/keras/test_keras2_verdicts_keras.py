"""Proof of the Keras 2 verdicts (``target-keras = "2"``) with tf-keras: what seqlint reports
under Keras 2 is what Keras 2 raises, and what Keras 2 accepts is not reported."""

from __future__ import annotations

import re
from textwrap import dedent

import pytest

from seqlint.diagnostic import Severity
from seqlint.rules import ALL_RULES
from tests.helpers import lint
from tests.keras.keras2 import run_under_keras2

pytestmark = pytest.mark.keras

HEADER = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
"""

FIT_GENERATOR = HEADER + dedent(
    """\
    X = np.random.rand(64, 10, 3)
    y = np.random.rand(64, 1)

    def batches():
        while True:
            yield X[:16], y[:16]

    model = keras.Sequential([keras.Input(shape=(10, 3)), layers.LSTM(8), layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    history = model.fit_generator(batches(), steps_per_epoch=2, epochs=1, verbose=0)
    assert len(history.history["loss"]) == 1
    """
)

INPUT_LENGTH_RESHAPE = HEADER + dedent(
    """\
    model = keras.Sequential([
        layers.Embedding(1000, 8, input_length=20),
        layers.Reshape((10, 15)),
    ])
    """
)

INPUT_LENGTH_BUILDS = HEADER + dedent(
    """\
    model = keras.Sequential([layers.Embedding(1000, 8, input_length=20), layers.LSTM(4)])
    assert model.built and model.input_shape == (None, 20), model.input_shape
    """
)

INPUT_LENGTH_VS_DATA = HEADER + dedent(
    """\
    X = np.random.randint(1, 1000, size=(32, 30))
    y = np.random.randint(0, 2, size=(32, 1))
    model = keras.Sequential([
        layers.Embedding(1000, 16, input_length=20),
        layers.LSTM(16),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    model.fit(X, y, epochs=1, verbose=0)
    """
)

SEQUENTIAL_INPUT_VS_DATA = HEADER + dedent(
    """\
    X = np.random.rand(32, 30, 3)
    y = np.random.rand(32, 1)
    model = keras.Sequential([keras.Input(shape=(20, 3)), layers.LSTM(8), layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    model.fit(X, y, epochs=1, verbose=0)
    """
)

TWO_HEADS = HEADER + dedent(
    """\
    X = np.random.rand(32, 10, 3)
    price = np.random.rand(32, 1)
    churn = np.random.randint(0, 2, size=(32, 1))
    inputs = keras.Input(shape=(10, 3))
    h = layers.LSTM(16)(inputs)
    price_out = layers.Dense(1, name="price")(h)
    churn_out = layers.Dense(1, activation="sigmoid", name="churn")(h)
    model = keras.Model(inputs, [price_out, churn_out])
    """
)
LOSS_DICT_LEAVES_OUTPUT_OUT = TWO_HEADS + dedent(
    """\
    model.compile(optimizer="adam", loss={"price": "mse"})
    model.fit(X, [price, churn], epochs=1, verbose=0)
    """
)
LOSS_DICT_TYPO = TWO_HEADS + dedent(
    """\
    model.compile(optimizer="adam", loss={"price": "mse", "chrun": "binary_crossentropy"})
    model.fit(X, [price, churn], epochs=1, verbose=0)
    """
)
LOSS_LIST_TOO_LONG = TWO_HEADS + dedent(
    """\
    model.compile(optimizer="adam", loss=["mse", "binary_crossentropy", "mse"])
    model.fit(X, [price, churn], epochs=1, verbose=0)
    """
)
SHARED_LOSS_WEIGHTED = TWO_HEADS + dedent(
    """\
    model.compile(optimizer="adam", loss="mse", loss_weights=[1.0, 0.5])
    model.fit(X, [price, churn], epochs=1, verbose=0)
    """
)

DECLARED_OUTPUT = HEADER + dedent(
    """\
    class Projection(layers.Layer):
        def build(self, input_shape):
            self.kernel = self.add_weight(shape=(input_shape[-1], 2), name="kernel")

        def call(self, inputs):
            return tf.matmul(inputs, self.kernel)

        def compute_output_shape(self, input_shape):
            return input_shape

    import tensorflow as tf
    X = np.random.rand(4, 7, 8).astype("float32")
    y = np.random.rand(4, 7, 5).astype("float32")
    inputs = keras.Input(shape=(7, 8))
    x = Projection()(inputs)
    outputs = layers.Dense(5)(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss="mse")
    model.fit(X, y, epochs=1, verbose=0)
    assert tuple(x.shape) == (None, 7, 2), x.shape
    """
)

LAMBDA_OUTPUT_SHAPE = HEADER + dedent(
    """\
    X = np.random.rand(4, 7, 8).astype("float32")
    y = np.random.rand(4, 5).astype("float32")
    inputs = keras.Input(shape=(7, 8))
    x = layers.Lambda(lambda t: t[:, -1, :2], output_shape=(7, 8))(inputs)
    outputs = layers.Dense(5)(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss="mse")
    model.fit(X, y, epochs=1, verbose=0)
    assert tuple(x.shape) == (None, 2), x.shape
    """
)

EMBEDDING_FLATTEN = HEADER + dedent(
    """\
    X = np.random.randint(1, 40, size=(4, 10))
    y = np.random.randint(0, 2, size=(4,))
    model = keras.Sequential([
        layers.Embedding(40, 4),
        layers.GRU(8, return_sequences=True),
        layers.Flatten(),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    model.fit(X, y, epochs=1, verbose=0)
    """
)

STEP_WEIGHTS = HEADER + dedent(
    """\
    class StepBias(layers.Layer):
        def build(self, input_shape):
            self.b = self.add_weight(shape=(input_shape[1],), initializer="zeros", name="b")

        def call(self, x):
            return x + self.b[:, None]

    X = np.random.randint(1, 40, size=(4, 10))
    y = np.random.rand(4, 10, 8)
    model = keras.Sequential([
        layers.Embedding(40, 4, EMBEDDING_ARGS),
        layers.LSTM(8, return_sequences=True),
        StepBias(),
    ])
    model.compile(optimizer="adam", loss="mse")
    model.fit(X, y, epochs=1, verbose=0)
    """
)
STEP_WEIGHTS_UNDEFINED = STEP_WEIGHTS.replace(", EMBEDDING_ARGS", "")
STEP_WEIGHTS_DECLARED = STEP_WEIGHTS.replace("EMBEDDING_ARGS", "input_length=10")

CASES = {
    "embedding_flatten": EMBEDDING_FLATTEN,
    "step_weights_undefined": STEP_WEIGHTS_UNDEFINED,
    "step_weights_declared": STEP_WEIGHTS_DECLARED,
    "declared_output": DECLARED_OUTPUT,
    "lambda_output_shape": LAMBDA_OUTPUT_SHAPE,
    "fit_generator": FIT_GENERATOR,
    "input_length_reshape": INPUT_LENGTH_RESHAPE,
    "input_length_builds": INPUT_LENGTH_BUILDS,
    "input_length_vs_data": INPUT_LENGTH_VS_DATA,
    "sequential_input_vs_data": SEQUENTIAL_INPUT_VS_DATA,
    "loss_dict_leaves_output_out": LOSS_DICT_LEAVES_OUTPUT_OUT,
    "loss_dict_typo": LOSS_DICT_TYPO,
    "loss_list_too_long": LOSS_LIST_TOO_LONG,
    "shared_loss_weighted": SHARED_LOSS_WEIGHTED,
}
ERROR_RULES = [r for r in ALL_RULES if r.severity is Severity.ERROR and not r.keras3_only]


@pytest.fixture(scope="module")
def keras2() -> dict[str, str | None]:
    snippets = dict(CASES)
    for rule in ALL_RULES:
        snippets[f"{rule.code} bad"] = rule.bad_example
        snippets[f"{rule.code} good"] = rule.good_example
    return run_under_keras2(snippets)


def codes(source: str, target: str) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in lint(source, target=target)]


def test_fit_generator_trains_under_keras2_and_is_not_reported(keras2):
    assert keras2["fit_generator"] is None
    assert codes(FIT_GENERATOR, "2") == []
    assert codes(FIT_GENERATOR, "3") == [("SL214", 13)]


def test_input_length_fixes_the_length_under_keras2(keras2):
    assert keras2["input_length_builds"] is None
    assert "total size of new array must be unchanged" in keras2["input_length_reshape"]
    assert codes(INPUT_LENGTH_RESHAPE, "2") == [("SL106", 6)]
    # Keras 3 ignores input_length: the model is not built, nothing raises here
    assert codes(INPUT_LENGTH_RESHAPE, "3") == [("SL213", 5)]


def test_data_longer_than_input_length_raises_under_keras2(keras2):
    assert "expected shape=(None, 20), found shape=(32, 30)" in keras2["input_length_vs_data"]
    (found,) = lint(INPUT_LENGTH_VS_DATA, target="2")
    assert (found.code, found.line) == ("SL209", 12)
    assert "input_length=20 at line 7 declares samples of shape (20,)" in found.message
    assert codes(INPUT_LENGTH_VS_DATA, "3") == [("SL213", 7)]


def test_declared_sequential_input_is_checked_against_the_data_under_keras2(keras2):
    message = keras2["sequential_input_vs_data"]
    assert "expected shape=(None, 20, 3), found shape=(32, 30, 3)" in message
    assert codes(SEQUENTIAL_INPUT_VS_DATA, "2") == [("SL209", 8)]
    assert codes(SEQUENTIAL_INPUT_VS_DATA, "3") == []  # Keras 3 runs the LSTM on 30 steps


def test_loss_dict_may_leave_outputs_out_under_keras2(keras2):
    assert keras2["loss_dict_leaves_output_out"] is None
    assert codes(LOSS_DICT_LEAVES_OUTPUT_OUT, "2") == []
    assert codes(LOSS_DICT_LEAVES_OUTPUT_OUT, "3") == [("SL206", 12)]


def test_loss_dict_key_naming_no_output_raises_under_keras2(keras2):
    assert "Found unexpected losses or metrics" in keras2["loss_dict_typo"]
    (found,) = lint(LOSS_DICT_TYPO, target="2")
    assert (found.code, found.line) == ("SL206", 12)
    assert "'chrun' is not an output name; Keras 2's fit raises" in found.message


def test_surplus_losses_and_weights_train_under_keras2(keras2):
    assert keras2["loss_list_too_long"] is None
    assert keras2["shared_loss_weighted"] is None
    assert codes(LOSS_LIST_TOO_LONG, "2") == []
    assert ("SL206", 12) not in codes(SHARED_LOSS_WEIGHTED, "2")
    assert codes(LOSS_LIST_TOO_LONG, "3") == [("SL206", 12)]
    assert ("SL206", 12) in codes(SHARED_LOSS_WEIGHTED, "3")


def test_keras2_builds_what_follows_a_custom_layer_from_what_its_call_returns(keras2):
    """tf.keras 2's functional API runs a custom layer's call (and a Lambda's function) on the
    symbolic tensors: compute_output_shape and output_shape= do not shape what follows, so
    neither Keras 3's silent mismatch (SL113) nor its raise in the next layer (SL118) exist."""
    assert keras2["declared_output"] is None
    assert keras2["lambda_output_shape"] is None
    assert codes(DECLARED_OUTPUT, "2") == []
    assert codes(LAMBDA_OUTPUT_SHAPE, "2") == []
    # Keras 3 builds the Dense for the declared 8 features (SL113, tests/keras elsewhere)
    assert sorted(codes(DECLARED_OUTPUT, "3")) == [("SL113", 18), ("SL118", 12)]
    assert ("SL113", 7) in codes(LAMBDA_OUTPUT_SHAPE, "3")


def test_keras2_embedding_declares_an_undefined_length_without_input_length(keras2):
    """tf.keras 2's Embedding sets input_shape=(None,) when it gets no input_length: the
    Sequential it starts is built when it is made, on an undefined number of steps."""
    assert "should be defined. Found None" in keras2["embedding_flatten"]
    assert codes(EMBEDDING_FLATTEN, "2") == [("SL110", 10)]
    (found,) = lint(EMBEDDING_FLATTEN, target="2")
    assert "Embedding(40, 4) at line 7 leaves the sequence length undefined" in found.message
    assert "give Embedding(40, 4) input_length=<the sequence length>" in (found.hint or "")
    assert keras2["step_weights_undefined"] is not None
    assert codes(STEP_WEIGHTS_UNDEFINED, "2") == [("SL112", 6)]
    assert keras2["step_weights_declared"] is None
    assert codes(STEP_WEIGHTS_DECLARED, "2") == []


@pytest.mark.parametrize("rule", ERROR_RULES, ids=lambda r: r.code)
def test_error_reported_under_keras2_raises_in_keras2(rule, keras2):
    reported = {d.code for d in lint(rule.bad_example, target="2")}
    assert rule.code in reported
    assert keras2[f"{rule.code} bad"] is not None, f"{rule.code}'s bad example runs in Keras 2"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_good_example_agrees_with_keras2(rule, keras2):
    """A good example runs in Keras 2 and is clean under target 2, unless it uses a Keras 3
    API (keras.ops): then seqlint reports only SL221 removed-api and Keras 2 raises."""
    found = {d.code for d in lint(rule.good_example, target="2")}
    if found:
        assert found == {"SL221"}, found
        raised = keras2[f"{rule.code} good"] or "ran"
        assert re.search("has no attribute|cannot import name", raised), raised
    else:
        assert keras2[f"{rule.code} good"] is None


@pytest.mark.parametrize("code", ["SL229", "SL228", "SL251"])
def test_swapped_losses_and_metrics_train_under_keras2(code, keras2):
    """Keras 2 broadcasts the regression loss or metric against the class labels: the swaps
    of SL229 and SL228 and SL251's metric train there, and those Keras-3-only rules are off
    under target 2 (the swapped losses' meaningless crossentropy on the regression output is
    SL204's)."""
    assert keras2[f"{code} bad"] is None
    rule = next(r for r in ALL_RULES if r.code == code)
    expected = [("SL204", 14)] if code == "SL229" else []
    assert codes(rule.bad_example, "2") == expected
