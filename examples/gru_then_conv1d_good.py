"""Functional sensor classifier: the GRU returns its sequence, so the Conv1D has steps."""
import keras
import numpy as np
from keras import layers

timesteps, n_features = 20, 3

rng = np.random.default_rng(0)
X = rng.normal(size=(16, timesteps, n_features)).astype("float32")
y = rng.integers(0, 2, size=(16,))

inputs = keras.Input(shape=(timesteps, n_features))
x = layers.GRU(32, return_sequences=True)(inputs)
x = layers.Conv1D(16, kernel_size=3, activation="relu")(x)
x = layers.GlobalMaxPooling1D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
