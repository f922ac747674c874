"""Per-step tagger that keeps logits and tells the loss so (from_logits=True)."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

vocab, seq_len, n_tags = 300, 12, 5

rng = np.random.default_rng(0)
X = rng.integers(1, vocab, size=(32, seq_len))
y = rng.integers(0, n_tags, size=(32, seq_len))

model = keras.Sequential([
    keras.Input(shape=(seq_len,)),
    layers.Embedding(vocab, 16),
    layers.LSTM(32, return_sequences=True),
    layers.Dense(n_tags),
])
loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
model.compile(optimizer="adam", loss=loss)
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
