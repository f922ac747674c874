"""CRNN-style detector: the Reshape accounts for the 2 * units features of the concat BiLSTM."""
import keras
import numpy as np
from keras import layers

timesteps, n_features, units = 10, 4, 32

rng = np.random.default_rng(0)
X = rng.normal(size=(16, timesteps, n_features)).astype("float32")
y = rng.integers(0, 2, size=(16,))

model = keras.Sequential([
    keras.Input(shape=(timesteps, n_features)),
    layers.Bidirectional(layers.LSTM(units, return_sequences=True)),
    layers.Reshape((timesteps, 2 * units, 1)),
    layers.Conv2D(4, kernel_size=3, padding="same", activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
