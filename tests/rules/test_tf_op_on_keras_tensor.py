"""SL222 tf-op-on-keras-tensor: TensorFlow functions between the layers of a functional model."""

from seqlint.fixing import fix_source
from tests.helpers import lint

GRAPH = """\
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
inputs = keras.Input((5, 4))
h = layers.Dense(4)(inputs)
ids = keras.Input((5,), dtype="int32")
"""


def found(body: str, target: str = "3") -> list:
    return [d for d in lint(GRAPH + body, target=target) if d.code == "SL222"]


def test_each_tensorflow_call_on_a_keras_tensor_is_reported_under_keras3_only():
    body = (
        "a = tf.reduce_mean(h, axis=1)\n"
        "b = tf.one_hot(ids, 10)\n"
        "n = tf.shape(h)[0]\n"
        "c = tf.concat([h, h], axis=-1)\n"
    )
    assert [d.line for d in found(body)] == [8, 9, 10, 11]
    assert found(body, "2") == []
    first = found(body)[0]
    assert first.message == (
        "tf.reduce_mean(...) is a TensorFlow function applied to the symbolic tensors of a "
        "model: Keras 3 raises ValueError (A KerasTensor cannot be used as input to a "
        "TensorFlow function)"
    )
    assert first.hint == "use keras.ops.mean(...), which takes KerasTensors (keras.ops.mean)"


def test_the_fix_calls_keras_ops_when_the_arguments_mean_the_same():
    body = "a = tf.reduce_mean(h, axis=1)\nc = tf.concat([h, h], -1)\n"
    fixed = fix_source(GRAPH + body, "<test>").source
    assert fixed.endswith("a = keras.ops.mean(h, axis=1)\nc = keras.ops.concatenate([h, h], -1)\n")
    assert found(fixed[len(GRAPH) :]) == []


def test_no_fix_when_keras_ops_takes_other_arguments():
    body = (
        "a = tf.reduce_mean(input_tensor=h, axis=1)\n"
        "b = tf.matmul(h, h, transpose_b=True)\n"
        "c = tf.one_hot(ids, 10)\n"
    )
    assert [d.fix for d in found(body)] == [None, None, None]
    assert "layers.Lambda(lambda t: tf.one_hot(t, ...))(x)" in found(body)[2].hint


def test_tensorflow_inside_layers_and_subclassed_models_and_on_data_is_clean():
    body = """\
pooled = layers.Lambda(lambda t: tf.reduce_mean(t, axis=1))(h)


class Pool(layers.Layer):
    def call(self, x):
        return tf.reduce_mean(x, axis=1)


class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.d = layers.Dense(2)

    def call(self, x):
        return tf.reduce_mean(self.d(x), axis=1)


pooled2 = Pool()(h)
net = Net()
net.compile(optimizer="adam", loss="mse")
net.fit(np.zeros((4, 5, 4)), np.zeros((4, 2)), verbose=0)
mean = tf.reduce_mean(np.zeros((4, 3)), axis=1)
scaled = h * 2.0 + h[:, -1:, :]
"""
    assert found(body) == []


def test_tf_keras_backend_functions_run_tensorflow_too():
    body = (
        "from tensorflow.keras import backend as K\n"
        "a = K.sum(h, axis=1)\n"
        "b = K.concatenate([h, h])\n"
        "n = K.int_shape(h)[-1]\n"
    )
    found_here = found(body)
    assert [d.line for d in found_here] == [9, 10]
    assert found_here[0].fix is not None and found_here[1].fix is None  # K's axis=-1 default
    fixed = fix_source(GRAPH + body, "<test>").source
    assert "a = keras.ops.sum(h, axis=1)\n" in fixed


def test_a_function_applying_tensorflow_between_layers_is_reported_where_it_does():
    body = "def block(t):\n    return tf.nn.softmax(t)\n\n\nout = block(h)\n"
    assert [d.line for d in found(body)] == [9]


def test_no_fix_when_keras_ops_needs_a_tensor_where_a_number_is_passed():
    """keras.ops.bitwise_or(t, 2) raises on a KerasTensor (it reads 2's dtype); a shift count
    may be a number (tests/keras/test_api_rows_keras.py runs the fixes)."""
    body = (
        "b = tf.bitwise.bitwise_or(ids, 2)\n"
        "c = tf.bitwise.bitwise_or(ids, ids)\n"
        "d = tf.bitwise.left_shift(ids, 2)\n"
        "e = tf.bitwise.left_shift(2, ids)\n"
        "f = tf.bitwise.bitwise_and(x=ids, y=ids)\n"
    )
    assert [d.fix is not None for d in found(body)] == [False, True, True, False, True]


def test_every_spelling_sl222_claims_has_a_generated_proof():
    """Each tensorflow.* and backend.* spelling of the op vocabulary gets a generated call in
    tests/keras/test_api_rows_keras.py, but those NO_CASE lists with a reason: a new spelling
    without a generated call fails here."""
    from tests.keras import version_snippets as snippets

    without = {s for s in snippets.sl222_spellings() if not snippets.generated_tf_candidates(s)}
    assert without == set(snippets.NO_CASE)
