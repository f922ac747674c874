# Repro: a decoder LSTM given the BiLSTM encoder's output sequence as its initial state.
# Source: https://github.com/wanasit/katakana/issues/1
# Reported: ValueError: An `initial_state` was passed that is not compatible with `cell.state_size`. Received `state_spec`=[InputSpec(shape=(None, 50, 128), ndim=3)]; however `cell.state_size` is (128, 128)
# Fix: return_state=True on the encoder and pass the concatenated [h, c] states.
# keras: raises IndexError
# status: caught
# Family: seq2seq-states
import numpy as np
from keras.layers import LSTM, Bidirectional, Dense, Embedding, Input, TimeDistributed
from keras.models import Model

input_length, output_length, input_dict_size, output_dict_size, UNITS = 10, 8, 30, 20, 16
encoder_input = Input(shape=(input_length,))
decoder_input = Input(shape=(output_length,))
encoder = Embedding(input_dict_size, 64, mask_zero=True)(encoder_input)
encoder = Bidirectional(LSTM(UNITS, return_sequences=True))(encoder)
decoder = Embedding(output_dict_size, 64, mask_zero=True)(decoder_input)
decoder = LSTM(UNITS * 2, return_sequences=True)(decoder, initial_state=[encoder])  # expect: SL107
decoder = TimeDistributed(Dense(output_dict_size, activation="softmax"))(decoder)
model = Model(inputs=[encoder_input, decoder_input], outputs=[decoder])
model.compile(optimizer="adam", loss="categorical_crossentropy")
x1 = np.random.randint(1, input_dict_size, size=(4, input_length))
x2 = np.random.randint(1, output_dict_size, size=(4, output_length))
y = np.eye(output_dict_size)[np.random.randint(0, output_dict_size, size=(4, output_length))]
model.fit([x1, x2], y, epochs=1, verbose=0)
