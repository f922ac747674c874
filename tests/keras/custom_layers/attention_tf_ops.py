"""The same attention layer with TensorFlow ops inside call(), as older tutorials write it."""

import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import LSTM, Dense, Input, Layer
from tensorflow.keras.models import Model


class Attention(Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)

    def build(self, input_shape):
        self.W = self.add_weight(name="att_weight", shape=(input_shape[-1], 1), initializer="normal")
        self.b = self.add_weight(name="att_bias", shape=(input_shape[1], 1), initializer="zeros")
        super().build(input_shape)

    def call(self, x):
        e = tf.tanh(tf.matmul(x, self.W) + self.b)
        a = tf.nn.softmax(e, axis=1)
        return tf.reduce_sum(x * a, axis=1)


inputs = Input(shape=(30, 8))
h = LSTM(32, return_sequences=True)(inputs)
att = Attention()(h)
out = Dense(1, activation="sigmoid")(att)
model = Model(inputs, out)
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(np.zeros((4, 30, 8)), np.zeros((4, 1)), epochs=1, verbose=0)
