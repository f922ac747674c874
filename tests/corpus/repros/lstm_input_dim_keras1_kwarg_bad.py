# Repro: LSTM(10, input_dim=look_back), a Keras 1 argument that Keras 3 no longer accepts.
# Source: https://github.com/keras-team/keras/issues/2415 (comment by parunach)
# Reported (Keras 1): Input 0 is incompatible with layer dense_1. Keras 3 takes input_dim=10 as input_shape=(10,): no time axis.
# Fix: input_shape=(look_back, 1) for windows of shape (samples, look_back, 1).
# keras: raises ValueError
# status: caught
# Family: keras3-api
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

look_back = 10
trainX = np.random.rand(8, look_back)
trainY = np.random.rand(8)
trainX = np.reshape(trainX, (trainX.shape[0], trainX.shape[1], 1))

model = Sequential()
model.add(LSTM(10, input_dim=look_back))  # expect: SL102
model.add(Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(trainX, trainY, epochs=1, batch_size=4, verbose=0)
