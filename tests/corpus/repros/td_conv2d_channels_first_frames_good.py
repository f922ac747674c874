# Fixed twin of td_conv2d_channels_first_frames_bad.py: each frame is (32, 32, 3), channels last.
# Source: https://github.com/keras-team/keras/issues/2649
# keras: runs
# Family: cnn-lstm-video
import numpy as np
from keras.layers import GRU, Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D, TimeDistributed
from keras.models import Sequential

frames = 5
X = np.random.rand(2, frames, 32, 32, 3)

model = Sequential()
model.add(TimeDistributed(Conv2D(8, (4, 4), padding="valid"), input_shape=(frames, 32, 32, 3)))
model.add(TimeDistributed(MaxPooling2D(pool_size=(2, 2), padding="valid")))
model.add(Activation("relu"))
model.add(TimeDistributed(Flatten()))
model.add(GRU(16, return_sequences=True))
model.add(GRU(8, return_sequences=False))
model.add(Dropout(0.2))
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
model.fit(X, np.random.rand(2, 1), epochs=1, verbose=0)
