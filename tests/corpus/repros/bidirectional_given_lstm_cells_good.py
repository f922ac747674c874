# Fixed twin of bidirectional_given_lstm_cells_bad.py: each cell is wrapped in an RNN layer, and Bidirectional gets the forward layer and the backward one.
# Source: https://github.com/tensorflow/tensorflow/issues/43771
# keras: runs
# Family: rnn-cell
import numpy as np
import tensorflow as tf

params = {'max_words': 50, 'dim': 16, 'lstm_size': 8, 'num_tags': 5, 'max_len': 10}

words = tf.keras.Input(shape=(params['max_len'],), dtype='int32')
embedding_lookup_for_x = tf.keras.layers.Embedding(params['max_words'], params['dim'])(words)

# LSTM
lstm_cell_fw = tf.keras.layers.LSTMCell(params['lstm_size'])
lstm_cell_bw = tf.keras.layers.LSTMCell(params['lstm_size'])
states = tf.keras.layers.Bidirectional(
    tf.keras.layers.RNN(lstm_cell_fw, return_sequences=True),
    backward_layer=tf.keras.layers.RNN(lstm_cell_bw, return_sequences=True, go_backwards=True))(embedding_lookup_for_x)
logits = tf.keras.layers.Dense(params['num_tags'], activation='softmax')(states)
model = tf.keras.Model(words, logits)
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy')
model.fit(np.random.randint(1, params['max_words'], size=(4, params['max_len'])),
          np.random.randint(0, params['num_tags'], size=(4, params['max_len'])), epochs=1, verbose=0)
