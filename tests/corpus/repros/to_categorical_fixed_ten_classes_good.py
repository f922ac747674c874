# Fixed twin of to_categorical_fixed_ten_classes_bad.py: the classes are counted from the labels and the softmax has as many units.
# Source: https://github.com/imfing/audio-classification/issues/3
# keras: runs
# Family: class-counts
import keras
import numpy as np
from keras.layers import Dense, Dropout
from keras.models import Sequential

X_train = np.random.rand(22, 193)
y_train = np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22])
num_classes = int(np.max(y_train, axis=0))  # Keras 3's Dense refuses a numpy integer

model = Sequential()
model.add(Dense(512, activation="relu", input_dim=193))
model.add(Dropout(0.5))
model.add(Dense(num_classes, activation="softmax"))
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])

y_train = keras.utils.to_categorical(y_train - 1, num_classes=num_classes)
model.fit(X_train, y_train, epochs=1, batch_size=8, verbose=0)
