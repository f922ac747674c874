# Fixed twin of conv1d_kernel_longer_than_steps_bad.py: the 20 values are the time axis.
# Source: https://github.com/keras-team/keras/issues/3915
# keras: runs
# Family: conv1d-window
import numpy as np
from keras.layers import Activation, Conv1D, Dense, Dropout, Flatten, MaxPooling1D
from keras.models import Sequential
from keras.utils import to_categorical

trainX = np.random.rand(8, 20)
y_train = to_categorical(np.random.randint(0, 5, size=8), 5)
X_train = np.reshape(trainX, (trainX.shape[0], trainX.shape[1], 1))

model = Sequential()
model.add(Conv1D(64, 3, padding="valid", activation="relu", input_shape=(20, 1)))
model.add(MaxPooling1D(pool_size=10))
model.add(Flatten())
model.add(Dense(5))
model.add(Dropout(0.2))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, batch_size=4, epochs=1, verbose=0)
