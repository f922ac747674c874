# Repro: the cell of the report with state_size and output_size set in __init__, from a size given to the constructor.
# Source: https://github.com/keras-team/keras/issues/11472
# keras: runs
# status: caught
# Family: rnn-cell
import keras
import numpy as np
from keras.layers import RNN, Input, Masking


class Cell(keras.layers.Layer):

    def __init__(self, size):
        super(Cell, self).__init__()
        self.state_size = size
        self.output_size = size

    def call(self, inputs, states):
        return inputs, [s + 1 for s in states]


x = Input((3, 1), name="x")
x_masked = Masking()(x)
s_0 = Input((1,), name="s_0")
y, s = RNN(Cell(1), return_state=True)(x_masked, initial_state=[s_0])
model = keras.Model([x, s_0], [y, s])
model.compile(optimizer="sgd", loss="mse")
model.fit([np.random.rand(2, 3, 1), np.random.rand(2, 1)], [np.random.rand(2, 1), np.random.rand(2, 1)], epochs=1, verbose=0)
