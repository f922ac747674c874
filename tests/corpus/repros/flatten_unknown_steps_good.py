# Fixed twin of flatten_unknown_steps_bad.py: the number of steps is declared.
# Source: https://github.com/alexissa32/DataScienceMusic/issues/1
# keras: runs
# Family: input-data
import numpy as np
from keras.layers import LSTM, Dense, Flatten, Input
from keras.models import Model

ipt = Input(shape=(240, 4))
x = LSTM(60, activation="tanh", return_sequences=True)(ipt)
x = Flatten()(x)
out = Dense(1, activation="sigmoid")(x)
model = Model(ipt, out)
model.compile("adam", loss="binary_crossentropy")
X = np.random.rand(10, 240, 4)
Y = np.random.randint(0, 2, (10, 1))
model.train_on_batch(X, Y)
