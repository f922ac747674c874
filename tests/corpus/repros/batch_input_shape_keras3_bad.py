# Repro: a stateful LSTM declared with batch_input_shape=, removed in Keras 3.
# Source: https://github.com/keras-team/keras/issues/20106
# Reported: ValueError: Unrecognized keyword arguments passed to LSTM: {'batch_input_shape': (1, 1, 7)}
# Fix (answer in the thread): declare the batch with keras.Input(batch_shape=(1, steps, features)).
# keras: raises ValueError
# status: caught
# Family: keras3-api
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

X_train = np.random.rand(4, 1, 7)
y_train = np.random.rand(4, 1)

model = Sequential()
model.add(LSTM(4, batch_input_shape=(1, X_train.shape[1], X_train.shape[2]), stateful=True))  # expect: SL215
model.add(Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(X_train, y_train, epochs=1, batch_size=1, verbose=0, shuffle=False)
