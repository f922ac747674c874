"""Sentiment classifier built by a function; the first GRU hands its sequence to the second."""
import keras
import numpy as np
from keras import layers


def build_model(vocab_size, maxlen):
    model = keras.Sequential([
        keras.Input(shape=(maxlen,)),
        layers.Embedding(vocab_size, 32),
        layers.GRU(32, return_sequences=True),
        layers.GRU(16),
        layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model


rng = np.random.default_rng(0)
X = rng.integers(1, 5000, size=(16, 60))
y = rng.integers(0, 2, size=(16,))

model = build_model(vocab_size=5000, maxlen=60)
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
