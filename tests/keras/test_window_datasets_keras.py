"""SL247 against real Keras: tf.data pipelines that hand Keras the datasets ``window()``
makes (not flattened by ``flat_map``), or index them in a ``map``, raise; flattened ones run.
seqlint reports exactly the pipelines that raise, on the line that raises, except the ones
it cannot follow (``MISSED``), and nothing else."""

from __future__ import annotations

import pytest

from seqlint.analysis import lint_source
from tests.oracle.keras_runner import run_scripts

pytestmark = pytest.mark.keras

HEADER = """\
import numpy as np
import tensorflow as tf
import keras

series = np.arange(120, dtype="float32")
targets = np.arange(120, dtype="float32") % 2
dataset = tf.data.Dataset.from_tensor_slices(series)
pairs = tf.data.Dataset.from_tensor_slices((series, targets))
model = keras.Sequential([keras.Input(shape=(6,)), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
"""

NOT_TENSORS = "Only input tensors may be passed"
NOT_SUBSCRIPTABLE = "object is not subscriptable"
# name -> (pipeline and data call, what the error Keras (or TensorFlow) raises says, if any)
PIPELINES = {
    "window_fit": ("model.fit(dataset.window(6, 1, 1, True), epochs=1, verbose=0)", NOT_TENSORS),
    "window_batch_fit": (
        "model.fit(dataset.window(6, shift=1, drop_remainder=True).batch(8), verbose=0)",
        NOT_TENSORS,
    ),
    "window_shuffle_batch_prefetch_fit": (
        "ds = dataset.window(6, shift=2, drop_remainder=True).shuffle(50)\n"
        "model.fit(ds.batch(8, drop_remainder=True).prefetch(1), epochs=1, verbose=0)",
        NOT_TENSORS,
    ),
    "window_batch_repeat_fit": (
        "ds = dataset.window(6, shift=1, drop_remainder=True).batch(8).repeat()\n"
        "model.fit(ds, steps_per_epoch=3, epochs=1, verbose=0)",
        NOT_TENSORS,
    ),
    "window_of_pairs_fit": (
        "model.fit(pairs.window(6, shift=1, drop_remainder=True).batch(8), verbose=0)",
        NOT_TENSORS,
    ),
    "window_batch_predict": (
        "model.predict(dataset.window(6, shift=1, drop_remainder=True).batch(8), verbose=0)",
        NOT_TENSORS,
    ),
    "window_batch_evaluate": (
        "model.evaluate(dataset.window(6, shift=1, drop_remainder=True).batch(8), verbose=0)",
        NOT_TENSORS,
    ),
    "flat_map_split_batch_fit": (
        "ds = dataset.window(7, shift=1, drop_remainder=True)\n"
        "ds = ds.flat_map(lambda w: w.batch(7)).map(lambda w: (w[:-1], w[-1:]))\n"
        "model.fit(ds.batch(8), epochs=1, verbose=0)",
        None,
    ),
    "flat_map_batch_split_fit": (
        "ds = dataset.window(7, shift=1, drop_remainder=True).flat_map(lambda w: w.batch(7))\n"
        "model.fit(ds.batch(8).map(lambda w: (w[:, :-1], w[:, -1:])), epochs=1, verbose=0)",
        None,
    ),
    "flat_map_batch_predict": (
        "ds = dataset.window(6, shift=1, drop_remainder=True).flat_map(lambda w: w.batch(6))\n"
        "model.predict(ds.batch(8), verbose=0)",
        None,
    ),
    "map_batch_each_window_fit": (
        "model.fit(dataset.window(6, 1, 1, True).map(lambda w: w.batch(6)), verbose=0)",
        NOT_TENSORS,
    ),
    "map_slices_windows": (
        "ds = dataset.window(7, shift=1, drop_remainder=True)\n"
        "ds = ds.map(lambda w: (w[:-1], w[-1]))\n"
        "model.fit(ds.batch(8), epochs=1, verbose=0)",
        NOT_SUBSCRIPTABLE,
    ),
    "map_indexes_window_pairs": (
        "ds = pairs.window(6, shift=1, drop_remainder=True)\n"
        "ds = ds.map(lambda x, y: (x[0], y[0]))\n"
        "model.fit(ds.batch(8), epochs=1, verbose=0)",
        NOT_SUBSCRIPTABLE,
    ),
    "map_in_function_slices_windows": (
        "def windowed(series, size):\n"
        "    ds = tf.data.Dataset.from_tensor_slices(series).window(size + 1, 1, 1, True)\n"
        "    return ds.map(lambda w: (w[:-1], w[-1]))\n"
        "windowed(series, 6)",
        NOT_SUBSCRIPTABLE,
    ),
}
# Pipelines Keras rejects that seqlint cannot follow: a map whose function returns a
# dataset (each element is then a dataset again) makes the elements unknown.
MISSED = {"map_batch_each_window_fit"}


def test_sl247_reports_exactly_the_window_pipelines_keras_rejects(tmp_path):
    pytest.importorskip("tensorflow")
    jobs = []
    for name, (pipeline, _) in PIPELINES.items():
        script = tmp_path / f"{name}.py"
        script.write_text(HEADER + pipeline + "\n", encoding="utf-8")
        jobs.append((name, str(script)))
    verdicts = run_scripts(jobs, cache_dir=None)
    wrong = []
    for name, (pipeline, error) in PIPELINES.items():
        verdict = verdicts[name]
        message = verdict.get("message", "")
        raised = verdict.get("status") == "error"
        if raised != (error is not None) or (error or "") not in message:
            wrong.append((name, "keras", verdict.get("status"), message[:200]))
        found = [d.line for d in lint_source(HEADER + pipeline, name) if d.code == "SL247"]
        # the line of the innermost frame in the script: the data call, or the map's lambda
        expected = [verdict.get("line")] if error and name not in MISSED else []
        if found != expected:
            wrong.append((name, "seqlint", found, expected))
    assert not wrong, wrong
