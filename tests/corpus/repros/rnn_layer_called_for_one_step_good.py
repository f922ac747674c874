# Fixed twin of rnn_layer_called_for_one_step_bad.py: one step of StackedRNNCells with an [h, c] state per cell.
# Source: https://github.com/tensorflow/tensorflow/issues/28216
# keras: runs
# Family: rnn-cell
import tensorflow as tf
num_layers = 2
num_units = 128
x = tf.random.normal((3, 128))
state = [[tf.zeros((3, num_units)), tf.zeros((3, num_units))] for _ in range(num_layers)]
rnn = tf.keras.layers.StackedRNNCells([tf.keras.layers.LSTMCell(num_units) for _ in range(num_layers)])
x, state = rnn(x, state)
print(x.shape, len(state))
