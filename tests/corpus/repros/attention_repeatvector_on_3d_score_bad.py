# Repro: 'location' attention score from the expanded last hidden state (B, 1, H) fed to RepeatVector, which takes (B, H).
# Source: https://github.com/uzaymacar/attention-mechanisms/issues/3
# Reported: repeat_vector is incompatible with the layer: expected ndim=2, found ndim=3 (attention_score is (B, 1, H) before RepeatVector)
# Fix (the reporter's proposal): squeeze the step axis, RepeatVector(...)(tf.squeeze(attention_score, axis=1)).
# keras: raises ValueError
# status: caught
# Family: custom-attention
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import LSTM, Activation, Dense, Dot, Input, Layer, RepeatVector
from tensorflow.keras.models import Model


class Attention(Layer):
    def __init__(self, size, **kwargs):
        super(Attention, self).__init__(**kwargs)
        self.size = size

    def build(self, input_shape):
        self.W_a = Dense(units=input_shape[2], use_bias=False)
        self.attention_vector = Dense(self.size, activation="tanh", use_bias=False)
        super(Attention, self).build(input_shape)

    def call(self, inputs):  # (B, S, H)
        target_hidden_state = tf.expand_dims(inputs[:, -1, :], axis=1)  # (B, 1, H)
        weighted_target_state = self.W_a(target_hidden_state)  # (B, 1, H)
        attention_score = Activation("softmax")(weighted_target_state)  # (B, 1, H)
        attention_score = RepeatVector(inputs.shape[1])(attention_score)  # expect: SL101
        attention_score = tf.reduce_sum(attention_score, axis=-1)  # (B, S)
        attention_weights = Activation("softmax")(attention_score)  # (B, S)
        context_vector = Dot(axes=[1, 1])([inputs, attention_weights])  # (B, H)
        return self.attention_vector(context_vector)  # (B, size)


inputs = Input(shape=(12, 4))
encoder = LSTM(16, return_sequences=True)(inputs)
x = Attention(size=8)(encoder)
outputs = Dense(1, activation="sigmoid")(x)
model = Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.random.rand(4, 12, 4), np.random.randint(0, 2, size=(4, 1)), epochs=1, verbose=0)
