# Fixed twin of sequence_output_vs_class_targets_bad.py: one prediction per sequence.
# Source: https://github.com/keras-team/keras/issues/1838
# keras: runs
# Family: targets-and-losses
import numpy as np
from keras.layers import LSTM, Activation, Dense, Dropout
from keras.models import Sequential

X = np.random.rand(4, 39, 40)
y = np.eye(11)[np.random.randint(0, 11, size=4)]

model = Sequential()
model.add(LSTM(128, input_shape=(39, 40), activation="sigmoid", return_sequences=False))
model.add(Dropout(0.2))
model.add(Dense(11))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
model.fit(X, y, epochs=1, verbose=0)
