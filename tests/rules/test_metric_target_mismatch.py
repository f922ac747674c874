"""SL251: a metric named by a loss that cannot line up an output's targets, where the
output's own loss fits them. tests/keras/test_metric_rules_keras.py runs the same
compile/fit cases in Keras 3."""

from __future__ import annotations

import pytest

from seqlint.analysis import lint_source
from seqlint.rules.metric_target_mismatch import MetricTargetMismatch

BAD = MetricTargetMismatch.bad_example

SOURCE = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

X = np.random.rand(32, 10, 4)
y = TARGETS
inputs = keras.Input(shape=(10, 4))
h = layers.LSTM(16)(inputs)
outputs = layers.Dense(UNITS, activation=ACTIVATION)(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss=LOSS, metrics=[METRIC])
model.fit(X, y, epochs=1, verbose=0)
"""

SPARSE = "np.random.randint(0, 10, size=(32,))"
ONE_HOT = "np.eye(10)[np.random.randint(0, 10, size=(32,))]"
VALUES = "np.random.rand(32, 1)"
THREE = "np.random.rand(32, 3)"
SOFTMAX = '"softmax"'
SCE = '"sparse_categorical_crossentropy"'
CCE = '"categorical_crossentropy"'

# (targets, units, activation, loss, metric): each case's Keras 3 verdict, shown by
# tests/keras/test_metric_rules_keras.py, is "raises" exactly where SL251 is expected.
CASES = [
    (SPARSE, 10, SOFTMAX, SCE, '"mae"', True),
    (SPARSE, 10, SOFTMAX, SCE, '"mse"', True),
    (SPARSE, 10, SOFTMAX, SCE, CCE, True),
    (SPARSE, 10, SOFTMAX, SCE, '"accuracy"', False),
    (ONE_HOT, 10, SOFTMAX, CCE, '"mae"', False),
    (ONE_HOT, 10, SOFTMAX, CCE, SCE, True),
    (VALUES, 1, "None", '"mse"', '"mae"', False),
    (VALUES, 1, "None", '"mse"', SCE, False),
    (THREE, 3, "None", '"mse"', '"mape"', False),
    (THREE, 3, "None", '"mse"', SCE, True),
    (SPARSE, 10, SOFTMAX, SCE, '"sparse_categorical_accuracy"', False),
]


def source_of(targets: str, units: int, activation: str, loss: str, metric: str) -> str:
    return (
        SOURCE.replace("TARGETS", targets)
        .replace("UNITS", str(units))
        .replace("ACTIVATION", activation)
        .replace("LOSS", loss)
        .replace("METRIC", metric)
    )


def test_the_bad_example_names_the_metric_and_keras_error():
    [found] = lint_source(BAD, "t.py")
    assert (found.code, found.line, found.column) == ("SL251", 16, 1)
    assert found.message == (
        "metric 'mae' cannot line up the targets of the output (Dense(10, "
        'activation="softmax") at line 9), which its loss '
        "'sparse_categorical_crossentropy' fits: Keras raises at the first batch: "
        "mean_absolute_error cannot line up targets (32,) with outputs (batch, 10): the "
        "targets (batch,) have fewer axes than the outputs (batch, 10), so broadcasting "
        "lines the batch axis (size 32) up with an axis of size 10"
    )
    assert found.hint == "remove 'mae' from the metrics"


@pytest.mark.parametrize("case", CASES, ids=[f"{c[3]}-{c[4]}-{c[0][:12]}" for c in CASES])
def test_reported_exactly_where_keras_raises(case):
    *parts, raises = case
    codes = [d.code for d in lint_source(source_of(*parts), "t.py")]
    assert codes == (["SL251"] if raises else [])


def test_a_metric_object_is_not_judged():
    """keras.metrics.MeanAbsoluteError() raises as "mae" does: not modelled (a miss)."""
    source = source_of(SPARSE, 10, SOFTMAX, SCE, "keras.metrics.MeanAbsoluteError()")
    assert lint_source(source, "t.py") == []


def test_keras_2_target_is_silent():
    assert lint_source(BAD, "t.py", target="2") == []


def test_one_finding_per_output_names_each_metric_that_raises():
    source = BAD.replace('metrics=["accuracy", "mae"]', 'metrics=["mae", "accuracy", "mse"]')
    [found] = lint_source(source, "t.py")
    assert found.message.startswith("metrics 'mae' and 'mse' cannot line up the targets of ")
    assert found.hint == "remove 'mae' and 'mse' from the metrics"
