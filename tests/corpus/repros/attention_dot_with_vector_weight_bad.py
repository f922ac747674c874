# Repro: the widely copied Attention layer makes W a vector, add_weight((features,)), then K.dot(x, self.W) on the 3-D LSTM output.
# Source: https://github.com/keras-team/keras/issues/4962 (OptimusCrime's comment, with baziotis' Attention layer, on the TensorFlow backend)
# Reported: eij = K.tanh(K.dot(x, self.W)) ... y_permute_dim = [y_permute_dim.pop(-2)] + y_permute_dim  IndexError: pop index out of range
# Fix: give K.dot a matrix, K.expand_dims(self.W), and squeeze the score axis: one score per step.
# keras: raises IndexError
# status: caught
# Family: custom-attention
import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras import initializers
from tensorflow.keras.layers import LSTM, Dense, Embedding, Layer
from tensorflow.keras.models import Sequential


class Attention(Layer):
    def __init__(self, bias=True, **kwargs):
        self.supports_masking = True
        self.init = initializers.get("glorot_uniform")
        self.bias = bias
        super(Attention, self).__init__(**kwargs)

    def build(self, input_shape):
        assert len(input_shape) == 3
        self.W = self.add_weight(shape=(input_shape[-1],), initializer=self.init, name="{}_W".format(self.name))
        if self.bias:
            self.b = self.add_weight(shape=(input_shape[1],), initializer="zero", name="{}_b".format(self.name))
        else:
            self.b = None
        self.built = True

    def compute_mask(self, input, input_mask=None):
        return None

    def call(self, x, mask=None):
        eij = K.dot(x, self.W)  # expect: SL111
        if self.bias:
            eij += self.b
        eij = K.tanh(eij)
        a = K.exp(eij)
        if mask is not None:
            a *= K.cast(mask, K.floatx())
        a /= K.cast(K.sum(a, axis=1, keepdims=True) + K.epsilon(), K.floatx())
        a = K.expand_dims(a)
        weighted_input = x * a
        return K.sum(weighted_input, axis=1)

    def compute_output_shape(self, input_shape):
        return input_shape[0], input_shape[-1]


maxlen = 20
model = Sequential()
model.add(Embedding(100, 16))
model.add(LSTM(32, return_sequences=True))
model.add(Attention())
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")
x_train = np.random.randint(1, 100, size=(4, maxlen))
model.fit(x_train, np.random.randint(0, 2, size=(4, 1)), epochs=1, verbose=0)
