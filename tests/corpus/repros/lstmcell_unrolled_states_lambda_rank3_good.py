# Fixed twin of lstmcell_unrolled_states_lambda_rank3_bad.py: the zero-state Lambda declares output_shape=(units,), the (batch, units) it returns.
# Source: https://github.com/keras-team/keras/issues/9351 (farizrahman4u's answer for getting the cell states of every step, and brain1995's "it doesn't work")
# keras: runs
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

zeros_layer = Lambda(get_zeros, arguments={'units': units}, output_shape=(units,))
h = zeros_layer(inputs)
c = zeros_layer(inputs)

for t in range(maxlen):
    input_t = inputs[:, t, :]
    states.append((h, c))
    output_t, (h, c) = cell(input_t, (h, c))
    outputs.append(output_t)

model = Model(inputs, Dense(1)(output_t))
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, maxlen, input_dim), np.random.rand(4, 1), epochs=1, verbose=0)
