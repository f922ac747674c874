"""Programs whose data reaches Keras through the paths of issue 15 (tf.data with user
functions, generators, custom losses, values computed on the way), each as a bad version
(the line seqlint reports carries ``# expect: CODE``) and the fixed one.

``test_cases.py`` lints them; ``test_cases_keras.py`` runs them in real Keras: the bad
version raises what ``raises`` names, the good one trains.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    name: str
    bad: str
    good: str
    raises: str  # a fragment of the message Keras (or numpy) raises on the bad version


def case(name: str, bad: str, good: str, raises: str) -> Case:
    return Case(name, textwrap.dedent(bad), textwrap.dedent(good), raises)


CHAR_RNN = """\
import numpy as np
import tensorflow as tf
from tensorflow import keras

text_as_int = np.random.randint(0, 65, size=(2000,))
seq_length = 100
char_dataset = tf.data.Dataset.from_tensor_slices(text_as_int)
sequences = char_dataset.batch(seq_length + 1, drop_remainder=True)


def split_input_target(chunk):
    input_text = chunk[:-1]
    target_text = chunk[1:]
    return input_text, target_text


dataset = sequences.map(split_input_target)
dataset = dataset.shuffle(1000).batch(4, drop_remainder=True)

rnn = keras.layers.GRU


def loss(labels, logits):
    return keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True)


model = keras.Sequential([
    keras.layers.Embedding(65, 16),
    rnn(32{options}),
    keras.layers.Dense(65),
])
model.compile(optimizer="adam", loss=loss)
model.fit(dataset, epochs=1, verbose=0){marker}
"""

CASES = [
    case(
        "char-rnn",
        CHAR_RNN.format(options="", marker="  # expect: SL201"),
        CHAR_RNN.format(options=", return_sequences=True", marker=""),
        "must have rank",
    ),
]
