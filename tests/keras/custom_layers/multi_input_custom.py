"""A custom layer called on a list of two tensors."""

import keras
from keras import layers


class Bilinear(layers.Layer):
    def build(self, input_shape):
        left, right = input_shape
        self.w = self.add_weight(shape=(left[-1], right[-1]))

    def call(self, inputs):
        a, b = inputs
        projected = keras.ops.matmul(a, self.w)
        return keras.ops.sum(projected * b, axis=-1, keepdims=True)


query = keras.Input(shape=(7,))
key = keras.Input(shape=(5,))
score = Bilinear()([query, key])
model = keras.Model([query, key], score)
