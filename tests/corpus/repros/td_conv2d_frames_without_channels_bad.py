# Repro: TimeDistributed Conv2D on video frames declared as (frames, rows, cols): each frame has no channel axis.
# Source: https://github.com/keras-team/keras/issues/401
# Reported: Exception: Invalid input shape - Layer expects input ndim=5, was provided with input shape (None, 30, 256, 256)
# Fix: declare the frames with their channel axis, input_shape=(frames, rows, cols, 1), and feed rank-5 data.
# keras: raises ValueError
# status: caught
# Family: cnn-lstm-video
import numpy as np
from keras.layers import LSTM, Activation, Conv2D, Dense, Flatten, MaxPooling2D, TimeDistributed
from keras.models import Sequential

frames, rows, cols = 4, 16, 16
X = np.random.rand(4, frames, rows, cols)
y = np.random.randint(0, 2, size=(4, 1))

model = Sequential()
model.add(TimeDistributed(Conv2D(8, (3, 3), padding="same"), input_shape=(frames, rows, cols)))  # expect: SL114
model.add(Activation("relu"))
model.add(TimeDistributed(MaxPooling2D(pool_size=(2, 2))))
model.add(TimeDistributed(Flatten()))
model.add(LSTM(16))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(X, y, epochs=1, verbose=0)
