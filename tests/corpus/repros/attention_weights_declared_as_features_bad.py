# Repro: a custom attention layer returns one weight per step, (batch, 100), but its compute_output_shape declares the context vector's (batch, 256); the Lambda that tiles the weights over 256 features then multiplies (256, 256) by the (100, 256) LSTM output.
# Source: https://github.com/keras-team/keras/issues/6179
# Reported: ValueError: Operands could not be broadcast together with shapes (256, 256) (100, 256) (Lambda(attention_weighted_average)([a, hidden])); "I miscalculated compute_output_shape in my custom attention layer". The report does not show the layer: this one returns the weights and declares input_shape[-1], the miscalculation the reporter names.
# Fix: compute_output_shape declares what call returns, one weight per step: (input_shape[0], input_shape[1]).
# keras: raises NotImplementedError
# status: caught
# Family: custom-attention
import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras.layers import LSTM, Dense, Input, Lambda, Layer, Multiply
from tensorflow.keras.models import Model


class Attention(Layer):
    def build(self, input_shape):
        self.W = self.add_weight(shape=(input_shape[-1], 1), initializer="glorot_uniform", name="W")
        super(Attention, self).build(input_shape)

    def call(self, x):
        return K.softmax(K.squeeze(K.dot(x, self.W), -1))

    def compute_output_shape(self, input_shape):
        return (input_shape[0], input_shape[-1])  # expect: SL118


def attention_weighted_average(inputs):
    a = inputs[0]
    hidden = inputs[1]
    tiled_a = K.tile(K.expand_dims(a, axis=-1), (1, 1, 256))
    return K.sum(Multiply()([tiled_a, hidden]), axis=1)


seq = Input(shape=(100, 8))
hidden = LSTM(256, return_sequences=True)(seq)  # shape=(?, 100, 256)
a = Attention()(hidden)  # shape=(?, 100)
averaged = Lambda(attention_weighted_average)([a, hidden])
out = Dense(1, activation="sigmoid")(averaged)
model = Model(seq, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.random.rand(4, 100, 8), np.random.randint(0, 2, size=(4, 1)), epochs=1, verbose=0)
