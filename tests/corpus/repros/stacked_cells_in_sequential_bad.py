# Repro: StackedRNNCells of LSTMCells put into a Sequential model as if it were a recurrent layer (the report's input_shape= on the cells is a keras.Input here).
# Source: https://github.com/keras-team/keras/issues/9765
# Reported: Cannot initiate Sequential model with StackedRNNCells: TypeError: call() ... (the cells need states; Keras 3 rejects the layer in Sequential)
# Fix: wrap the stacked cells in keras.layers.RNN (one new cell per layer), which loops them over the time steps.
# keras: raises ValueError
# status: caught
# Family: rnn-cell
import numpy as np
from tensorflow import keras

sentence_length, word_dim, class_size = 10, 8, 3
rnn_size = 16
num_layers = 2

fw_cell = keras.layers.LSTMCell(rnn_size, dropout=0.5)
fw_cell = keras.layers.StackedRNNCells([fw_cell] * num_layers, name="fwd")
forward_model = keras.Sequential([keras.Input(shape=(sentence_length, word_dim)), fw_cell])  # expect: SL116
forward_model.add(keras.layers.Dense(class_size, activation="softmax"))
forward_model.compile(optimizer="adam", loss="categorical_crossentropy")
x = np.random.rand(4, sentence_length, word_dim)
y = np.eye(class_size)[np.random.randint(0, class_size, size=4)]
forward_model.fit(x, y, epochs=1, verbose=0)
