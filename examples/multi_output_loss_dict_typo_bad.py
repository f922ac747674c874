"""Sensor model with a forecast head and an alarm head; the loss dict misspells one output."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

timesteps, n_sensors = 24, 4

rng = np.random.default_rng(0)
X = rng.normal(size=(32, timesteps, n_sensors)).astype("float32")
next_value = rng.normal(size=(32, 1)).astype("float32")
alarm = rng.integers(0, 2, size=(32, 1))

inputs = keras.Input(shape=(timesteps, n_sensors))
h = layers.GRU(16)(inputs)
forecast = layers.Dense(1, name="forecast")(h)
alarm_prob = layers.Dense(1, activation="sigmoid", name="alarm")(h)
model = keras.Model(inputs, [forecast, alarm_prob])

losses = {"forecast": "mse", "alarms": "binary_crossentropy"}
model.compile(optimizer="adam", loss=losses)  # expect: SL206
model.fit(X, [next_value, alarm], epochs=1, batch_size=8, verbose=0)
