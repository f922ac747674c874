# Repro: a TF1 MultiRNNCell step ported as keras.layers.RNN(cells) and called on one step (batch, 128) with a flat (batch, 512) state.
# Source: https://github.com/tensorflow/tensorflow/issues/28216
# Reported: an error "related to shapes of x and state" after replacing tf.contrib.rnn.MultiRNNCell with tf.keras.layers.RNN(cells)
# Fix: one step of stacked cells is StackedRNNCells(cells)(x, states), with one [h, c] pair per LSTMCell.
# keras: raises InvalidArgumentError
# status: caught
# Family: rnn-cell
import tensorflow as tf
num_layers = 2
num_units = 128
x = tf.random.normal((3, 128))
state = tf.zeros((3, 512))
cells = [tf.keras.layers.LSTMCell(num_units) for _ in range(num_layers)]
rnn = tf.keras.layers.RNN(cells)
x, state = rnn(x, state)  # expect: SL114
