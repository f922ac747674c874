# Repro: the initial states of an RNN over three stacked LSTMCells made as one placeholder of shape [None] + cell.state_size per cell (the report's tf.placeholder, here keras.Input of shape cell.state_size).
# Source: https://stackoverflow.com/questions/55765447/structure-of-initial-state-for-stacked-lstm
# Reported: ValueError: Could not pack sequence. Structure had 6 elements, but flat_sequence had 3 elements (TF 1.13); under Keras 3 each LSTMCell of the stack gets one (batch, 256, 256) tensor for its [h, c] and raises IndexError: list index out of range.
# Fix: one [h, c] pair of (batch, size) states per LSTMCell.
# keras: raises IndexError
# status: caught
# Family: rnn-cell
import keras
import numpy as np

lstm_cell_sizes = [256, 256, 256]
lstm_cells = [keras.layers.LSTMCell(size) for size in lstm_cell_sizes]
state_init = [keras.Input(shape=cell.state_size) for cell in lstm_cells]
inputs = keras.Input((5, 4))
outputs = keras.layers.RNN(lstm_cells)(inputs, initial_state=state_init)  # expect: SL107
model = keras.Model([inputs] + state_init, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit([np.random.rand(2, 5, 4)] + [np.random.rand(2, 256, 256) for _ in lstm_cells], np.random.rand(2, 256), epochs=1, verbose=0)
