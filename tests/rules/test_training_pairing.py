"""How fit sites pair losses and targets with outputs (rulekit/training.py)."""

from tests.helpers import codes_and_lines

DICT_OUTPUTS_WITH_LIST_LOSSES = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

X = np.random.rand(16, 8, 3)
tags = np.random.randint(0, 5, size=(16, 8))
score = np.random.rand(16, 1)
inputs = keras.Input(shape=(8, 3))
seq = layers.LSTM(8, return_sequences=True)(inputs)
tag_out = layers.Dense(5, activation="softmax")(seq)
score_out = layers.Dense(1)(layers.LSTM(4)(seq))
model = keras.Model(inputs, {"tags": tag_out, "score": score_out})
model.compile(optimizer="adam", loss=["mse", "sparse_categorical_crossentropy"])
model.fit(X, [score, tags], epochs=1, verbose=0)
"""


def test_dict_outputs_are_matched_in_sorted_key_order_as_keras_does():
    # Keras flattens {"tags", "score"} as [score, tags]: the list loss and targets fit.
    assert codes_and_lines(DICT_OUTPUTS_WITH_LIST_LOSSES) == set()


def test_swapping_the_targets_of_sorted_dict_outputs_is_reported():
    swapped = DICT_OUTPUTS_WITH_LIST_LOSSES.replace("[score, tags]", "[tags, score]")
    assert codes_and_lines(swapped) == {("SL201", 14), ("SL204", 14)}
