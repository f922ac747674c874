# Fixed twin of lstm_output_dim_keras1_kwargs_bad.py: Keras 2/3 arguments.
# Source: https://github.com/keras-team/keras/issues/7587
# keras: runs
# Family: keras3-api
import keras
import numpy as np
from keras.layers import Dense, Dropout
from keras.models import Sequential

lengthvector = 10
x_train = np.random.rand(8, 30, lengthvector)
y_train = np.random.randint(0, 2, size=(8, lengthvector))

model = Sequential()
model.add(keras.layers.LSTM(20, input_shape=(30, lengthvector), return_sequences=True))
model.add(Dropout(0.2))
model.add(keras.layers.LSTM(20, return_sequences=False))
model.add(Dropout(0.2))
model.add(Dense(lengthvector, activation="sigmoid"))
model.compile(loss="mse", optimizer="rmsprop", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, verbose=0)
