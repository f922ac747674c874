# Fixed twin of tfdata_windows_split_without_flat_map_bad.py: flat_map turns each window into one tensor before the map slices it.
# Source: https://coderapp.vercel.app/answer/71211960
# keras: runs
# Family: tfdata-pipeline
import numpy as np
import tensorflow as tf


def windowed_dataset(series, window_size, batch_size, shuffle_buffer):
    dataset = tf.data.Dataset.from_tensor_slices(series)
    dataset = dataset.window(window_size + 1, shift=1, drop_remainder=True)
    dataset = dataset.flat_map(lambda window: window.batch(window_size + 1))
    dataset = dataset.shuffle(shuffle_buffer).map(lambda window: (window[:-1], window[-1]))
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
