# Repro: RNN(LSTMCell, return_state=True) unpacked as `output, state`, like the cell's own call; the layer returns output, h, c.
# Source: https://github.com/tensorflow/tensorflow/issues/37497
# Reported: ValueError: too many values to unpack (expected 2)
# Fix: unpack the output and the cell's two states: rnn_output, h, c = rnn(x, initial_state=s).
# keras: raises ValueError
# status: caught
# Family: rnn-cell
import tensorflow as tf
from tensorflow.keras import layers

cell = layers.LSTMCell(4)
x = tf.random.normal((2, 2, 3))
s = cell.get_initial_state(batch_size=2)  # cell.get_initial_state(x) in the TF 2.1 report
cell_output, state = cell(inputs=x[:, 1], states=s)  # works fine
print(cell_output.shape)
rnn = layers.RNN(cell, return_state=True, return_sequences=True)
rnn_output, state = rnn(x, initial_state=s)  # expect: SL232
print(rnn_output.shape)
