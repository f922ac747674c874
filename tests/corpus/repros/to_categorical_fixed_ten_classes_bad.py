# Repro: sound classes numbered 1 to 22 (from the data folders) are one-hot encoded as y - 1 with num_classes fixed at 10.
# Source: https://github.com/imfing/audio-classification/issues/3
# Reported: y_train = keras.utils.to_categorical(y_train-1, num_classes=10): IndexError: index 21 is out of bounds for axis 1 with size 10
# Fix (the repository's nn.py after the thread): count the classes from the labels, num_classes = np.max(y, axis=0) (made an int for Keras 3), and size the softmax with it.
# keras: raises IndexError
# status: caught
# Family: class-counts
import keras
import numpy as np
from keras.layers import Dense, Dropout
from keras.models import Sequential

X_train = np.random.rand(22, 193)
y_train = np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22])

model = Sequential()
model.add(Dense(512, activation="relu", input_dim=193))
model.add(Dropout(0.5))
model.add(Dense(10, activation="softmax"))
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])

y_train = keras.utils.to_categorical(y_train - 1, num_classes=10)  # expect: SL245
model.fit(X_train, y_train, epochs=1, batch_size=8, verbose=0)
