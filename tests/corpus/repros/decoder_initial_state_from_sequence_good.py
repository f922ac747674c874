# Fixed twin of decoder_initial_state_from_sequence_bad.py: the encoder's final states start the decoder.
# Source: https://github.com/wanasit/katakana/issues/1
# keras: runs
# Family: seq2seq-states
import numpy as np
from keras.layers import LSTM, Bidirectional, Concatenate, Dense, Embedding, Input, TimeDistributed
from keras.models import Model

input_length, output_length, input_dict_size, output_dict_size, UNITS = 10, 8, 30, 20, 16
encoder_input = Input(shape=(input_length,))
decoder_input = Input(shape=(output_length,))
encoder = Embedding(input_dict_size, 64, mask_zero=True)(encoder_input)
_, fh, fc, bh, bc = Bidirectional(LSTM(UNITS, return_state=True))(encoder)
states = [Concatenate()([fh, bh]), Concatenate()([fc, bc])]
decoder = Embedding(output_dict_size, 64, mask_zero=True)(decoder_input)
decoder = LSTM(UNITS * 2, return_sequences=True)(decoder, initial_state=states)
decoder = TimeDistributed(Dense(output_dict_size, activation="softmax"))(decoder)
model = Model(inputs=[encoder_input, decoder_input], outputs=[decoder])
model.compile(optimizer="adam", loss="categorical_crossentropy")
x1 = np.random.randint(1, input_dict_size, size=(4, input_length))
x2 = np.random.randint(1, output_dict_size, size=(4, output_length))
y = np.eye(output_dict_size)[np.random.randint(0, output_dict_size, size=(4, output_length))]
model.fit([x1, x2], y, epochs=1, verbose=0)
