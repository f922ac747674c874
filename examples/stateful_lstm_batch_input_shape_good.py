"""Keras 3 stateful forecaster: keras.Input(batch_shape=...) fixes the batch size."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

batch_size, steps, features = 4, 10, 2
series = np.random.rand(32, steps, features).astype("float32")
targets = np.random.rand(32, 1).astype("float32")

model = keras.Sequential()
model.add(keras.Input(batch_shape=(batch_size, steps, features)))
model.add(layers.LSTM(16, stateful=True))
model.add(layers.Dense(1))
model.compile(optimizer="adam", loss="mse")

for epoch in range(2):
    model.fit(series, targets, batch_size=batch_size, epochs=1, shuffle=False, verbose=0)
    model.layers[0].reset_states()
