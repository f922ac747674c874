# Fixed twin of expand_dims_outside_lambda_bad.py: the backend op is wrapped in a Lambda layer, as the thread says.
# Source: https://github.com/keras-team/keras/issues/9636
# keras: runs
# Family: lambda-ops
import numpy as np
from tensorflow.keras.backend import expand_dims
from tensorflow.keras.layers import Input, Lambda, LSTM, TimeDistributed, Dense
from tensorflow.keras.models import Model

a = Input(shape=[2,2])
b = Lambda(lambda t: expand_dims(t, -1))(a)
h = TimeDistributed(LSTM(4))(b)  # each row of 2 values read as 2 steps of one value
out = Dense(1)(h)
model = Model(a, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, 2, 2), np.random.rand(4, 2, 1), epochs=1, verbose=0)
