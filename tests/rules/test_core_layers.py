"""EinsumDense, Dot, the normalization layers and ReversibleEmbedding in real code: each problem
kind they raise, reported by its rule at its line (tests/keras/test_core_layers_keras.py runs
the same sources in Keras, which raises), and sources seqlint must leave silent (Keras runs
them)."""

from __future__ import annotations

import textwrap

import pytest

from tests.helpers import codes_and_lines, lint

HEADER = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

"""

# name -> (source after HEADER, the (code, line) seqlint reports, what Keras raises)
RAISES = {
    "EinsumDense told of other steps than its input's": (
        """\
        inputs = keras.Input(shape=(20, 16))
        outputs = layers.EinsumDense("abc,cd->abd", output_shape=(10, 8))(inputs)
        """,
        {("SL114", 6)},
        r"Input shape and output shape do not match at shared dimension 'b'",
    ),
    "EinsumDense on features declared None": (
        """\
        inputs = keras.Input(shape=(20, None))
        outputs = layers.EinsumDense("abc,cd->abd", output_shape=(None, 8), bias_axes="d")(inputs)
        """,
        {("SL110", 6)},
        r"Shapes used to initialize variables must be fully-defined",
    ),
    "Dot of features of different sizes": (
        """\
        words = keras.Input(shape=(10, 16))
        labels = keras.Input(shape=(12, 8))
        scores = layers.Dot(axes=2)([words, labels])
        """,
        {("SL104", 7)},
        r"Incompatible input shapes: axis values 16 \(at axis 2\) != 8 \(at axis 2\)",
    ),
    "dot along an axis the second input lacks": (
        """\
        words = keras.Input(shape=(10, 16))
        query = keras.Input(shape=(16,))
        scores = layers.dot([words, query], axes=(2, 2))
        """,
        {("SL104", 7)},
        r"tuple index out of range",
    ),
    "Dot on one tensor": (
        """\
        words = keras.Input(shape=(10, 16))
        scores = layers.Dot(axes=2)(words)
        """,
        {("SL105", 6)},
        r"should be called on a list of 2 inputs",
    ),
    "Subtract on three tensors": (
        """\
        a, b, c = (keras.Input(shape=(4,)) for _ in range(3))
        difference = layers.Subtract()([a, b, c])
        """,
        {("SL114", 6)},
        r"A `Subtract` layer should be called on exactly 2 inputs",
    ),
    "GroupNormalization's 32 groups over 16 channels": (
        """\
        inputs = keras.Input(shape=(20, 16))
        outputs = layers.GroupNormalization()(inputs)
        """,
        {("SL114", 6)},
        r"Number of groups \(32\) cannot be more than the number of channels \(16\)",
    ),
    "RMSNormalization over the steps": (
        """\
        inputs = keras.Input(shape=(20, 16))
        outputs = layers.RMSNormalization(axis=1)(inputs)
        model = keras.Model(inputs, outputs)
        model.predict(np.zeros((2, 20, 16)), verbose=0)
        """,
        {("SL114", 6)},
        r"Dimensions must be equal|Incompatible shapes",
    ),
    "UnitNormalization over an axis the input lacks": (
        """\
        inputs = keras.Input(shape=(16,))
        outputs = layers.UnitNormalization(axis=2)(inputs)
        """,
        {("SL114", 6)},
        r"is out of bounds",
    ),
    "SpectralNormalization of an LSTM": (
        """\
        inputs = keras.Input(shape=(20, 16))
        outputs = layers.SpectralNormalization(layers.LSTM(8))(inputs)
        """,
        {("SL114", 6)},
        r"has no attribute 'kernel' nor 'embeddings'",
    ),
    "ReversibleEmbedding reversing vectors of another size": (
        """\
        embedding = layers.ReversibleEmbedding(1000, 32)
        tokens = keras.Input(shape=(20,), dtype="int32")
        hidden = layers.Dense(16)(embedding(tokens))
        logits = embedding(hidden, reverse=True)
        model = keras.Model(tokens, logits)
        model.predict(np.zeros((2, 20), dtype="int32"), verbose=0)
        """,
        {("SL114", 8)},
        r"Dimensions must be equal",
    ),
}

# Sources seqlint leaves silent, and Keras runs.
RUNS = {
    "a language model tying its embeddings": """\
        embedding = layers.ReversibleEmbedding(50, 8)
        tokens = keras.Input(shape=(12,), dtype="int32")
        hidden = layers.LSTM(8, return_sequences=True)(embedding(tokens))
        logits = embedding(hidden, reverse=True)
        model = keras.Model(tokens, logits)
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.fit(np.zeros((4, 12), dtype="int32"), np.zeros((4, 12)), epochs=1, verbose=0)
        """,
    "multi-head projections written with EinsumDense": """\
        inputs = keras.Input(shape=(20, 16))
        heads = layers.EinsumDense("abc,cde->abde", output_shape=(None, 4, 8), bias_axes="de")
        merged = layers.EinsumDense("abde,def->abf", output_shape=(None, 16))(heads(inputs))
        outputs = layers.Dense(1)(layers.GlobalAveragePooling1D()(merged))
        model = keras.Model(inputs, outputs)
        model.predict(np.zeros((2, 20, 16)), verbose=0)
        """,
    "Dot attention scores, normalized": """\
        words = keras.Input(shape=(10, 16))
        labels = keras.Input(shape=(12, 16))
        scores = layers.Dot(axes=(2, 2), normalize=True)([words, labels])
        model = keras.Model([words, labels], layers.Flatten()(scores))
        model.predict([np.zeros((2, 10, 16)), np.zeros((2, 12, 16))], verbose=0)
        """,
    "the normalization layers over the features": """\
        inputs = keras.Input(shape=(20, 16))
        x = layers.GroupNormalization(groups=4)(inputs)
        x = layers.RMSNormalization()(x)
        x = layers.UnitNormalization()(x)
        x = layers.SpectralNormalization(layers.Dense(8))(x)
        model = keras.Model(inputs, x)
        model.predict(np.zeros((2, 20, 16)), verbose=0)
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


def test_the_reverse_call_maps_back_to_the_vocabulary():
    """``reverse=True`` reaches the node of that call only: the shapes show it."""
    found = lint(
        source(
            """\
            embedding = layers.ReversibleEmbedding(50, 8)
            tokens = keras.Input(shape=(12,), dtype="int32")
            logits = embedding(embedding(tokens), reverse=True)
            model = keras.Model(tokens, logits)
            model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
            model.fit(np.zeros((4, 12), dtype="int32"), np.zeros((4, 12, 3)), epochs=1)
            """
        )
    )
    assert [d.code for d in found] == ["SL201"]
    assert "against outputs (batch, 12, 50)" in found[0].message
