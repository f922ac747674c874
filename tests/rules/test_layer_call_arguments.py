"""SL116 layer-call-arguments: what seqlint reports (tests/keras/test_layer_call_arguments_keras.py
runs the same sources in Keras 3, and the Keras-3-only ones in Keras 2, where they run)."""

from __future__ import annotations

import textwrap

import pytest

from tests.helpers import lint

HEADER = """\
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

"""

# name -> (source after HEADER, the SL116 lines, what Keras 3 raises, Keras 2's verdict: None
# when Keras 2 runs the source, else the SL116 lines under target 2 and what Keras 2 raises)
RAISES = {
    "an int literal by position": (
        """\
        class Scale(layers.Layer):
            def call(self, x, factor):
                return x * factor

        inputs = keras.Input(shape=(4,))
        outputs = Scale()(inputs, 2)
        """,
        [11],
        r"Only input tensors may be passed as positional arguments.*2 \(of type <class 'int'>\)",
        None,
    ),
    "sizes read off a static shape by position": (
        """\
        class Fold(layers.Layer):
            def call(self, tokens, height, width):
                return tf.reshape(tokens, (-1, height, width, tokens.shape[-1]))

        inputs = keras.Input(shape=(8, 8, 3))
        tokens = layers.Reshape((64, 3))(inputs)
        height, width = inputs.shape[1], inputs.shape[2]
        grid = Fold()(tokens, height, width)
        """,
        [13],
        r"Only input tensors may be passed as positional arguments.*8 \(of type <class 'int'>\)",
        None,
    ),
    "a string and a bool by position": (
        """\
        class Pick(layers.Layer):
            def call(self, x, mode, flag):
                return x

        inputs = keras.Input(shape=(4,))
        outputs = Pick()(inputs, "max", True)
        """,
        [11],
        r"Only input tensors may be passed as positional arguments.*max \(of type <class 'str'>",
        None,
    ),
    "training=True by position to a built-in layer": (
        """\
        inputs = keras.Input(shape=(4,))
        outputs = layers.Dropout(0.5)(inputs, True)
        """,
        [7],
        r"Only input tensors may be passed as positional arguments.*True",
        None,
    ),
    "a model in the list an attention layer attends over": (
        """\
        question = keras.Input(shape=(5, 8))
        question_model = keras.Model(question, layers.Dense(8)(question))
        sentence = keras.Input(shape=(7, 8))
        attended = layers.AdditiveAttention()([sentence, question_model])
        """,
        [9],
        r"Only input tensors may be passed as positional arguments.*Functional",
        ([], r"."),
    ),
    "a layer object by position": (
        """\
        inputs = keras.Input(shape=(6, 4))
        outputs = layers.Bidirectional(layers.GRU(4))(inputs, layers.GRU(4))
        """,
        [7],
        r"Only input tensors may be passed as positional arguments.*GRU",
        ([], r"initial_state"),
    ),
    "call() requires training, the model is built without": (
        """\
        class Block(layers.Layer):
            def __init__(self):
                super().__init__()
                self.drop = layers.Dropout(0.1)

            def call(self, inputs, training):
                return self.drop(inputs, training=training)

        inputs = keras.Input(shape=(6, 4))
        outputs = Block()(inputs)
        """,
        [15],
        r"missing a required argument: 'training'",
        None,
    ),
    "call() requires a mask nobody gives": (
        """\
        class Pool(layers.Layer):
            def call(self, inputs, mask):
                return tf.reduce_sum(inputs, axis=1)

        inputs = keras.Input(shape=(6, 4))
        outputs = Pool()(inputs)
        """,
        [11],
        r"missing a required argument: 'mask'",
        ([], r"mask"),
    ),
    "an LSTM given its input as inputs=": (
        """\
        steps = keras.Input(shape=(20, 4))
        states = layers.LSTM(8)(inputs=steps)
        """,
        [7],
        r"missing a required argument: 'sequences'",
        None,
    ),
    "constants= to RNN(cell), a Keras 2 argument": (
        """\
        steps = keras.Input(shape=(20, 4))
        context = keras.Input(shape=(3,))
        states = layers.RNN(layers.LSTMCell(8))(steps, constants=context)
        """,
        [8],
        r"unexpected keyword argument 'constants'",
        ([], r"does not support constants"),
    ),
    "a keyword call() does not take": (
        """\
        class Gate(layers.Layer):
            def call(self, x):
                return x

        inputs = keras.Input(shape=(4,))
        outputs = Gate()(inputs, scale=2.0)
        """,
        [11],
        r"unexpected keyword argument 'scale'",
        ([11], r"scale"),
    ),
    "more positional arguments than call() takes": (
        """\
        class Gate(layers.Layer):
            def call(self, x):
                return x

        inputs = keras.Input(shape=(4,))
        outputs = Gate()(inputs, inputs)
        """,
        [11],
        r"too many positional arguments",
        ([11], r"positional argument"),
    ),
    "training passed on by position, then fit": (
        """\
        class Block(layers.Layer):
            def __init__(self):
                super().__init__()
                self.drop = layers.Dropout(0.1)

            def call(self, inputs, training=None):
                return self.drop(inputs, training)

        inputs = keras.Input(shape=(4,))
        outputs = layers.Dense(1)(Block()(inputs))
        model = keras.Model(inputs, outputs)
        model.compile(optimizer="adam", loss="mse")
        model.fit(np.zeros((4, 4)), np.zeros((4, 1)), epochs=1, verbose=0)
        """,
        [12],
        r"Only input tensors may be passed as positional arguments.*True",
        None,
    ),
}

# Sources seqlint leaves silent (no SL116), and Keras 3 runs.
RUNS = {
    "sizes by keyword, None and arrays by position": """\
        class Fold(layers.Layer):
            def call(self, tokens, bias=None, height=None, width=None):
                return tokens

        inputs = keras.Input(shape=(8, 8, 3))
        tokens = layers.Reshape((64, 3))(inputs)
        shape = inputs.shape
        grid = Fold()(tokens, None, height=shape[1], width=shape[2])
        grid = Fold()(tokens, np.zeros((3,), dtype="float32"), None, None)
        """,
    "sizes from tf.shape are tensors inside call()": """\
        class Split(layers.Layer):
            def __init__(self):
                super().__init__()
                self.fold = Fold()

            def call(self, x):
                n = tf.shape(x)[1]
                return self.fold(x, n)

        class Fold(layers.Layer):
            def call(self, x, n):
                return x

        inputs = keras.Input(shape=(6, 4))
        model = keras.Model(inputs, Split()(inputs))
        model.predict(np.zeros((2, 6, 4)), verbose=0)
        """,
    "training= a call() does not take is dropped": """\
        class Gate(layers.Layer):
            def call(self, x):
                return x

        inputs = keras.Input(shape=(4,))
        outputs = Gate()(inputs, training=True)
        """,
    "call() requiring training, given it": """\
        class Inner(layers.Layer):
            def call(self, x, training):
                return x

        inputs = keras.Input(shape=(4,))
        model = keras.Model(inputs, Inner()(inputs, training=False))
        model.predict(np.zeros((2, 4)), verbose=0)
        """,
    "an LSTM given its input as sequences=, initial states by keyword": """\
        steps = keras.Input(shape=(20, 4))
        h = keras.Input(shape=(8,))
        c = keras.Input(shape=(8,))
        states = layers.LSTM(8)(sequences=steps, initial_state=[h, c])
        attended = layers.Attention()(inputs=[steps, steps])
        """,
    "training passed on by position in a model that is never run": """\
        class Block(layers.Layer):
            def __init__(self):
                super().__init__()
                self.drop = layers.Dropout(0.1)

            def call(self, inputs, training=None):
                return self.drop(inputs, training)

        inputs = keras.Input(shape=(4,))
        model = keras.Model(inputs, Block()(inputs))
        """,
    "a string lookup takes strings": """\
        lookup = layers.StringLookup(vocabulary=["a", "b"])
        ids = lookup(["a", "b", "c"])
        """,
}


def source(body: str) -> str:
    return HEADER + textwrap.dedent(body)


def sl116(text: str, target: str = "3") -> list:
    return [d for d in lint(text, target=target) if d.code == "SL116"]


@pytest.mark.parametrize("name", sorted(RAISES))
def test_reported_at_its_line(name):
    body, lines, _, _ = RAISES[name]
    assert [d.line for d in sl116(source(body))] == lines


@pytest.mark.parametrize("name", sorted(RUNS))
def test_silent(name):
    assert sl116(source(RUNS[name])) == []


@pytest.mark.parametrize("name", sorted(RAISES))
def test_under_keras2_only_what_keras2_refuses(name):
    """Under Keras 2 only what Keras 2 refuses too is reported (a wrong call() binding)."""
    body, _, _, keras2 = RAISES[name]
    lines = [] if keras2 is None else keras2[0]
    assert [d.line for d in sl116(source(body), target="2")] == lines


def test_messages_and_hints():
    body = RAISES["sizes read off a static shape by position"][0]
    (found,) = sl116(source(body))
    assert found.message == (
        "Fold() is given 8 (an int read off a shape) by position: Keras 3 raises ValueError: "
        "Only input tensors may be passed as positional arguments"
    )
    assert found.hint == "pass it by keyword: `height=...`"
    (found,) = sl116(source(RAISES["an LSTM given its input as inputs="][0]))
    assert found.message == (
        "`inputs=` is not a parameter of LSTM(8)'s call(), which takes its input as "
        "`sequences`: Keras raises TypeError: missing a required argument: 'sequences'"
    )
    assert found.hint == "pass the input by position (or as `sequences=`)"
    (found,) = sl116(source(RAISES["call() requires training, the model is built without"][0]))
    assert found.hint == "give it a default in call(): `training=None`"
    (found,) = sl116(source(RAISES["a model in the list an attention layer attends over"][0]))
    assert "is given the model `question_model` by position" in found.message
    assert found.hint == "call it on a tensor and pass its output, not the object"


def test_a_layer_in_a_sequential_model_that_requires_training():
    text = source(
        """\
        class Block(layers.Layer):
            def call(self, inputs, training):
                return inputs

        model = keras.Sequential([keras.Input(shape=(4,)), Block()])
        """
    )
    assert [d.line for d in sl116(text)] == [10]
