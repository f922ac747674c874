# Repro: Conv1D ('valid') and max pooling shorten the sequence; per-step labels keep the full length.
# Source: https://github.com/keras-team/keras/issues/6571
# Reported: the pooled sequence is shorter (4793 steps) than the label sequence (38365 steps): shape error at fit
# Fix: keep the length: padding='same' and no pooling in front of the per-step head.
# keras: raises ValueError
# status: caught
# Family: conv1d-window
import numpy as np
from keras.layers import LSTM, Conv1D, Dense, MaxPooling1D, TimeDistributed
from keras.models import Sequential
from keras.utils import to_categorical

dims, timesteps = 16, 40
s = np.random.rand(4, timesteps, dims)
y = to_categorical(np.random.randint(0, 2, size=(4, timesteps)), num_classes=2)

model = Sequential()
model.add(Conv1D(input_shape=(timesteps, dims), filters=8, kernel_size=5, padding="valid",
                 activation="relu", strides=1))
model.add(MaxPooling1D(pool_size=4))
model.add(LSTM(8, return_sequences=True))
model.add(TimeDistributed(Dense(2, activation="softmax")))
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(s, y, epochs=1, verbose=0)  # expect: SL201
