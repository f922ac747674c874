"""Shapes tf.keras 2 computes otherwise than Keras 3 (seqlint.shapes.keras2), under a Keras 2
target; tests/keras/test_api_rows_keras.py runs the same models in tf-keras 2.21 and Keras 3."""

import pytest

from seqlint.dims import BATCH, Shape
from seqlint.frontend import extract
from seqlint.shapes.keras2 import tf_keras2
from seqlint.shapes.losses import Verdict, check_target, resolve_loss
from seqlint.shapes.propagate import GraphShapes

SOURCE = """\
from tensorflow import keras
from tensorflow.keras import layers
inputs = keras.Input({shape})
out = layers.{layer}(inputs)
"""


@pytest.mark.parametrize(
    ("shape", "layer", "keras2"),
    [
        ("(10, 6, 3)", "Conv1D(4, 3)", (BATCH, 10, 4, 4)),
        ("(10, 6, 3)", "Conv1D(4, 3, padding='same', strides=2)", (BATCH, 10, 3, 4)),
        ("(7, 10, 6, 3)", "Conv1D(4, 3)", (BATCH, 7, 10, 4, 4)),
        ("(6, 3)", "Conv1D(4, 3)", (BATCH, 4, 4)),
    ],
)
def test_convolutions_take_leading_axes_as_batch_axes_under_keras2(shape, layer, keras2):
    ir = extract(SOURCE.format(shape=shape, layer=layer), "2")
    node = ir.nodes[-1]
    assert GraphShapes(ir, "2").at(node).outputs == (Shape(keras2),)
    ir3 = extract(SOURCE.format(shape=shape, layer=layer), "3")
    keras3 = GraphShapes(ir3, "3").at(ir3.nodes[-1])
    assert (keras3.problem is None) == (len(keras2) == 3)


@pytest.mark.parametrize(
    ("target", "expected"),
    [("2", True), ("2.12", True), ("2.21.0", True), ("2.3", False), ("3", False), ("3.8", False)],
)
def test_which_targets_are_tf_keras2(target, expected):
    assert tf_keras2(target) is expected


def test_rank1_regression_targets_are_expanded_and_broadcast_by_tf_keras2():
    loss = resolve_loss("mse")
    output = Shape((BATCH, 3))
    assert check_target(loss, (32,), output).verdict is Verdict.RAISES
    check = check_target(loss, (32,), output, tf_keras2=True)
    assert check.verdict is not Verdict.RAISES and check.verdict is not Verdict.OK
    assert check.reason.startswith("tf.keras 2 expands targets (32,) to (32, 1), then ")
    assert check_target(loss, (32, 2), output, tf_keras2=True).verdict is Verdict.RAISES
