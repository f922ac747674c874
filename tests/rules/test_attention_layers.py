"""MultiHeadAttention and GroupQueryAttention in real code: each problem kind they raise,
reported by its rule at its line (tests/keras/test_attention_layers_keras.py runs the same
sources in Keras, which raises), and sources seqlint must leave silent (Keras runs them)."""

from __future__ import annotations

import textwrap

import pytest

from seqlint.frontend.keras_api import output_count
from tests.helpers import codes_and_lines, lint

HEADER = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

"""

# name -> (source after HEADER, the (code, line) seqlint reports, what Keras raises)
RAISES = {
    "MultiHeadAttention: a key of other steps than the value": (
        """\
        query = keras.Input(shape=(10, 16))
        value = keras.Input(shape=(20, 16))
        key = keras.Input(shape=(12, 16))
        attended = layers.MultiHeadAttention(num_heads=2, key_dim=8)(query, value, key)
        """,
        {("SL114", 8)},
        r"All dimensions of `value` and `key`, except the last one, must be equal",
    ),
    "MultiHeadAttention over the columns of images of other rows": (
        """\
        query = keras.Input(shape=(4, 6, 8))
        value = keras.Input(shape=(5, 6, 8))
        attend = layers.MultiHeadAttention(num_heads=2, key_dim=4, attention_axes=(2,))
        attended = attend(query, value)
        model = keras.Model([query, value], attended)
        model.predict([np.zeros((2, 4, 6, 8)), np.zeros((2, 5, 6, 8))], verbose=0)
        """,
        {("SL114", 8)},
        r"Dimensions must be equal",
    ),
    "GroupQueryAttention: query and value of different features": (
        """\
        tokens = keras.Input(shape=(10, 32))
        memory = keras.Input(shape=(20, 16))
        gqa = layers.GroupQueryAttention(head_dim=8, num_query_heads=4, num_key_value_heads=2)
        attended = gqa(tokens, memory)
        """,
        {("SL114", 8)},
        r"The last dimension of `query_shape` and `value_shape` must be equal",
    ),
    "GroupQueryAttention after the time axis is pooled away": (
        """\
        tokens = keras.Input(shape=(10, 32))
        pooled = layers.GlobalAveragePooling1D()(tokens)
        gqa = layers.GroupQueryAttention(head_dim=8, num_query_heads=4, num_key_value_heads=2)
        attended = gqa(pooled, pooled)
        """,
        {("SL101", 8)},
        r"tuple index out of range",
    ),
    "GroupQueryAttention on features declared None": (
        """\
        tokens = keras.Input(shape=(10, None))
        gqa = layers.GroupQueryAttention(head_dim=8, num_query_heads=4, num_key_value_heads=2)
        attended = gqa(tokens, tokens)
        """,
        {("SL110", 7)},
        r"Shapes used to initialize variables must be fully-defined",
    ),
}

# Sources seqlint leaves silent, and Keras runs.
RUNS = {
    "GroupQueryAttention returning its scores": """\
        tokens = keras.Input(shape=(10, 32))
        gqa = layers.GroupQueryAttention(head_dim=8, num_query_heads=4, num_key_value_heads=2)
        attended, scores = gqa(tokens, tokens, return_attention_scores=True)
        model = keras.Model(tokens, [layers.Dense(1)(attended), scores])
        model.predict(np.zeros((2, 10, 32)), verbose=0)
        """,
    "MultiHeadAttention over the rows and columns of images": """\
        images = keras.Input(shape=(4, 6, 8))
        attend = layers.MultiHeadAttention(num_heads=2, key_dim=4, attention_axes=(1, 2))
        attended, scores = attend(images, images, return_attention_scores=True)
        model = keras.Model(images, [attended, scores])
        model.predict(np.zeros((2, 4, 6, 8)), verbose=0)
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


def test_the_frontend_asks_the_catalogue():
    """A call keyword the catalogue lists changes that call's outputs; the layers called as
    ``(query, value, key)`` take their tensors as arguments."""
    assert output_count("GroupQueryAttention", {"return_attention_scores": True}) == 2
    assert output_count("Dense", {"return_attention_scores": True}) is None
    found = lint(
        source(
            """\
            tokens = keras.Input(shape=(10, 32))
            gqa = layers.GroupQueryAttention(head_dim=8, num_query_heads=4, num_key_value_heads=2)
            attended, scores, extra = gqa(tokens, tokens, return_attention_scores=True)
            """
        )
    )
    assert [(d.code, d.line) for d in found] == [("SL232", 7)]
