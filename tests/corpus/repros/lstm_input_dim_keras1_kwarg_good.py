# Fixed twin of lstm_input_dim_keras1_kwarg_bad.py: the window shape is declared with input_shape.
# Source: https://github.com/keras-team/keras/issues/2415
# keras: runs
# Family: keras3-api
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

look_back = 10
trainX = np.random.rand(8, look_back)
trainY = np.random.rand(8)
trainX = np.reshape(trainX, (trainX.shape[0], trainX.shape[1], 1))

model = Sequential()
model.add(LSTM(10, input_shape=(look_back, 1)))
model.add(Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(trainX, trainY, epochs=1, batch_size=4, verbose=0)
