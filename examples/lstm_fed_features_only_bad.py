"""Forecaster whose LSTM is declared with the feature axis only: no time axis at all."""
import numpy as np
from tensorflow.keras.layers import LSTM, Dense
from tensorflow.keras.models import Sequential

timesteps, n_features = 8, 3

rng = np.random.default_rng(0)
series = rng.normal(size=(16 + timesteps, n_features)).astype("float32")
X = series[:16]  # one row of readings per sample
y = series[timesteps:timesteps + 16, 0]

model = Sequential()
model.add(LSTM(32, input_shape=(n_features,)))  # expect: SL102
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
