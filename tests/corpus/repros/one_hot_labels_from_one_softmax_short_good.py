# Fixed twin of one_hot_labels_from_one_softmax_short_bad.py: the classes are numbered from 0 before one-hot encoding.
# Source: https://whosebug.com/question/3634840/Keras-Dense-Layer-Output-Shape-Error
# keras: runs
# Family: class-counts
import numpy as np
from keras.layers import LSTM, Dense, Embedding
from keras.models import Sequential
from keras.utils import to_categorical

X_train = np.random.randint(1, 50, size=(12, 10))
y_train = np.array([1, 2, 3, 3, 1, 2, 2, 3, 1, 1, 3, 2])
y_train = to_categorical(y_train - 1)

model = Sequential()
model.add(Embedding(50, 8))
model.add(LSTM(16))
model.add(Dense(3, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=1, verbose=0)
