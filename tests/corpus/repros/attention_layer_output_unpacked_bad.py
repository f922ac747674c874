# Repro: a seq2seq summarizer unpacks keras.layers.Attention's single output into (attn_out, attn_states).
# Source: https://github.com/keras-team/keras-io/issues/187
# Reported: TypeError: Cannot iterate over a tensor with unknown first dimension.
# Fix: Attention returns the scores only with return_attention_scores=True; the decoder output is the query.
# keras: raises NotImplementedError
# status: caught
# Family: custom-attention
import numpy as np
import tensorflow as tf

latent_dim = 16
embedding_dim = 8
x_voc, y_voc = 30, 25

encoder_inputs = tf.keras.Input(shape=(None,), dtype="int32")
enc_emb = tf.keras.layers.Embedding(x_voc, embedding_dim, trainable=True)(encoder_inputs)
encoder_lstm = tf.keras.layers.LSTM(latent_dim, return_sequences=True, return_state=True)
encoder_output, state_h, state_c = encoder_lstm(enc_emb)

decoder_inputs = tf.keras.Input(shape=(None,), dtype="int32")
dec_emb_layer = tf.keras.layers.Embedding(y_voc, embedding_dim, trainable=True)
dec_emb = dec_emb_layer(decoder_inputs)
decoder_lstm = tf.keras.layers.LSTM(latent_dim, return_sequences=True, return_state=True)
decoder_output, decoder_fwd_state, decoder_back_state = decoder_lstm(dec_emb, initial_state=[state_h, state_c])

attn_out, attn_states = tf.keras.layers.Attention()([encoder_output, decoder_output])  # expect: SL232
decoder_concat_input = tf.keras.layers.Concatenate(axis=-1)([decoder_output, attn_out])
decoder_dense = tf.keras.layers.TimeDistributed(tf.keras.layers.Dense(y_voc, activation="softmax"))
decoder_outputs = decoder_dense(decoder_concat_input)

model = tf.keras.Model([encoder_inputs, decoder_inputs], decoder_outputs)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy")
x_tr = np.random.randint(1, x_voc, size=(4, 10))
y_tr = np.random.randint(1, y_voc, size=(4, 6))
model.fit([x_tr, y_tr[:, :-1]], y_tr[:, 1:], epochs=1, batch_size=2, verbose=0)
