# Fixed twin of lstm_on_4d_input_bad.py: the 4 x 8 grid of each step is flattened first.
# Source: https://github.com/tensorflow/tensorflow/issues/46794
# keras: runs
# Family: input-data
import numpy as np
from tensorflow.keras.layers import LSTM, Dense, Input, Reshape
from tensorflow.keras.models import Model

inputs_p = Input(shape=(5, 4, 8))
steps = Reshape((5, 4 * 8))(inputs_p)
enc = LSTM(16, activation="tanh", return_state=True, return_sequences=True, name="encoder1_")
encoder_outputs, state_h, state_c = enc(steps)
outputs = Dense(1)(state_h)
model = Model(inputs_p, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, 5, 4, 8), np.random.rand(4, 1), epochs=1, verbose=0)
