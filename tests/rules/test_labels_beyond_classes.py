"""SL245 labels-beyond-classes: to_categorical without a column for a label it is given."""

import pytest

from tests.helpers import lint

HEADER = """\
import numpy as np
import keras
from sklearn.preprocessing import LabelEncoder
"""


def found(body: str) -> list:
    return [d for d in lint(HEADER + body) if d.code == "SL245"]


def test_classes_counted_by_len_of_labels_numbered_above_it():
    (d,) = found(
        "cols = [8, 4, 6, 3, 5, 9, 7, 2]\n"
        "y = keras.utils.to_categorical(cols, num_classes=len(cols))\n"
    )
    assert (d.line, d.severity.value) == (5, "error")
    assert d.message == (
        "to_categorical(cols, num_classes=8): cols holds the label 9, which needs 10 classes "
        "(0 to 9): numpy raises IndexError (out of bounds for axis 1 with size 8)"
    )


def test_classes_numbered_from_one_counted_by_their_set():
    (d,) = found(
        "y = np.array([1, 2, 3, 3, 1])\nonehot = keras.utils.to_categorical(y, len(set(y)))\n"
    )
    assert d.line == 5
    assert "y (line 4) holds the label 3, which needs 4 classes" in d.message


def test_label_encoder_codes_against_their_largest_code():
    (d,) = found(
        "codes = LabelEncoder().fit_transform(['a', 'b', 'c', 'b'])\n"
        "y = keras.utils.to_categorical(codes, num_classes=np.max(codes))\n"
    )
    assert "holds the label 2, which needs 3 classes" in d.message


@pytest.mark.parametrize(
    "body",
    [
        # enough columns, or Keras counts them (max + 1)
        "cols = [8, 4, 2]\ny = keras.utils.to_categorical(cols, num_classes=10)\n",
        "cols = [8, 4, 2]\ny = keras.utils.to_categorical(cols)\n",
        "cols = [8, 4, 2]\ny = keras.utils.to_categorical(cols, num_classes=None)\n",
        # renumbered from 0 (the array computed from the literal is not the literal)
        "y = np.array([1, 2, 3])\nz = keras.utils.to_categorical(y - 1, num_classes=3)\n",
        # drawn at random: the largest label may not occur
        "y = np.random.randint(0, 10, size=(4,))\nz = keras.utils.to_categorical(y, 5)\n",
        # LabelEncoder's codes are 0 .. classes - 1
        "codes = LabelEncoder().fit_transform(['a', 'b', 'c'])\n"
        "y = keras.utils.to_categorical(codes, num_classes=len(set(['a', 'b', 'c'])))\n",
        # changed after it was listed: the largest label is no longer known
        "y = np.array([1, 2, 9])\ny[2] = 0\nz = keras.utils.to_categorical(y, 4)\n",
        "y = [1, 2, 9]\ny.pop()\nz = keras.utils.to_categorical(y, 4)\n",
        "y = np.array([1, 2, 9])\ny[y > 3] = 3\nz = keras.utils.to_categorical(y, 4)\n",
        "y = np.array([1, 2, 9])\nnp.clip(y, 0, 3, out=y)\nz = keras.utils.to_categorical(y, 4)\n",
        "y = np.array([1, 2, 9])\ny.fill(0)\nz = keras.utils.to_categorical(y, 4)\n",
        "y = np.array([1, 2, 9])\nz = y\nz[2] = 0\nw = keras.utils.to_categorical(y, 4)\n",
        "y = np.array([1, 2, 9])\nz = y\nz -= 6\nw = keras.utils.to_categorical(y, 9)\n",
        # a tensor: keras.ops.one_hot leaves the row empty, nothing raises
        "import tensorflow as tf\ny = tf.one_hot([8, 4, 2], depth=3)\n",
    ],
)
def test_no_error_where_every_label_has_a_column_or_the_labels_are_unknown(body: str):
    assert found(body) == []


def test_counted_classes_of_listed_labels_reach_the_output_layer():
    source = HEADER + (
        "y = keras.utils.to_categorical(np.array([1, 2, 3, 3, 1, 2]))\n"
        "model = keras.Sequential([keras.Input(shape=(4, 2)), keras.layers.LSTM(4),\n"
        "                          keras.layers.Dense(3, activation='softmax')])\n"
        "model.compile(loss='categorical_crossentropy', optimizer='adam')\n"
        "model.fit(np.random.rand(6, 4, 2), y)\n"
    )
    assert {(d.code, d.line) for d in lint(source) if d.severity.value == "error"} == {("SL202", 6)}
