"""Sequence autoencoder: the decoder LSTM is fed the encoder's final vector, not a sequence."""
import numpy as np
from tensorflow import keras

timesteps, n_features, latent_dim = 10, 2, 8

rng = np.random.default_rng(0)
X = rng.normal(size=(16, timesteps, n_features)).astype("float32")

model = keras.Sequential()
model.add(keras.Input(shape=(timesteps, n_features)))
model.add(keras.layers.LSTM(latent_dim))
model.add(keras.layers.LSTM(latent_dim, return_sequences=True))  # expect: SL101
model.add(keras.layers.TimeDistributed(keras.layers.Dense(n_features)))
model.compile(optimizer="adam", loss="mse")
model.fit(X, X, epochs=1, batch_size=8, verbose=0)
