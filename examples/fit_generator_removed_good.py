"""Keras 3 training loop over a Python generator: fit takes generators directly."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

rng = np.random.default_rng(0)
X = rng.normal(size=(64, 12, 3)).astype("float32")
y = rng.normal(size=(64, 1)).astype("float32")


def batches(batch_size=16):
    while True:
        for start in range(0, len(X), batch_size):
            yield X[start:start + batch_size], y[start:start + batch_size]


model = keras.Sequential([
    keras.Input(shape=(12, 3)),
    layers.GRU(16),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(batches(), steps_per_epoch=4, epochs=1, verbose=0)
