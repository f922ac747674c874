# Repro: an LSTM forecaster compiled with Adam(lr=...), which Keras 3 rejects.
# Source: https://github.com/keras-team/keras/issues/19025 (also https://github.com/philipperemy/keras-tcn/issues/284)
# Reported: ValueError: Argument(s) not recognized: {'lr': 0.002}
# Fix: Adam(learning_rate=...).
# keras: raises ValueError
# status: caught
# Family: keras3-api
import keras
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

n_steps, n_features = 3, 1
X = np.random.rand(8, n_steps, n_features)
y = np.random.rand(8, 1)

model = Sequential()
model.add(LSTM(50, activation="relu", input_shape=(n_steps, n_features)))
model.add(Dense(1))
optimizer = keras.optimizers.Adam(lr=1e-5)  # expect: SL217
model.compile(optimizer=optimizer, loss="mse")
model.fit(X, y, epochs=1, validation_split=0.2, verbose=0)
