# Repro: text summarizer with keras.layers.Attention()([encoder_outputs, decoder_outputs]): the context has the encoder's length.
# Source: https://github.com/aravindpai/How-to-build-own-text-summarizer-using-deep-learning/issues/13
# Reported: ValueError: Dimension 1 in both shapes must be equal, but are 7 and 30. Shapes are [30,7] and [30,30].
# Fix: the decoder outputs are the query: Attention()([decoder_outputs, encoder_outputs]) gives one context per decoder step.
# keras: raises ValueError
# status: caught
# Family: custom-attention
import numpy as np
from tensorflow.keras.layers import LSTM, Attention, Concatenate, Dense, Embedding, Input, TimeDistributed
from tensorflow.keras.models import Model

max_text_len, latent_dim, x_voc, y_voc = 30, 16, 40, 25

encoder_inputs = Input(shape=(max_text_len,))
enc_emb = Embedding(x_voc, 8, trainable=True)(encoder_inputs)
encoder_lstm = LSTM(latent_dim, return_sequences=True, return_state=True)
encoder_outputs, state_h, state_c = encoder_lstm(enc_emb)

decoder_inputs = Input(shape=(None,))
dec_emb = Embedding(y_voc, 8, trainable=True)(decoder_inputs)
decoder_lstm = LSTM(latent_dim, return_sequences=True, return_state=True)
decoder_outputs, decoder_fwd_state, decoder_back_state = decoder_lstm(dec_emb, initial_state=[state_h, state_c])

attn_out = Attention()([encoder_outputs, decoder_outputs])
decoder_concat_input = Concatenate(axis=-1, name="concat_layer")([decoder_outputs, attn_out])  # expect: SL227
decoder_dense = TimeDistributed(Dense(y_voc, activation="softmax"))
decoder_outputs = decoder_dense(decoder_concat_input)

model = Model([encoder_inputs, decoder_inputs], decoder_outputs)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
x_tr = np.random.randint(1, x_voc, size=(4, max_text_len))
y_tr = np.random.randint(1, y_voc, size=(4, 8))
model.fit([x_tr, y_tr[:, :-1]], y_tr[:, 1:], epochs=1, batch_size=2, verbose=0)
