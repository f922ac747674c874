# Repro: the keras-self-attention README model (Embedding, BiLSTM, SeqSelfAttention, Dense) trained on one label per sentence: the self-attention returns one vector per step, so Dense gives (batch, 50, 3). SeqSelfAttention is the library's layer with its default additive path inlined (the package is not a dependency).
# Source: https://github.com/CyberZHG/keras-self-attention/issues/46
# Reported: ValueError: Shapes (None, 3) and (None, 50, 3) are incompatible (in the last layer, after adding self-attention as in the README)
# Fix (the thread's): reduce the step axis after the attention, Lambda(lambda x: x[:, 0, :]), before the classifier.
# keras: raises ValueError
# status: caught
# Family: custom-attention
import numpy as np
from tensorflow import keras
from tensorflow.keras import backend as K


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


maxlen = 50
model = keras.models.Sequential()
model.add(keras.Input(shape=(maxlen,)))
model.add(keras.layers.Embedding(input_dim=100, output_dim=16, mask_zero=True))
model.add(keras.layers.Bidirectional(keras.layers.LSTM(units=8, return_sequences=True)))
model.add(SeqSelfAttention(attention_activation='sigmoid'))
model.add(keras.layers.Dense(units=3, activation='softmax'))
model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['categorical_accuracy'])
x = np.random.randint(1, 100, size=(4, maxlen))
y = keras.utils.to_categorical(np.random.randint(0, 3, size=4), 3)
model.fit(x, y, epochs=1, verbose=0)  # expect: SL201
