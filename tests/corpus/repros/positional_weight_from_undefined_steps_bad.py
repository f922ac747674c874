# Repro: a PositionalEmbedding layer sizes its weight from input_shape[1], the time steps, which the input leaves undefined (None).
# Source: https://github.com/keras-team/tf-keras/issues/114
# Reported: input's shape (64, 7, 25, 81); input_shape of build(): (None, None, 25, 81); ValueError when the weight (1, input_shape[1], input_shape[2], units) is created
# Fix: declare the number of time steps on the Input, shape=(7, 25, 81), so that build() gets a defined length.
# keras: raises ValueError
# status: caught
# Family: custom-layer-weights
import numpy as np
import tensorflow as tf
from tensorflow.keras.initializers import TruncatedNormal
from tensorflow.keras.layers import LSTM, Dense, Flatten, Input, Layer, TimeDistributed


class PositionalEmbedding(Layer):
    def __init__(self, units, **kwargs):
        super(PositionalEmbedding, self).__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        super(PositionalEmbedding, self).build(input_shape)
        self.position = self.add_weight(  # expect: SL112
            name="position",
            shape=(1, input_shape[1], input_shape[2], self.units),
            initializer=TruncatedNormal(stddev=0.02),
            trainable=True,
        )

    def call(self, inputs):
        return inputs + self.position


timesteps, patches, features = 7, 5, 6
inputs = Input(shape=(None, patches, features))
x = PositionalEmbedding(features)(inputs)
x = TimeDistributed(Flatten())(x)
x = LSTM(8)(x)
outputs = Dense(1)(x)
model = tf.keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, timesteps, patches, features), np.random.rand(4, 1), epochs=1, verbose=0)
