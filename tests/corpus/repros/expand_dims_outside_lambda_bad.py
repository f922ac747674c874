# Repro: the backend's expand_dims applied straight to a Keras Input, between layers, instead of inside a Lambda.
# Source: https://github.com/keras-team/keras/issues/9636
# Reported: Keras expand_dims error: no attribute named _keras_history (b = expand_dims(a,-1) on a = Input(shape=[2,2]), Keras 2.1.5 / TF 1.5). Keras 3 rewrite: keras.backend has no expand_dims, so the legacy tf.keras backend function is used; Keras 3 refuses a KerasTensor in it.
# Fix (the thread's): "Use a Lambda layer to wrap this function", Lambda(lambda t: expand_dims(t, -1))(a).
# keras: raises ValueError
# status: caught
# Family: lambda-ops
import numpy as np
from tensorflow.keras.backend import expand_dims
from tensorflow.keras.layers import Input, LSTM, TimeDistributed, Dense
from tensorflow.keras.models import Model

a = Input(shape=[2,2])
b = expand_dims(a,-1)  # expect: SL111
h = TimeDistributed(LSTM(4))(b)  # each row of 2 values read as 2 steps of one value
out = Dense(1)(h)
model = Model(a, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(4, 2, 2), np.random.rand(4, 2, 1), epochs=1, verbose=0)
