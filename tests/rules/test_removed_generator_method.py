"""SL214 removed-generator-method: fit_generator and its kin on Keras models."""

from tests.helpers import lint

HEADER = """
from tensorflow import keras
from tensorflow.keras import layers
model = keras.Sequential([keras.Input((10, 3)), layers.LSTM(4), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
"""


def codes_and_lines(body: str) -> list:
    return [(d.code, d.line) for d in lint(HEADER + body)]


def test_each_removed_method_is_reported_at_its_call():
    body = """
model.fit_generator(gen, steps_per_epoch=10)
model.evaluate_generator(gen, steps=2)
model.predict_generator(gen, steps=2)
"""
    assert codes_and_lines(body) == [("SL214", 7), ("SL214", 8), ("SL214", 9)]
    first = lint(HEADER + body)[0]
    assert first.severity.value == "error" and "call fit(...)" in first.hint


def test_fit_with_a_generator_is_clean():
    assert codes_and_lines("model.fit(gen, steps_per_epoch=10)") == []


def test_objects_that_are_not_keras_models_are_not_judged():
    assert codes_and_lines("trainer = Trainer()\ntrainer.fit_generator(gen)") == []


def test_self_model_set_in_another_method_is_a_keras_model():
    source = """
from keras.models import Sequential

class Forecaster:
    def __init__(self):
        self.model = Sequential()

    def train(self, gen):
        self.model.fit_generator(gen, steps_per_epoch=10)
        self.model.predict_generator(gen, steps=2)
"""
    assert [(d.code, d.line) for d in lint(source)] == [("SL214", 9), ("SL214", 10)]


def test_a_guarded_call_is_a_fallback():
    body = """
try:
    model.fit_generator(gen, steps_per_epoch=10)
except AttributeError:
    model.fit(gen, steps_per_epoch=10)
"""
    assert codes_and_lines(body) == []
