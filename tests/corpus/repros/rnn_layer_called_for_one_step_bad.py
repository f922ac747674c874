# Repro: a TF1 MultiRNNCell step ported as keras.layers.RNN(cells) and called on one step (batch, 128) with a flat (batch, 512) state.
# Source: https://github.com/tensorflow/tensorflow/issues/28216
# Reported: an error "related to shapes of x and state" after replacing tf.contrib.rnn.MultiRNNCell with tf.keras.layers.RNN(cells)
# Fix: one step of stacked cells is StackedRNNCells(cells)(x, states), with one [h, c] pair per LSTMCell.
# keras: raises InvalidArgumentError
# status: missed: RNN(cells) called eagerly on tf.random.normal / tf.zeros tensors builds no Keras model, and seqlint analyses models only (no model found here); RNN(cells) needs (batch, steps, features), not one (batch, 128) step, and its initial_state one (batch, 128) tensor per cell state, not a flat (batch, 512) one
# Family: rnn-cell
import tensorflow as tf
num_layers = 2
num_units = 128
x = tf.random.normal((3, 128))
state = tf.zeros((3, 512))
cells = [tf.keras.layers.LSTMCell(num_units) for _ in range(num_layers)]
rnn = tf.keras.layers.RNN(cells)
x, state = rnn(x, state)  # expect: SL114
