# Repro: a look-back of 90 steps is asked of a (rows, columns) table by reshaping it to (rows, look_back, columns).
# Source: https://github.com/keras-team/autokeras/issues/1206
# Reported: np.reshape(train_dataset, (train_dataset.shape[0], look_back, train_dataset.shape[1])): ValueError: cannot reshape array of size 446208 into shape (3984,90,112)
# Fix (no answer in the thread): cut overlapping windows of look_back rows (one sample per window), then stack them.
# keras: raises ValueError
# status: caught
# Family: numpy-prep
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

look_back = 6
train_dataset = np.random.rand(40, 4)
train_y = np.random.rand(40, 1)
train_X = np.reshape(train_dataset, (train_dataset.shape[0], look_back, train_dataset.shape[1]))  # expect: SL240

model = Sequential()
model.add(LSTM(8, input_shape=(look_back, train_dataset.shape[1])))
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
model.fit(train_X, train_y, epochs=1, verbose=0)
