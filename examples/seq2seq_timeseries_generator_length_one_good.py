"""Seed 004, fixed: windows of 5 steps, cut by timeseries_dataset_from_array (Keras 3)."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

# Sample data (100 timestamps, 2 features): predict the next reading from the past
data = np.random.rand(100, 2)
length = 5

# Window i is data[i:i + length]; its target is data[i + length]: shift the targets
dataset = keras.utils.timeseries_dataset_from_array(
    data, data[length:], sequence_length=length, batch_size=16
)

model = keras.Sequential([
    keras.Input(shape=(length, 2)),
    layers.LSTM(32),
    layers.Dense(2),
])
model.compile(optimizer="adam", loss="mse")
model.fit(dataset, epochs=1, verbose=0)

batch_x, batch_y = next(iter(dataset))
print("LSTM input (X):", batch_x.shape)  # (16, 5, 2): 5 steps per window
