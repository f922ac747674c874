"""Keras 3 forecaster: timeseries_dataset_from_array, with the targets shifted by the window."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

length = 10

rng = np.random.default_rng(0)
readings = rng.normal(size=(120, 3)).astype("float32")
load = readings[:, 0]  # forecast the next value of the first sensor

# Window i is readings[i:i + length]; its target is load[i + length], hence load[length:]
windows = keras.utils.timeseries_dataset_from_array(
    readings, load[length:], sequence_length=length, batch_size=16
)

model = keras.Sequential([
    keras.Input(shape=(length, 3)),
    layers.LSTM(16),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(windows, epochs=1, verbose=0)
