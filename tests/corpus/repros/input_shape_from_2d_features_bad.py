# Repro: input_shape taken from 2-D training data (samples, features) for an LSTM.
# Source: https://github.com/shreyans29/thesemicolon/issues/5
# Reported: ValueError: Input 0 is incompatible with layer lstm_1: expected ndim=3, found ndim=2
# Fix: reshape the data to (samples, timesteps, 1) and declare input_shape=(timesteps, 1).
# keras: raises ValueError
# status: caught
# Family: input-data
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

x_train = np.random.rand(8, 15)
y_train = np.random.rand(8, 1)

model = Sequential()
model.add(LSTM(300, input_shape=x_train.shape[1:], return_sequences=True))  # expect: SL102
model.add(LSTM(300))
model.add(Dense(1))
model.compile(loss="mse", optimizer="rmsprop")
model.fit(x_train, y_train, epochs=1, verbose=0)
