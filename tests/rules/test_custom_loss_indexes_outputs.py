"""SL208 custom-loss-indexes-outputs."""

from tests.helpers import lint

MODEL = """\
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

inputs = keras.Input(shape=(10, 3))
h = layers.LSTM(8)(inputs)
a = layers.Dense(1, name="a")(h)
b = layers.Dense(1, activation="sigmoid", name="b")(h)
"""


def sl208(body: str) -> list:
    return [d for d in lint(MODEL + body) if d.code == "SL208"]


def line_of(body: str, text: str) -> int:
    return next(n for n, line in enumerate((MODEL + body).splitlines(), 1) if text in line)


def test_reported_at_the_first_subscript_with_the_compile_line():
    body = """\
def loss_fn(y_true, y_pred):
    first = tf.reduce_mean(y_pred[1] - y_true[1])
    return first + tf.reduce_mean(y_true[0] - y_pred[0])
model = keras.Model(inputs, [a, b])
model.compile(optimizer="adam", loss=loss_fn)
"""
    [diagnostic] = sl208(body)
    assert diagnostic.line == line_of(body, "first =")
    assert f"compile at line {line_of(body, '.compile(')}" in diagnostic.message
    assert "2 outputs" in diagnostic.message
    assert "y_pred[1] is the second sample of the batch" in diagnostic.message


def test_dict_outputs_and_negative_index():
    body = """\
def loss_fn(t, p):
    return tf.reduce_mean(t[-1] - p[-1])
model = keras.Model(inputs, {"a": a, "b": b})
model.compile(optimizer="adam", loss=loss_fn)
"""
    [diagnostic] = sl208(body)
    assert "t[-1] is the last sample" in diagnostic.message


def test_single_output_model_is_clean():
    # One output: no output for y_true[0] to be mistaken for, and indexing [0] is a way to
    # drop a batch axis of 1 (stateful models, batch_size=1); SL208's claim does not apply.
    body = """\
def loss_fn(y_true, y_pred):
    return tf.reduce_mean(tf.square(y_true[0] - y_pred[0]))
model = keras.Model(inputs, a)
model.compile(optimizer="adam", loss=loss_fn)
"""
    assert sl208(body) == []


def test_per_output_losses_are_clean():
    body = """\
def loss_fn(y_true, y_pred):
    return tf.reduce_mean(tf.square(y_true[0] - y_pred[0]))
model = keras.Model(inputs, [a, b])
model.compile(optimizer="adam", loss=[loss_fn, "binary_crossentropy"])
"""
    assert sl208(body) == []


def test_slices_other_names_and_unknown_outputs_are_clean():
    body = """\
def sliced(y_true, y_pred):
    return tf.reduce_mean(tf.square(y_true[:, 0] - y_pred[:, 0]))
def other(y_true, y_pred, weights=None):
    return tf.reduce_mean(y_true - y_pred) * weights[0]
def plain(y_true, y_pred):
    return tf.reduce_mean(tf.square(y_true - y_pred))
model = keras.Model(inputs, [a, b])
model.compile(optimizer="adam", loss=sliced)
model.compile(optimizer="adam", loss=other)
model.compile(optimizer="adam", loss=plain)
from elsewhere import OUTPUTS
unknown = keras.Model(inputs, OUTPUTS)
def indexed(y_true, y_pred):
    return y_true[0] - y_pred[0]
unknown.compile(optimizer="adam", loss=indexed)
"""
    assert sl208(body) == []
