# Repro: keras-self-attention's SeqSelfAttention put after an LSTM that returns only its last state, as an IMDB classifier: the layer reads the feature size from input_shape[2] of a (batch, 100) tensor.
# Source: https://github.com/CyberZHG/keras-self-attention/issues/24
# Reported: "tuple index out of range" when using self attention layer: feature_dim = int(input_shape[2]) IndexError: tuple index out of range in _build_additive_attention (att_lstm = SelfAttention(units=100, attention_activation="sigmoid")(lstm) after lstm = LSTM(100)(embedding_review)). SeqSelfAttention is the library's layer with its default additive path inlined (the package is not a dependency).
# Fix (the thread's): return_sequences=True on the LSTM, so the attention gets the steps; the per-step output is then flattened for the one-label Dense.
# keras: raises IndexError
# status: caught
# Family: custom-attention
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K
from tensorflow.keras.layers import LSTM, Dense, Embedding, Input
from tensorflow.keras.models import Model


class SeqSelfAttention(keras.layers.Layer):
    def __init__(self, units=32, attention_activation=None, **kwargs):
        super(SeqSelfAttention, self).__init__(**kwargs)
        self.supports_masking = True
        self.units = units
        self.attention_activation = keras.activations.get(attention_activation)

    def build(self, input_shape):
        feature_dim = int(input_shape[2])
        self.Wt = self.add_weight(shape=(feature_dim, self.units), name='{}_Add_Wt'.format(self.name), initializer='glorot_normal')
        self.Wx = self.add_weight(shape=(feature_dim, self.units), name='{}_Add_Wx'.format(self.name), initializer='glorot_normal')
        self.bh = self.add_weight(shape=(self.units,), name='{}_Add_bh'.format(self.name), initializer='zeros')
        self.Wa = self.add_weight(shape=(self.units, 1), name='{}_Add_Wa'.format(self.name), initializer='glorot_normal')
        self.ba = self.add_weight(shape=(1,), name='{}_Add_ba'.format(self.name), initializer='zeros')
        super(SeqSelfAttention, self).build(input_shape)

    def call(self, inputs, mask=None, **kwargs):
        input_shape = K.shape(inputs)
        batch_size, input_len = input_shape[0], input_shape[1]
        q = K.expand_dims(K.dot(inputs, self.Wt), 2)
        k = K.expand_dims(K.dot(inputs, self.Wx), 1)
        h = K.tanh(q + k + self.bh)
        e = K.reshape(K.dot(h, self.Wa) + self.ba, (batch_size, input_len, input_len))
        if self.attention_activation is not None:
            e = self.attention_activation(e)
        if mask is not None:
            mask = K.expand_dims(K.cast(mask, K.floatx()), axis=-1)
            e -= 10000.0 * ((1.0 - mask) * (1.0 - K.permute_dimensions(mask, (0, 2, 1))))
        e = K.exp(e - K.max(e, axis=-1, keepdims=True))
        a = e / K.sum(e, axis=-1, keepdims=True)
        return K.batch_dot(a, inputs)

    def compute_output_shape(self, input_shape):
        return input_shape

    def compute_mask(self, inputs, mask=None):
        return mask


MAX_WORDS = 100
EMBEDDING_DIM = 16
MAX_WORDS_PER_REVIEW = 12

review_input = Input(shape=(MAX_WORDS_PER_REVIEW,), dtype='int32')
embedding_layer = Embedding(MAX_WORDS, EMBEDDING_DIM)
embedding_review = embedding_layer(review_input)
lstm = LSTM(100)(embedding_review)
att_lstm = SeqSelfAttention(units=100, attention_activation="sigmoid")(lstm)  # expect: SL101
preds = Dense(1, activation='sigmoid')(att_lstm)

model = Model(review_input, preds)
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
model.fit(np.random.randint(1, MAX_WORDS, size=(4, MAX_WORDS_PER_REVIEW)), np.random.randint(0, 2, size=(4,)), epochs=1, verbose=0)
