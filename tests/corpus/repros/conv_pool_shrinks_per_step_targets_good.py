# Fixed twin of conv_pool_shrinks_per_step_targets_bad.py: the convolution keeps every step.
# Source: https://github.com/keras-team/keras/issues/6571
# keras: runs
# Family: conv1d-window
import numpy as np
from keras.layers import LSTM, Conv1D, Dense, TimeDistributed
from keras.models import Sequential
from keras.utils import to_categorical

dims, timesteps = 16, 40
s = np.random.rand(4, timesteps, dims)
y = to_categorical(np.random.randint(0, 2, size=(4, timesteps)), num_classes=2)

model = Sequential()
model.add(Conv1D(input_shape=(timesteps, dims), filters=8, kernel_size=5, padding="same",
                 activation="relu", strides=1))
model.add(LSTM(8, return_sequences=True))
model.add(TimeDistributed(Dense(2, activation="softmax")))
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(s, y, epochs=1, verbose=0)
