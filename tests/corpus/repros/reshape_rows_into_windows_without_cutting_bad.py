# Repro: a (rows, features) table is reshaped to (rows, 5, features) for an LSTM of 5 steps: the windows would need 5 times the values.
# Source: https://github.com/keras-team/keras/issues/8568
# Reported: X=np.reshape(X, (100000, 5, 30)) on 100000 rows of 30 features: cannot reshape array of size 3000000 into shape (100000,5,30)
# Fix (answer in the thread): sequences of 5 steps every 5 rows: X.reshape((20000, 5, 30)), one label per sequence.
# keras: raises ValueError
# status: caught
# Family: numpy-prep
import numpy as np
from keras.layers import LSTM, Dense
from keras.models import Sequential

X = np.random.rand(20, 30)
y = np.random.randint(0, 2, size=(4,))
X = np.reshape(X, (20, 5, 30))  # expect: SL240

model = Sequential()
model.add(LSTM(16, input_shape=(5, 30)))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(X, y, epochs=1, verbose=0)
