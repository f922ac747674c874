# Repro: the cell of the report sets state_size and output_size to None in __init__ and to the input's size in build(); Keras 2.2 read them after building the cell, Keras 3 reads state_size when the RNN is made.
# Source: https://github.com/keras-team/keras/issues/11472
# Reported: the Cell class and the masked RNN(Cell(), return_state=True) of the report, which ran under Keras 2.2 (the report is about its masked outputs); transcribed to Keras 3 imports, the RNN's construction raises ValueError: state_size must be specified as property on the RNN cell.
# Fix: set state_size and output_size in __init__, from a size given to the constructor.
# keras: raises ValueError
# status: caught
# Family: rnn-cell
import keras
import numpy as np
from keras.layers import RNN, Input, Masking


class Cell(keras.layers.Layer):

    def __init__(self):
        self.state_size = None
        self.output_size = None
        super(Cell, self).__init__()

    def build(self, input_shape):
        self.state_size = input_shape[-1]
        self.output_size = input_shape[-1]

    def call(self, inputs, states):
        return inputs, [s + 1 for s in states]


x = Input((3, 1), name="x")
x_masked = Masking()(x)
s_0 = Input((1,), name="s_0")
y, s = RNN(Cell(), return_state=True)(x_masked, initial_state=[s_0])  # expect: SL114
model = keras.Model([x, s_0], [y, s])
model.compile(optimizer="sgd", loss="mse")
model.fit([np.random.rand(2, 3, 1), np.random.rand(2, 1)], [np.random.rand(2, 1), np.random.rand(2, 1)], epochs=1, verbose=0)
