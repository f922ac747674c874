"""Custom layers, proven in Keras: what seqlint says about a layer's ``compute_output_shape``
(SL113) is what Keras does with it."""

from __future__ import annotations

import os

import pytest

from seqlint.rules.declared_output_mismatch import DeclaredOutputMismatch
from tests.helpers import codes_and_lines

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
pytestmark = [pytest.mark.keras, pytest.mark.filterwarnings("ignore::UserWarning")]


def test_keras_builds_for_the_declared_shape_and_runs_on_the_returned_one():
    """SL113's bad example: Keras trusts compute_output_shape for the symbolic model (its
    output is (None, 1)), while the real outputs follow call: one prediction per step."""
    keras = pytest.importorskip("keras")
    np = pytest.importorskip("numpy")
    rule = DeclaredOutputMismatch()
    assert codes_and_lines(rule.bad_example) == {("SL113", 12)}
    namespace: dict = {}
    exec(rule.bad_example, namespace)  # noqa: S102  (our own example)
    model = keras.Model(namespace["inputs"], namespace["outputs"])
    assert tuple(model.output.shape) == (None, 1)
    assert model.predict(np.zeros((2, 10, 4)), verbose=0).shape == (2, 10, 1)  # silently


def test_the_good_example_runs_as_declared():
    keras = pytest.importorskip("keras")
    np = pytest.importorskip("numpy")
    rule = DeclaredOutputMismatch()
    assert codes_and_lines(rule.good_example) == set()
    namespace: dict = {}
    exec(rule.good_example, namespace)  # noqa: S102  (our own example)
    model = keras.Model(namespace["inputs"], namespace["outputs"])
    assert model.predict(np.zeros((2, 10, 4)), verbose=0).shape == (2, 1)


LYING_BEFORE_DENSE = """\
import keras
import numpy as np
from keras import layers

class Pool(layers.Layer):
    def call(self, x):
        return keras.ops.max(x, axis=1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], 50)

inputs = keras.Input(shape=(10, 30))
pooled = Pool()(inputs)
outputs = layers.Dense(3)(pooled)
model = keras.Model(inputs, outputs)
model.predict(np.zeros((2, 10, 30)), verbose=0)
"""


def test_a_layer_built_for_the_declared_features_fails_when_the_model_runs():
    """SL118: the Dense is built for the declared 50 features and gets 30 at run time."""
    pytest.importorskip("keras")
    assert codes_and_lines(LYING_BEFORE_DENSE) == {("SL113", 13), ("SL118", 10)}
    with pytest.raises(ValueError, match=r"expected axis -1 of input shape to have value 50"):
        exec(LYING_BEFORE_DENSE, {"__name__": "__main__"})  # noqa: S102  (our own snippet)
