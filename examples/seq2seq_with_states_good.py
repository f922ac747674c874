"""Character seq2seq (the classic Keras recipe): encoder states start a decoder of equal size."""
import numpy as np
from tensorflow.keras.layers import LSTM, Dense, Input
from tensorflow.keras.models import Model

num_encoder_tokens, num_decoder_tokens, latent_dim = 12, 10, 32
src_len, tgt_len = 9, 7

rng = np.random.default_rng(0)
encoder_input_data = np.eye(num_encoder_tokens)[rng.integers(0, num_encoder_tokens, (16, src_len))]
decoder_input_data = np.eye(num_decoder_tokens)[rng.integers(0, num_decoder_tokens, (16, tgt_len))]
decoder_target_data = np.roll(decoder_input_data, -1, axis=1)

encoder_inputs = Input(shape=(None, num_encoder_tokens))
encoder = LSTM(latent_dim, return_state=True)
encoder_outputs, state_h, state_c = encoder(encoder_inputs)
encoder_states = [state_h, state_c]

decoder_inputs = Input(shape=(None, num_decoder_tokens))
decoder_lstm = LSTM(latent_dim, return_sequences=True, return_state=True)
decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=encoder_states)
decoder_dense = Dense(num_decoder_tokens, activation="softmax")
decoder_outputs = decoder_dense(decoder_outputs)

model = Model([encoder_inputs, decoder_inputs], decoder_outputs)
model.compile(optimizer="rmsprop", loss="categorical_crossentropy")
model.fit(
    [encoder_input_data, decoder_input_data], decoder_target_data, epochs=1, batch_size=8, verbose=0
)
