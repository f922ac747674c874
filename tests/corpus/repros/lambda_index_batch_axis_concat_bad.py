# Repro: Lambda(lambda x: x[0]) meant to pick feature 0 picks a sample; the embedded feature keeps a step axis that the other input lacks.
# Source: https://github.com/keras-team/keras/issues/10067
# Reported: ValueError: `Concatenate` layer requires inputs with matching shapes except for the concat axis. Got inputs shapes: [(None, 1, 10), (None, 1)]
# Fix: slice the feature axis (x[:, 0:1], x[:, 2:3]) and flatten the embedded feature before the concatenation.
# keras: raises ValueError
# status: caught
# Family: lambda-ops
import numpy as np
from keras.layers import Dense, Embedding, Input, Lambda, concatenate
from keras.models import Model

inp = Input(shape=(4,))
e_x = Lambda(lambda x: x[0], output_shape=(1,))(inp)
e_x = Embedding(100, 10)(e_x)
d1 = Dense(10)(e_x)
l1 = Lambda(lambda x: x[2], output_shape=(1,))(inp)
all_concats = concatenate([d1, l1], axis=-1)  # expect: SL104
out = Dense(1)(all_concats)

model = Model(inp, out)
model.compile(optimizer="adam", loss="mse")
x = np.random.randint(0, 100, size=(8, 4)).astype("float32")
model.fit(x, np.random.rand(8, 1), epochs=1, verbose=0)
