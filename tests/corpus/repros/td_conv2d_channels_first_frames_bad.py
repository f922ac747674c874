# Repro: video frames laid out channels-first (3, 32, 32) under TimeDistributed(Conv2D) with the default channels_last: the 4x4 kernel slides over the 3-row "height".
# Source: https://github.com/keras-team/keras/issues/2649
# Reported: error at model.add(TimeDistributed(Convolution2D(8, 4, 4, border_mode='valid'), input_shape=(2710,3,32,32)))
# Fix: put the channels last in each frame, input_shape=(frames, 32, 32, 3).
# keras: raises ValueError
# status: caught
# Family: cnn-lstm-video
import numpy as np
from keras.layers import GRU, Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D, TimeDistributed
from keras.models import Sequential

frames = 5
X = np.random.rand(2, frames, 3, 32, 32)

model = Sequential()
model.add(TimeDistributed(Conv2D(8, (4, 4), padding="valid"), input_shape=(frames, 3, 32, 32)))  # expect: SL114
model.add(TimeDistributed(MaxPooling2D(pool_size=(2, 2), padding="valid")))
model.add(Activation("relu"))
model.add(TimeDistributed(Flatten()))
model.add(GRU(16, return_sequences=True))
model.add(GRU(8, return_sequences=False))
model.add(Dropout(0.2))
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
model.fit(X, np.random.rand(2, 1), epochs=1, verbose=0)
