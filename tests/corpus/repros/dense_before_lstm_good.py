# Fixed twin of dense_before_lstm_bad.py: the input is the sequence, Dense acts per step.
# Source: https://techfeed.net/pt/443267/
# keras: runs
# Family: input-data
import numpy as np
from keras.layers import LSTM, Dense, Dropout
from keras.models import Sequential

trainX = np.random.rand(8, 20, 1)
trainY = np.random.rand(8, 1)

model = Sequential()
model.add(Dense(5, input_shape=(20, 1)))
model.add(Dense(10))
model.add(LSTM(32))
model.add(Dropout(0.3))
model.add(Dense(5))
model.add(Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(trainX, trainY, epochs=1, batch_size=1, verbose=0)
