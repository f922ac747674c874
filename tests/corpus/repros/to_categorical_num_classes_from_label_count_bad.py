# Repro: to_categorical is given the number of distinct labels as num_classes, but the labels run up to 9.
# Source: https://github.com/keras-team/keras/issues/10135
# Reported: to_categorical(cols, num_classes=len(cols)) with cols = [8, 4, 6, 3, 5, 9, 7, 2]: IndexError: index 8 is out of bounds for axis 1 with size 8
# Fix (the reporter's own conclusion): to_categorical counts classes up to the largest label (max + 1, so argmax gives the label back); leave num_classes out and size the softmax for it.
# keras: raises IndexError
# status: caught
# Family: class-counts
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential
from keras.utils import to_categorical

cols = [8, 4, 6, 3, 5, 9, 7, 2]
X = np.random.rand(8, 5, 3)
y = to_categorical(cols, num_classes=len(cols))  # expect: SL245

model = Sequential()
model.add(LSTM(16, input_shape=(5, 3)))
model.add(Dense(len(cols), activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(X, y, epochs=1, verbose=0)
