"""Sentiment classifier: input_dim is the vocabulary size, the largest word id + 1."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

vocab_size, maxlen = 8000, 40

rng = np.random.default_rng(0)
X = rng.integers(0, vocab_size, size=(64, maxlen))  # word ids up to 7999
y = rng.integers(0, 2, size=(64, 1))

model = keras.Sequential([
    keras.Input(shape=(maxlen,)),
    layers.Embedding(vocab_size, 64),
    layers.LSTM(32),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=1, batch_size=16, verbose=0)
