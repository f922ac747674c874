"""The attention layer LSTM tutorials copy, written with keras.ops."""

import keras
import numpy as np
from keras import layers


class Attention(layers.Layer):
    def build(self, input_shape):
        self.W = self.add_weight(name="att_weight", shape=(input_shape[-1], 1))
        self.b = self.add_weight(name="att_bias", shape=(input_shape[1], 1))

    def call(self, x):
        e = keras.ops.tanh(keras.ops.matmul(x, self.W) + self.b)
        a = keras.ops.softmax(e, axis=1)
        return keras.ops.sum(x * a, axis=1)


inputs = keras.Input(shape=(30, 8))
h = layers.LSTM(32, return_sequences=True)(inputs)
att = Attention()(h)
out = layers.Dense(1, activation="sigmoid")(att)
model = keras.Model(inputs, out)
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(np.zeros((4, 30, 8)), np.zeros((4, 1)), epochs=1, verbose=0)
