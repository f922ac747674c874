"""A layer created on one line and applied on another (``lstm = LSTM(16)``, then
``h = lstm(x)``): the finding stays where Keras raises, the hint and the fix that change the
layer's arguments name the line where it is created, and the fix edits that line.
tests/keras/test_hint_at_creation_keras.py runs these sources in Keras, and
tests/keras/test_fixes_keras.py trains their fixed versions."""

from __future__ import annotations

import pytest

from seqlint.analysis import lint_source
from seqlint.fixing import fix_source

HEADER = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

"""

# name -> (source, code, line, column, hint, fix message or "")
CASES = {
    "stacked LSTM": (
        HEADER
        + """\
encoder = layers.LSTM(16)
decoder = layers.LSTM(8)
inputs = keras.Input(shape=(10, 4))
h = encoder(inputs)
outputs = layers.Dense(1)(decoder(h))  # expect: SL101
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(8, 10, 4), np.random.rand(8, 1), epochs=1, verbose=0)
""",
        "SL101",
        9,
        27,
        "set return_sequences=True on LSTM(16) at line 5 to stack the recurrent layers",
        "set return_sequences=True on LSTM(16) at line 5",
    ),
    "TimeDistributed after an LSTM": (
        HEADER
        + """\
encoder = layers.LSTM(16)
per_step = layers.TimeDistributed(layers.Dense(4))
inputs = keras.Input(shape=(10, 4))
h = encoder(inputs)
outputs = per_step(h)  # expect: SL103
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(8, 10, 4), np.random.rand(8, 10, 4), epochs=1, verbose=0)
""",
        "SL103",
        9,
        11,
        "for one output per step, set return_sequences=True on LSTM(16) at line 5; for one "
        "output per sequence, drop the TimeDistributed wrapper",
        "set return_sequences=True on LSTM(16) at line 5",
    ),
    "per-step class labels": (
        HEADER
        + """\
tagger = layers.LSTM(16)
inputs = keras.Input(shape=(10, 4))
h = tagger(inputs)
outputs = layers.Dense(5, activation="softmax")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
y = np.random.randint(0, 5, size=(8, 10))
model.fit(np.random.rand(8, 10, 4), y, epochs=1, verbose=0)  # expect: SL201
""",
        "SL201",
        12,
        1,
        "for one prediction per step, set return_sequences=True on LSTM(16) at line 5; for "
        "one per sequence, give one target per sample",
        "set return_sequences=True on LSTM(16) at line 5",
    ),
    "per-step regression targets": (
        HEADER
        + """\
encoder = layers.LSTM(16)
inputs = keras.Input(shape=(10, 4))
h = encoder(inputs)
outputs = layers.Dense(1)(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
y = np.random.rand(8, 10, 1)
model.fit(np.random.rand(8, 10, 4), y, epochs=1, verbose=0)  # expect: SL204
""",
        "SL204",
        12,
        1,
        "for one prediction per step, set return_sequences=True on LSTM(16) at line 5; for "
        "one per sequence, give one target per sample",
        "",
    ),
    "custom layer reading the steps": (
        """\
import keras
from keras import layers

class Attention(layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[2], 1))

    def call(self, x):
        return keras.ops.sum(x * keras.ops.softmax(x @ self.w, axis=1), axis=1)

encoder = layers.LSTM(16)
inputs = keras.Input(shape=(20, 8))
h = encoder(inputs)
context = Attention()(h)  # expect: SL115
""",
        "SL115",
        14,
        11,
        "keep the axis: return_sequences is False at LSTM(16) at line 11",
        "",
    ),
    "attention configured apart": (
        HEADER
        + """\
attention = layers.MultiHeadAttention(num_heads=2, key_dim=4)
query = keras.Input(shape=(10, 8))
value = keras.Input(shape=(10, 8))
key = keras.Input(shape=(12, 8))
context = attention(query, value, key)  # expect: SL114
""",
        "SL114",
        9,
        11,
        "make the configuration of MultiHeadAttention(num_heads=2, key_dim=4) at line 5 fit "
        "(batch, 12, 8)",
        "",
    ),
}

NAMES = list(CASES)


@pytest.mark.parametrize("name", NAMES)
def test_finding_where_keras_raises_hint_at_creation(name):
    source, code, line, column, hint, fix = CASES[name]
    [found] = [d for d in lint_source(source, "t.py") if d.code == code]
    assert (found.line, found.column) == (line, column)
    assert found.hint == hint
    assert (found.fix.message if found.fix else "") == fix


@pytest.mark.parametrize("name", [name for name in NAMES if CASES[name][5]])
def test_fix_edits_the_creation_line(name):
    source = CASES[name][0]
    fixed = fix_source(source, "t.py", unsafe=True).source
    changed = [
        (number, new)
        for number, (old, new) in enumerate(
            zip(source.splitlines(), fixed.splitlines(), strict=True), start=1
        )
        if old != new
    ]
    assert changed == [(5, source.splitlines()[4].replace("(16)", "(16, return_sequences=True)"))]


def test_unmasked_embedding_named_at_its_creation():
    """SL243's story names the Embedding that lacks mask_zero=True where it is created."""
    source = (
        HEADER
        + """\
from tensorflow.keras.preprocessing.sequence import pad_sequences

x = pad_sequences([[1, 2, 3], [4, 5]], maxlen=10, padding="post")
embed = layers.Embedding(100, 8)
inputs = keras.Input(shape=(10,))
h = layers.LSTM(16)(embed(inputs))
outputs = layers.Dense(1)(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(x, np.random.rand(2, 1), epochs=1, verbose=0)
"""
    )
    [found] = [d for d in lint_source(source, "t.py") if d.code == "SL243"]
    assert (found.line, found.column) == (10, 5)
    assert "and Embedding(100, 8) at line 8 has no mask_zero=True:" in found.message
