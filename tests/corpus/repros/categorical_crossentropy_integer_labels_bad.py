# Repro: integer class labels given to categorical_crossentropy behind a 10-way softmax.
# Source: https://github.com/keras-team/keras/issues/3109
# Reported: Error when checking model target: expected activation_2 to have shape (None, 10) but got array with shape (3, 1)
# Fix (answer in the thread): one-hot encode the labels with to_categorical (or use sparse_categorical_crossentropy).
# keras: raises ValueError
# status: caught
# Family: targets-and-losses
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

X_train = np.random.rand(3, 7, 2)
y_train = np.array([2, 3, 7])

model = Sequential()
model.add(LSTM(64, input_shape=(7, 2)))
model.add(Dense(10, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(X_train, y_train, epochs=1, verbose=0)  # expect: SL201
