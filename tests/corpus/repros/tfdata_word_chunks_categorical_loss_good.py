# Fixed twin of tfdata_word_chunks_categorical_loss_bad.py: the loss takes word ids as targets.
# Source: https://github.com/sergemoose/rnn-music-generation/issues/3
# keras: runs
# Family: tfdata-pipeline
import numpy as np
import tensorflow as tf

vocab_size, seq_length, BATCH_SIZE = 33, 10, 4
words_as_int = np.random.randint(0, vocab_size, size=(200,))

word_dataset = tf.data.Dataset.from_tensor_slices(words_as_int)
sequences = word_dataset.batch(seq_length + 1, drop_remainder=True)


def split_input_target(chunk):
    input_text = chunk[:-1]
    target_text = chunk[1:]
    return input_text, target_text


dataset = sequences.map(split_input_target)
dataset = dataset.shuffle(100).batch(BATCH_SIZE, drop_remainder=True)

model = tf.keras.Sequential(
    [
        tf.keras.layers.Embedding(vocab_size, 16),
        tf.keras.layers.LSTM(32, return_sequences=True),
        tf.keras.layers.Dense(vocab_size, activation="softmax"),
    ]
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(dataset.repeat(), epochs=1, steps_per_epoch=4, verbose=0)
