"""Character model on tf.data: targets are the next character at every step, the GRU
returns only its last step."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

vocab_size, seq_length = 40, 50
ids = np.random.default_rng(0).integers(0, vocab_size, size=(5000,))

def split_input_target(chunk):
    return chunk[:-1], chunk[1:]

chunks = tf.data.Dataset.from_tensor_slices(ids).batch(seq_length + 1, drop_remainder=True)
dataset = chunks.map(split_input_target).shuffle(100).batch(16, drop_remainder=True)

model = keras.Sequential([
    layers.Embedding(vocab_size, 16),
    layers.GRU(64),
    layers.Dense(vocab_size),
])
loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
model.compile(optimizer="adam", loss=loss)
model.fit(dataset, epochs=1, verbose=0)  # expect: SL201
