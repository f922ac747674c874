"""ELMo-style tagger: the stray Concatenate is gone, the Sequential model is a plain stack."""
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import LSTM, Bidirectional, Dense, Embedding

vocab_size, max_sequence_length, n_tags = 200, 10, 5
embedding_dim, hidden_dim = 16, 16

rng = np.random.default_rng(0)
X = rng.integers(1, vocab_size, size=(16, max_sequence_length))
y = rng.integers(0, n_tags, size=(16, max_sequence_length))

model = tf.keras.Sequential([
    tf.keras.Input(shape=(max_sequence_length,)),
    Embedding(vocab_size, embedding_dim),
    Bidirectional(LSTM(hidden_dim, return_sequences=True)),
    Bidirectional(LSTM(8, return_sequences=True)),
    Dense(n_tags, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
