# Fixed twin of rnn_lstmcell_return_state_two_names_bad.py: the RNN's output and the LSTM cell's two states are unpacked.
# Source: https://github.com/tensorflow/tensorflow/issues/37497
# keras: runs
# Family: rnn-cell
import tensorflow as tf
from tensorflow.keras import layers

cell = layers.LSTMCell(4)
x = tf.random.normal((2, 2, 3))
s = cell.get_initial_state(batch_size=2)  # cell.get_initial_state(x) in the TF 2.1 report
cell_output, state = cell(inputs=x[:, 1], states=s)  # works fine
print(cell_output.shape)
rnn = layers.RNN(cell, return_state=True, return_sequences=True)
rnn_output, h, c = rnn(x, initial_state=s)
print(rnn_output.shape)
