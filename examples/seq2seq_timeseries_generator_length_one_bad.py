"""Seed 004: TimeseriesGenerator(length=1) feeds an LSTM windows of a single step."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

# Sample data (100 timestamps, 2 features): predict the next reading from the past
data = np.random.rand(100, 2)

generator = keras.preprocessing.sequence.TimeseriesGenerator(  # expect: SL212
    data, data, length=1, batch_size=16
)

# No Input: Keras builds the model from the first batch, (16, 1, 2)
model = keras.Sequential([
    layers.LSTM(32),
    layers.Dense(2),
])
model.compile(optimizer="adam", loss="mse")
model.fit(generator, epochs=1, verbose=0)

batch_x, batch_y = generator[0]
print("LSTM input (X):", batch_x.shape)  # (16, 1, 2): a sequence length of 1
