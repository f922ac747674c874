"""Forecaster asked for 3 future values per window, with an output head of 2."""
import numpy as np
import keras
from keras import layers

horizon = 3
X = np.random.rand(32, 10, 4).astype("float32")
y = np.random.rand(32, horizon).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(10, 4)),
    layers.LSTM(16),
    layers.Dense(2),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, verbose=0)  # expect: SL203
