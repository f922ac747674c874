"""Seq2seq translator: a 128-unit encoder's states initialise a 256-unit decoder."""
import keras
import numpy as np
from keras import layers

src_len, tgt_len, src_vocab, tgt_vocab = 8, 6, 50, 40

rng = np.random.default_rng(0)
src = rng.integers(1, src_vocab, size=(16, src_len))
tgt_in = rng.integers(1, tgt_vocab, size=(16, tgt_len))
tgt_out = rng.integers(1, tgt_vocab, size=(16, tgt_len))

encoder_inputs = keras.Input(shape=(src_len,))
enc = layers.Embedding(src_vocab, 32)(encoder_inputs)
_, state_h, state_c = layers.LSTM(128, return_state=True)(enc)

decoder_inputs = keras.Input(shape=(tgt_len,))
dec = layers.Embedding(tgt_vocab, 32)(decoder_inputs)
decoder_lstm = layers.LSTM(256, return_sequences=True, return_state=True)
dec, _, _ = decoder_lstm(dec, initial_state=[state_h, state_c])  # expect: SL107
outputs = layers.Dense(tgt_vocab, activation="softmax")(dec)
model = keras.Model([encoder_inputs, decoder_inputs], outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit([src, tgt_in], tgt_out, epochs=1, batch_size=8, verbose=0)
