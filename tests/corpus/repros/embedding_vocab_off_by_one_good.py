# Fixed twin of embedding_vocab_off_by_one_bad.py: one more Embedding row for the largest id.
# Source: https://github.com/hlamba28/Word-Level-Eng-Mar-NMT/issues/3
# keras: runs
# Family: embedding
import numpy as np
from keras.layers import LSTM, Dense, Embedding, Input
from keras.models import Model

num_decoder_tokens, latent_dim, max_len = 30, 16, 6
decoder_input_data = np.random.randint(1, num_decoder_tokens + 1, size=(8, max_len))
decoder_input_data[0, 0] = num_decoder_tokens
decoder_target_data = np.random.randint(0, num_decoder_tokens, size=(8, max_len))

decoder_inputs = Input(shape=(None,))
dec_emb_layer = Embedding(num_decoder_tokens + 1, latent_dim, mask_zero=True)
dec_emb = dec_emb_layer(decoder_inputs)
decoder_outputs = LSTM(latent_dim, return_sequences=True)(dec_emb)
decoder_outputs = Dense(num_decoder_tokens, activation="softmax")(decoder_outputs)
model = Model(decoder_inputs, decoder_outputs)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
model.fit(decoder_input_data, decoder_target_data, batch_size=4, epochs=1, verbose=0)
