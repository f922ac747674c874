"""Many-to-many tagger on padded sequences: a plain Dense acts per step on a 3-D input."""
import numpy as np
from tensorflow.keras.layers import LSTM, Dense, Input, Masking
from tensorflow.keras.models import Sequential

timesteps, n_features, n_classes = 12, 4, 3

rng = np.random.default_rng(0)
X = rng.normal(size=(16, timesteps, n_features)).astype("float32")
X[:, 9:] = 0.0  # the last steps are padding
y = rng.integers(0, n_classes, size=(16, timesteps))

model = Sequential()
model.add(Input(shape=(timesteps, n_features)))
model.add(Masking(mask_value=0.0))
model.add(LSTM(32, return_sequences=True))
model.add(Dense(n_classes, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
