# Fixed twin of many_to_one_sparse_per_step_targets_bad.py: one prediction per step.
# Source: https://github.com/keras-team/keras/issues/17368
# keras: runs
# Family: targets-and-losses
import numpy as np
import tensorflow as tf

vocab_size, seq_len = 50, 30
x = np.random.randint(1, vocab_size, size=(8, seq_len))
y = np.random.randint(1, vocab_size, size=(8, seq_len))

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(seq_len,)),
    tf.keras.layers.Embedding(vocab_size, 16),
    tf.keras.layers.LSTM(32, return_sequences=True),
    tf.keras.layers.Dense(vocab_size, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y, epochs=1, verbose=0)
