"""Review classifier joining the LSTM's full sequence with a per-review metadata vector."""
import numpy as np
import tensorflow as tf

vocab_size, maxlen, n_meta = 300, 15, 4

rng = np.random.default_rng(0)
tokens = rng.integers(1, vocab_size, size=(16, maxlen))
meta = rng.normal(size=(16, n_meta)).astype("float32")
y = rng.integers(0, 2, size=(16,))

text_in = tf.keras.Input(shape=(maxlen,))
meta_in = tf.keras.Input(shape=(n_meta,))
x = tf.keras.layers.Embedding(vocab_size, 16)(text_in)
x = tf.keras.layers.LSTM(16, return_sequences=True)(x)
x = tf.keras.layers.Concatenate()([x, meta_in])  # expect: SL104
outputs = tf.keras.layers.Dense(1, activation="sigmoid")(x)
model = tf.keras.Model([text_in, meta_in], outputs)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit([tokens, meta], y, epochs=1, batch_size=8, verbose=0)
