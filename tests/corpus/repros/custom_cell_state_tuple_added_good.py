# Fixed twin of custom_cell_state_tuple_added_bad.py: the cell updates states[0] and returns its states as a list.
# Source: https://github.com/tensorflow/tensorflow/issues/40415
# keras: runs
# Family: rnn-cell
import numpy as np
import tensorflow as tf


class MyCell(tf.keras.layers.Layer):  # the report subclasses AbstractRNNCell, which Keras 3 no longer has
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.state_size = units

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), name="kernel")

    def call(self, inputs, states):
        state_update = tf.matmul(inputs, self.kernel)
        new_states = tf.math.add(states[0], state_update)
        return state_update, [new_states]


x = tf.keras.Input(shape=(6, 3))
y = tf.keras.layers.RNN(MyCell(4))(x)
model = tf.keras.Model(x, y)
model.compile(loss="mse", optimizer="sgd")
model.fit(np.random.rand(4, 6, 3), np.random.rand(4, 4), epochs=1, verbose=0)
