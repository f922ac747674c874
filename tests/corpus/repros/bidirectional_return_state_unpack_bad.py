# Repro: a Bidirectional LSTM with return_state=True unpacked into three values, as a plain LSTM.
# Source: https://github.com/keras-team/keras/issues/8823
# Reported: TypeError: can't multiply sequence by non-int of type 'list' (Keras 2); Keras 3 returns 5 tensors: too many values to unpack
# Fix: unpack output, forward h and c, backward h and c.
# keras: raises ValueError
# status: caught
# Family: seq2seq-states
import numpy as np
from keras.layers import LSTM, Bidirectional, Dense, Input
from keras.models import Model

num_encoder_tokens, latent_dim = 12, 16
encoder_inputs = Input(shape=(None, num_encoder_tokens))
encoder = Bidirectional(LSTM(latent_dim, return_state=True), merge_mode="mul")
encoder_outputs, state_h, state_c = encoder(encoder_inputs)  # expect: SL232
outputs = Dense(1)(encoder_outputs)
model = Model(encoder_inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, 5, num_encoder_tokens), np.random.rand(4, 1), epochs=1, verbose=0)
