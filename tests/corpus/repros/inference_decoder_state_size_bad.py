# Repro: BiLSTM seq2seq; the inference decoder's state inputs have n_units, the decoder LSTM has n_units*2.
# Source: http://pullrequest.ru/12233318/dvunapravlennyi-dekoder-seq2seq-keras (translated Stack Overflow question "Bidirectional decoder seq2seq keras")
# Reported: shape error when running the inference decoder; "the wrong number of hidden units in the inference decoder"
# Fix (the asker's own): decoder_state_input_h/c = Input(shape=(n_units * 2,)).
# keras: raises ValueError
# status: caught
# Family: seq2seq-states
import numpy as np
from keras.layers import LSTM, Bidirectional, Concatenate, Dense, Input
from keras.models import Model

n_units, n_input, n_output = 8, 1, 1
encoder_inputs = Input(shape=(None, n_input))
encoder = Bidirectional(LSTM(n_units, return_state=True))
encoder_outputs, forward_h, forward_c, backward_h, backward_c = encoder(encoder_inputs)
state_h = Concatenate()([forward_h, backward_h])
state_c = Concatenate()([forward_c, backward_c])
decoder_inputs = Input(shape=(None, n_output))
decoder_lstm = LSTM(n_units * 2, return_sequences=True, return_state=True)
decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=[state_h, state_c])
decoder_dense = Dense(n_output, activation="softmax")
model = Model([encoder_inputs, decoder_inputs], decoder_dense(decoder_outputs))

decoder_state_input_h = Input(shape=(n_units,))
decoder_state_input_c = Input(shape=(n_units,))
decoder_states_inputs = [decoder_state_input_h, decoder_state_input_c]
decoder_outputs, state_h, state_c = decoder_lstm(decoder_inputs, initial_state=decoder_states_inputs)  # expect: SL107
decoder_model = Model([decoder_inputs] + decoder_states_inputs, [decoder_dense(decoder_outputs), state_h, state_c])

h = np.zeros((1, n_units))
decoder_model.predict([np.zeros((1, 1, n_output)), h, h], verbose=0)
