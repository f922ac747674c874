"""Keras's backend ``rnn``: the step function runs on one step, and its outputs are stacked
over the steps; ``tf.TensorShape`` is the shape it holds."""

from __future__ import annotations

from seqlint.dims import BATCH
from seqlint.frontend import extract
from seqlint.ir import TensorRef
from seqlint.shapes.propagate import GraphShapes

LAYER = """
import keras
import tensorflow as tf
from tensorflow.keras import backend as K

class Scan(keras.layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=tf.TensorShape((input_shape[-1], 6)), name="w")

    def call(self, x):
        def step(inputs, states):
            out = K.dot(inputs + states[0], self.w)
            return out, [out]

        last, outputs, states = K.rnn(step, x, [x[:, 0, :]]{extra})
        return {returned}

inputs = keras.Input(shape=(7, 4))
y = Scan()(inputs)
"""


def _shape_of_output(returned: str, extra: str = "") -> tuple | None:
    ir = extract(LAYER.format(returned=returned, extra=extra))
    shapes = GraphShapes(ir)
    (call,) = ir.layer_calls
    if not isinstance(call.outputs, TensorRef):
        return None
    return shapes.of(call.outputs).dims


def test_the_outputs_of_every_step_and_the_last_one():
    assert _shape_of_output("outputs") == (BATCH, 7, 6)
    assert _shape_of_output("last") == (BATCH, 6)
    assert _shape_of_output("states[0]") == (BATCH, 6)  # the last step's


def test_a_layout_seqlint_does_not_follow_gives_unknown():
    assert _shape_of_output("outputs", ", time_major=True") is None
    assert _shape_of_output("outputs", ", return_all_outputs=False") is None


def test_tensor_shape_is_the_shape_it_holds():
    ir = extract(LAYER.format(returned="outputs", extra=""))
    shapes = GraphShapes(ir)
    weights = [n for n in ir.nodes if n.layer.kind == "Weight"]
    assert [shapes.at(w).output(0).dims for w in weights] == [(4, 6)]
