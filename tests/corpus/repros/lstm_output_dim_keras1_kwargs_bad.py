# Repro: Keras 1 layer arguments (input_dim=, output_dim=) on LSTM and Dense.
# Source: https://github.com/keras-team/keras/issues/7587
# Reported (Keras 2): Error when checking target; under Keras 3 the LSTM constructor fails: units is required.
# Fix: units as the first argument and input_shape=(timesteps, features).
# keras: raises TypeError
# status: caught
# Family: keras3-api
import keras
import numpy as np
from keras.layers import Dense, Dropout
from keras.models import Sequential

lengthvector = 10
x_train = np.random.rand(8, 30, lengthvector)
y_train = np.random.randint(0, 2, size=(8, lengthvector))

model = Sequential()
model.add(keras.layers.LSTM(input_dim=lengthvector, output_dim=20, return_sequences=True))  # expect: SL117
model.add(Dropout(0.2))
model.add(keras.layers.LSTM(20, return_sequences=False))
model.add(Dropout(0.2))
model.add(Dense(lengthvector, activation="sigmoid"))
model.compile(loss="mse", optimizer="rmsprop", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=1, verbose=0)
