# Repro: Flatten over a sequence of unknown length (Input shape (None, 4)) feeding a Dense layer.
# Source: https://github.com/alexissa32/DataScienceMusic/issues/1 (also https://github.com/OverLordGoldDragon/see-rnn/issues/53)
# Reported: ValueError: The last dimension of the inputs to `Dense` should be defined. Found `None`.
# Fix: a fixed number of steps, Input(shape=(240, 4)) (or global pooling instead of Flatten).
# keras: raises ValueError
# status: caught
# Family: input-data
import numpy as np
from keras.layers import LSTM, Dense, Flatten, Input
from keras.models import Model

ipt = Input(shape=(None, 4))
x = LSTM(60, activation="tanh", return_sequences=True)(ipt)
x = Flatten()(x)
out = Dense(1, activation="sigmoid")(x)  # expect: SL110
model = Model(ipt, out)
model.compile("adam", loss="binary_crossentropy")
X = np.random.rand(10, 240, 4)
Y = np.random.randint(0, 2, (10, 1))
model.train_on_batch(X, Y)
