"""The swapped losses of tests/rules/test_swapped_losses.py in real Keras 3: fit raises for
the output whose targets its loss cannot line up; the loss given to the other output trains
without an error and measures nothing; the fixed sources train."""

from __future__ import annotations

import os

import pytest

from seqlint.fixing import fix_source
from tests.rules.test_swapped_losses import DICT, LIST, MODEL

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

pytestmark = [pytest.mark.keras, pytest.mark.filterwarnings("ignore::UserWarning")]


def run(source: str) -> dict:
    namespace = {"__name__": "__main__"}
    exec(compile(source, "swapped", "exec"), namespace)
    return namespace


@pytest.mark.parametrize("source", [LIST, DICT], ids=["list", "dict"])
def test_swapped_losses_raise_at_fit(source):
    with pytest.raises(ValueError, match="Dimensions must be equal, but are 32 and 10"):
        run(source)


def test_the_regression_output_s_swapped_loss_trains_silently_to_zero():
    """sparse_categorical_crossentropy on the one-unit regression output: no error, a loss of
    0 whatever the targets (the other output given its right loss, so fit runs)."""
    source = (
        MODEL
        + """\
model = keras.Model(inputs, [price, label])
model.compile(optimizer="adam", loss=["sparse_categorical_crossentropy",
                                      "sparse_categorical_crossentropy"])
history = model.fit(X, [prices, labels], epochs=1, verbose=0)
"""
    )
    logs = run(source)["history"].history
    assert logs["price_loss"] == [0.0]
    assert logs["label_loss"][0] > 0


@pytest.mark.parametrize("source", [LIST, DICT], ids=["list", "dict"])
def test_the_fixed_losses_train(source):
    fixed = fix_source(source, "t.py").source
    assert fixed != source
    model = run(fixed)["model"]
    assert model.optimizer.iterations.numpy() == 1
