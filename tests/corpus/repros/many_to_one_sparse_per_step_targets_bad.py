# Repro: a next-word model whose LSTM keeps only the last step, trained on one label per step.
# Source: https://github.com/keras-team/keras/issues/17368
# Reported: InvalidArgumentError: logits and labels must have the same first dimension, got logits shape [32,271573] and labels shape [960]
# Fix: return_sequences=True so that the model predicts one word per step.
# keras: raises ValueError
# status: caught
# Family: targets-and-losses
import numpy as np
import tensorflow as tf

vocab_size, seq_len = 50, 30
x = np.random.randint(1, vocab_size, size=(8, seq_len))
y = np.random.randint(1, vocab_size, size=(8, seq_len))

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(seq_len,)),
    tf.keras.layers.Embedding(vocab_size, 16),
    tf.keras.layers.LSTM(32),
    tf.keras.layers.Dense(vocab_size, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x, y, epochs=1, verbose=0)  # expect: SL201
