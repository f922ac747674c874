# Repro: the text generation tutorial's GRU loses return_sequences=True; its loss(labels, logits), a sparse_categorical_crossentropy(from_logits=True), gets one label per character against one logit vector per sequence.
# Source: https://github.com/tensorflow/tensorflow/issues/27789
# Reported: Removing `return_sequences=True` causes a dimension mismatch: the GRU gives (64, 1024), the Dense (64, 65), and model.fit on the tutorial's (64, 100) character targets fails
# Fix: keep return_sequences=True so the Dense scores every step.
# keras: raises ValueError
# status: caught
# Family: custom-loss
import numpy as np
import tensorflow as tf

vocab_size, embedding_dim, rnn_units = 65, 16, 32
text_as_int = np.random.randint(0, vocab_size, size=(8, 11))
input_text, target_text = text_as_int[:, :-1], text_as_int[:, 1:]

model = tf.keras.Sequential([
    tf.keras.layers.Embedding(vocab_size, embedding_dim),
    tf.keras.layers.GRU(rnn_units, recurrent_initializer="glorot_uniform"),
    tf.keras.layers.Dense(vocab_size),
])


def loss(labels, logits):
    return tf.keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True)


model.compile(optimizer="adam", loss=loss)
history = model.fit(input_text, target_text, epochs=1, verbose=0)  # expect: SL201
