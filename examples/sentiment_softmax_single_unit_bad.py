"""Binary sentiment classifier: a softmax over its single output unit always says 1.0."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

vocab, seq_len = 500, 20

rng = np.random.default_rng(0)
X = rng.integers(1, vocab, size=(32, seq_len))
y = rng.integers(0, 2, size=(32, 1))

model = keras.Sequential([
    keras.Input(shape=(seq_len,)),
    layers.Embedding(vocab, 16),
    layers.LSTM(16),
    layers.Dense(1, activation="softmax"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")  # expect: SL205
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
