# Fixed twin of bidirectional_return_state_unpack_bad.py: five values, states per direction.
# Source: https://github.com/keras-team/keras/issues/8823
# keras: runs
# Family: seq2seq-states
import numpy as np
from keras.layers import LSTM, Bidirectional, Dense, Input
from keras.models import Model

num_encoder_tokens, latent_dim = 12, 16
encoder_inputs = Input(shape=(None, num_encoder_tokens))
encoder = Bidirectional(LSTM(latent_dim, return_state=True), merge_mode="mul")
encoder_outputs, forward_h, forward_c, backward_h, backward_c = encoder(encoder_inputs)
outputs = Dense(1)(encoder_outputs)
model = Model(encoder_inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, 5, num_encoder_tokens), np.random.rand(4, 1), epochs=1, verbose=0)
