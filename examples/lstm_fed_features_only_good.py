"""Forecaster whose LSTM reads windows of `timesteps` readings of `n_features` each."""
import numpy as np
from tensorflow.keras.layers import LSTM, Dense
from tensorflow.keras.models import Sequential

timesteps, n_features = 8, 3

rng = np.random.default_rng(0)
series = rng.normal(size=(16 + timesteps, n_features)).astype("float32")
X = np.stack([series[i:i + timesteps] for i in range(16)])  # (16, timesteps, n_features)
y = series[timesteps:timesteps + 16, 0]

model = Sequential()
model.add(LSTM(32, input_shape=(timesteps, n_features)))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
