# Repro: the text-generation pipeline (split_input_target on chunks of token ids) trains a GRU without return_sequences.
# Source: https://github.com/tensorflow/tensorflow/issues/27789
# Reported: removing return_sequences=True causes a dimension mismatch: model.fit(dataset.repeat(), ...) fails with the GRU output (64, 1024) and Dense (64, 65) against (64, 100) next-character targets
# Fix: keep return_sequences=True so that the model predicts a character at every step of the chunk.
# keras: raises ValueError
# status: caught
# Family: tfdata-pipeline
import numpy as np
import tensorflow as tf

vocab_size, seq_length, BATCH_SIZE = 65, 10, 4
text_as_int = np.random.randint(0, vocab_size, size=(200,))

char_dataset = tf.data.Dataset.from_tensor_slices(text_as_int)
sequences = char_dataset.batch(seq_length + 1, drop_remainder=True)


def split_input_target(chunk):
    input_text = chunk[:-1]
    target_text = chunk[1:]
    return input_text, target_text


dataset = sequences.map(split_input_target)
dataset = dataset.shuffle(100).batch(BATCH_SIZE, drop_remainder=True)

model = tf.keras.Sequential(
    [
        tf.keras.layers.Embedding(vocab_size, 16),
        tf.keras.layers.GRU(32),
        tf.keras.layers.Dense(vocab_size),
    ]
)
model.compile(
    optimizer="adam",
    loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
)
model.fit(dataset, epochs=1, verbose=0)  # expect: SL201
