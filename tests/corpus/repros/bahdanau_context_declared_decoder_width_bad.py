# Repro: the attention_keras AttentionLayer declares its context vectors with the decoder's width (compute_output_shape uses input_shape[1][2]) but computes them from the encoder states: with a bidirectional encoder (16) and a decoder of 8 units the layers after it are built for the wrong width.
# Source: https://github.com/thushv89/attention_keras/issues/24 (John-8704: Bidirectional LSTMs in place of the GRUs, and the compute_output_shape fix he suggests)
# Reported: errors when Bi-Directional LSTMs replace the GRUs around AttentionLayer([enc_outputs, dec_outputs]); suggested fix: tf.TensorShape((input_shape[1][0], input_shape[1][1], input_shape[0][2])) for the context output
# Fix (the thread's): the context vectors have the encoder's width, input_shape[0][2].
# keras: raises ValueError
# status: caught
# Family: custom-attention
import numpy as np
import tensorflow as tf
from tensorflow.python.keras import backend as K
from tensorflow.keras.layers import LSTM, Bidirectional, Concatenate, Dense, Embedding, Input, TimeDistributed
from tensorflow.keras.models import Model


class AttentionLayer(tf.keras.layers.Layer):
    """
    This class implements Bahdanau attention (https://arxiv.org/pdf/1409.0473.pdf).
    There are three sets of weights introduced W_a, U_a, and V_a
     """

    def __init__(self, **kwargs):
        super(AttentionLayer, self).__init__(**kwargs)

    def build(self, input_shape):
        assert isinstance(input_shape, list)
        # Create a trainable weight variable for this layer.

        self.W_a = self.add_weight(name='W_a',
                                   shape=tf.TensorShape((input_shape[0][2], input_shape[0][2])),
                                   initializer='uniform',
                                   trainable=True)
        self.U_a = self.add_weight(name='U_a',
                                   shape=tf.TensorShape((input_shape[1][2], input_shape[0][2])),
                                   initializer='uniform',
                                   trainable=True)
        self.V_a = self.add_weight(name='V_a',
                                   shape=tf.TensorShape((input_shape[0][2], 1)),
                                   initializer='uniform',
                                   trainable=True)

        super(AttentionLayer, self).build(input_shape)  # Be sure to call this at the end

    def call(self, inputs):
        """
        inputs: [encoder_output_sequence, decoder_output_sequence]
        """
        assert type(inputs) == list
        encoder_out_seq, decoder_out_seq = inputs

        def energy_step(inputs, states):
            """ Step function for computing energy for a single decoder state """
            encoder_full_seq = states[-1]
            W_a_dot_s = K.dot(encoder_full_seq, self.W_a)
            U_a_dot_h = K.expand_dims(K.dot(inputs, self.U_a), 1)  # <= batch_size, 1, latent_dim
            Ws_plus_Uh = K.tanh(W_a_dot_s + U_a_dot_h)
            e_i = K.squeeze(K.dot(Ws_plus_Uh, self.V_a), axis=-1)
            e_i = K.softmax(e_i)
            return e_i, [e_i]

        def context_step(inputs, states):
            """ Step function for computing ci using ei """
            encoder_full_seq = states[-1]
            c_i = K.sum(encoder_full_seq * K.expand_dims(inputs, -1), axis=1)
            return c_i, [c_i]

        fake_state_c = K.sum(encoder_out_seq, axis=1)
        fake_state_e = K.sum(encoder_out_seq, axis=2)  # <= (batch_size, enc_seq_len, latent_dim

        """ Computing energy outputs """
        # e_outputs => (batch_size, de_seq_len, en_seq_len)
        last_out, e_outputs, _ = K.rnn(
            energy_step, decoder_out_seq, [fake_state_e], constants=[encoder_out_seq]
        )

        """ Computing context vectors """
        last_out, c_outputs, _ = K.rnn(
            context_step, e_outputs, [fake_state_c], constants=[encoder_out_seq]
        )

        return c_outputs, e_outputs

    def compute_output_shape(self, input_shape):
        """ Outputs produced by the layer """
        return [
            tf.TensorShape((input_shape[1][0], input_shape[1][1], input_shape[1][2])),  # expect: SL118
            tf.TensorShape((input_shape[1][0], input_shape[1][1], input_shape[0][1]))
        ]


en_timesteps, fr_timesteps, en_vsize, fr_vsize, units = 6, 5, 30, 40, 8
encoder_inputs = Input(shape=(en_timesteps,))
enc_emb = Embedding(en_vsize, 16)(encoder_inputs)
encoder_out = Bidirectional(LSTM(units, return_sequences=True))(enc_emb)  # (batch, 6, 16)
decoder_inputs = Input(shape=(fr_timesteps,))
dec_emb = Embedding(fr_vsize, 16)(decoder_inputs)
decoder_out = LSTM(units, return_sequences=True)(dec_emb)  # (batch, 5, 8)

attn_layer = AttentionLayer(name='attention_layer')
attn_out, attn_states = attn_layer([encoder_out, decoder_out])
decoder_concat_input = Concatenate(axis=-1, name='concat_layer')([decoder_out, attn_out])
dense_time = TimeDistributed(Dense(fr_vsize, activation='softmax'), name='time_distributed_layer')
decoder_pred = dense_time(decoder_concat_input)

full_model = Model(inputs=[encoder_inputs, decoder_inputs], outputs=decoder_pred)
full_model.compile(optimizer='adam', loss='sparse_categorical_crossentropy')
x_en = np.random.randint(1, en_vsize, size=(4, en_timesteps))
x_fr = np.random.randint(1, fr_vsize, size=(4, fr_timesteps))
full_model.fit([x_en, x_fr], np.random.randint(0, fr_vsize, size=(4, fr_timesteps)), epochs=1, verbose=0)
