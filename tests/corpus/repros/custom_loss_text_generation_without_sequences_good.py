# Fixed twin of custom_loss_text_generation_without_sequences_bad.py: the GRU returns every step, so the loss gets one logit vector per character.
# Source: https://github.com/tensorflow/tensorflow/issues/27789
# keras: runs
# Family: custom-loss
import numpy as np
import tensorflow as tf

vocab_size, embedding_dim, rnn_units = 65, 16, 32
text_as_int = np.random.randint(0, vocab_size, size=(8, 11))
input_text, target_text = text_as_int[:, :-1], text_as_int[:, 1:]

model = tf.keras.Sequential([
    tf.keras.layers.Embedding(vocab_size, embedding_dim),
    tf.keras.layers.GRU(rnn_units, return_sequences=True, recurrent_initializer="glorot_uniform"),
    tf.keras.layers.Dense(vocab_size),
])


def loss(labels, logits):
    return tf.keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True)


model.compile(optimizer="adam", loss=loss)
history = model.fit(input_text, target_text, epochs=1, verbose=0)
