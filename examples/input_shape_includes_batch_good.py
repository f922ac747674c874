"""Activity classifier that declares input_shape per sample: the data shape minus batch."""
import numpy as np
from tensorflow import keras

rng = np.random.default_rng(0)
X = rng.normal(size=(16, 10, 3)).astype("float32")
y = rng.integers(0, 2, size=(16,))

model = keras.Sequential([
    keras.layers.GRU(16, input_shape=X.shape[1:]),
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
