# Fixed twin of tfdata_text_chunks_gru_last_step_bad.py: the GRU returns its whole sequence.
# Source: https://github.com/tensorflow/tensorflow/issues/27789
# keras: runs
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
        tf.keras.layers.GRU(32, return_sequences=True),
        tf.keras.layers.Dense(vocab_size),
    ]
)
model.compile(
    optimizer="adam",
    loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
)
model.fit(dataset, epochs=1, verbose=0)
