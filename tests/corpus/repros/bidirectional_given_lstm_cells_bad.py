# Repro: a tagger ported from tf.nn.bidirectional_dynamic_rnn hands two LSTMCells to keras.layers.Bidirectional(cell_fw=..., cell_bw=..., inputs=...); Bidirectional wraps one recurrent layer and takes no cells.
# Source: https://github.com/tensorflow/tensorflow/issues/43771
# Reported: __init__() missing 1 required positional argument: 'layer' (states, final_state = tf.keras.layers.Bidirectional(cell_fw = lstm_cell_fw, cell_bw = lstm_cell_bw, inputs = embedding_lookup_for_x, ...) in an Estimator model_fn, TF 2.2). Keras 3 rewrite: the model_fn's tf.Variable embedding lookup is an Embedding layer in a functional model.
# Fix: wrap each cell in an RNN layer and give Bidirectional the forward layer (and the backward one as backward_layer): Bidirectional(RNN(lstm_cell_fw, return_sequences=True), backward_layer=RNN(lstm_cell_bw, return_sequences=True, go_backwards=True)).
# keras: raises TypeError
# status: caught
# Family: rnn-cell
import numpy as np
import tensorflow as tf

params = {'max_words': 50, 'dim': 16, 'lstm_size': 8, 'num_tags': 5, 'max_len': 10}

words = tf.keras.Input(shape=(params['max_len'],), dtype='int32')
embedding_lookup_for_x = tf.keras.layers.Embedding(params['max_words'], params['dim'])(words)

# LSTM
lstm_cell_fw = tf.keras.layers.LSTMCell(params['lstm_size'])
lstm_cell_bw = tf.keras.layers.LSTMCell(params['lstm_size'])
states, final_state = tf.keras.layers.Bidirectional(  # expect: SL117
                                    cell_fw = lstm_cell_fw,
                                    cell_bw = lstm_cell_bw,
                                    inputs = embedding_lookup_for_x,
                                    dtype = tf.float32)
logits = tf.keras.layers.Dense(params['num_tags'], activation='softmax')(states)
model = tf.keras.Model(words, logits)
model.compile(optimizer='adam', loss='sparse_categorical_crossentropy')
model.fit(np.random.randint(1, params['max_words'], size=(4, params['max_len'])),
          np.random.randint(0, params['num_tags'], size=(4, params['max_len'])), epochs=1, verbose=0)
