"""A loss function of the script that returns a Keras loss on its own arguments is judged as
that loss (``from_logits`` followed); any other body leaves its verdict unknown."""

from __future__ import annotations

import textwrap

import pytest

from seqlint.frontend import extract
from seqlint.shapes.losses import resolve_loss

HEADER = """\
import tensorflow as tf
from tensorflow import keras
sce = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
"""


def _loss_of(function: str):
    source = HEADER + textwrap.dedent(function) + "\nm = keras.Sequential()\nm.compile(loss=f)\n"
    compiled = [c for c in extract(source).training if c.method == "compile"]
    return resolve_loss(compiled[0].args["loss"])


@pytest.mark.parametrize(
    ("function", "name", "from_logits"),
    [
        (
            "def f(y, p):\n    return keras.losses.sparse_categorical_crossentropy(y, p)",
            "sparse_categorical_crossentropy",
            False,
        ),
        (
            "def f(y, p):\n    '''doc'''\n"
            "    return tf.keras.losses.categorical_crossentropy(y, p, from_logits=True)",
            "categorical_crossentropy",
            True,
        ),
        (
            "def f(y, p):\n    v = sce(y, p)\n    return tf.reduce_mean(v)",
            "sparse_categorical_crossentropy",
            True,
        ),
        (
            "def f(y, p):\n    return keras.ops.mean(keras.losses.mse(y_true=y, y_pred=p))",
            "mean_squared_error",
            False,
        ),
    ],
)
def test_wrapped_keras_loss_is_the_verdict(function: str, name: str, from_logits: bool):
    loss = _loss_of(function)
    assert loss is not None
    assert (loss.name, loss.from_logits) == (name, from_logits)
    assert loss.label.startswith("f (returns ")


@pytest.mark.parametrize(
    "function",
    [
        "def f(y, p):\n    return keras.losses.mse(p, y)",  # arguments swapped
        "def f(y, p):\n    mask = tf.cast(y > 0, 'float32')\n    return sce(y, p) * mask",
        "def f(y, p):\n    return sce(y, p, sample_weight=None)",
        "def f(y, p):\n    if y is None:\n        return 0\n    return sce(y, p)",
        "def f(y, p):\n    return my_loss(y, p)",
        "def f(y, p):\n    return keras.losses.mse(y[:, 0], p)",
        "def f(y):\n    return keras.losses.mse(y, y)",
    ],
)
def test_other_bodies_stay_unknown(function: str):
    assert _loss_of(function) is None
