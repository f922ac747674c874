# Repro: decoder token ids run from 1 to num_decoder_tokens; the Embedding has num_decoder_tokens rows.
# Source: https://github.com/hlamba28/Word-Level-Eng-Mar-NMT/issues/3
# Reported: InvalidArgumentError: indices[127,2] = 5388 is not in [0, 5388) [[{{node embedding_1/embedding_lookup}}]]
# Fix (answer in the thread): Embedding(num_decoder_tokens + 1, ...).
# keras: raises InvalidArgumentError
# status: caught
# Family: embedding
import numpy as np
from keras.layers import LSTM, Dense, Embedding, Input
from keras.models import Model

num_decoder_tokens, latent_dim, max_len = 30, 16, 6
decoder_input_data = np.random.randint(1, num_decoder_tokens + 1, size=(8, max_len))
decoder_input_data[0, 0] = num_decoder_tokens
decoder_target_data = np.random.randint(0, num_decoder_tokens, size=(8, max_len))

decoder_inputs = Input(shape=(None,))
dec_emb_layer = Embedding(num_decoder_tokens, latent_dim, mask_zero=True)
dec_emb = dec_emb_layer(decoder_inputs)  # expect: SL210
decoder_outputs = LSTM(latent_dim, return_sequences=True)(dec_emb)
decoder_outputs = Dense(num_decoder_tokens, activation="softmax")(decoder_outputs)
model = Model(decoder_inputs, decoder_outputs)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
model.fit(decoder_input_data, decoder_target_data, batch_size=4, epochs=1, verbose=0)
