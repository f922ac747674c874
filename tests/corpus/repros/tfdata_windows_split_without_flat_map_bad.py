# Repro: the course's windowed_dataset without its flat_map line: the map that splits each window into features and label indexes a window dataset.
# Source: https://coderapp.vercel.app/answer/71211960
# Reported: (Stack Overflow question 71211960, mirrored) "If I remove dataset.flat_map(lambda window: window.batch(window_size + 1)) operation, I receive the TypeError: '_VariantDataset' object is not subscriptable pointing to the line: lambda window: (window[:-1], window[-1]))"
# Fix: keep flat_map(lambda window: window.batch(window_size + 1)): it turns each window dataset into one tensor, which the map can slice.
# keras: raises TypeError
# status: caught
# Family: tfdata-pipeline
import numpy as np
import tensorflow as tf


def windowed_dataset(series, window_size, batch_size, shuffle_buffer):
    dataset = tf.data.Dataset.from_tensor_slices(series)
    dataset = dataset.window(window_size + 1, shift=1, drop_remainder=True)
    dataset = dataset.shuffle(shuffle_buffer).map(lambda window: (window[:-1], window[-1]))  # expect: SL247
    dataset = dataset.batch(batch_size).prefetch(1)
    return dataset


series = np.sin(np.arange(200) / 10).astype("float32")
window_size = 20
dataset = windowed_dataset(series, window_size, batch_size=8, shuffle_buffer=100)

model = tf.keras.models.Sequential(
    [
        tf.keras.Input(shape=(window_size,)),
        tf.keras.layers.Lambda(lambda x: tf.expand_dims(x, axis=-1)),
        tf.keras.layers.LSTM(16),
        tf.keras.layers.Dense(1),
    ]
)
model.compile(loss="mse", optimizer="adam")
model.fit(dataset, epochs=1, verbose=0)
