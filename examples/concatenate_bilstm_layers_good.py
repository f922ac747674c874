"""ELMo-style tagger built functionally: both BiLSTM layers' outputs are joined per token."""
import numpy as np
import tensorflow as tf

vocab_size, max_sequence_length, n_tags = 200, 10, 5
embedding_dim, hidden_dim = 16, 16

rng = np.random.default_rng(0)
X = rng.integers(1, vocab_size, size=(16, max_sequence_length))
y = rng.integers(0, n_tags, size=(16, max_sequence_length))

inputs = tf.keras.Input(shape=(max_sequence_length,))
emb = tf.keras.layers.Embedding(vocab_size, embedding_dim)(inputs)
h1 = tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(hidden_dim, return_sequences=True))(emb)
h2 = tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(8, return_sequences=True))(h1)
x = tf.keras.layers.Concatenate(axis=-1)([h1, h2])
outputs = tf.keras.layers.Dense(n_tags, activation="softmax")(x)
model = tf.keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, y, epochs=1, batch_size=8, verbose=0)
