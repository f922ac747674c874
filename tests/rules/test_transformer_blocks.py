"""Transformer blocks, attention masks, TimeDistributed over a model and the global image data
format in real code: each problem reported by its rule at its line
(tests/keras/test_transformer_blocks_keras.py runs the same sources in Keras, which raises),
and sources seqlint must leave silent (Keras runs them)."""

from __future__ import annotations

import textwrap

import pytest

from tests.helpers import codes_and_lines

HEADER = """\
import numpy as np
import tensorflow as tf
import keras
from keras import layers

"""

_ENCODER = """\
class Encoder(layers.Layer):
    def __init__(self, heads, **kwargs):
        super().__init__(**kwargs)
        self.heads = heads
        self.supports_masking = True

    def build(self, input_shape):
        dim = input_shape[-1]
        self.attention = layers.MultiHeadAttention(self.heads, dim // self.heads)
        self.norm = layers.LayerNormalization()

    def call(self, inputs, mask=None):
        padding = None
        if mask is not None:
            padding = MASK
        return self.norm(inputs + self.attention(inputs, inputs, attention_mask=padding))


tokens = keras.Input(shape=(10,), dtype="int32")
x = layers.Embedding(50, 16, mask_zero=True)(tokens)
for _ in range(2):
    x = Encoder(2)(x)
x = layers.GlobalAveragePooling1D()(x)
model = keras.Model(tokens, layers.Dense(1)(x))
model.predict(np.random.randint(1, 50, size=(4, 10)), batch_size=4, verbose=0)
"""


def _encoder(mask: str) -> str:
    return _ENCODER.replace("MASK", mask)


# name -> (source after HEADER, the (code, line) seqlint reports, what Keras raises)
RAISES = {
    "an encoder stack given a (batch, 1, 1, S) padding mask": (
        _encoder("mask[:, None, None, :]"),
        {("SL114", 21)},
        r"Dimensions must be equal|broadcast",
    ),
    "MultiHeadAttention on masked rank-4 inputs": (
        """\
        ids = keras.Input(shape=(3, 5), dtype="int32")
        x = layers.Embedding(20, 8, mask_zero=True)(ids)
        x = layers.MultiHeadAttention(num_heads=2, key_dim=4)(x, x)
        model = keras.Model(ids, x)
        model.predict(np.ones((4, 3, 5)), verbose=0)
        """,
        {("SL114", 8)},
        r"The `mask` must be broadcastable",
    ),
    "an attention_mask of other value steps": (
        """\
        query = keras.Input(shape=(6, 8))
        value = keras.Input(shape=(4, 8))
        given = keras.Input(shape=(6, 5))
        out = layers.MultiHeadAttention(num_heads=2, key_dim=4)(query, value, attention_mask=given)
        model = keras.Model([query, value, given], out)
        model.predict([np.ones((3, 6, 8)), np.ones((3, 4, 8)), np.ones((3, 6, 5))], verbose=0)
        """,
        {("SL114", 9)},
        r"Dimensions must be equal|broadcast",
    ),
    "a padding mask (batch, S) combined with the Keras masks": (
        """\
        ids = keras.Input(shape=(6,), dtype="int32")
        x = layers.Embedding(20, 8, mask_zero=True)(ids)
        out = layers.MultiHeadAttention(num_heads=2, key_dim=4)(x, x, attention_mask=ids)
        model = keras.Model(ids, out)
        model.predict(np.ones((3, 6)), verbose=0)
        """,
        {("SL114", 8)},
        r"Dimensions must be equal|broadcast",
    ),
    "an encoder stack in a loop whose output is indexed before pooling": (
        """\
        class Block(layers.Layer):
            def build(self, input_shape):
                self.attention = layers.MultiHeadAttention(2, input_shape[-1] // 2)
                self.norm = layers.LayerNormalization()

            def call(self, x):
                return self.norm(x + self.attention(x, x))


        class TokenAndPosition(layers.Layer):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.tokens = layers.Embedding(50, 16)
                self.positions = layers.Embedding(10, 16)

            def call(self, ids):
                return self.tokens(ids) + self.positions(keras.ops.arange(0, ids.shape[-1]))


        ids = keras.Input(shape=(10,), dtype="int32")
        x = TokenAndPosition()(ids)
        for _ in range(3):
            x = Block()(x)
        encoder = keras.Model(ids, x)
        pooled = layers.GlobalAveragePooling1D()(encoder(ids)[0])
        """,
        {("SL101", 30)},
        r"expected ndim=3, found ndim=2",
    ),
    "TimeDistributed(Lambda) calling a CNN without pooling": (
        """\
        frames = keras.Sequential([keras.Input((16, 16, 3)), layers.Conv2D(4, 3)])
        video = keras.Input(shape=(5, 16, 16, 3))
        x = layers.TimeDistributed(layers.Lambda(lambda f: frames(f)))(video)
        x = layers.LSTM(8)(x)
        """,
        {("SL114", 9)},
        r"expected ndim=3, found ndim=5",
    ),
    "TimeDistributed over a custom layer keeping each frame's map": (
        """\
        class Frame(layers.Layer):
            def __init__(self, **kwargs):
                super().__init__(**kwargs)
                self.conv = layers.Conv2D(4, 3)

            def call(self, x):
                return self.conv(x)

            def compute_output_shape(self, input_shape):
                return (input_shape[0], 14, 14, 4)


        video = keras.Input(shape=(5, 16, 16, 3))
        x = layers.TimeDistributed(Frame())(video)
        x = layers.LSTM(8)(x)
        """,
        {("SL114", 20)},
        r"expected ndim=3, found ndim=5",
    ),
    "MultiHeadAttention after an LSTM that keeps only its last state": (
        """\
        steps = keras.Input(shape=(10, 8))
        h = layers.LSTM(16)(steps)
        attended = layers.MultiHeadAttention(num_heads=2, key_dim=8)(h, h)
        model = keras.Model(steps, attended)
        model.predict(np.zeros((2, 10, 8)), verbose=0)
        """,
        {("SL101", 8)},
        r"tuple index out of range",
    ),
    "MultiHeadAttention given a value of another rank than the query": (
        """\
        query = keras.Input(shape=(6, 8))
        value = keras.Input(shape=(2, 4, 8))
        out = layers.MultiHeadAttention(num_heads=2, key_dim=4)(query, value)
        model = keras.Model([query, value], out)
        model.predict([np.zeros((2, 6, 8)), np.zeros((2, 2, 4, 8))], verbose=0)
        """,
        {("SL114", 8)},
        r"Shape must be rank 4 but is rank 5",
    ),
    "TimeDistributed over a custom layer without compute_output_shape": (
        """\
        class Frame(layers.Layer):
            def call(self, x):
                return keras.ops.mean(x, axis=(1, 2))


        video = keras.Input(shape=(5, 16, 16, 3))
        x = layers.TimeDistributed(Frame())(video)
        """,
        {("SL114", 12)},
        r"compute_output_shape",
    ),
    "channels_first set globally before the layers": (
        """\
        keras.config.set_image_data_format("channels_first")
        images = keras.Input(shape=(8, 8, 3))
        x = layers.Conv2D(4, 3, padding="same")(images)
        x = layers.MaxPooling2D(2)(x)
        x = layers.MaxPooling2D(2)(x)
        keras.config.set_image_data_format("channels_last")
        """,
        {("SL108", 10)},
        r"Computed output size would be zero or negative|negative",
    ),
    "channels_first set through the backend": (
        """\
        keras.backend.set_image_data_format("channels_first")
        images = keras.Input(shape=(8, 8, 1))
        x = layers.MaxPooling2D(2)(images)
        keras.backend.set_image_data_format("channels_last")
        """,
        {("SL108", 8)},
        r"Computed output size would be zero or negative|negative",
    ),
}

# Sources seqlint leaves silent, and Keras runs.
RUNS = {
    "an encoder stack given a (batch, 1, S) padding mask": _encoder("mask[:, None, :]"),
    "an encoder stack given a (batch, S, S) padding mask": _encoder(
        "keras.ops.logical_and(mask[:, :, None], mask[:, None, :])"
    ),
    "MultiHeadAttention with use_causal_mask on masked inputs": """\
        ids = keras.Input(shape=(6,), dtype="int32")
        x = layers.Embedding(20, 8, mask_zero=True)(ids)
        x = layers.MultiHeadAttention(num_heads=2, key_dim=4)(x, x, use_causal_mask=True)
        model = keras.Model(ids, x)
        model.predict(np.ones((3, 6)), verbose=0)
        """,
    "MultiHeadAttention on masked rank-4 inputs after a Reshape": """\
        ids = keras.Input(shape=(3, 5), dtype="int32")
        flat = layers.Reshape((15,))(ids)
        x = layers.Embedding(20, 8, mask_zero=True)(flat)
        x = layers.MultiHeadAttention(num_heads=2, key_dim=4)(x, x)
        model = keras.Model(ids, x)
        model.predict(np.ones((4, 3, 5)), verbose=0)
        """,
    "Attention on masked query and value": """\
        q_ids = keras.Input(shape=(6,), dtype="int32")
        v_ids = keras.Input(shape=(4,), dtype="int32")
        q = layers.Embedding(20, 8, mask_zero=True)(q_ids)
        v = layers.Embedding(20, 8, mask_zero=True)(v_ids)
        out = layers.Attention()([q, v])
        model = keras.Model([q_ids, v_ids], out)
        model.predict([np.ones((3, 6)), np.ones((3, 4))], verbose=0)
        """,
    "a mask read in call() of a layer whose input has none": """\
        class Gate(layers.Layer):
            def call(self, x, mask=None):
                if mask is not None:
                    return x * mask[:, :, None, None]
                return x


        x = keras.Input(shape=(4, 5))
        y = Gate()(x)
        y = layers.Dense(2)(y)
        """,
    "a tensor with tf.newaxis inside a Lambda": """\
        x = keras.Input(shape=(5, 3))
        y = layers.Lambda(lambda t: t[:, tf.newaxis, :, :])(x)
        y = layers.Reshape((15,))(y)
        """,
    "TimeDistributed(Lambda) calling a CNN with pooling": """\
        frames = keras.Sequential(
            [keras.Input((16, 16, 3)), layers.Conv2D(4, 3), layers.GlobalAveragePooling2D()]
        )
        video = keras.Input(shape=(5, 16, 16, 3))
        x = layers.TimeDistributed(layers.Lambda(lambda f: frames(f)))(video)
        x = layers.LSTM(8)(x)
        model = keras.Model(video, x)
        model.predict(np.zeros((2, 5, 16, 16, 3)), verbose=0)
        """,
    "channels_first set after the layers are made": """\
        images = keras.Input(shape=(8, 8, 1))
        pool = layers.MaxPooling2D(2)
        keras.config.set_image_data_format("channels_first")
        x = pool(images)
        keras.config.set_image_data_format("channels_last")
        model = keras.Model(images, x)
        model.predict(np.zeros((2, 8, 8, 1)), verbose=0)
        """,
    "channels_first with data_format given": """\
        keras.config.set_image_data_format("channels_first")
        images = keras.Input(shape=(8, 8, 1))
        x = layers.MaxPooling2D(2, data_format="channels_last")(images)
        keras.config.set_image_data_format("channels_last")
        """,
    "channels_first frames": """\
        keras.config.set_image_data_format("channels_first")
        images = keras.Input(shape=(3, 8, 8))
        x = layers.Conv2D(4, 3, padding="same")(images)
        x = layers.MaxPooling2D(2)(x)
        keras.config.set_image_data_format("channels_last")
        """,
    "a short loop stacking LSTMs": """\
        x = keras.Input(shape=(10, 3))
        inputs = x
        for units in (16, 8):
            x = layers.LSTM(units, return_sequences=True)(x)
        model = keras.Model(inputs, layers.Dense(1)(x))
        model.compile("adam", "mse")
        model.fit(np.zeros((4, 10, 3)), np.zeros((4, 10, 1)), verbose=0)
        """,
}


def source(body: str) -> str:
    return HEADER + textwrap.dedent(body)


@pytest.mark.parametrize("name", sorted(RAISES))
def test_reported_at_its_line(name):
    body, expected, _ = RAISES[name]
    assert codes_and_lines(source(body)) == expected


@pytest.mark.parametrize("name", sorted(RUNS))
def test_silent(name):
    assert codes_and_lines(source(RUNS[name])) == set()


def test_a_mask_in_a_branch_of_unknown_truth_is_unknown():
    """A format set in a branch seqlint cannot decide makes the later layers' format
    unknown: their shapes are not guessed."""
    body = """\
        import sys
        if sys.argv[1] == "th":
            keras.config.set_image_data_format("channels_first")
        images = keras.Input(shape=(8, 8, 1))
        x = layers.MaxPooling2D(2)(images)
        x = layers.MaxPooling2D(2)(x)
        x = layers.MaxPooling2D(2)(x)
        x = layers.MaxPooling2D(2)(x)
        """
    assert codes_and_lines(source(body)) == set()
