# Fixed twin of tfdata_windows_batched_without_flat_map_bad.py: flat_map turns each window into a (5, 3) tensor, split into 4 input steps and the next step as target, before batch.
# Source: https://github.com/tensorflow/tensorflow/issues/44046
# keras: runs
# Family: tfdata-pipeline
import numpy as np
import tensorflow as tf

source_data = tf.data.Dataset.from_tensor_slices(np.random.rand(100, 3).astype("float32"))
windows = source_data.window(5, 1, 1, True).flat_map(lambda w: w.batch(5))
windows = windows.map(lambda w: (w[:-1], w[-1])).batch(10, True)

model = tf.keras.Sequential(
    [
        tf.keras.Input(shape=(4, 3)),
        tf.keras.layers.LSTM(8),
        tf.keras.layers.Dense(3),
    ]
)
model.compile(optimizer="adam", loss="mse")
model.fit(windows, epochs=1, verbose=0)
