"""Small multi-file projects shared by the cross-file tests: each is ``{path: source}``; the
script is ``train.py``. A ``BUGGY``/``FIXED`` pair differs only in the planted bug."""

from __future__ import annotations

import textwrap
from pathlib import Path

MODEL_BUGGY = """\
from tensorflow import keras
from tensorflow.keras import layers

UNITS = 32


def build_model(vocab_size, n_classes):
    model = keras.Sequential()
    model.add(layers.Embedding(vocab_size, 16))
    model.add(layers.LSTM(UNITS))
    model.add(layers.TimeDistributed(layers.Dense(n_classes, activation="softmax")))
    model.compile(loss="sparse_categorical_crossentropy", optimizer="adam")
    return model
"""
MODEL_FIXED = MODEL_BUGGY.replace("layers.LSTM(UNITS)", "layers.LSTM(UNITS, return_sequences=True)")

TRAIN = """\
import numpy as np

from model import build_model

X = np.random.randint(0, 100, size=(64, 20))
y = np.random.randint(0, 5, size=(64, 20))
model = build_model(100, 5)
model.fit(X, y, epochs=1, verbose=0)
"""

BUILDER_BUGGY = {"model.py": MODEL_BUGGY, "train.py": TRAIN}
BUILDER_FIXED = {"model.py": MODEL_FIXED, "train.py": TRAIN}

LAYERS = """\
import keras
from keras import layers, ops


class Attention(layers.Layer):
    \"\"\"Additive attention pooling: one score per step from a (units, 1) kernel.\"\"\"

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(self.units, 1))

    def call(self, inputs):
        scores = ops.matmul(inputs, self.kernel)
        weights = ops.softmax(scores, axis=1)
        return ops.sum(weights * inputs, axis=1)
"""

ATTENTION_TRAIN = """\
import keras
import numpy as np
from keras import layers

from layers import Attention

inputs = keras.Input(shape=(10, 3))
h = layers.LSTM(32, return_sequences=True)(inputs)
pooled = Attention(UNITS)(h)
outputs = layers.Dense(1)(pooled)
model = keras.Model(inputs, outputs)
model.compile(loss="mse", optimizer="adam")
model.fit(np.zeros((8, 10, 3)), np.zeros((8, 1)), epochs=1, verbose=0)
"""

ATTENTION_BUGGY = {"layers.py": LAYERS, "train.py": ATTENTION_TRAIN.replace("UNITS", "64")}
ATTENTION_FIXED = {"layers.py": LAYERS, "train.py": ATTENTION_TRAIN.replace("UNITS", "32")}

PACKAGE_MODEL = """\
import keras
from keras import layers

from . import config
from .layers import Attention


def build_model(timesteps, features, units):
    inputs = keras.Input(shape=(timesteps, features))
    x = layers.LSTM(config.UNITS, return_sequences=True)(inputs)
    x = Attention(units)(x)
    outputs = layers.Dense(1)(x)
    model = keras.Model(inputs, outputs)
    model.compile(loss="mse", optimizer="adam")
    return model
"""

PACKAGE_TRAIN = """\
import numpy as np

import project.model as models

X = np.zeros((64, 10, 3))
y = np.zeros((64, 1))
model = models.build_model(10, 3, UNITS)
model.fit(X, y, epochs=1, verbose=0)
"""


def package(units: int) -> dict[str, str]:
    """A package with a relative import of its layers and config; the script passes the
    attention's units (32 fits the LSTM's 32 features)."""
    return {
        "pyproject.toml": "",
        "project/__init__.py": "",
        "project/config.py": "UNITS = 32\n",
        "project/layers.py": LAYERS,
        "project/model.py": PACKAGE_MODEL,
        "train.py": PACKAGE_TRAIN.replace("UNITS", str(units)),
    }


def write(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` under ``root``; the path of its ``train.py``."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root / "train.py"
