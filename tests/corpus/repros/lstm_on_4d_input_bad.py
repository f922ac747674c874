# Repro: an encoder LSTM applied to a rank-4 input (batch, 5, 4, features).
# Source: https://github.com/tensorflow/tensorflow/issues/46794
# Reported: ValueError: Input 0 of layer encoder1_ is incompatible with the layer: expected ndim=3, found ndim=4
# Fix (the reporter's own): reshape to (batch, timesteps, features) before the LSTM.
# keras: raises ValueError
# status: caught
# Family: input-data
import numpy as np
from tensorflow.keras.layers import LSTM, Dense, Input
from tensorflow.keras.models import Model

inputs_p = Input(shape=(5, 4, 8))  # expect: SL102
enc = LSTM(16, activation="tanh", return_state=True, return_sequences=True, name="encoder1_")
encoder_outputs, state_h, state_c = enc(inputs_p)
outputs = Dense(1)(state_h)
model = Model(inputs_p, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, 5, 4, 8), np.random.rand(4, 1), epochs=1, verbose=0)
