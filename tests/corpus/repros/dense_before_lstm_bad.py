# Repro: Dense layers on a one-value input placed in front of an LSTM (denoising autoencoder).
# Source: https://techfeed.net/pt/443267/ (translated Stack Overflow question "Add dense layer before LSTM layer in keras")
# Reported: ValueError: Input 0 is incompatible with layer lstm_1: expected ndim=3, found ndim=2
# Fix: declare the sequence input, input_shape=(20, 1): Dense then acts on every step.
# keras: raises ValueError
# status: caught
# Family: input-data
import numpy as np
from keras.layers import LSTM, Dense, Dropout
from keras.models import Sequential

trainX = np.random.rand(8, 20, 1)
trainY = np.random.rand(8, 1)

model = Sequential()
model.add(Dense(5, input_shape=(1,)))  # expect: SL102
model.add(Dense(10))
model.add(LSTM(32))
model.add(Dropout(0.3))
model.add(Dense(5))
model.add(Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(trainX, trainY, epochs=1, batch_size=1, verbose=0)
