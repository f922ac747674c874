# Fixed twin of categorical_crossentropy_integer_labels_bad.py: the labels are one-hot encoded.
# Source: https://github.com/keras-team/keras/issues/3109
# keras: runs
# Family: targets-and-losses
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential
from keras.utils import to_categorical

X_train = np.random.rand(3, 7, 2)
y_train = np.array([2, 3, 7])
y_train = to_categorical(y_train, 10)

model = Sequential()
model.add(LSTM(64, input_shape=(7, 2)))
model.add(Dense(10, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(X_train, y_train, epochs=1, verbose=0)
