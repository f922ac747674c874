# Fixed twin of lambda_index_batch_axis_concat_bad.py: feature slices x[:, 0:1] and x[:, 2:3]; the embedding is flattened.
# Source: https://github.com/keras-team/keras/issues/10067
# keras: runs
# Family: lambda-ops
import numpy as np
from keras.layers import Dense, Embedding, Flatten, Input, Lambda, concatenate
from keras.models import Model

inp = Input(shape=(4,))
e_x = Lambda(lambda x: x[:, 0:1], output_shape=(1,))(inp)
e_x = Embedding(100, 10)(e_x)
d1 = Flatten()(Dense(10)(e_x))
l1 = Lambda(lambda x: x[:, 2:3], output_shape=(1,))(inp)
all_concats = concatenate([d1, l1], axis=-1)
out = Dense(1)(all_concats)

model = Model(inp, out)
model.compile(optimizer="adam", loss="mse")
x = np.random.randint(0, 100, size=(8, 4)).astype("float32")
model.fit(x, np.random.rand(8, 1), epochs=1, verbose=0)
