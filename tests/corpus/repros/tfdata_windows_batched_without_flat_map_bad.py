# Repro: a series cut into windows by Dataset.window and batched without flat_map: each element fit gets is a batch of window datasets, not a tensor.
# Source: https://github.com/tensorflow/tensorflow/issues/44046
# Reported: "If I create a dataset of windowed data, then batch it up using tf.data.Dataset.window(5,1,1,True).batch(10,True)", model.fit cannot use it; the answer: "window maps to datasets, not to tensors, so you can't immediately batch after window ... model fit needs to get something that produces actual batches"
# Fix: flat_map(lambda w: w.batch(5)) turns each window into one tensor before batch (the workaround the reporter names).
# keras: raises ValueError
# status: caught
# Family: tfdata-pipeline
import numpy as np
import tensorflow as tf

source_data = tf.data.Dataset.from_tensor_slices(np.random.rand(100, 3).astype("float32"))
windows = source_data.window(5, 1, 1, True).batch(10, True)

model = tf.keras.Sequential(
    [
        tf.keras.Input(shape=(4, 3)),
        tf.keras.layers.LSTM(8),
        tf.keras.layers.Dense(3),
    ]
)
model.compile(optimizer="adam", loss="mse")
model.fit(windows, epochs=1, verbose=0)  # expect: SL247
