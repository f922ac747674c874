"""SL205 loss-activation-mismatch: what it reports, and the look-alikes it leaves alone."""

import pytest

from tests.helpers import lint

HEADER = """\
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(10, 3))
h = layers.LSTM(8)(inputs)
h2 = layers.LSTM(8, return_sequences=True)(inputs)
"""


def sl205(body: str) -> list[int]:
    source = HEADER + body
    return [d.line for d in lint(source) if d.code == "SL205"]


def compile_line(body: str) -> int:
    lines = (HEADER + body).splitlines()
    return next(n for n, text in enumerate(lines, 1) if ".compile(" in text)


@pytest.mark.parametrize(
    ("output", "loss"),
    [
        ('layers.Dense(1, activation="softmax")(h)', '"binary_crossentropy"'),
        ('layers.Dense(1, activation="softmax")(h)', '"mse"'),
        ("layers.Dense(1, activation=keras.activations.softmax)(h)", '"mse"'),
        ('layers.Activation("softmax")(layers.Dense(1)(h))', '"binary_crossentropy"'),
        ("layers.Softmax()(layers.Dense(1)(h))", '"binary_crossentropy"'),
        ('layers.Dense(3, activation="softmax")(h)', '"binary_crossentropy"'),
        ('layers.Dense(3, activation="softmax")(h)', "keras.losses.BinaryCrossentropy()"),
        ('layers.Dense(3, activation="sigmoid")(h)', '"categorical_crossentropy"'),
        ('layers.Dense(3, activation="sigmoid")(h)', '"sparse_categorical_crossentropy"'),
        ('layers.Dense(3, activation="sigmoid")(h)', '"crossentropy"'),
        ("layers.Dense(1)(h)", '"binary_crossentropy"'),
        ('layers.Dense(1, activation="linear")(h)', "keras.losses.binary_crossentropy"),
        ("layers.Dense(1, activation=None)(h)", "keras.losses.BinaryCrossentropy(False)"),
        ("layers.Dense(4)(h)", '"sparse_categorical_crossentropy"'),
        ("layers.Dense(4)(h)", '"categorical_crossentropy"'),
        ("layers.Dense(4)(h)", '"crossentropy"'),
        ('layers.Dense(1, activation="tanh")(h)', '"binary_crossentropy"'),
        ('layers.TimeDistributed(layers.Dense(1, activation="tanh"))(h2)', '"binary_crossentropy"'),
        ('layers.Activation("tanh")(layers.Dense(1)(h))', "keras.losses.BinaryCrossentropy()"),
        ("layers.LSTM(1)(h2)", '"binary_crossentropy"'),
        ("layers.GRU(1, return_sequences=True)(h2)", '"binary_crossentropy"'),
        ("layers.Bidirectional(layers.SimpleRNN(1))(h2)", '"binary_crossentropy"'),
        ("layers.LSTM(1, activation=None)(h2)", '"binary_crossentropy"'),
        ("layers.LSTM(4, activation=None)(h2)", '"categorical_crossentropy"'),
    ],
)
def test_reported_at_the_compile_call(output, loss):
    body = f"""\
out = {output}
model = keras.Model(inputs, out)
model.compile(optimizer="adam", loss={loss})
"""
    assert sl205(body) == [compile_line(body)]


@pytest.mark.parametrize(
    ("output", "loss"),
    [
        ('layers.Dense(1, activation="sigmoid")(h)', '"binary_crossentropy"'),
        ('layers.Dense(3, activation="softmax")(h)', '"categorical_crossentropy"'),
        ('layers.Dense(3, activation="softmax")(h)', '"sparse_categorical_crossentropy"'),
        ('layers.Dense(3, activation="sigmoid")(h)', '"binary_crossentropy"'),
        ("layers.Dense(1)(h)", '"mse"'),
        # logits declared as such
        ("layers.Dense(1)(h)", "keras.losses.BinaryCrossentropy(from_logits=True)"),
        ("layers.Dense(4)(h)", "keras.losses.SparseCategoricalCrossentropy(from_logits=True)"),
        ("layers.Dense(4)(h)", "keras.losses.SparseCategoricalCrossentropy(True)"),
        # Keras 3 (TensorFlow) notices the activation, warns, and uses its logits: not a bug
        ('layers.Dense(1, activation="sigmoid")(h)', "keras.losses.BinaryCrossentropy(True)"),
        ('layers.Dense(3, activation="softmax")(h)', "keras.losses.CategoricalCrossentropy(True)"),
        # unknown activation, units, loss or layer: silent
        ("layers.Dense(1, activation=tf.nn.softmax)(h)", '"binary_crossentropy"'),
        ("layers.Dense(1, activation=ACT)(h)", '"binary_crossentropy"'),
        ('layers.Dense(N, activation="softmax")(h)', '"binary_crossentropy"'),
        ("layers.Dense(1, **OPTIONS)(h)", '"binary_crossentropy"'),
        ("layers.Dense(1)(h)", "my_loss"),
        # tanh values under other losses, sigmoid states, tanh given as logits: not this case
        ('layers.Dense(1, activation="tanh")(h)', '"mse"'),
        ("layers.LSTM(3)(h2)", '"categorical_crossentropy"'),
        ('layers.LSTM(1, activation="sigmoid")(h2)', '"binary_crossentropy"'),
        ("layers.LSTM(1, activation=ACT)(h2)", '"binary_crossentropy"'),
        ("layers.LSTM(1)(h2)", "keras.losses.BinaryCrossentropy(from_logits=True)"),
        ("layers.Dense(1)(h)", "LOSS"),
        ("layers.Lambda(lambda t: t)(h)", '"binary_crossentropy"'),
        ("layers.Softmax(axis=1)(layers.Dense(1)(h))", '"mse"'),
    ],
)
def test_clean(output, loss):
    body = f"""\
from config import ACT, LOSS, N, OPTIONS, my_loss
out = {output}
model = keras.Model(inputs, out)
model.compile(optimizer="adam", loss={loss})
"""
    assert sl205(body) == []


def test_time_distributed_dense_reads_the_inner_activation():
    body = """\
seq = layers.LSTM(8, return_sequences=True)(inputs)
out = layers.TimeDistributed(layers.Dense(5))(seq)
model = keras.Model(inputs, out)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
"""
    assert sl205(body) == [compile_line(body)]


def test_time_distributed_hides_the_logits():
    # TimeDistributed restacks the steps: the crossentropy reads the probabilities
    # themselves, so the logit stories of SL205 do not apply (a linear output still does).
    body = """\
seq = layers.LSTM(8, return_sequences=True)(inputs)
soft = layers.TimeDistributed(layers.Dense(3, activation="softmax"))(seq)
sig = layers.TimeDistributed(layers.Dense(3, activation="sigmoid"))(seq)
one = layers.TimeDistributed(layers.Dense(1, activation="softmax"))(seq)
keras.Model(inputs, soft).compile(optimizer="adam", loss="binary_crossentropy")
keras.Model(inputs, sig).compile(optimizer="adam", loss="categorical_crossentropy")
keras.Model(inputs, one).compile(optimizer="adam", loss="mse")
"""
    assert sl205(body) == [compile_line(body) + 2]


def test_per_output_losses_are_matched_to_their_heads():
    body = """\
price = layers.Dense(1, name="price")(h)
churn = layers.Dense(1, activation="sigmoid", name="churn")(h)
model = keras.Model(inputs, [price, churn])
model.compile(optimizer="adam", loss={"price": "mse", "churn": "binary_crossentropy"})
model.compile(optimizer="adam", loss=["mse", "binary_crossentropy"])
model.compile(optimizer="adam", loss=["binary_crossentropy", "binary_crossentropy"])
"""
    assert sl205(body) == [compile_line(body) + 2]


def test_a_loss_list_for_dict_outputs_follows_the_sorted_output_names():
    # Keras flattens Model(outputs={...}) in sorted key order: ["churn", "price"].
    body = """\
price = layers.Dense(1)(h)
churn = layers.Dense(1, activation="sigmoid")(h)
model = keras.Model(inputs, {"price": price, "churn": churn})
model.compile(optimizer="adam", loss=["binary_crossentropy", "mse"])
model.compile(optimizer="adam", loss=["mse", "binary_crossentropy"])
"""
    assert sl205(body) == [compile_line(body) + 1]


def test_several_heads_make_one_diagnostic():
    body = """\
a = layers.Dense(3, activation="softmax")(h)
b = layers.Dense(3)(h)
model = keras.Model(inputs, [a, b])
model.compile(optimizer="adam", loss="binary_crossentropy")
"""
    [diagnostic] = [d for d in lint(HEADER + body) if d.code == "SL205"]
    assert "softmax" in diagnostic.message and "no activation" in diagnostic.message


def test_one_unit_categorical_crossentropy_is_left_to_sl204_when_it_reports_it():
    body = """\
X = np.random.rand(32, 10, 3)
y = np.random.rand(32, 1)
out = layers.Dense(1, activation="softmax")(h)
model = keras.Model(inputs, out)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(X, y, epochs=1)
"""
    codes = {d.code for d in lint(HEADER + body)}
    assert "SL204" in codes and "SL205" not in codes


def test_sequential_model():
    source = """\
from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(10, 3)),
    layers.GRU(8),
    layers.Dense(4, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
"""
    assert [(d.code, d.line) for d in lint(source)] == [("SL205", 9)]


def test_tanh_and_recurrent_outputs_say_what_keras_does():
    body = """\
out = layers.LSTM(1)(h2)
model = keras.Model(inputs, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
"""
    (d,) = [d for d in lint(HEADER + body) if d.code == "SL205"]
    assert "LSTM(1) at line 9 outputs tanh values, which can be negative" in d.message
    assert "every negative output counts as 1e-7 (a loss of 16.1 on a target of 1)" in d.message
    assert d.hint.startswith('add Dense(1, activation="sigmoid") after LSTM(1) at line 9:')
    dense = body.replace("layers.LSTM(1)(h2)", 'layers.Dense(1, activation="tanh")(h)')
    (d,) = [d for d in lint(HEADER + dense) if d.code == "SL205"]
    assert d.hint == (
        'use activation="sigmoid" on Dense(1, activation="tanh") at line 9 for probabilities'
    )
