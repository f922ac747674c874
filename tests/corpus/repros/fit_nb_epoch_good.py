# Fixed twin of fit_nb_epoch_bad.py: epochs= instead of nb_epoch=.
# Source: https://github.com/keras-team/keras/issues/7124
# keras: runs
# Family: keras3-api
import numpy as np
from keras.layers import LSTM, Activation, Dense
from keras.models import Sequential

data = np.random.rand(1, 10, 11)
target = np.array([20.0]).reshape(1, 1)

model = Sequential()
model.add(LSTM(11, input_shape=(10, 11), unroll=True, return_sequences=False))
model.add(Dense(1))
model.add(Activation("linear"))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(data, target, epochs=1, batch_size=1, verbose=0)
