"""Univariate forecaster: 2-D data fed to Input(shape=(T, 1)); Keras adds the trailing axis."""
import keras
import numpy as np
from keras import layers

timesteps = 24

rng = np.random.default_rng(0)
series = rng.normal(size=(16 + timesteps,)).astype("float32")
X = np.stack([series[i:i + timesteps] for i in range(16)])  # (16, timesteps): no feature axis
y = series[timesteps:timesteps + 16]

inputs = keras.Input(shape=(timesteps, 1))
x = layers.LSTM(16)(inputs)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
