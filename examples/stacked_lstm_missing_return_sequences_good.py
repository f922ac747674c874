"""Per-step tagger with two stacked LSTMs; every LSTM returns the full sequence."""
import numpy as np
from tensorflow.keras.layers import LSTM, Dense, Input
from tensorflow.keras.models import Sequential

timesteps, n_features, n_classes = 12, 4, 3

rng = np.random.default_rng(0)
X = rng.normal(size=(16, timesteps, n_features)).astype("float32")
y = rng.integers(0, n_classes, size=(16, timesteps))

model = Sequential()
model.add(Input(shape=(timesteps, n_features)))
model.add(LSTM(32, return_sequences=True))
model.add(LSTM(16, return_sequences=True))
model.add(Dense(n_classes, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
