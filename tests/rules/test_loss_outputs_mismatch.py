"""SL206 loss-outputs-mismatch: only what Keras raises (tests/keras/test_loss_rules_keras.py
proves each message against real Keras)."""

import pytest

from tests.helpers import codes_and_lines, lint

SOURCE = """\
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(4,))
h = layers.Dense(8)(inputs)
a = layers.Dense(1, name="a")(h)
b = layers.Dense(1, name="b")(h)
model = keras.Model(inputs, OUTPUTS)
model.compile(optimizer="sgd", COMPILE)
"""
COMPILE_LINE = 9


def sl206(compile_args: str, outputs: str = "[a, b]") -> list:
    source = SOURCE.replace("OUTPUTS", outputs).replace("COMPILE", compile_args)
    return [d for d in lint(source) if d.code == "SL206"]


@pytest.mark.parametrize(
    ("outputs", "compile_args"),
    [
        ("[a, b]", 'loss={"a": "mse", "c": "mse"}'),
        ("(a, b)", 'loss={"a": "mse"}'),
        ('{"a": a, "b": b}', 'loss={"a": "mse", "c": "mse"}'),
        ("[a, b]", 'loss=["mse", "mse", "mse"]'),
        ("(a, b)", 'loss=("mse", "mse", "mse")'),
        ('{"a": a, "b": b}', 'loss=["mse"]'),
        ('{"a": a, "b": b}', 'loss=("mse", "mse", "mse")'),
        ("[a, b]", 'loss="mse", loss_weights=[1.0, 0.5]'),
        ("[a, b]", "loss=keras.losses.MeanSquaredError(), loss_weights=[1.0, 0.5]"),
        ("[a, b]", 'loss=["mse", "mse"], loss_weights=[1.0]'),
        ("[a, b]", 'loss=["mse", "mse"], loss_weights={"a": 1.0, "b": 1.0, "c": 1.0}'),
        ("[a, b]", 'loss={"a": "mse", "b": "mse"}, loss_weights=[1.0, 1.0, 1.0]'),
        ("[a, b]", 'loss={"a": "mse", "b": "mse"}, loss_weights={"a": 1.0}'),
        ('{"a": a, "b": b}', 'loss="mse", loss_weights={"a": 1.0, "b": 2.0}'),
        ('{"a": a, "b": b}', 'loss={"a": "mse", "b": "mse"}, loss_weights=[1.0, 1.0, 1.0]'),
    ],
)
def test_reported_at_the_compile_call(outputs, compile_args):
    assert [d.line for d in sl206(compile_args, outputs)] == [COMPILE_LINE]


@pytest.mark.parametrize(
    ("outputs", "compile_args"),
    [
        ("[a, b]", 'loss=["mse", "binary_crossentropy"]'),
        ("[a, b]", 'loss={"a": "mse", "b": "binary_crossentropy"}'),
        ("[a, b]", 'loss="mse"'),
        ("[a, b]", 'loss="mse", loss_weights=[2.0]'),
        ("[a, b]", 'loss="mse", loss_weights=0.5'),
        ("[a, b]", 'loss=["mse", "mse"], loss_weights=(1.0, 0.5)'),
        ("[a, b]", 'loss={"a": "mse", "b": "mse"}, loss_weights={"a": 1.0, "b": 1.0, "c": 2.0}'),
        ('{"a": a, "b": b}', 'loss=["mse", "mse"]'),
        ('{"a": a, "b": b}', 'loss={"a": "mse"}'),  # dict outputs: b simply gets no loss
        ('{"a": a, "b": b}', 'loss={"a": "mse", "b": "mse"}, loss_weights={"a": 1.0, "c": 1.0}'),
        # runs in Keras (silently wrong, but not an error)
        ("[a, b]", 'loss=["mse"]'),
        ("[a, b]", 'loss=("mse", "mse", "mse")'),  # a tuple for list outputs: shared by each
        ("[a, b]", 'loss=["mse", None]'),
        # what the code does not say
        ("[a, b]", "loss=LOSSES"),
        ("[a, b]", 'loss=["mse", LOSS, "mse"]'),
        ("OUTS", 'loss=["mse", "mse", "mse"]'),
        ("[a, b]", "loss=LOSS, loss_weights=[1.0, 0.5]"),
        ("[a, b]", 'loss="mse", loss_weights=WEIGHTS'),
        # single output
        ("a", 'loss=["mse", "mse"]'),
        ("[a]", 'loss={"x": "mse"}'),
    ],
)
def test_clean(outputs, compile_args):
    assert sl206(compile_args, outputs) == []


def test_dict_keys_are_checked_only_when_every_output_name_is_known():
    source = """\
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(4,))
a = layers.Dense(1)(inputs)
b = layers.Dense(1, name="b")(inputs)
model = keras.Model(inputs, [a, b])
model.compile(optimizer="sgd", loss={"dense": "mse", "b": "mse"})
"""
    assert [d.code for d in lint(source)] == []


def test_message_names_the_outputs_and_quotes_keras():
    [diagnostic] = sl206('loss={"a": "mse", "c": "mse"}')
    assert "'c' is not an output name" in diagnostic.message
    assert "no loss for 'b'" in diagnostic.message
    assert "Expected keys ['a', 'b'] in loss dict" in diagnostic.message


def test_weights_are_not_judged_when_the_loss_dict_keys_are_unknown():
    source = """\
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(4,))
a = layers.Dense(1)(inputs)
b = layers.Dense(1)(inputs)
model = keras.Model(inputs, [a, b])
model.compile(optimizer="sgd", loss={"dense": "mse", "dense_1": "mse"}, loss_weights=[1.0])
"""
    assert lint(source) == []


REPLACED = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

X = np.random.rand(32, 10, 3)
inputs = keras.Input(shape=(10, 3))
h = layers.LSTM(16)(inputs)
price = layers.Dense(1, name="price")(h)
churn = layers.Dense(1, activation="sigmoid", name="churn")(h)
model = keras.Model(inputs, [price, churn])
model.compile(optimizer="adam", loss={"price": "mse", "chrun": "binary_crossentropy"})
model.predict(X, verbose=0)
model.compile(optimizer="adam", loss={"price": "mse", "churn": "binary_crossentropy"})
model.fit(X, [np.random.rand(32, 1), np.random.rand(32, 1)], epochs=1, verbose=0)
"""


def test_a_compile_replaced_before_any_training_is_not_reported():
    """Issue 7: Keras builds the losses at fit, from the latest compile (proven in
    tests/keras/test_robust_keras.py)."""
    assert codes_and_lines(REPLACED) == set()


def test_a_compile_trained_before_it_is_replaced_is_reported():
    source = REPLACED.replace("model.predict(X, verbose=0)", "model.evaluate(X, [X, X])")
    assert ("SL206", 11) in codes_and_lines(source)


def test_a_compile_of_another_model_does_not_replace_it():
    source = REPLACED.replace(
        'model.compile(optimizer="adam", loss={"price": "mse", "churn"',
        "other = keras.Model(inputs, price)\n"
        'other.compile(optimizer="adam", loss={"price": "mse", "churn"',
    )
    assert ("SL206", 11) in codes_and_lines(source)


def test_the_last_compile_is_reported_even_without_any_fit():
    source = REPLACED.rsplit("model.compile", 1)[0]
    assert codes_and_lines(source) == {("SL206", 11)}


def test_other_compile_rules_skip_a_replaced_compile_too():
    """SL207 would report one mse shared by a value and a probability head."""
    shared = REPLACED.replace(
        'loss={"price": "mse", "chrun": "binary_crossentropy"})', 'loss="mse")'
    )
    assert codes_and_lines(shared) == set()
    assert codes_and_lines(shared.rsplit("model.compile", 1)[0]) == {("SL207", 11)}


def test_compiles_in_the_two_arms_of_an_if_count_as_replaced():
    """docs/limits.md: a miss, never a false alarm."""
    lines = REPLACED.replace("model.predict(X, verbose=0)\n", "").splitlines(keepends=True)
    first, second = lines[10], lines[11]
    assert first.startswith("model.compile") and second.startswith("model.compile")
    lines[10:12] = ["if flag:\n", "    " + first, "else:\n", "    " + second]
    assert codes_and_lines("".join(lines)) == set()
