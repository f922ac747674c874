# Repro: one [h, c] pair of (batch, size) states per LSTMCell of the stack.
# Source: https://stackoverflow.com/questions/55765447/structure-of-initial-state-for-stacked-lstm
# keras: runs
# status: caught
# Family: rnn-cell
import keras
import numpy as np

lstm_cell_sizes = [256, 256, 256]
lstm_cells = [keras.layers.LSTMCell(size) for size in lstm_cell_sizes]
state_init = [[keras.Input((size,)), keras.Input((size,))] for size in lstm_cell_sizes]
flat_states = [state for pair in state_init for state in pair]
inputs = keras.Input((5, 4))
outputs = keras.layers.RNN(lstm_cells)(inputs, initial_state=state_init)
model = keras.Model([inputs] + flat_states, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit([np.random.rand(2, 5, 4)] + [np.random.rand(2, 256) for _ in flat_states], np.random.rand(2, 256), epochs=1, verbose=0)
