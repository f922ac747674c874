# Repro: word-level English-Marathi NMT: token ids start at 1 (0 is padding) but the decoder Embedding has num_decoder_tokens rows, so the last word's id has no row.
# Source: https://github.com/hlamba28/Word-Level-Eng-Mar-NMT/issues/3
# Reported: InvalidArgumentError: indices[127,2] = 5388 is not in [0, 5388) [[{{node embedding_1/embedding_lookup}}]]
# Fix (mengweetan's comment): add 1 to the token counts of both Embedding layers, Embedding(num_decoder_tokens + 1, ...).
# keras: raises InvalidArgumentError
# status: caught
# Family: text-pipeline
import numpy as np
from keras.layers import LSTM, Dense, Embedding, Input
from keras.models import Model

all_eng_words = ["go", "run", "stop", "wait"]
all_mar_words = ["START_", "_END", "jaa", "dhaav", "thamb", "thaamb"]
num_encoder_tokens, num_decoder_tokens = len(all_eng_words), len(all_mar_words)
input_token_index = dict([(word, i + 1) for i, word in enumerate(all_eng_words)])
target_token_index = dict([(word, i + 1) for i, word in enumerate(all_mar_words)])
latent_dim = 8

pairs = [(["go"], ["START_", "jaa", "_END"]), (["stop"], ["START_", "thaamb", "_END"])]
encoder_input_data = np.array([[input_token_index[w] for w in src] for src, _ in pairs])
decoder_input_data = np.array([[target_token_index[w] for w in tgt[:-1]] for _, tgt in pairs])
decoder_target_data = np.array([[target_token_index[w] for w in tgt[1:]] for _, tgt in pairs])

encoder_inputs = Input(shape=(None,))
enc_emb = Embedding(num_encoder_tokens + 1, latent_dim, mask_zero=True)(encoder_inputs)
encoder_outputs, state_h, state_c = LSTM(latent_dim, return_state=True)(enc_emb)
decoder_inputs = Input(shape=(None,))
dec_emb_layer = Embedding(num_decoder_tokens, latent_dim, mask_zero=True)
dec_emb = dec_emb_layer(decoder_inputs)  # expect: SL210
decoder_outputs, _, _ = LSTM(latent_dim, return_sequences=True, return_state=True)(dec_emb, initial_state=[state_h, state_c])
decoder_outputs = Dense(num_decoder_tokens + 1, activation="softmax")(decoder_outputs)
model = Model([encoder_inputs, decoder_inputs], decoder_outputs)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
model.fit([encoder_input_data, decoder_input_data], decoder_target_data, batch_size=2, epochs=1, verbose=0)
