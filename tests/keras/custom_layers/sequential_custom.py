"""A custom layer inside a Sequential model: weights made in __init__ and in build."""

import keras
from keras import layers


class Projection(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.scale = self.add_weight(shape=(), initializer="ones")

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units))
        self.bias = self.add_weight(shape=(self.units,), initializer="zeros")

    def call(self, x):
        return keras.ops.relu(keras.ops.matmul(x, self.kernel) + self.bias) * self.scale


model = keras.Sequential([
    keras.Input(shape=(20, 5)),
    layers.LSTM(16, return_sequences=True),
    Projection(8),
    layers.GlobalAveragePooling1D(),
    layers.Dense(2),
])
