"""Forecaster that joins a long history window and a recent window along time (same features)."""
import numpy as np
from tensorflow import keras

n_features = 3

rng = np.random.default_rng(0)
history = rng.normal(size=(16, 24, n_features)).astype("float32")
recent = rng.normal(size=(16, 6, n_features)).astype("float32")
y = rng.normal(size=(16, 1)).astype("float32")

history_in = keras.Input(shape=(24, n_features))
recent_in = keras.Input(shape=(6, n_features))
x = keras.layers.Concatenate(axis=1)([history_in, recent_in])
x = keras.layers.LSTM(16)(x)
outputs = keras.layers.Dense(1)(x)
model = keras.Model([history_in, recent_in], outputs)
model.compile(optimizer="adam", loss="mse")
model.fit([history, recent], y, epochs=1, batch_size=8, verbose=0)
