"""SL217 optimizer-lr: lr= on a Keras optimizer."""

import pytest

from tests.helpers import lint


def findings(source: str) -> list:
    return [d for d in lint(source) if d.code == "SL217"]


@pytest.mark.parametrize(
    "imports, call",
    [
        ("from keras.optimizers import Adam", "Adam(lr=0.001)"),
        ("from tensorflow import keras", "keras.optimizers.SGD(lr=0.01, momentum=0.9)"),
        ("from tensorflow.keras import optimizers", "optimizers.RMSprop(lr=1e-4)"),
        ("import tensorflow as tf", "tf.keras.optimizers.Nadam(lr=0.002)"),
        ("from keras.src.optimizers.adagrad import Adagrad", "Adagrad(lr=0.01)"),
    ],
)
def test_every_way_of_naming_an_optimizer(imports, call):
    (found,) = findings(f"{imports}\nopt = {call}\n")
    name = call.split("(")[0].rsplit(".", 1)[-1]
    value = call.split("lr=")[1].split(",")[0].rstrip(")")
    assert found.line == 2
    assert found.message.startswith(f"{name} does not take lr in Keras 3")
    assert found.hint == f"write learning_rate={value} instead of lr={value}"


def test_inside_a_class_method_as_published_agents_write_it():
    source = """
    from keras.optimizers import Adam

    class DQNAgent:
        def _build_model(self):
            model.compile(loss="mse", optimizer=Adam(lr=self.learning_rate))
    """
    (found,) = findings(source)
    assert found.line == 6 and "learning_rate=self.learning_rate" in found.hint


def test_learning_rate_and_positional_rates_are_clean():
    source = """
    from keras import optimizers
    a = optimizers.Adam(learning_rate=0.001)
    b = optimizers.SGD(0.01, momentum=0.9)
    c = optimizers.Adam(decay=1e-6)
    """
    assert findings(source) == []
