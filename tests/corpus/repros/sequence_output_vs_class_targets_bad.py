# Repro: LSTM(return_sequences=True) + a per-step softmax for 11 classes, one label per sequence.
# Source: https://github.com/keras-team/keras/issues/1838
# Reported: Wrong number of dimensions: expected 3, got 2 with shape (128, 11)
# Fix (answer in the thread): return_sequences=False, so the model gives one prediction per sequence.
# keras: raises ValueError
# status: caught
# Family: targets-and-losses
import numpy as np
from keras.layers import LSTM, Activation, Dense, Dropout, TimeDistributed
from keras.models import Sequential

X = np.random.rand(4, 39, 40)
y = np.eye(11)[np.random.randint(0, 11, size=4)]

model = Sequential()
model.add(LSTM(128, input_shape=(39, 40), activation="sigmoid", return_sequences=True))
model.add(Dropout(0.2))
model.add(TimeDistributed(Dense(11)))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
model.fit(X, y, epochs=1, verbose=0)  # expect: SL201
