# Repro: a custom RNN cell adds its update to `states` (a tuple of one tensor): the new state gains an axis.
# Source: https://github.com/tensorflow/tensorflow/issues/40415
# Reported: states: (<tf.Tensor shape=(32, 4)>,) ... new_states: Tensor("Add_2:0", shape=(1, 32, 4)): "it kept adding an axis to that state"
# Fix (the reporter's own): treat the state as a tuple of length one: states[0] + state_update, returned in a list.
# keras: raises ValueError
# status: caught
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
        new_states = tf.math.add(states, state_update)  # expect: SL114
        return state_update, new_states


x = tf.keras.Input(shape=(6, 3))
y = tf.keras.layers.RNN(MyCell(4))(x)
model = tf.keras.Model(x, y)
model.compile(loss="mse", optimizer="sgd")
model.fit(np.random.rand(4, 6, 3), np.random.rand(4, 4), epochs=1, verbose=0)
