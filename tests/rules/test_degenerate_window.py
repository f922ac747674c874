"""SL212 degenerate-window: recurrent layers that only ever see one time step."""

from tests.helpers import codes_and_lines, lint

HEADER = """
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.preprocessing.sequence import TimeseriesGenerator
data = np.random.rand(100, 2)
"""


def found(body: str, code: str = "SL212") -> list:
    return [(d.code, d.line) for d in lint(HEADER + body) if d.code == code]


def windows(length: int, model: str) -> str:
    return f"""
gen = TimeseriesGenerator(data, data, length={length}, batch_size=16)
model = keras.Sequential([{model}])
model.compile(optimizer="adam", loss="mse")
model.fit(gen)
"""


def test_generator_of_one_step_windows_feeding_an_lstm_is_reported_at_the_generator():
    assert found(windows(1, "layers.LSTM(8), layers.Dense(2)")) == [("SL212", 8)]


def test_one_report_when_the_input_also_declares_one_step():
    body = windows(1, "keras.Input(shape=(1, 2)), layers.GRU(8), layers.Dense(2)")
    assert found(body) == [("SL212", 8)]


def test_window_of_one_with_a_dense_model_is_clean():
    assert found(windows(1, "layers.Flatten(), layers.Dense(8), layers.Dense(2)")) == []


def test_longer_or_unknown_windows_are_clean():
    assert found(windows(5, "layers.LSTM(8), layers.Dense(2)")) == []
    assert found(windows("lookback", "layers.LSTM(8), layers.Dense(2)")) == []


def test_recurrent_layer_after_a_repeat_vector_sees_more_steps():
    body = windows(1, "layers.Flatten(), layers.RepeatVector(10), layers.LSTM(8), layers.Dense(2)")
    assert found(body) == []


def test_one_step_time_axis_is_reported_at_the_layer():
    body = """
X = np.random.rand(100, 8)
model = keras.Sequential([layers.Bidirectional(layers.LSTM(8)), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(X.reshape((100, 1, 8)), np.random.rand(100, 1))
"""
    assert found(body) == [("SL212", 9)]
    declared = """
model = keras.Sequential([keras.Input(shape=(1, 8)), layers.SimpleRNN(8), layers.Dense(1)])
"""
    assert found(declared) == [("SL212", 8)]


def test_stateful_and_state_carrying_layers_are_clean():
    stateful = """
model = keras.Sequential([
    keras.Input(batch_shape=(1, 1, 8)),
    layers.LSTM(8, stateful=True),
    layers.Dense(1),
])
"""
    assert found(stateful) == []
    decoder = """
step = keras.Input(shape=(1, 8))
h, c = keras.Input(shape=(16,)), keras.Input(shape=(16,))
out, h2, c2 = layers.LSTM(16, return_state=True)(step, initial_state=[h, c])
"""
    assert found(decoder) == []


def test_timeseries_dataset_from_array_of_one_step():
    body = """
ds = keras.utils.timeseries_dataset_from_array(data, data[1:], sequence_length=1)
model = keras.Sequential([layers.LSTM(8), layers.Dense(2)])
model.compile(optimizer="adam", loss="mse")
model.fit(ds)
"""
    assert found(body) == [("SL212", 8)]
    assert found(body, "SL213") == []


def test_a_one_step_generator_no_model_takes_is_still_warned_about():
    # Seed 004: the windows are made for an LSTM that the snippet does not show.
    source = """\
    import numpy as np
    from tensorflow import keras

    data = np.random.rand(100, 2)
    gen = keras.preprocessing.sequence.TimeseriesGenerator(data, data, length=1, batch_size=16)
    longer = keras.preprocessing.sequence.TimeseriesGenerator(data, data, length=5, batch_size=16)
    """
    assert codes_and_lines(source) == {("SL212", 5)}


ZIPPED = """\
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

series = np.random.rand(200, 3)
target = np.random.rand(200, 1)
inputs = keras.utils.timeseries_dataset_from_array(series, None, sequence_length=10)
targets = keras.utils.timeseries_dataset_from_array(target[9:], None, sequence_length=1)
dataset = tf.data.Dataset.zip((inputs, targets))
model = keras.Sequential([keras.Input(shape=(10, 3)), layers.LSTM(8), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(dataset, epochs=1, verbose=0)
"""


def test_one_step_windows_that_may_be_the_zipped_targets_are_clean():
    """Issue 7: the targets dataset cuts windows of one step; the LSTM sees 10 (Keras
    trains it: tests/keras/test_robust_keras.py)."""
    assert codes_and_lines(ZIPPED) == set()


def test_one_step_inputs_fed_directly_are_still_reported():
    source = (
        ZIPPED.replace("sequence_length=10", "sequence_length=1")
        .replace("shape=(10, 3)", "shape=(1, 3)")
        .replace("model.fit(dataset,", "model.fit(inputs,")
    )
    assert codes_and_lines(source) == {("SL212", 8)}


def test_one_step_windows_with_their_own_targets_are_reported_even_if_not_fed():
    source = ZIPPED.replace(
        "targets = keras.utils.timeseries_dataset_from_array(target[9:], None,",
        "targets = keras.utils.timeseries_dataset_from_array(target[9:], target[9:],",
    )
    assert codes_and_lines(source) == {("SL212", 9)}


def test_one_step_windows_without_targets_in_a_file_that_feeds_no_model_are_reported():
    source = ZIPPED.split("dataset = ")[0]
    assert codes_and_lines(source) == {("SL212", 9)}


def test_stacked_layers_over_one_step_are_one_warning_at_the_first():
    body = """
X = np.random.rand(100, 8)
model = keras.Sequential([
    keras.Input(shape=(1, 8)),
    layers.LSTM(16, return_sequences=True),
    layers.Dropout(0.2),
    layers.LSTM(8, return_sequences=True),
    layers.GRU(4),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X.reshape((100, 1, 8)), np.random.rand(100, 1))
"""
    assert codes_and_lines(HEADER + body) == {("SL212", 11)}
    (d,) = [d for d in lint(HEADER + body) if d.code == "SL212"]
    assert d.message.endswith(
        "the same single step reaches LSTM(8, return_sequences=True) at line 13, GRU(4) at line 14"
    )
    assert d.trace[-1].layer == "LSTM(16, return_sequences=True)" and d.trace[-1].marked


def test_two_branches_over_one_input_step_are_one_cause():
    body = """
step = keras.Input(shape=(1, 8))
a = layers.LSTM(8)(step)
b = layers.GRU(8)(step)
model = keras.Model(step, layers.Dense(1)(layers.Concatenate()([a, b])))
"""
    assert codes_and_lines(HEADER + body) == {("SL212", 9)}


def test_separate_causes_are_separate_warnings():
    body = """
one = keras.Input(shape=(1, 8))
pooled = layers.MaxPooling1D(10)(keras.Input(shape=(10, 8)))
a = layers.LSTM(8)(one)
b = layers.LSTM(8)(pooled)
"""
    assert codes_and_lines(HEADER + body) == {("SL212", 10), ("SL212", 11)}
