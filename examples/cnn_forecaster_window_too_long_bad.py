"""1D CNN forecaster on 16-step windows: each valid convolution and pooling shortens them."""
import keras
import numpy as np
from keras import layers

window, n_features = 16, 3

rng = np.random.default_rng(0)
X = rng.normal(size=(64, window, n_features)).astype("float32")
y = rng.normal(size=(64, 1)).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(window, n_features)),
    layers.Conv1D(32, 5, activation="relu"),  # 16 -> 12 steps
    layers.MaxPooling1D(2),  # 12 -> 6
    layers.Conv1D(64, 5, activation="relu"),  # 6 -> 2
    layers.MaxPooling1D(2),  # 2 -> 1
    layers.Conv1D(64, 3, activation="relu"),  # expect: SL108
    layers.GlobalAveragePooling1D(),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
