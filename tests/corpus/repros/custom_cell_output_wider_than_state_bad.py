# Repro: the MinimalRNNCell of the Keras docs, changed to return an output wider than its state, without output_size.
# Source: https://github.com/keras-team/keras/issues/11615
# Reported: _keras_shape mismatch due to difference in dimensions between state and output of custom RNN (the layer's output shape is taken from state_size)
# Fix: declare the output width on the cell: self.output_size = 2 * units.
# keras: raises ValueError
# status: caught
# Note: the marker sits on the RNN call (it was on call()'s return): Keras builds the model taking the RNN's output width from state_size (32) while call() returns 64 features, and raises at fit in the Dense built for 32 (the 64 come from the concatenate in call()).
# Family: rnn-cell
import keras
import numpy as np
from keras.layers import RNN, Dense, Input
from tensorflow.keras import backend as K


class MinimalRNNCell(keras.layers.Layer):

    def __init__(self, units, **kwargs):
        self.units = units
        self.state_size = units
        super(MinimalRNNCell, self).__init__(**kwargs)

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units),
                                      initializer="uniform",
                                      name="kernel")
        self.recurrent_kernel = self.add_weight(
            shape=(self.units, self.units),
            initializer="uniform",
            name="recurrent_kernel")
        self.built = True

    def call(self, inputs, states):
        prev_output = states[0]
        h = K.dot(inputs, self.kernel)
        output = h + K.dot(prev_output, self.recurrent_kernel)
        return K.concatenate([output, prev_output]), [output]


x = Input((None, 5))
y = RNN(MinimalRNNCell(32))(x)  # expect: SL118
out = Dense(1)(y)
model = keras.Model(x, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, 3, 5), np.random.rand(4, 1), epochs=1, verbose=0)
