"""Keras 2 forecaster: TimeseriesGenerator, which Keras 3 keeps only in legacy tf.keras."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

length = 10

rng = np.random.default_rng(0)
readings = rng.normal(size=(120, 3)).astype("float32")
load = readings[:, 0]  # forecast the next value of the first sensor

# Window i is readings[i:i + length]; its target is load[i + length]
windows = keras.preprocessing.sequence.TimeseriesGenerator(  # expect: SL213
    readings, load, length=length, batch_size=16
)

model = keras.Sequential([
    keras.Input(shape=(length, 3)),
    layers.LSTM(16),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(windows, epochs=1, verbose=0)
