# Fixed twin of reshape_rows_into_windows_without_cutting_bad.py: every 5 rows make one sequence of 5 steps.
# Source: https://github.com/keras-team/keras/issues/8568
# keras: runs
# Family: numpy-prep
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

X = np.random.rand(20, 30)
y = np.random.randint(0, 2, size=(4,))
X = np.reshape(X, (4, 5, 30))

model = Sequential()
model.add(LSTM(16, input_shape=(5, 30)))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(X, y, epochs=1, verbose=0)
