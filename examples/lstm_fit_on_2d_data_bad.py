"""Forecaster without an Input: Keras builds it from X, which has no time axis."""
import numpy as np
from tensorflow.keras.layers import LSTM, Dense
from tensorflow.keras.models import Sequential

n_features = 8

rng = np.random.default_rng(0)
X = rng.normal(size=(64, n_features)).astype("float32")  # one row of readings per sample
y = rng.normal(size=(64, 1)).astype("float32")

model = Sequential()
model.add(LSTM(32))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=16, verbose=0)  # expect: SL209
