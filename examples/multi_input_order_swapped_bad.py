"""Forecaster with a series input and a metadata input, fed in the wrong order."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

timesteps, n_features, n_meta = 24, 3, 5

rng = np.random.default_rng(0)
series = rng.normal(size=(32, timesteps, n_features)).astype("float32")
meta = rng.normal(size=(32, n_meta)).astype("float32")
target = rng.normal(size=(32, 1)).astype("float32")

series_in = keras.Input(shape=(timesteps, n_features))
meta_in = keras.Input(shape=(n_meta,))
encoded = layers.LSTM(16)(series_in)
joined = layers.Concatenate()([encoded, meta_in])
output = layers.Dense(1)(joined)
model = keras.Model(inputs=[series_in, meta_in], outputs=output)
model.compile(optimizer="adam", loss="mse")
model.fit([meta, series], target, epochs=1, batch_size=16, verbose=0)  # expect: SL209
