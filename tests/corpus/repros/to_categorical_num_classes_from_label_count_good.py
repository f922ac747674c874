# Fixed twin of to_categorical_num_classes_from_label_count_bad.py: to_categorical counts max + 1 classes and the softmax has as many units.
# Source: https://github.com/keras-team/keras/issues/10135
# keras: runs
# Family: class-counts
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential
from keras.utils import to_categorical

cols = [8, 4, 6, 3, 5, 9, 7, 2]
X = np.random.rand(8, 5, 3)
y = to_categorical(cols)

model = Sequential()
model.add(LSTM(16, input_shape=(5, 3)))
model.add(Dense(max(cols) + 1, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(X, y, epochs=1, verbose=0)
