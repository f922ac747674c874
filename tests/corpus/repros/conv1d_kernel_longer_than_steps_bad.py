# Repro: 20 features reshaped to (samples, 1, 20): Conv1D(kernel_size=3) slides over a single step.
# Source: https://github.com/keras-team/keras/issues/3915
# Reported: ValueError: negative dimensions are not allowed
# Fix: put the 20 values on the time axis, (samples, 20, 1), and input_shape=(20, 1).
# keras: raises ValueError
# status: caught
# Family: conv1d-window
import numpy as np
from keras.layers import Activation, Conv1D, Dense, Dropout, Flatten, MaxPooling1D
from keras.models import Sequential
from keras.utils import to_categorical

trainX = np.random.rand(8, 20)
y_train = to_categorical(np.random.randint(0, 5, size=8), 5)
X_train = np.reshape(trainX, (trainX.shape[0], 1, trainX.shape[1]))

model = Sequential()
model.add(Conv1D(64, 3, padding="valid", activation="relu", input_shape=(1, 20)))  # expect: SL108
model.add(MaxPooling1D(pool_size=10))
model.add(Flatten())
model.add(Dense(5))
model.add(Dropout(0.2))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X_train, y_train, batch_size=4, epochs=1, verbose=0)
