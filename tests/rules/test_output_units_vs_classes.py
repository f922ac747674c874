"""SL202: the output has fewer units than the labels have classes (or another one-hot depth)."""

from __future__ import annotations

import pytest

from tests.helpers import codes_and_lines

SOURCE = """\
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

X = np.random.rand(32, 12, 4)
y = LABELS
model = keras.Sequential([keras.Input(shape=(12, 4)), layers.GRU(16),
                          layers.Dense(UNITS, activation="softmax")])
model.compile(optimizer="adam", loss="LOSS")
model.fit(X, y, epochs=1, verbose=0)
"""


def lint(labels: str, units: int, loss: str) -> set[tuple[str, int]]:
    source = SOURCE.replace("LABELS", labels).replace("UNITS", str(units))
    return codes_and_lines(source.replace("LOSS", loss))


def test_fewer_units_than_label_classes() -> None:
    assert lint("np.random.randint(0, 10, size=(32,))", 5, "sparse_categorical_crossentropy") == {
        ("SL202", 8)
    }


@pytest.mark.parametrize("units", [10, 12])
def test_class_indices_fit_any_output_with_enough_units(units: int) -> None:
    # Keras accepts indices below the unit count: units beyond the labels are simply unused
    assert (
        lint("np.random.randint(0, 10, size=(32,))", units, "sparse_categorical_crossentropy")
        == set()
    )


def test_one_hot_depth_must_equal_the_units() -> None:
    one_hot = "keras.utils.to_categorical(np.random.randint(0, 5, size=(32,)), 5)"
    assert ("SL202", 8) in lint(one_hot, 6, "categorical_crossentropy")
