"""Two sensor streams, sampled at different rates, are joined feature by feature."""
import numpy as np
from tensorflow import keras

rng = np.random.default_rng(0)
accel = rng.normal(size=(16, 20, 3)).astype("float32")  # 20 steps per window
gyro = rng.normal(size=(16, 10, 3)).astype("float32")  # same window at half the rate
y = rng.integers(0, 4, size=(16,))

accel_in = keras.Input(shape=(20, 3))
gyro_in = keras.Input(shape=(10, 3))
x = keras.layers.Concatenate(axis=-1)([accel_in, gyro_in])  # expect: SL104
x = keras.layers.LSTM(16)(x)
outputs = keras.layers.Dense(4, activation="softmax")(x)
model = keras.Model([accel_in, gyro_in], outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit([accel, gyro], y, epochs=1, batch_size=8, verbose=0)
