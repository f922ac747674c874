# Fixed twin of add_weight_shape_from_unknown_timesteps_bad.py: the Input declares the 7 timesteps the data has, so build() gets input_shape (None, 7, 25, 81) and the position weight is (1, 7, 25, 16).
# Source: https://github.com/keras-team/keras/issues/16315
# keras: runs
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
        self.position = self.add_weight(
            name="position",
            shape=(1, input_shape[1], input_shape[2], self.units),
            initializer=TruncatedNormal(stddev=0.02),
            trainable=True,
        )

    def call(self, inputs):
        return self.projection(inputs) + self.position


inputs = tf.keras.Input(shape=(7, 25, 81))  # (batches, timesteps, patches, features)
x = PositionalEmbedding(16)(inputs)
x = tf.keras.layers.GlobalAveragePooling2D()(x)
out = tf.keras.layers.Dense(1)(x)
model = tf.keras.Model(inputs, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, 7, 25, 81), np.random.rand(4, 1), epochs=1, verbose=0)
