# Fixed twin of input_shape_from_2d_features_bad.py: the data gets a feature axis first.
# Source: https://github.com/shreyans29/thesemicolon/issues/5
# keras: runs
# Family: input-data
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

x_train = np.random.rand(8, 15)
y_train = np.random.rand(8, 1)
x_train = x_train.reshape((x_train.shape[0], x_train.shape[1], 1))

model = Sequential()
model.add(LSTM(300, input_shape=x_train.shape[1:], return_sequences=True))
model.add(LSTM(300))
model.add(Dense(1))
model.compile(loss="mse", optimizer="rmsprop")
model.fit(x_train, y_train, epochs=1, verbose=0)
