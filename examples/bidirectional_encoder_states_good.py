"""Seq2seq with a bidirectional encoder: forward and backward states are joined for a 2x decoder."""
import keras
import numpy as np
from keras import layers

src_len, tgt_len, src_vocab, tgt_vocab, units = 8, 6, 50, 40, 32

rng = np.random.default_rng(0)
src = rng.integers(1, src_vocab, size=(16, src_len))
tgt_in = rng.integers(1, tgt_vocab, size=(16, tgt_len))
tgt_out = rng.integers(1, tgt_vocab, size=(16, tgt_len))

encoder_inputs = keras.Input(shape=(src_len,))
enc = layers.Embedding(src_vocab, 16)(encoder_inputs)
encoder = layers.Bidirectional(layers.LSTM(units, return_state=True))
_, fwd_h, fwd_c, bwd_h, bwd_c = encoder(enc)
state_h = layers.Concatenate()([fwd_h, bwd_h])
state_c = layers.Concatenate()([fwd_c, bwd_c])

decoder_inputs = keras.Input(shape=(tgt_len,))
dec = layers.Embedding(tgt_vocab, 16)(decoder_inputs)
dec = layers.LSTM(2 * units, return_sequences=True)(dec, initial_state=[state_h, state_c])
outputs = layers.Dense(tgt_vocab, activation="softmax")(dec)
model = keras.Model([encoder_inputs, decoder_inputs], outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit([src, tgt_in], tgt_out, epochs=1, batch_size=8, verbose=0)
