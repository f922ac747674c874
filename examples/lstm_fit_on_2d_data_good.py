"""Forecaster without an Input, fit on windows of 10 readings: (samples, timesteps, features)."""
import numpy as np
from tensorflow.keras.layers import LSTM, Dense
from tensorflow.keras.models import Sequential

n_features, timesteps = 8, 10

rng = np.random.default_rng(0)
readings = rng.normal(size=(64 + timesteps, n_features)).astype("float32")
X = np.stack([readings[i:i + timesteps] for i in range(64)])  # (64, 10, 8)
y = rng.normal(size=(64, 1)).astype("float32")

model = Sequential()
model.add(LSTM(32))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
