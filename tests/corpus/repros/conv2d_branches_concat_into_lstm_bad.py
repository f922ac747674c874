# Repro: three Conv2D branches on small gray images are concatenated and fed straight to an LSTM: the merged tensor is rank 4.
# Source: https://github.com/keras-team/keras/issues/5032
# Reported: ValueError: Input 0 is incompatible with layer lstm_6: expected ndim=3, found ndim=4
# Fix: reshape the merged feature maps to (steps, features) before the LSTM.
# keras: raises ValueError
# status: caught
# Family: cnn-lstm-video
import numpy as np
from keras.layers import LSTM, Activation, Concatenate, Conv2D, Dense, Dropout, Input, MaxPooling2D
from keras.models import Model


def branch(inp):
    x = Conv2D(40, (3, 3), padding="same")(inp)
    x = Activation("relu")(x)
    x = MaxPooling2D(pool_size=(2, 2))(x)
    return Dropout(0.2)(x)


Izd, Dcha, Frt = Input(shape=(8, 10, 1)), Input(shape=(8, 10, 1)), Input(shape=(8, 10, 1))
merged = Concatenate(axis=1)([branch(Izd), branch(Dcha), branch(Frt)])
x = LSTM(24)(merged)  # expect: SL101
out = Dense(1)(x)
model = Model([Izd, Dcha, Frt], out)
model.compile(loss="mse", optimizer="adam")
imgs = [np.random.rand(4, 8, 10, 1) for _ in range(3)]
model.fit(imgs, np.random.rand(4, 1), epochs=1, verbose=0)
