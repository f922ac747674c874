"""SL247 window-not-flattened: the datasets window() makes, used as tensors."""

from tests.helpers import lint

HEADER = """
import numpy as np
import tensorflow as tf
import keras
series = np.arange(100, dtype="float32")
model = keras.Sequential([keras.Input(shape=(6,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
ds = tf.data.Dataset.from_tensor_slices(series).window(7, shift=1, drop_remainder=True)
"""


def sl247(body: str) -> list:
    return [d for d in lint(HEADER + body) if d.code == "SL247"]


def test_windows_handed_to_fit_are_reported_at_the_call_naming_the_window_line():
    (found,) = sl247("model.fit(ds.shuffle(10).batch(8).prefetch(1), epochs=1)\n")
    assert (found.line, found.severity.value) == (9, "error")
    assert found.message == (
        "the dataset given to fit yields the windows window() makes at line 8: each element "
        "is a dataset of the window's items, not a tensor, and Keras cannot feed it to the model"
    )
    assert found.hint == (
        "turn each window into one tensor after the window() at line 8: "
        ".flat_map(lambda w: w.batch(WINDOW_SIZE)), then split inputs and targets with .map "
        "and batch"
    )


def test_a_window_indexed_in_map_is_reported_once_per_line():
    (found,) = sl247("ds = ds.map(lambda w: (w[:-1], w[-1]))\n")
    assert (found.line, found.column) == (9, 24)
    assert found.message == (
        "this indexes a window that window() makes at line 8: each window is a dataset of the "
        "window's items, not a tensor, and a dataset cannot be indexed or sliced (TypeError: "
        "not subscriptable)"
    )


def test_flattened_windows_are_clean():
    flattened = (
        "ds = ds.flat_map(lambda w: w.batch(7)).map(lambda w: (w[:-1], w[-1:]))\n"
        "model.fit(ds.batch(8), epochs=1)\n"
    )
    assert sl247(flattened) == []


def test_an_index_that_may_not_run_is_not_reported():
    maybe = "if np.random.rand() > 0.5:\n    ds = ds.map(lambda w: w[0])\n"
    assert sl247(maybe) == []
