"""Per-step tagger whose last Dense has no activation, trained as if it output probabilities."""
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
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")  # expect: SL205
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
