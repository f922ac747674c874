"""SL213 keras3-migration: Embedding(input_length=...) and TimeseriesGenerator."""

from tests.helpers import lint

HEADER = """
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.preprocessing.sequence import TimeseriesGenerator
"""


def sl213(body: str) -> list:
    return [d for d in lint(HEADER + body) if d.code == "SL213"]


def test_input_length_reported_at_the_embedding_once():
    body = """
embed = layers.Embedding(1000, 16, input_length=maxlen)
a = keras.Sequential([embed, layers.LSTM(4)])
b = keras.Sequential([embed, layers.GRU(4)])
"""
    (found,) = sl213(body)
    assert found.line == 7 and found.severity.value == "info"
    assert "keras.Input(shape=(maxlen,))" in found.hint


def test_embedding_without_input_length_is_clean():
    assert sl213("m = keras.Sequential([keras.Input((20,)), layers.Embedding(10, 4)])") == []


def test_timeseries_generator_fed_to_a_model():
    body = """
data = np.random.rand(100, 3)
gen = TimeseriesGenerator(data, data[:, 0], length=10, batch_size=8)
model = keras.Sequential([keras.Input((10, 3)), layers.LSTM(4), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(gen)
model.evaluate(gen)
"""
    (found,) = sl213(body)
    assert found.line == 8
    assert "timeseries_dataset_from_array(data, targets[10:], sequence_length=10)" in found.hint


def test_one_step_generator_is_left_to_sl212():
    body = """
data = np.random.rand(100, 3)
gen = TimeseriesGenerator(data, data, length=1)
model = keras.Sequential([layers.LSTM(4), layers.Dense(3)])
model.compile(optimizer="adam", loss="mse")
model.fit(gen)
"""
    assert [d.code for d in lint(HEADER + body)] == ["SL212"]
    assert "targets=data[length:]" in lint(HEADER + body)[0].hint


def test_timeseries_dataset_from_array_is_clean():
    body = """
data = np.random.rand(100, 3)
ds = keras.utils.timeseries_dataset_from_array(data, data[10:, 0], sequence_length=10)
model = keras.Sequential([keras.Input((10, 3)), layers.LSTM(4), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(ds)
"""
    assert lint(HEADER + body) == []
