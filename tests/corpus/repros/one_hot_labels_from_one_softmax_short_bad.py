# Repro: classes numbered 1, 2, 3 are one-hot encoded by to_categorical into 4 columns (0 to 3), the LSTM's softmax has 3 units.
# Source: https://whosebug.com/question/3634840/Keras-Dense-Layer-Output-Shape-Error
# Reported: Error when checking target: expected dense_1 to have shape (None, 3) but got array with shape (658118, 4)
# Fix (answer): to_categorical makes classes 0 to max; number the classes from 0 (y - 1) so 3 columns match Dense(3).
# keras: raises ValueError
# status: caught
# Family: class-counts
import numpy as np
from keras.layers import LSTM, Dense, Embedding
from keras.models import Sequential
from keras.utils import to_categorical

X_train = np.random.randint(1, 50, size=(12, 10))
y_train = np.array([1, 2, 3, 3, 1, 2, 2, 3, 1, 1, 3, 2])
y_train = to_categorical(y_train)

model = Sequential()
model.add(Embedding(50, 8))
model.add(LSTM(16))
model.add(Dense(3, activation="softmax"))  # expect: SL202
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=1, verbose=0)
