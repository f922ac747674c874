# Repro: an LSTMCell unrolled by hand over the steps, its zero states made by a Lambda declared output_shape=(None, units): Keras 3 takes the declared (batch, None, 55) for the states, and the cell's gates then meet a rank-3 state.
# Source: https://github.com/keras-team/keras/issues/9351 (farizrahman4u's answer for getting the cell states of every step, and brain1995's "it doesn't work")
# Reported: output_t, (h, c) = cell(input_t, (h, c)) fails (TypeError: __call__() takes 2 positional arguments in Keras 2.1); under Keras 3 the cell call fails on the declared state shape: Dimensions must be equal, but are 220 and 55 ... input shapes: [?,?,220], [?,?,55]
# Fix: the Lambda returns (batch, units), so output_shape=(units,) (the batch axis is not part of output_shape).
# keras: raises ValueError
# status: caught
# Note: the marker sits on the cell call (it was on the Lambda): Keras raises there, when the model is built, as the LSTMCell meets the rank-3 state the Lambda declares; seqlint also warns (SL113) at the Lambda calls that output_shape declares (None, None, 55) for the (None, 55) its function returns.
# Family: rnn-cell
import numpy as np
from tensorflow.keras import backend as K
from tensorflow.keras.layers import Dense, Input, Lambda, LSTMCell
from tensorflow.keras.models import Model

maxlen = 10
input_dim = 10
units = 55

inputs = Input((maxlen, input_dim))

cell = LSTMCell(units)

states = [] # list of (h, c) tuples
outputs = []

def get_zeros(x, units):
    z = K.zeros_like(x[:,0, :1])
    z = K.tile(z, [1, units])
    return z

zeros_layer = Lambda(get_zeros, arguments={'units': units}, output_shape=(None, units))
h = zeros_layer(inputs)
c = zeros_layer(inputs)

for t in range(maxlen):
    input_t = inputs[:, t, :]
    states.append((h, c))
    output_t, (h, c) = cell(input_t, (h, c))  # expect: SL107
    outputs.append(output_t)

model = Model(inputs, Dense(1)(output_t))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, maxlen, input_dim), np.random.rand(4, 1), epochs=1, verbose=0)
