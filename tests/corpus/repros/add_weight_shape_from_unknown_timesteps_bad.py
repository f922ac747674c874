# Repro: a learned positional embedding makes its weight in build() as (1, input_shape[1], input_shape[2], units), but the model's input leaves the timesteps axis undefined, so build() gets input_shape[1] = None and the weight shape has a None in it.
# Source: https://github.com/keras-team/keras/issues/16315
# Reported: "At build() only two last axis are numerics": input (64, 7, 25, 81) = (batches, timesteps, patches, features), but input_shape of build() is (None, None, 25, 81), and training fails with a ValueError from add_weight(name="position", shape=(1, input_shape[1], input_shape[2], self.units)). The report shows build() only; call() is written here as a Dense projection to units plus the position weight.
# Fix: declare the timesteps the data has (7) on the Input, so input_shape[1] is known when build() makes the weight.
# keras: raises ValueError
# status: caught
# Family: custom-layer-weights
import numpy as np
import tensorflow as tf
from tensorflow.keras.initializers import TruncatedNormal


class PositionalEmbedding(tf.keras.layers.Layer):
    def __init__(self, units, **kwargs):
        super(PositionalEmbedding, self).__init__(**kwargs)
        self.units = units
        self.projection = tf.keras.layers.Dense(units)

    def build(self, input_shape):
        super(PositionalEmbedding, self).build(input_shape)

        print(input_shape)
        self.position = self.add_weight(  # expect: SL112
            name="position",
            shape=(1, input_shape[1], input_shape[2], self.units),
            initializer=TruncatedNormal(stddev=0.02),
            trainable=True,
        )

    def call(self, inputs):
        return self.projection(inputs) + self.position


inputs = tf.keras.Input(shape=(None, 25, 81))  # (batches, timesteps, patches, features)
x = PositionalEmbedding(16)(inputs)
x = tf.keras.layers.GlobalAveragePooling2D()(x)
out = tf.keras.layers.Dense(1)(x)
model = tf.keras.Model(inputs, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, 7, 25, 81), np.random.rand(4, 1), epochs=1, verbose=0)
