# Repro: a ConvLSTM2D stacked on a Conv2D feature map of single images: there is no time axis, the ConvLSTM2D gets rank 4.
# Source: https://github.com/keras-team/keras/issues/8442
# Reported: tried to feed the conv layer output of size [None, 12, 8, 1024] to ConvLSTM2D, but it said the input should have one more dimension (time)
# Fix: feed clips (time, rows, cols, 1) and apply the convolution per frame with TimeDistributed, so the ConvLSTM2D gets (time, rows, cols, filters).
# keras: raises ValueError
# status: caught
# Family: convlstm
import numpy as np
from tensorflow.keras.layers import Conv2D, ConvLSTM2D, Dense, Flatten, Input
from tensorflow.keras.models import Model

img = Input(shape=(24, 16, 1))
x = Conv2D(16, (3, 3), strides=(2, 2), padding="same", activation="relu")(img)
x = ConvLSTM2D(8, (3, 3), padding="same", return_sequences=False)(x)  # expect: SL114
x = Flatten()(x)
out = Dense(7)(x)
model = Model(img, out)
model.compile(optimizer="adam", loss="mse")
model.fit(np.random.rand(2, 24, 16, 1), np.random.rand(2, 7), epochs=1, verbose=0)
