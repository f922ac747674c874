# Fixed twin of stacked_cells_in_sequential_bad.py: the stacked cells run inside keras.layers.RNN.
# Source: https://github.com/keras-team/keras/issues/9765
# keras: runs
# Family: rnn-cell
import numpy as np
from tensorflow import keras

sentence_length, word_dim, class_size = 10, 8, 3
rnn_size = 16
num_layers = 2

fw_cell = keras.layers.StackedRNNCells([keras.layers.LSTMCell(rnn_size, dropout=0.5) for _ in range(num_layers)], name="fwd")
forward_model = keras.Sequential([keras.Input(shape=(sentence_length, word_dim)), keras.layers.RNN(fw_cell)])
forward_model.add(keras.layers.Dense(class_size, activation="softmax"))
forward_model.compile(optimizer="adam", loss="categorical_crossentropy")
x = np.random.rand(4, sentence_length, word_dim)
y = np.eye(class_size)[np.random.randint(0, class_size, size=4)]
forward_model.fit(x, y, epochs=1, verbose=0)
