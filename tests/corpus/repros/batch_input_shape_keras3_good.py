# Fixed twin of batch_input_shape_keras3_bad.py: the fixed batch is declared by an Input.
# Source: https://github.com/keras-team/keras/issues/20106
# keras: runs
# Family: keras3-api
import keras
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

X_train = np.random.rand(4, 1, 7)
y_train = np.random.rand(4, 1)

model = Sequential()
model.add(keras.Input(batch_shape=(1, X_train.shape[1], X_train.shape[2])))
model.add(LSTM(4, stateful=True))
model.add(Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(X_train, y_train, epochs=1, batch_size=1, verbose=0, shuffle=False)
