# Repro: Keras-1 style fit(..., nb_epoch=) on an LSTM regressor; Keras 3's fit has no such argument.
# Source: https://github.com/keras-team/keras/issues/7124
# Reported (Keras 2 era): keras lstm shape mismatch; under Keras 3 the nb_epoch= argument fails first.
# Fix: epochs=.
# keras: raises TypeError
# status: caught
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
model.fit(data, target, nb_epoch=1, batch_size=1, verbose=0)  # expect: SL218
